/**
 * The scale generator: the demo group plus N generated stores, deterministic for a seed and a `today`.
 *
 *   const report = await generateScale(database, { stores: 100, years: 5, seed: 1, today: '2026-06-30' });
 *   const sums = await scaleChecksums(database);
 *
 * Stores are generated one at a time (in generator threads on PostgreSQL) and each store is loaded in one
 * transaction together with the manifest that counts it, so a database always holds whole stores and `grow`
 * continues where a run stopped. On PostgreSQL a big load drops the loaded tables' secondary indexes first and
 * rebuilds them at the end, and skips foreign-key triggers when the user is a superuser.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { getTableConfig } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import { buildPermissionRegistry } from '../app.js';
import { loadConfig } from '../config.js';
import { catalogueByCode, DEMO_PASSWORD, isSeeded, seedDemo } from '../demo/seed.js';
import { dropAll, migrateDatabase, type Database } from '../kernel/db.js';
import { createFieldCipher, loadDataKey } from '../kernel/field-cipher.js';
import { hashPassword } from '../kernel/password.js';
import { startThread } from '../kernel/threads.js';
import type { PermissionRegistry } from '../kernel/permissions.js';
import { chinaDay, isoDay } from './calendar.js';
import { copyFromBlob, copyFromStdin, copyStatement } from './copy.js';
import { generateStore, todayInstant, type StoreBatch, type StoreJob } from './generate-store.js';
import { createIndexStatement, dropIndexStatement, secondaryIndexes } from './indexes.js';
import {
  manifestStatement,
  readScaleManifest,
  SCALE_GENERATOR,
  SCALE_GENERATOR_VERSION,
  type PendingIndex,
  type ScaleManifest,
} from './manifest.js';
import type { GroupSnapshot, ScalePlugin } from './plugin.js';
import { scalePlugins } from './plugins/index.js';
import { storeSetupTables } from './store-setup.js';
import { MAX_SCALE_STORES } from './stores.js';
import type { WorkerReply } from './worker.js';

export type ScaleOptions = {
  /** Generated stores the database should hold at the end (S001 … S<stores>), besides the demo's two. */
  stores: number;
  /** Years of history (default 5). */
  years?: number;
  /** Default 20261123. */
  seed?: number;
  /** 'YYYY-MM-DD' or a Date: the history ends the day before (default: today in China). */
  today?: string | Date;
  /** Add stores to a scale database (its manifest gives seed, years and today) instead of starting an empty one. */
  grow?: boolean;
  /** Vehicles sold or first serviced per store and year (default 5,000); smaller in tests. */
  vehiclesPerYear?: number;
  /** 32-byte key for the resident IDs (default: the server's, SIFANG_DATA_KEY or data/secret.key). */
  dataKey?: Buffer;
  /** Permission registry for the demo's roles (default: the application's). */
  registry?: PermissionRegistry;
  /** Plug-ins (default: plugins/index.ts). Others than the default run in the main thread. */
  plugins?: readonly ScalePlugin[];
  /** Generator threads (default: PostgreSQL one per spare core, at least 1; PGlite 0 = in the main thread). */
  workers?: number;
  /** Drop and rebuild secondary indexes around the load (default: PostgreSQL, when the load at least doubles the data). */
  dropIndexes?: boolean;
  onProgress?: (p: ScaleProgress) => void;
};

export type ScaleProgress = {
  phase: 'demo' | 'stores' | 'indexes' | 'analyze' | 'done';
  storesDone: number;
  storesTotal: number;
  /** rows written by this run so far */
  rows: number;
  elapsedMs: number;
  rowsPerSecond: number;
  message: string;
};

export type ScaleReport = {
  manifest: ScaleManifest;
  /** generated stores added by this run: indexes [from, to), i.e. S(from+1) … S(to) */
  added: { from: number; to: number };
  /** rows written by this run, by table (the demo's included when this run seeded it) */
  rows: Record<string, number>;
  totalRows: number;
  elapsedMs: number;
  rowsPerSecond: number;
  timings: { demoMs: number; storesMs: number; indexesMs: number; analyzeMs: number };
};

export const DEFAULT_SEED = 20261123;
export const DEFAULT_YEARS = 5;
export const DEFAULT_VEHICLES_PER_YEAR = 5000;

function newManifest(opts: Pick<ScaleOptions, 'seed' | 'years' | 'today' | 'vehiclesPerYear' | 'plugins'>): ScaleManifest {
  const m: ScaleManifest = {
    generator: SCALE_GENERATOR,
    version: SCALE_GENERATOR_VERSION,
    seed: opts.seed ?? DEFAULT_SEED,
    years: opts.years ?? DEFAULT_YEARS,
    today: isoOf(opts.today) ?? isoDay(chinaDay(new Date())),
    vehiclesPerYear: opts.vehiclesPerYear ?? DEFAULT_VEHICLES_PER_YEAR,
    stores: 0,
    plugins: (opts.plugins ?? scalePlugins).map((p) => p.name),
    pendingIndexes: [],
    updatedAt: new Date().toISOString(),
  };
  if (!Number.isInteger(m.seed) || m.seed < 0) throw new Error('seed must be a whole number');
  if (!(m.years > 0 && m.years <= 30)) throw new Error('years must be more than 0 and at most 30');
  if (!(Number.isInteger(m.vehiclesPerYear) && m.vehiclesPerYear >= 1))
    throw new Error('vehiclesPerYear must be a whole number, at least 1');
  return m;
}

/**
 * Make a database whose demo group was seeded on its own (seedDemo, e.g. the test template or a demo database) a
 * scale database with no generated stores yet, so that generateScale can grow it. Its demo keeps whatever seed and
 * `today` it was seeded with; the generated stores use the parameters given here.
 */
export async function adoptScaleDatabase(
  database: Database,
  opts: Pick<ScaleOptions, 'seed' | 'years' | 'today' | 'vehiclesPerYear' | 'plugins'> = {},
): Promise<ScaleManifest> {
  if (await readScaleManifest(database)) throw new Error('This database is a scale database already.');
  if (!(await isSeeded(database))) throw new Error('This database holds no demo group to adopt.');
  const manifest = newManifest(opts);
  await database.query(manifestStatement(manifest));
  return manifest;
}

/** Drop everything and migrate: an empty database for generateScale. */
export async function resetScaleDatabase(database: Database): Promise<void> {
  await dropAll(database);
  await migrateDatabase(database);
}

const isoOf = (today: string | Date | undefined): string | undefined => {
  if (today === undefined) return undefined;
  if (today instanceof Date) return isoDay(chinaDay(today));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today))) throw new Error(`today must be YYYY-MM-DD, got ${today}`);
  return today;
};

/** The tables the generator writes with the given plug-ins, in load order. */
export function scaleTables(plugins: readonly ScalePlugin[] = scalePlugins): string[] {
  return [...new Set([...storeSetupTables, ...plugins.flatMap((p) => p.tables)].map((t) => getTableConfig(t).name))];
}

async function groupSnapshot(database: Database): Promise<GroupSnapshot> {
  const [group] = await database.query<{ id: string }>('SELECT id FROM dealer_group ORDER BY created_at LIMIT 1');
  if (!group) throw new Error('scale: the demo group is missing');
  const roles = await database.query<{ code: string; id: string }>('SELECT code, id FROM role');
  const types = await database.query<{ code: string; id: string }>('SELECT code, id FROM repair_type');
  const catalogue = [...(await catalogueByCode(database.db)).values()].sort((a, b) => (a.configurationCode < b.configurationCode ? -1 : 1));
  return {
    groupId: group.id,
    roleIds: Object.fromEntries(roles.map((r) => [r.code, r.id])),
    repairTypeIds: Object.fromEntries(types.map((t) => [t.code, t.id])),
    catalogue,
  };
}

async function countRows(database: Database, tables: readonly string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables) {
    const [r] = await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${t}"`);
    out[t] = r?.n ?? 0;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Writing: one transaction per store, the manifest with it.

type Writer = {
  /** One store's rows and the manifest that counts it, atomically. */
  store(batch: StoreBatch, manifest: ScaleManifest): Promise<void>;
  /** Statements in one transaction (index drops with the manifest that remembers them). */
  statements(sqls: readonly string[]): Promise<void>;
  /** Statements spread over `parallel` connections (index builds). */
  parallel(sqls: readonly string[], parallel: number): Promise<void>;
  close(): Promise<void>;
};

async function createWriter(database: Database): Promise<Writer> {
  if (database.kind === 'pglite') {
    const pglite = database.pglite!;
    const su = await pglite.query<{ rolsuper: boolean }>('SELECT rolsuper FROM pg_roles WHERE rolname = current_user');
    const superuser = su.rows[0]?.rolsuper === true;
    return {
      async store(batch, manifest) {
        await pglite.transaction(async (tx) => {
          if (superuser) await tx.exec('SET LOCAL session_replication_role = replica');
          for (const t of batch.tables) await copyFromBlob(tx, t);
          await tx.exec(manifestStatement(manifest));
        });
      },
      async statements(sqls) {
        await pglite.transaction(async (tx) => {
          for (const s of sqls) await tx.exec(s);
        });
      },
      async parallel(sqls) {
        for (const s of sqls) await pglite.exec(s);
      },
      async close() {},
    };
  }
  const pool = database.pool!;
  // dedicated connections with their own settings, closed (not returned to the pool) at the end
  const open = async () => {
    const c = await pool.connect();
    await c.query('SET statement_timeout = 0');
    await c.query('SET synchronous_commit = off');
    return c;
  };
  const main = await open();
  const su = await main.query<{ rolsuper: boolean }>('SELECT rolsuper FROM pg_roles WHERE rolname = current_user');
  const superuser = su.rows[0]?.rolsuper === true;
  const inTx = async (c: pg.PoolClient, fn: () => Promise<void>) => {
    await c.query('BEGIN');
    try {
      await fn();
      await c.query('COMMIT');
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    }
  };
  return {
    async store(batch, manifest) {
      await inTx(main, async () => {
        // generated rows reference each other correctly by construction: skip the per-row foreign-key triggers
        if (superuser) await main.query('SET LOCAL session_replication_role = replica');
        for (const t of batch.tables) await copyFromStdin(main, copyStatement(t, 'STDIN'), t.chunks);
        await main.query(manifestStatement(manifest));
      });
    },
    async statements(sqls) {
      await inTx(main, async () => {
        for (const s of sqls) await main.query(s);
      });
    },
    async parallel(sqls, parallel) {
      const queue = [...sqls];
      const run = async (c: pg.PoolClient) => {
        await c.query(`SET maintenance_work_mem = '512MB'`);
        for (let s = queue.shift(); s !== undefined; s = queue.shift()) await c.query(s);
      };
      const extra = await Promise.all(Array.from({ length: Math.max(0, parallel - 1) }, open));
      try {
        await Promise.all([run(main), ...extra.map(run)]);
      } finally {
        for (const c of extra) c.release(true);
      }
    },
    async close() {
      main.release(true);
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Generating: in the main thread, or in generator threads that work ahead of the writer.

type Generator = { request(index: number): Promise<StoreBatch>; close(): Promise<void> };

function inlineGenerator(base: Omit<StoreJob, 'index'>, plugins: readonly ScalePlugin[]): Generator {
  return { request: (index) => generateStore({ ...base, index }, plugins), close: async () => undefined };
}

function threadGenerator(base: Omit<StoreJob, 'index'>, count: number): Generator {
  const entry = new URL(`./worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
  const spawn = () => startThread(entry, { workerData: base });
  const workers = Array.from({ length: count }, spawn);
  const waiting = new Map<number, { resolve: (b: StoreBatch) => void; reject: (e: Error) => void }>();
  for (const w of workers) {
    w.on('message', (reply: WorkerReply) => {
      const p = waiting.get(reply.index);
      waiting.delete(reply.index);
      if ('error' in reply) p?.reject(new Error(`generating store ${reply.index + 1}: ${reply.error}`));
      else p?.resolve(reply);
    });
    w.on('error', (e) => {
      for (const p of waiting.values()) p.reject(e);
      waiting.clear();
    });
  }
  let next = 0;
  return {
    request(index) {
      const w = workers[next++ % workers.length]!;
      return new Promise((resolve, reject) => {
        waiting.set(index, { resolve, reject });
        w.postMessage({ index });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * Generate (or grow) a scale database: the demo group seeded with the seed and `today`, then generated stores up to
 * `stores`. The database must be empty and migrated (resetScaleDatabase), or hold a scale manifest when `grow`.
 */
export async function generateScale(database: Database, opts: ScaleOptions): Promise<ScaleReport> {
  const started = performance.now();
  const plugins = opts.plugins ?? scalePlugins;
  const pluginNames = plugins.map((p) => p.name);
  const progress = (p: Omit<ScaleProgress, 'elapsedMs' | 'rowsPerSecond'>, since = started) => {
    const elapsedMs = performance.now() - started;
    const rate = p.rows / Math.max(0.001, (performance.now() - since) / 1000);
    opts.onProgress?.({ ...p, elapsedMs, rowsPerSecond: Math.round(rate) });
  };
  if (!Number.isInteger(opts.stores) || opts.stores < 0 || opts.stores > MAX_SCALE_STORES) {
    throw new Error(`stores must be a whole number from 0 to ${MAX_SCALE_STORES}`);
  }
  const dataKey = opts.dataKey ?? loadDataKey(loadConfig());
  const tables = scaleTables(plugins);
  const rows: Record<string, number> = {};
  const timings = { demoMs: 0, storesMs: 0, indexesMs: 0, analyzeMs: 0 };

  let manifest = await readScaleManifest(database);
  if (opts.grow) {
    if (!manifest) throw new Error('This database holds no scale data to grow: generate it first (without --grow).');
    if (manifest.version !== SCALE_GENERATOR_VERSION) {
      throw new Error(
        `This database was generated by version ${manifest.version} of the generator, which made other rows than version ${SCALE_GENERATOR_VERSION}: reset it.`,
      );
    }
    const given = { seed: opts.seed, years: opts.years, today: isoOf(opts.today), vehiclesPerYear: opts.vehiclesPerYear };
    for (const [key, value] of Object.entries(given)) {
      if (value !== undefined && value !== manifest[key as keyof typeof given]) {
        throw new Error(
          `This database was generated with ${key} ${manifest[key as keyof typeof given]}, not ${value}: grow takes them from the database.`,
        );
      }
    }
    if (manifest.plugins.join(',') !== pluginNames.join(',')) {
      throw new Error(
        `This database was generated by the plug-ins ${manifest.plugins.join(', ')}, not ${pluginNames.join(', ')}: reset it.`,
      );
    }
    if (opts.stores < manifest.stores)
      throw new Error(`This database already holds ${manifest.stores} generated stores; grow cannot remove stores.`);
  } else {
    if (manifest || (await isSeeded(database))) {
      throw new Error('The database is not empty: reset it first (resetScaleDatabase, or the CLI without --grow), or grow it.');
    }
    manifest = newManifest(opts);
    progress({ phase: 'demo', storesDone: 0, storesTotal: opts.stores, rows: 0, message: 'seeding the demo group' });
    const t = performance.now();
    await seedDemo(database, opts.registry ?? buildPermissionRegistry(), {
      cipher: createFieldCipher(dataKey),
      seed: manifest.seed,
      today: todayInstant(manifest.today),
    });
    await database.query(manifestStatement(manifest));
    Object.assign(rows, await countRows(database, tables));
    timings.demoMs = performance.now() - t;
  }

  const from = manifest.stores;
  const to = opts.stores;
  const writer = await createWriter(database);
  let written = Object.values(rows).reduce((n, r) => n + r, 0);
  try {
    // indexes: drop for a load that at least doubles the data; rebuild whatever an earlier run left dropped
    let pending: PendingIndex[] = manifest.pendingIndexes;
    const newVehicles = (to - from) * manifest.years * manifest.vehiclesPerYear;
    const haveVehicles = from * manifest.years * manifest.vehiclesPerYear + 12_000;
    const drop = opts.dropIndexes ?? (database.kind === 'postgres' && newVehicles >= 100_000 && newVehicles >= haveVehicles);
    if (drop && to > from) {
      const found = await secondaryIndexes((text, params) => database.query(text, params), tables);
      pending = [...pending, ...found.filter((f) => !pending.some((p) => p.name === f.name))];
      manifest = { ...manifest, pendingIndexes: pending, updatedAt: new Date().toISOString() };
      await writer.statements([manifestStatement(manifest), ...found.map(dropIndexStatement)]);
    }

    if (to > from) {
      const t = performance.now();
      const base: Omit<StoreJob, 'index'> = {
        seed: manifest.seed,
        years: manifest.years,
        today: manifest.today,
        vehiclesPerYear: manifest.vehiclesPerYear,
        group: await groupSnapshot(database),
        // one scrypt hash for every generated user: hashing each would take minutes
        passwordHash: await hashPassword(DEMO_PASSWORD),
        dataKey: dataKey.toString('base64'),
        shared: {},
      };
      for (const p of plugins) if (p.prepare) base.shared[p.name] = await p.prepare(database);
      const threads =
        opts.workers ??
        (database.kind === 'postgres' && opts.plugins === undefined ? Math.max(1, Math.min(4, os.availableParallelism() - 1)) : 0);
      const generator = threads > 0 && opts.plugins === undefined ? threadGenerator(base, threads) : inlineGenerator(base, plugins);
      let storeRows = 0;
      try {
        // work ahead: the next stores are generated while this one is written
        const ahead = Math.max(1, threads) + 1;
        const queue: Promise<StoreBatch>[] = [];
        let requested = from;
        const fill = () => {
          while (requested < to && queue.length < ahead) {
            const p = generator.request(requested++);
            p.catch(() => undefined); // awaited in order below
            queue.push(p);
          }
        };
        fill();
        for (let i = from; i < to; i++) {
          const batch = await queue.shift()!;
          fill();
          manifest = { ...manifest, stores: i + 1, updatedAt: new Date().toISOString() };
          const w = performance.now();
          await writer.store(batch, manifest);
          const writeMs = performance.now() - w;
          for (const tb of batch.tables) rows[tb.table] = (rows[tb.table] ?? 0) + tb.rows;
          storeRows += batch.rows;
          written += batch.rows;
          progress(
            {
              phase: 'stores',
              storesDone: i + 1 - from,
              storesTotal: to - from,
              rows: storeRows,
              message: `${batch.code} (${i + 1 - from}/${to - from}): ${batch.rows.toLocaleString('en-US')} rows, generated in ${Math.round(batch.generateMs)} ms, written in ${Math.round(writeMs)} ms`,
            },
            t,
          );
        }
      } finally {
        await generator.close();
      }
      timings.storesMs = performance.now() - t;
    }

    if (pending.length > 0) {
      const t = performance.now();
      progress({
        phase: 'indexes',
        storesDone: to - from,
        storesTotal: to - from,
        rows: written,
        message: `rebuilding ${pending.length} indexes`,
      });
      // trigram indexes take longest: start them first
      const ordered = [...pending].sort((a, b) => Number(b.definition.includes('gin')) - Number(a.definition.includes('gin')));
      await writer.parallel(ordered.map(createIndexStatement), database.kind === 'postgres' ? 2 : 1);
      manifest = { ...manifest, pendingIndexes: [], updatedAt: new Date().toISOString() };
      await writer.statements([manifestStatement(manifest)]);
      timings.indexesMs = performance.now() - t;
    }
    // statistics for the planner; PGlite (small, for trying out) plans fine without
    if (to > from && database.kind === 'postgres') {
      const t = performance.now();
      progress({ phase: 'analyze', storesDone: to - from, storesTotal: to - from, rows: written, message: 'ANALYZE' });
      await writer.parallel(
        tables.map((tb) => `ANALYZE "${tb}"`),
        database.kind === 'postgres' ? 2 : 1,
      );
      timings.analyzeMs = performance.now() - t;
    }
  } finally {
    await writer.close();
  }
  const elapsedMs = performance.now() - started;
  const totalRows = Object.values(rows).reduce((n, r) => n + r, 0);
  const report: ScaleReport = {
    manifest,
    added: { from, to: Math.max(from, to) },
    rows,
    totalRows,
    elapsedMs,
    rowsPerSecond: Math.round(totalRows / Math.max(0.001, elapsedMs / 1000)),
    timings,
  };
  progress({ phase: 'done', storesDone: to - from, storesTotal: to - from, rows: totalRows, message: 'done' });
  return report;
}
