// The data a stage runs on: the generated dealer group (apps/server/src/scale), reused when the database already
// holds it with the same parameters, grown when it holds fewer stores of the same kind, generated otherwise.
import { performance } from 'node:perf_hooks';
import { DEMO_PASSWORD } from '../../apps/server/src/demo/seed.js';
import { openDatabase, type Database } from '../../apps/server/src/kernel/db.js';
import { hashPassword } from '../../apps/server/src/kernel/password.js';
import { generateScale, resetScaleDatabase } from '../../apps/server/src/scale/generate.js';
import { readScaleManifest, SCALE_GENERATOR_VERSION } from '../../apps/server/src/scale/manifest.js';
import { round } from './stats.js';
import type { Stage } from './types.js';

/** The personal-data key of benchmark databases (the generator encrypts ID numbers with it; the server reads them). */
export const BENCH_DATA_KEY = Buffer.alloc(32, 3).toString('base64');
export const BENCH_SEED = 20261123;
/** the generated history ends the day before: fixed, so every run measures the same data */
export const BENCH_TODAY = '2026-11-01';

export type StageData = {
  reused: boolean;
  grownFrom?: number;
  generateSeconds?: number;
  rowsPerSecond?: number;
  databaseSize: string;
  counts: Record<string, number>;
};

/**
 * A reused group signs in as a newly generated one would: users whose hash was made with another scrypt cost than
 * `hashPassword`'s get one of the current cost (the server would make it at each one's first sign-in, and a hash of
 * the older cost leaves its memory with the thread that checked it: the RSS goal would measure the transition).
 */
async function upgradePasswordHashes(database: Database): Promise<number> {
  const current = await hashPassword(DEMO_PASSWORD);
  const sameCost = `${current.split('$').slice(0, 4).join('$')}$%`;
  const rows = await database.query('UPDATE app_user SET password_hash = $1 WHERE password_hash NOT LIKE $2 RETURNING id', [
    current,
    sameCost,
  ]);
  return rows.length;
}

export async function prepareStage(url: string, stage: Stage, log: (m: string) => void): Promise<StageData> {
  const database = await openDatabase({ url, poolSize: 4, statementTimeoutMs: 3_600_000 });
  try {
    const manifest = await readScaleManifest(database).catch(() => null);
    const same =
      manifest &&
      manifest.version === SCALE_GENERATOR_VERSION &&
      manifest.seed === BENCH_SEED &&
      manifest.years === stage.years &&
      manifest.today === BENCH_TODAY;
    let reused = false;
    let grownFrom: number | undefined;
    let generateSeconds: number | undefined;
    let rowsPerSecond: number | undefined;
    if (same && manifest.stores === stage.stores) {
      reused = true;
      log(`  reusing the generated group (${manifest.stores} stores × ${manifest.years} years, seed ${manifest.seed})`);
      const upgraded = await upgradePasswordHashes(database);
      if (upgraded > 0) log(`  ${upgraded} users' password hashes made with the current cost, as a new generation would`);
    } else {
      const grow = !!same && manifest.stores < stage.stores;
      if (grow) grownFrom = manifest.stores;
      log(`  ${grow ? `growing ${manifest.stores} →` : 'generating'} ${stage.stores} stores × ${stage.years} years`);
      const t = performance.now();
      if (!grow) await resetScaleDatabase(database);
      let lastLog = 0;
      const r = await generateScale(database, {
        stores: stage.stores,
        years: stage.years,
        seed: BENCH_SEED,
        today: BENCH_TODAY,
        grow,
        dataKey: Buffer.from(BENCH_DATA_KEY, 'base64'),
        onProgress: (p) => {
          if (p.phase === 'stores' && Date.now() - lastLog < 15_000) return;
          lastLog = Date.now();
          log(`  ${p.message}`);
        },
      });
      // the steady state of a live database: autovacuum has set the visibility map (index-only scans) by now
      log('  VACUUM ANALYZE');
      await database.query('VACUUM (ANALYZE)');
      generateSeconds = round((performance.now() - t) / 1000, 0);
      rowsPerSecond = r.rowsPerSecond;
    }
    const counts = Object.fromEntries(
      (
        await database.query<{ t: string; n: string }>(
          `SELECT 'stores' AS t, count(*)::text AS n FROM store UNION ALL SELECT 'customers', count(*)::text FROM customer
           UNION ALL SELECT 'vehicles', count(*)::text FROM vehicle UNION ALL SELECT 'mileageReadings', count(*)::text FROM vehicle_mileage
           UNION ALL SELECT 'followUps', count(*)::text FROM follow_up UNION ALL SELECT 'complaints', count(*)::text FROM complaint`,
        )
      ).map((r) => [r.t, Number(r.n)]),
    );
    const [size] = await database.query<{ s: string }>('SELECT pg_size_pretty(pg_database_size(current_database())) AS s');
    return { reused, grownFrom, generateSeconds, rowsPerSecond, databaseSize: size!.s, counts };
  } finally {
    await database.close();
  }
}
