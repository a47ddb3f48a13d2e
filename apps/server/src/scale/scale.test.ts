import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { isValidVin } from '@sifang/shared/validation/vin';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { openDatabase, type Database } from '../kernel/db.js';
import { scaleChecksums, type TableChecksum } from './checksums.js';
import { adoptScaleDatabase, generateScale, type ScaleOptions } from './generate.js';
import { manifestStatement, readScaleManifest, SCALE_GENERATOR_VERSION } from './manifest.js';
import { withDatabase } from '../../test/global-setup.js';

// Small stores (600 vehicles a year, two years) on PGlite, grown from a copy of the suite's seeded demo database
// (test/global-setup.ts) — the CLI seeds the demo itself with the run's seed and today.
const DATA_KEY = Buffer.alloc(32, 5);
const params = { years: 2, seed: 4242, today: '2026-03-15', vehiclesPerYear: 600 } satisfies Partial<ScaleOptions>;

// a copy of the suite's seeded demo database: PGlite, or on the PostgreSQL suite a database made from its template
const dropAfter: (() => Promise<void>)[] = [];
const fresh = async () => {
  const url = process.env.DATABASE_URL;
  let db: Database;
  if (url) {
    const name = `sifang_scale_t_${randomBytes(6).toString('hex')}`;
    const admin = await openDatabase({ url, poolSize: 1 });
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('templateDatabase')}`);
    db = await openDatabase({ url: withDatabase(url, name), poolSize: 4 });
    dropAfter.push(async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    });
  } else {
    db = await openDatabase({ dataDir: 'memory://', loadDataDir: new Blob([readFileSync(inject('templateDataDir'))]) });
  }
  await adoptScaleDatabase(db, params);
  return db;
};
const rows = async <T>(db: Database, sql: string) => db.query<T>(sql);

let oneShot: Database;
let oneShotSums: Record<string, TableChecksum>;

beforeAll(async () => {
  oneShot = await fresh();
  await generateScale(oneShot, { stores: 2, grow: true, dataKey: DATA_KEY });
  oneShotSums = await scaleChecksums(oneShot);
});

afterAll(async () => {
  await oneShot?.close();
  for (const drop of dropAfter) await drop();
});

describe('scale generator', () => {
  it('records its parameters in the database', async () => {
    const m = await readScaleManifest(oneShot);
    expect(m).toMatchObject({
      stores: 2,
      years: 2,
      seed: 4242,
      today: '2026-03-15',
      vehiclesPerYear: 600,
      plugins: ['customers'],
      pendingIndexes: [],
    });
    const stores = await rows<{ code: string }>(oneShot, 'SELECT code FROM store ORDER BY code');
    expect(stores.map((s) => s.code)).toEqual(['FS01', 'GZ01', 'S001', 'S002']);
    // ≈ vehiclesPerYear × years vehicles and 0.84 customers per vehicle in each generated store
    const counts = await rows<{ code: string; customers: number; vehicles: number }>(
      oneShot,
      `SELECT s.code, (SELECT count(*)::int FROM customer c WHERE c.store_id = s.id) AS customers,
              (SELECT count(*)::int FROM vehicle v WHERE v.store_id = s.id) AS vehicles
         FROM store s WHERE s.code LIKE 'S%' ORDER BY s.code`,
    );
    expect(counts).toEqual([
      { code: 'S001', customers: 1008, vehicles: 1200 },
      { code: 'S002', customers: 1008, vehicles: 1200 },
    ]);
    // the demo is there: 张三
    const [zs] = await rows<{ n: number }>(
      oneShot,
      `SELECT count(*)::int AS n FROM customer WHERE name = '张三' AND phone = '13800138000'`,
    );
    expect(zs!.n).toBe(1);
  });

  it('grown store by store in another run, gives the same data as one run', async () => {
    const grown = await fresh();
    try {
      await generateScale(grown, { stores: 1, grow: true, dataKey: DATA_KEY });
      expect((await readScaleManifest(grown))!.stores).toBe(1);
      // another key: ciphertexts differ, the content does not
      await generateScale(grown, { stores: 2, grow: true, dataKey: Buffer.alloc(32, 9) });
      expect(await scaleChecksums(grown)).toEqual(oneShotSums);
      await expect(generateScale(grown, { stores: 1, grow: true })).rejects.toThrow(/cannot remove/);
      await expect(generateScale(grown, { stores: 3, grow: true, seed: 1 })).rejects.toThrow(/seed/);
      await expect(generateScale(grown, { stores: 3 })).rejects.toThrow(/not empty/);
      // rows made by an earlier generator are not grown with another one's
      await grown.query(manifestStatement({ ...(await readScaleManifest(grown))!, version: SCALE_GENERATOR_VERSION - 1 }));
      await expect(generateScale(grown, { stores: 3, grow: true })).rejects.toThrow(/version/);
    } finally {
      await grown.close();
    }
    expect(oneShotSums.customer!.rows).toBeGreaterThan(10_000);
    expect(oneShotSums.complaint!.rows).toBeGreaterThan(72);
  });

  it('makes valid VINs, unique in the group, and plates of the store’s province', async () => {
    const vins = await rows<{ vin: string }>(oneShot, 'SELECT vin FROM vehicle');
    expect(vins.filter((v) => !isValidVin(v.vin))).toEqual([]);
    expect(new Set(vins.map((v) => v.vin)).size).toBe(vins.length);
    const plates = await rows<{ code: string; total: number; province: number; own: number }>(
      oneShot,
      `SELECT s.code, count(v.plate)::int AS total,
              count(*) FILTER (WHERE left(v.plate, 1) = s.plate_province)::int AS province,
              count(*) FILTER (WHERE left(v.plate, 2) = s.plate_province || s.plate_letter)::int AS own
         FROM vehicle v JOIN store s ON s.id = v.store_id GROUP BY s.code ORDER BY s.code`,
    );
    for (const p of plates) {
      expect(p.province, p.code).toBe(p.total);
      expect(p.own / p.total, p.code).toBeGreaterThan(0.85);
    }
  });

  it('keeps mileage histories ascending and never decreasing', async () => {
    const [bad] = await rows<{ n: number }>(
      oneShot,
      `SELECT count(*)::int AS n FROM (
         SELECT km < lag(km) OVER (PARTITION BY vehicle_id ORDER BY at, km) AS down FROM vehicle_mileage) x WHERE down`,
    );
    expect(bad!.n).toBe(0);
    const [latest] = await rows<{ n: number }>(
      oneShot,
      `SELECT count(*)::int AS n FROM vehicle v
        WHERE v.mileage_km <> (SELECT m.km FROM vehicle_mileage m WHERE m.vehicle_id = v.id ORDER BY m.at DESC, m.km DESC LIMIT 1)`,
    );
    expect(latest!.n).toBe(0);
    // some cars stop coming (churn): no visit in the last 9 months although they are older than that
    const [lost] = await rows<{ share: number }>(
      oneShot,
      `SELECT avg((v.last_visit_at < timestamptz '2026-03-15' - interval '9 months')::int)::float AS share
         FROM vehicle v JOIN store s ON s.id = v.store_id
        WHERE s.code LIKE 'S%' AND coalesce(v.sale_date, v.first_registration) < date '2025-03-15'`,
    );
    expect(lost!.share).toBeGreaterThan(0.075); // without churn ≈0.05 (last readings reported by the customer)
    expect(lost!.share).toBeLessThan(0.4);
  });

  it('links follow-ups, complaints and vehicles to customers of their own store', async () => {
    const [mixed] = await rows<{ f: number; k: number; v: number; o: number }>(
      oneShot,
      `SELECT (SELECT count(*)::int FROM follow_up f JOIN customer c ON c.id = f.customer_id WHERE c.store_id <> f.store_id) AS f,
              (SELECT count(*)::int FROM complaint k JOIN customer c ON c.id = k.customer_id WHERE c.store_id <> k.store_id) AS k,
              (SELECT count(*)::int FROM vehicle v JOIN customer c ON c.id = v.owner_id WHERE c.store_id <> v.store_id) AS v,
              (SELECT count(*)::int FROM vehicle_ownership o JOIN vehicle v ON v.id = o.vehicle_id JOIN customer c ON c.id = o.customer_id
                WHERE c.store_id <> v.store_id) AS o`,
    );
    expect(mixed).toEqual({ f: 0, k: 0, v: 0, o: 0 });
  });

  it('follows up ≈25 % of workshop visits and numbers ≈0.4 complaints per 100 visits by day', async () => {
    const [r] = await rows<{ visits: number; calls: number; complaints: number; planned: number }>(
      oneShot,
      `SELECT (SELECT count(*)::int FROM vehicle_mileage m JOIN store s ON s.id = m.store_id WHERE s.code LIKE 'S%' AND m.source = 'service') AS visits,
              (SELECT count(*)::int FROM follow_up f JOIN store s ON s.id = f.store_id WHERE s.code LIKE 'S%' AND f.purpose = 'after_service') AS calls,
              (SELECT count(*)::int FROM complaint k JOIN store s ON s.id = k.store_id WHERE s.code LIKE 'S%') AS complaints,
              (SELECT count(*)::int FROM follow_up f JOIN store s ON s.id = f.store_id WHERE s.code LIKE 'S%' AND f.status = 'planned') AS planned`,
    );
    expect(r!.calls / r!.visits).toBeGreaterThan(0.22);
    expect(r!.calls / r!.visits).toBeLessThan(0.29);
    expect((100 * r!.complaints) / r!.visits).toBeGreaterThan(0.2);
    expect((100 * r!.complaints) / r!.visits).toBeLessThan(0.6);
    expect(r!.planned).toBeGreaterThanOrEqual(80);
    // TS<day>-<n>: the China day it was received, numbered from 1 per store and day, the sequence at the last
    const [numbering] = await rows<{ wrong: number; gaps: number; seq: number }>(
      oneShot,
      `WITH k AS (SELECT k.store_id, k.number, to_char(k.received_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') AS day,
                         row_number() OVER (PARTITION BY k.store_id, to_char(k.received_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') ORDER BY k.received_at, k.number) AS n
                    FROM complaint k JOIN store s ON s.id = k.store_id WHERE s.code LIKE 'S%')
       SELECT count(*) FILTER (WHERE number NOT LIKE 'TS' || day || '-%')::int AS wrong,
              count(*) FILTER (WHERE number <> 'TS' || day || '-' || lpad(n::text, 4, '0'))::int AS gaps,
              (SELECT count(*)::int FROM (SELECT store_id, day, max(n) AS last FROM k GROUP BY 1, 2) m
                 LEFT JOIN doc_sequence q ON q.store_id = m.store_id AND q.doc_type = 'complaint' AND q.day = m.day
                WHERE q.last IS DISTINCT FROM m.last) AS seq
         FROM k`,
    );
    expect(numbering).toEqual({ wrong: 0, gaps: 0, seq: 0 });
  });

  it('has fewer new customers and sales in February than in December or January', async () => {
    const months = await rows<{ m: number; n: number }>(
      oneShot,
      `SELECT extract(month FROM c.created_at AT TIME ZONE 'Asia/Shanghai')::int AS m, count(*)::int AS n
         FROM customer c JOIN store s ON s.id = c.store_id WHERE s.code LIKE 'S%' GROUP BY 1`,
    );
    const n = (m: number) => months.find((x) => x.m === m)?.n ?? 0;
    expect(n(2)).toBeLessThan(n(12));
    expect(n(2)).toBeLessThan(n(1));
    expect(n(2)).toBeLessThan(0.8 * n(10));
    // and fewer cars sold, none while the showroom is closed for the Spring Festival (2025-01-29)
    const sales = await rows<{ m: number; n: number }>(
      oneShot,
      `SELECT extract(month FROM v.sale_date)::int AS m, count(*)::int AS n
         FROM vehicle v JOIN store s ON s.id = v.store_id WHERE s.code LIKE 'S%' AND v.sale_date IS NOT NULL GROUP BY 1`,
    );
    const sold = (m: number) => sales.find((x) => x.m === m)?.n ?? 0;
    expect(sold(2)).toBeLessThan(0.8 * sold(12));
    expect(sold(2)).toBeLessThan(sold(1));
    const [holiday] = await rows<{ n: number; week: number }>(
      oneShot,
      `SELECT count(*) FILTER (WHERE v.sale_date BETWEEN '2025-01-28' AND '2025-02-03')::int AS n,
              count(*) FILTER (WHERE v.sale_date BETWEEN '2025-01-14' AND '2025-01-20')::int AS week
         FROM vehicle v JOIN store s ON s.id = v.store_id WHERE s.code LIKE 'S%'`,
    );
    expect(holiday!.n).toBeLessThan(holiday!.week / 3);
  });

  it('gives every generated store its staff, and an advisor can sign in and sees only their store', async () => {
    const users = await rows<{ code: string; n: number }>(
      oneShot,
      `SELECT s.code, count(*)::int AS n FROM user_role ur JOIN store s ON s.id = ur.store_id WHERE s.code LIKE 'S%' GROUP BY 1 ORDER BY 1`,
    );
    // one user per store role (15), plus five more service advisors and seven more sales consultants
    expect(users).toEqual([
      { code: 'S001', n: 27 },
      { code: 'S002', n: 27 },
    ]);
    // the advisors share the store's customers (VIP files are the service manager's)
    const shares = await rows<{ username: string; share: number }>(
      oneShot,
      `SELECT u.username, count(*)::float / sum(count(*)) OVER () AS share
         FROM customer c JOIN store s ON s.id = c.store_id JOIN app_user u ON u.id = c.advisor_id
        WHERE s.code = 'S001' GROUP BY 1 ORDER BY 1`,
    );
    expect(shares.map((r) => r.username)).toEqual([
      'advisor.s001',
      'advisor2.s001',
      'advisor3.s001',
      'advisor4.s001',
      'advisor5.s001',
      'advisor6.s001',
      'servicemgr.s001',
    ]);
    for (const r of shares.filter((x) => x.username.startsWith('advisor'))) {
      expect(r.share, r.username).toBeGreaterThan(0.1);
      expect(r.share, r.username).toBeLessThan(0.22);
    }
    const app = await buildApp({
      config: {
        ...loadConfig({ NODE_ENV: 'test' }, []),
        webDist: '/nonexistent',
        loginRatePerMinute: 10_000,
        dataKey: DATA_KEY.toString('base64'),
      },
      database: oneShot,
      logger: false,
    });
    try {
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'advisor.s002', password: 'sifang-demo' },
      });
      expect(login.statusCode).toBe(200);
      const cookie = login.cookies.find((c) => c.name === 'sifang_sid')!;
      const list = await app.inject({ method: 'GET', url: '/api/customers?pageSize=5&count=exact', cookies: { sifang_sid: cookie.value } });
      expect(list.statusCode).toBe(200);
      expect((list.json() as { total: number }).total).toBe(1008);
    } finally {
      await app.close();
    }
  });
});
