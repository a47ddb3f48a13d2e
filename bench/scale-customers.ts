// Search at scale: the demo group plus generated stores until the group holds ≈1 M vehicles, on PostgreSQL;
// then search-as-you-type latency for a store advisor (store-scoped) and for group management (all stores).
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/sifang_scale npx tsx bench/scale-customers.ts [--vehicles 1000000]
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { openDatabase, migrateDatabase, dropAll } from '../apps/server/src/kernel/db.js';
import { seedDemo } from '../apps/server/src/demo/seed.js';
import { buildApp, buildPermissionRegistry } from '../apps/server/src/app.js';
import { loadConfig } from '../apps/server/src/config.js';
import { createFieldCipher } from '../apps/server/src/kernel/field-cipher.js';
import { bulkInsert } from '../apps/server/src/kernel/bulk.js';
import { uuidv7 } from '../apps/server/src/kernel/ids.js';
import { store, dealerGroup } from '../apps/server/src/kernel/kernel.schema.js';
import { customer, vehicle } from '../apps/server/src/modules/customers/customers.schema.js';
import { namePinyin } from '../apps/server/src/modules/customers/pinyin.js';
import { createRng } from '../apps/server/src/demo/data/rng.js';
import { demoCustomersAndVehicles } from '../apps/server/src/demo/data/customers.js';
import { demoStores } from '../apps/server/src/demo/data/other.js';
import { makeVin } from '@sifang/shared/validation/vin';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('set DATABASE_URL to an empty PostgreSQL database');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const target = arg('vehicles', 1_000_000);
const perStore = 10_000;
const key = Buffer.alloc(32, 3);
const database = await openDatabase({ url, poolSize: 4, statementTimeoutMs: 600_000 });
await dropAll(database);
await migrateDatabase(database);
let t = performance.now();
await seedDemo(database, buildPermissionRegistry(), { cipher: createFieldCipher(key) });
console.log(`demo seeded in ${Math.round(performance.now() - t)} ms`);

const db = database.db;
const [group] = await db.select().from(dealerGroup);
const base = demoStores[0]!;
const extraStores = Math.ceil(Math.max(0, target - 12_000) / perStore);
t = performance.now();
let vehicles = 12_000;
let customers = 10_000;
let serial = 0;
for (let s = 0; s < extraStores; s++) {
  const code = `X${String(s + 1).padStart(3, '0')}`;
  const [st] = await db
    .insert(store)
    .values({ groupId: group!.id, code, name: `生成门店 ${code}`, shortName: code, plateProvince: '粤', plateLetter: 'A' })
    .returning();
  const data = demoCustomersAndVehicles(createRng(1000 + s), { ...base, code }, new Date(), {
    customers: Math.round(perStore * 0.83),
    vehicles: perStore,
  });
  const ids = new Map(data.customers.map((c) => [c.key, uuidv7()]));
  await bulkInsert(
    db,
    customer,
    data.customers.map((c) => {
      const py = namePinyin(c.name);
      return {
        id: ids.get(c.key)!,
        storeId: st!.id,
        kind: c.kind,
        name: c.name,
        namePinyin: py.full,
        nameInitials: py.initials,
        phone: c.phone,
        source: c.source,
      };
    }),
    10_000,
  );
  await bulkInsert(
    db,
    vehicle,
    data.vehicles.map((v) => {
      serial++;
      // VINs are unique in the group: a running serial keeps generated stores from colliding
      return {
        storeId: st!.id,
        vin: makeVin(v.vin.slice(0, 8), `${v.vin[9]}G${String(serial).padStart(6, '0')}`),
        plate: v.plate,
        ownerId: ids.get(v.ownerKey)!,
        mileageKm: v.mileage.at(-1)?.km ?? 0,
      };
    }),
    10_000,
  );
  vehicles += data.vehicles.length;
  customers += data.customers.length;
  if ((s + 1) % 10 === 0)
    console.log(
      `${s + 1}/${extraStores} stores, ${vehicles} vehicles, ${Math.round(vehicles / ((performance.now() - t) / 1000))} vehicles/s`,
    );
}
await db.execute(sql`ANALYZE`);
const size = await database.query<{ size: string }>('SELECT pg_size_pretty(pg_database_size(current_database())) AS size');
console.log(
  `loaded ${customers} customers and ${vehicles} vehicles in ${Math.round((performance.now() - t) / 1000)} s; database ${size[0]!.size}`,
);

const app = await buildApp({
  config: { ...loadConfig({}, []), databaseUrl: url, dataKey: key.toString('base64'), loginRatePerMinute: 1e6 },
  database,
  logger: false,
});
const session = async (username: string) => {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'sifang-demo' } });
  return `sifang_sid=${res.cookies.find((c) => c.name === 'sifang_sid')!.value}`;
};
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const queries: Record<string, string[]> = {
  'phone tail (4)': ['8000', '1234', '5678', '2468'],
  'full phone': ['13800138000', '13900139000', '13700137000'],
  'plate part': ['粤A12', 'A123', 'D123', 'B88'],
  'VIN tail (6)': ['654321', '135790', '000123', '004567'],
  name: ['张三', '王', '李小', '欧阳'],
  'pinyin initials': ['zs', 'wxm', 'ls', 'zh'],
  'full pinyin': ['zhangsan', 'wangxiao', 'li'],
};
for (const [who, extra] of [
  ['advisor.gz01', ''],
  ['group', '&storeId=all'],
] as const) {
  const cookie = await session(who);
  for (let i = 0; i < 30; i++) await app.inject({ method: 'GET', url: `/api/search?q=zs${extra}`, headers: { cookie } });
  console.log(`\n${who}${extra ? ' (all stores)' : ' (own store)'}\n| query | n | p50 ms | p95 ms | p99 ms |\n|---|---|---|---|---|`);
  for (const [kind, qs] of Object.entries(queries)) {
    const times: number[] = [];
    for (let round = 0; round < 25; round++) {
      for (const q of qs) {
        const s0 = performance.now();
        const res = await app.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}${extra}`, headers: { cookie } });
        times.push(performance.now() - s0);
        if (res.statusCode !== 200) throw new Error(`${q}: ${res.statusCode} ${res.body}`);
      }
    }
    console.log(
      `| ${kind} | ${times.length} | ${pct(times, 50).toFixed(1)} | ${pct(times, 95).toFixed(1)} | ${pct(times, 99).toFixed(1)} |`,
    );
  }
}
await app.close();
await database.close();
