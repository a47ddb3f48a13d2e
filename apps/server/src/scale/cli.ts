/**
 * `npm run seed:scale -- --stores N --years Y [--seed S] [--today YYYY-MM-DD] [--grow] [--report file.json]`
 *
 * A dealer group at scale: the demo group plus N generated 4S stores (see README.md in this folder). With
 * DATABASE_URL the target is that PostgreSQL database, whose schema is dropped and recreated (unless --grow);
 * without it a PGlite folder, data/scale (at most 5 stores: PGlite is for trying it out, not for benchmarks).
 */
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { openDatabase, migrateDatabase, type Database } from '../kernel/db.js';
import { scaleChecksums, type TableChecksum } from './checksums.js';
import { DEFAULT_SEED, DEFAULT_YEARS, generateScale, resetScaleDatabase, type ScaleProgress, type ScaleReport } from './generate.js';
import { readScaleManifest } from './manifest.js';
import { MAX_SCALE_STORES } from './stores.js';

const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));
export const PGLITE_SCALE_DIR = path.join(repoRoot, 'data', 'scale');
export const PGLITE_MAX_STORES = 5;

const HELP = `Generate a dealer group at scale: the demo group 示例汽车集团 plus N generated 4S stores.

  npm run seed:scale -- --stores N [--years Y] [--seed S] [--today YYYY-MM-DD] [--grow] [--report file.json]

  --stores N        generated stores S001 … S<N> (0–${MAX_SCALE_STORES}); each ≈5,000 vehicles per year of history
  --years Y         years of history (default ${DEFAULT_YEARS})
  --seed S          random seed (default ${DEFAULT_SEED}); the same seed and today give the same data
  --today DATE      the history ends the day before (default: today in China); recorded in the database
  --grow            add stores to an existing scale database (seed, years and today are taken from it)
  --report FILE     also write the summary as JSON
  --no-checksums    skip the checksums at the end (they read every row)
  --workers N       generator threads (default: one per spare core; 0 = in the main thread)

Target: DATABASE_URL (PostgreSQL) — WITHOUT --grow ITS SCHEMA IS DROPPED AND RECREATED, everything in it is lost.
Without DATABASE_URL: a PGlite folder, data/scale (reset the same way), at most ${PGLITE_MAX_STORES} stores.
Users: the demo's (admin, advisor.gz01 …) and per store one per role (advisor.s001 …) plus advisors 2–6 and sales consultants 2–8 (advisor2.s001 …), password sifang-demo.`;

class CliError extends Error {}

const fmt = (n: number) => n.toLocaleString('en-US');
const duration = (ms: number) => {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${(ms / 1000).toFixed(1)}s`;
};
const bytes = (n: number) => (n >= 1 << 30 ? `${(n / (1 << 30)).toFixed(2)} GB` : `${(n / (1 << 20)).toFixed(1)} MB`);

function folderSize(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    total += entry.isDirectory() ? folderSize(p) : statSync(p).size;
  }
  return total;
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'PostgreSQL (unparsable URL)';
  }
}

function integer(value: string | undefined, name: string, fallback?: number): number | undefined {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new CliError(`--${name} must be a whole number, got ${value}`);
  return n;
}

export type CliSummary = {
  target: string;
  report: ScaleReport;
  /** checksums of the key tables (whole database) */
  tables: Record<string, TableChecksum>;
  /** rows in the checksummed tables */
  totalRows: number;
  databaseBytes: number;
};

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      stores: { type: 'string' },
      years: { type: 'string' },
      seed: { type: 'string' },
      today: { type: 'string' },
      grow: { type: 'boolean', default: false },
      report: { type: 'string' },
      'no-checksums': { type: 'boolean', default: false },
      workers: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const stores = integer(values.stores, 'stores');
  if (stores === undefined) throw new CliError('--stores N is required (npm run seed:scale -- --help)');
  const years = integer(values.years, 'years');
  const seed = integer(values.seed, 'seed');
  const workers = integer(values.workers, 'workers');
  if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) throw new CliError('--today must be YYYY-MM-DD');

  const url = process.env.DATABASE_URL || undefined;
  if (!url && stores > PGLITE_MAX_STORES) {
    throw new CliError(
      `PGlite (no DATABASE_URL) holds at most ${PGLITE_MAX_STORES} generated stores (each ≈${fmt((25_000 * (years ?? DEFAULT_YEARS)) / 5)} vehicles). ` +
        'Set DATABASE_URL to a PostgreSQL database for more, e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/sifang_scale',
    );
  }
  const target = url ? `PostgreSQL ${redact(url)}` : `PGlite folder ${PGLITE_SCALE_DIR}`;
  console.log(`Target: ${target}${values.grow ? ' (grow)' : ' — its schema is dropped and recreated'}`);

  let database: Database;
  try {
    database = url ? await openDatabase({ url, poolSize: 6, statementTimeoutMs: 0 }) : await openDatabase({ dataDir: PGLITE_SCALE_DIR });
  } catch (e) {
    throw new CliError(`Cannot open the target: ${e instanceof Error ? e.message : String(e)}`);
  }
  let summary: CliSummary;
  try {
    if (values.grow) {
      const m = await readScaleManifest(database);
      if (!m) throw new CliError('--grow: this database holds no scale data (run without --grow first).');
      console.log(`Growing from ${m.stores} to ${stores} stores (seed ${m.seed}, ${m.years} years, today ${m.today})`);
      await migrateDatabase(database);
    } else {
      await resetScaleDatabase(database);
    }
    let lastPrint = 0;
    const onProgress = (p: ScaleProgress) => {
      if (p.phase === 'stores') {
        const now = Date.now();
        if (now - lastPrint < 2000 && p.storesDone < p.storesTotal) return;
        lastPrint = now;
        console.log(
          `[${String(p.storesDone).padStart(String(p.storesTotal).length)}/${p.storesTotal} stores] ${fmt(p.rows)} rows, ` +
            `${fmt(p.rowsPerSecond)} rows/s, ${duration(p.elapsedMs)} — ${p.message}`,
        );
      } else if (p.phase !== 'done') {
        console.log(`${duration(p.elapsedMs)} ${p.phase}: ${p.message}`);
      }
    };
    const report = await generateScale(database, {
      stores,
      ...(years !== undefined ? { years } : {}),
      ...(seed !== undefined ? { seed } : {}),
      ...(values.today !== undefined ? { today: values.today } : {}),
      ...(workers !== undefined ? { workers } : {}),
      grow: values.grow,
      onProgress,
    });
    let tables: Record<string, TableChecksum> = {};
    if (!values['no-checksums']) {
      console.log(`${duration(report.elapsedMs)} checksums …`);
      const t = Date.now();
      tables = await scaleChecksums(database);
      console.log(`checksums in ${duration(Date.now() - t)}`);
    }
    let databaseBytes = 0;
    if (database.kind === 'postgres') {
      const [r] = await database.query<{ n: string }>('SELECT pg_database_size(current_database())::text AS n');
      databaseBytes = Number(r?.n ?? 0);
    }
    const totalRows = Object.values(tables).reduce((n, c) => n + c.rows, 0);
    summary = { target, report, tables, totalRows, databaseBytes };
  } finally {
    await database.close();
  }
  if (!url) summary.databaseBytes = folderSize(PGLITE_SCALE_DIR);

  const { report } = summary;
  const m = report.manifest;
  console.log(`\nScale data: ${m.stores} generated stores + the demo's 2, ${m.years} years to ${m.today}, seed ${m.seed}`);
  const rowsByTable = Object.entries(report.rows).sort(([, a], [, b]) => b - a);
  const width = Math.max(...rowsByTable.map(([t]) => t.length), 5);
  console.log(`\n${'table'.padEnd(width)}  ${'written'.padStart(12)}  ${'in database'.padStart(12)}  md5`);
  const shown = new Set<string>();
  for (const [t, n] of rowsByTable) {
    const c = summary.tables[t];
    shown.add(t);
    console.log(`${t.padEnd(width)}  ${fmt(n).padStart(12)}  ${(c ? fmt(c.rows) : '').padStart(12)}  ${c?.md5 ?? ''}`);
  }
  for (const [t, c] of Object.entries(summary.tables)) {
    if (!shown.has(t)) console.log(`${t.padEnd(width)}  ${''.padStart(12)}  ${fmt(c.rows).padStart(12)}  ${c.md5}`);
  }
  console.log(
    `\ntotal ${fmt(report.totalRows)} rows written in ${duration(report.elapsedMs)} — ${fmt(report.rowsPerSecond)} rows/s ` +
      `(demo ${duration(report.timings.demoMs)}, stores ${duration(report.timings.storesMs)}, indexes ${duration(report.timings.indexesMs)}, ` +
      `analyze ${duration(report.timings.analyzeMs)})`,
  );
  if (summary.totalRows > 0) console.log(`rows in the checksummed tables: ${fmt(summary.totalRows)}`);
  console.log(`database size ${bytes(summary.databaseBytes)}`);
  if (values.report) {
    writeFileSync(values.report, `${JSON.stringify(summary, null, 2)}\n`);
    console.log(`report written to ${values.report}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    if (e instanceof CliError) console.error(e.message);
    else console.error(e);
    process.exitCode = 1;
  });
}
