import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { sql, type SQL } from 'drizzle-orm';
import type pg from 'pg';
import type { ThreadPglite } from './embedded-thread.js';
import { migrationsFolder } from './paths.js';

export { migrationsFolder };

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
type NoRelations = {};
/** The one database handle type: drizzle over PGlite or over a pg Pool. */
export type Db = PgDatabase<PgQueryResultHKT, NoRelations>;
export type Tx = PgTransaction<PgQueryResultHKT, NoRelations, ExtractTablesWithRelations<NoRelations>>;
/** Anything that can run a query: the database or an open transaction. */
export type Executor = Db | Tx;

export type Database = {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Raw rows of a parameterised statement (hot paths, tools). */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
  pglite?: PGlite;
  pool?: pg.Pool;
};

export type DatabaseOptions = {
  /** postgres://… — when set, a real PostgreSQL server is used. */
  url?: string;
  /** PGlite data folder; `memory://` for an in-memory database. */
  dataDir?: string;
  /** PGlite: start from a dumped data folder (tests). */
  loadDataDir?: Blob;
  poolSize?: number;
  statementTimeoutMs?: number;
  /** PostgreSQL: prepare statements per connection (default); off behind a pooler that cannot keep them */
  preparedStatements?: boolean;
  /** PGlite: its buffer cache (`shared_buffers`), e.g. `64MB` (EMBEDDED_SHARED_BUFFERS) */
  sharedBuffers?: string;
};

/**
 * The embedded engine's buffer cache. PostgreSQL's default, 128 MB, is zeroed at every start and stays resident in the
 * server's process; a store's embedded database is read through the operating system's file cache as well. 64 MB holds
 * the demo database (50 MB) whole; restarting on the demo folder took 2,987 → 2,577 ms (medians of 8 interleaved), and the
 * server's resident memory under the benchmark's load 409 → 345 MB (bench runs 2026-12-07-8 and -9).
 */
export const EMBEDDED_SHARED_BUFFERS = '64MB';

/** The lock file guarding a PGlite folder: `<parent>/<folder name>.lock`, holding the owner's pid. */
export const lockFileOf = (dataDir: string) => path.join(path.dirname(dataDir), `${path.basename(dataDir)}.lock`);

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Two processes must never open the same PGlite folder: take a lock file, refuse if it is held. */
function takeLock(dataDir: string): () => void {
  mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  const file = lockFileOf(path.resolve(dataDir));
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, 'utf8'));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(`The database folder ${dataDir} is in use by process ${pid}. Stop it first.`);
    }
    rmSync(file, { force: true }); // left behind by a process that is gone
  }
  let fd: number;
  try {
    fd = openSync(file, 'wx'); // atomic: of two processes starting at once, one wins
  } catch {
    throw new Error(`The database folder ${dataDir} is in use by another process. Stop it first.`);
  }
  writeFileSync(fd, String(process.pid));
  closeSync(fd);
  return () => rmSync(file, { force: true });
}

/** At most this many different statements are prepared on a connection; the rest are planned at each run. */
const MAX_PREPARED_STATEMENTS = 400;

/** The mark of a statement the pool never prepares (`plannedWithValues`). */
const PLANNED_WITH_VALUES = '/* planned with its values */';

/**
 * A condition whose best plan depends on its value, so that the statement carrying it is planned at every run with
 * the request's values rather than prepared once (`preparingClient`). After five runs PostgreSQL compares the plans it
 * made with the values against one made without them, whose estimate for an unknown value can be far off: a tag on
 * 15 % of a store's customers was guessed at 0.5 %, and the kept plan sorted all 3,000 of them for a page of 20 instead
 * of reading the store's newest first until it had 20. Planning costs a fraction of a millisecond.
 */
export function plannedWithValues(condition: SQL): SQL {
  return sql`(${condition} ${sql.raw(PLANNED_WITH_VALUES)})`;
}

/** A read without parameters that is worth preparing: a list page with nothing to filter (its paging in its text). */
const READ_WITHOUT_PARAMETERS = /^\s*(select|with)\s/i;

/**
 * A pg client that prepares each parameterised statement once per connection, under a name the pool gives its
 * text. PostgreSQL then parses a statement once per connection instead of at every run, and after five runs keeps
 * a generic plan when that plan costs no more than the custom ones (`plan_cache_mode = auto`); a statement whose
 * custom plans are cheaper, such as `LIKE $1` on a btree, keeps being planned with its values. For our short
 * statements planning costs more than running them. A read without parameters is prepared too (the group's users
 * list, page 1: planned in 1.0 ms, run in 1.0 ms); other statements without them (DDL, BEGIN) stay unnamed, and so
 * do those carrying a condition `plannedWithValues`.
 */
function preparingClient(Client: typeof pg.Client, names: Map<string, string>): typeof pg.Client {
  return class PreparingClient extends Client {
    override query(...args: unknown[]): never {
      const [first, second] = args;
      const config = (typeof first === 'string' ? { text: first } : first) as (pg.QueryConfig & { submit?: unknown }) | undefined;
      const values = Array.isArray(second) ? second : config?.values;
      if (config && !config.name && !config.submit && (values?.length || READ_WITHOUT_PARAMETERS.test(config.text))) {
        // a statement already named is not marked: only a new text is looked at for the mark
        let name = names.get(config.text);
        if (!name && names.size < MAX_PREPARED_STATEMENTS && !config.text.includes(PLANNED_WITH_VALUES)) {
          names.set(config.text, (name = `s${names.size + 1}`));
        }
        if (name) args[0] = { ...config, name };
      }
      return (super.query as (...a: unknown[]) => never)(...args);
    }
  } as unknown as typeof pg.Client;
}

/** An error PostgreSQL answered to a statement (a broken constraint, a timeout): the connection stays usable. */
function answeredByServer(e: unknown): boolean {
  return e instanceof Error && typeof (e as { code?: unknown }).code === 'string' && (e as { severity?: unknown }).severity === 'ERROR';
}

/**
 * A pool that keeps a connection after a statement PostgreSQL refused. pg's own `pool.query` ends the connection
 * after any failed statement (a duplicate phone number, a cancelled statement): its prepared statements go with it
 * and the next request waits for a new server backend, whose first plans are slower. A connection lost, or an error
 * of severity FATAL, still ends it.
 */
function keepingPool(Pool: typeof pg.Pool): typeof pg.Pool {
  return class KeepingPool extends Pool {
    override query(...args: unknown[]): never {
      const callbackStyle = args.length > 2 || args.some((a) => typeof a === 'function');
      if (callbackStyle) return (super.query as (...a: unknown[]) => never)(...args);
      return this.#query(args[0], args[1]) as never;
    }

    async #query(config: unknown, values: unknown): Promise<unknown> {
      const client = await this.connect();
      let lost: Error | undefined;
      const onError = (e: Error) => (lost ??= e); // the connection failed while the statement ran
      client.on('error', onError);
      try {
        return await (client.query as (c: unknown, v: unknown) => Promise<unknown>)(config, values);
      } catch (e) {
        if (!answeredByServer(e)) lost ??= e instanceof Error ? e : new Error(String(e));
        throw e;
      } finally {
        client.off('error', onError);
        client.release(lost);
      }
    }
  } as unknown as typeof pg.Pool;
}

// A process uses one engine: each one's driver is loaded when it is opened (loading both was a twentieth of an
// embedded restart).
export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  const statementTimeout = opts.statementTimeoutMs ?? 30_000;
  if (opts.url) {
    const [{ default: pg }, { drizzle: drizzlePg }] = await Promise.all([import('pg'), import('drizzle-orm/node-postgres')]);
    const pool = new (keepingPool(pg.Pool))({
      ...(opts.preparedStatements === false ? {} : { Client: preparingClient(pg.Client, new Map()) }),
      connectionString: opts.url,
      max: opts.poolSize ?? 10,
      connectionTimeoutMillis: 5_000,
      // a new server backend plans its first statements 2-3 ms slower (its catalog caches are cold): keep the
      // connections of a quiet store for minutes, not pg's default 10 s
      idleTimeoutMillis: 300_000,
      statement_timeout: statementTimeout,
      lock_timeout: 10_000,
      idle_in_transaction_session_timeout: 60_000,
    } as pg.PoolConfig);
    pool.on('error', () => undefined); // an idle client dropped by the server: the pool replaces it
    const db = drizzlePg(pool, { casing: 'snake_case' }) as unknown as Db;
    return {
      ...databaseOver(
        (text, params) => pool.query(text, params),
        () => pool.end(),
      ),
      kind: 'postgres',
      db,
      pool,
    };
  }
  const dataDir = opts.dataDir ?? 'memory://';
  const inMemory = dataDir.startsWith('memory://');
  const release = inMemory ? () => undefined : takeLock(dataDir);
  let client: PGlite;
  let db: Db;
  try {
    const [{ PGlite }, { pg_trgm }, { btree_gin }, { drizzle: drizzlePglite }] = await Promise.all([
      import('@electric-sql/pglite'),
      import('@electric-sql/pglite/contrib/pg_trgm'),
      import('@electric-sql/pglite/contrib/btree_gin'),
      import('drizzle-orm/pglite'),
    ]);
    const sharedBuffers = opts.sharedBuffers ?? EMBEDDED_SHARED_BUFFERS;
    if (!/^\d+(kB|MB|GB)$/.test(sharedBuffers)) {
      throw new Error(`The embedded buffer cache must be a size such as 64MB (SIFANG_EMBEDDED_SHARED_BUFFERS is "${sharedBuffers}")`);
    }
    client = await PGlite.create(inMemory ? undefined : dataDir, {
      extensions: { pg_trgm, btree_gin },
      startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffers}`],
      ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
    });
    db = drizzlePglite(client, { casing: 'snake_case' }) as unknown as Db;
  } catch (e) {
    release();
    throw e;
  }
  const close = async () => {
    await client.close();
    release();
  };
  return { ...databaseOver((text, params) => client.query(text, params), close), kind: 'pglite', db, pglite: client };
}

/**
 * The embedded database run by its own thread (`startEmbeddedThread`), as the application uses a database. Statements sent
 * before the thread has opened the folder wait for it; `client.ready` says when it has (or why it could not).
 */
export async function threadDatabase(client: ThreadPglite): Promise<Database> {
  const { drizzle: drizzlePglite } = await import('drizzle-orm/pglite');
  const db = drizzlePglite(client as unknown as PGlite, { casing: 'snake_case' }) as unknown as Db;
  return {
    ...databaseOver(
      (text, params) => client.query(text, params),
      () => client.close(),
    ),
    kind: 'pglite',
    db,
  };
}

/** A database's raw statements, health check and closing, over whatever runs its statements. */
function databaseOver(
  run: (text: string, params: unknown[]) => Promise<{ rows: unknown[] }>,
  close: () => Promise<void>,
): Pick<Database, 'query' | 'ping' | 'close'> {
  return {
    async query<T>(text: string, params: unknown[] = []) {
      return (await run(text, params)).rows as T[];
    },
    ping: (timeoutMs = 1000) =>
      withTimeout(
        run('SELECT 1', []).then(() => true),
        timeoutMs,
      ),
    close,
  };
}

async function withTimeout(p: Promise<boolean>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([p.catch(() => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function migrateDatabase(database: Database): Promise<void> {
  // trigram search, and btree_gin so that a GIN search index can lead with the store
  await database.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  await database.query('CREATE EXTENSION IF NOT EXISTS btree_gin');
  if (database.kind === 'pglite') {
    // drizzle's PGlite migrator is the supported path there (drizzle-kit migrate fails silently).
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(database.db as never, { migrationsFolder });
  } else {
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    await migrate(database.db as never, { migrationsFolder });
  }
}

/** Drop everything the application created (db:reset and test set-up). */
export async function dropAll(database: Database): Promise<void> {
  await database.db.execute(sql`DROP SCHEMA IF EXISTS public CASCADE`);
  await database.db.execute(sql`DROP SCHEMA IF EXISTS drizzle CASCADE`);
  await database.db.execute(sql`CREATE SCHEMA public`);
}

const RETRYABLE = new Set(['40001', '40P01']); // serialization failure, deadlock

/** One transaction; serialization failures and deadlocks are retried a bounded number of times. */
export async function withTx<T>(db: Db, fn: (tx: Tx) => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await db.transaction(fn);
    } catch (e) {
      const code = pgCode(e);
      if (i < attempts && code && RETRYABLE.has(code)) continue;
      throw e;
    }
  }
}

/** The SQLSTATE of a database error, looking through drizzle's wrapper. */
export function pgCode(e: unknown): string | undefined {
  let cur: unknown = e;
  for (let depth = 0; cur && depth < 4; depth++) {
    const c = (cur as { code?: unknown }).code;
    if (typeof c === 'string' && /^[0-9A-Z]{5}$/.test(c)) return c;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

export function pgConstraint(e: unknown): string | undefined {
  let cur: unknown = e;
  for (let depth = 0; cur && depth < 4; depth++) {
    const c = (cur as { constraint?: unknown }).constraint;
    if (typeof c === 'string') return c;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}
