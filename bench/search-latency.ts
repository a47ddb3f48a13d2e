// Search-as-you-type latency on the demo data (embedded PGlite, or DATABASE_URL): p50/p95 per query kind,
// measured through the full request path (session, permission, store scope) with app.inject.
import { performance } from 'node:perf_hooks';
import { openDatabase, migrateDatabase, dropAll } from '../apps/server/src/kernel/db.js';
import { seedDemo } from '../apps/server/src/demo/seed.js';
import { buildApp, buildPermissionRegistry } from '../apps/server/src/app.js';
import { loadConfig } from '../apps/server/src/config.js';
import { createFieldCipher } from '../apps/server/src/kernel/field-cipher.js';

const key = Buffer.alloc(32, 3);
const database = await openDatabase({ url: process.env.DATABASE_URL, dataDir: 'memory://' });
if (process.env.DATABASE_URL) await dropAll(database);
await migrateDatabase(database);
await seedDemo(database, buildPermissionRegistry(), { cipher: createFieldCipher(key) });
const app = await buildApp({
  config: { ...loadConfig({}, []), dataKey: key.toString('base64'), loginRatePerMinute: 1e6 },
  database,
  logger: false,
});
const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'advisor.gz01', password: 'sifang-demo' } });
const cookie = `sifang_sid=${login.cookies.find((c) => c.name === 'sifang_sid')!.value}`;
const queries: Record<string, string[]> = {
  'phone tail': ['8000', '1234', '5678', '0139', '2468'],
  'full phone': ['13800138000', '13900139000', '13700137000'],
  'plate part': ['粤A12', 'A123', 'D123', '粤AF'],
  'VIN tail': ['654321', '135790', '246802', '000123'],
  name: ['张三', '王', '李小', '欧阳'],
  'pinyin initials': ['zs', 'wxm', 'ls', 'zh'],
  'full pinyin': ['zhangsan', 'wangxiao', 'li'],
};
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
for (let i = 0; i < 50; i++) await app.inject({ method: 'GET', url: `/api/search?q=zs`, headers: { cookie } });
const rows: string[] = [];
for (const [kind, qs] of Object.entries(queries)) {
  const times: number[] = [];
  for (let round = 0; round < 40; round++) {
    for (const q of qs) {
      const t = performance.now();
      const res = await app.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}`, headers: { cookie } });
      times.push(performance.now() - t);
      if (res.statusCode !== 200) throw new Error(`${q}: ${res.statusCode}`);
    }
  }
  rows.push(`| ${kind} | ${times.length} | ${pct(times, 50).toFixed(1)} | ${pct(times, 95).toFixed(1)} |`);
}
console.log(
  `engine: ${database.kind}; data: 2 stores × (5,000 customers + 6,000 vehicles)\n| query | n | p50 ms | p95 ms |\n|---|---|---|---|\n${rows.join('\n')}`,
);
await app.close();
await database.close();
