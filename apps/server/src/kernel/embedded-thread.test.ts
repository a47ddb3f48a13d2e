import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { lockFileOf, openDatabase, pgCode, pgConstraint, threadDatabase, withTx, type Database } from './db.js';
import { startEmbeddedThread, type EmbeddedStart, type ThreadPglite } from './embedded-thread.js';

// The embedded database as the server runs it: PGlite in a thread of its own, reached by messages. What the
// application relies on must hold across the threads as it does in one: the same rows and types, errors that keep
// PostgreSQL's code and constraint, transactions that commit or roll back whole and that no other statement runs inside.

const entry = new URL('./embedded-worker.ts', import.meta.url);
const folders: string[] = [];
const open: { client: ThreadPglite; database: Database }[] = [];

async function start(options: Partial<EmbeddedStart> = {}) {
  const client = startEmbeddedThread(entry, { dataDir: 'memory://', migrate: false, ...options });
  const database = await threadDatabase(client);
  open.push({ client, database });
  return { client, database };
}

function folder(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sifang-thread-'));
  folders.push(dir);
  return path.join(dir, 'db');
}

afterEach(async () => {
  await Promise.all(open.splice(0).map(({ database }) => database.close()));
});
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

const TYPES = `SELECT '2026-12-08 09:30:00+08'::timestamptz AS at, '2026-12-08'::date AS day, 12345678901234::bigint AS big,
  12.50::numeric AS amount, '{"a":[1,"二"]}'::jsonb AS doc, ARRAY['VIP','车队'] AS tags, '\\x00ff'::bytea AS bytes,
  NULL::text AS nothing, true AS yes`;

describe('the embedded database in its own thread', () => {
  // one thread on an in-memory database for the statements and transactions (each test its own tables)
  let shared: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    const client = startEmbeddedThread(entry, { dataDir: 'memory://', migrate: false });
    shared = { client, database: await threadDatabase(client) };
  });
  afterAll(() => shared.database.close());

  it('answers statements with the rows and types PGlite gives in the same thread, raw and through drizzle', async () => {
    const { database } = shared;
    const inThread = await openDatabase({ dataDir: 'memory://' });
    try {
      expect(await database.query(TYPES)).toEqual(await inThread.query(TYPES));
      const [row] = await database.query<{ at: Date; bytes: Uint8Array }>(TYPES);
      expect(row!.at).toBeInstanceOf(Date);
      expect(row!.at.toISOString()).toBe('2026-12-08T01:30:00.000Z');
      // drizzle reads timestamps and dates as PostgreSQL writes them (its parsers), in both
      const viaDrizzle = sql`SELECT ${'2026-12-08 09:30:00+08'}::timestamptz AS at, ${'2026-12-08'}::date AS day, ${7}::int AS n`;
      const threaded = (await database.db.execute(viaDrizzle)) as unknown as { rows: unknown[] };
      const local = (await inThread.db.execute(viaDrizzle)) as unknown as { rows: unknown[] };
      expect(threaded.rows).toEqual(local.rows);
      expect(typeof (threaded.rows[0] as { at: unknown }).at).toBe('string');
    } finally {
      await inThread.close();
    }
  });

  it('keeps PostgreSQL’s error code and constraint, and goes on after a failed statement', async () => {
    const { database } = shared;
    await database.query('CREATE TABLE plate (no text CONSTRAINT plate_no_key UNIQUE)');
    await database.query('INSERT INTO plate VALUES ($1)', ['粤A12345']);
    const error = await database.db.execute(sql`INSERT INTO plate VALUES (${'粤A12345'})`).catch((e: unknown) => e);
    expect(pgCode(error)).toBe('23505');
    expect(pgConstraint(error)).toBe('plate_no_key');
    await expect(database.query('SELEC 1')).rejects.toThrow(/syntax error/);
    expect(await database.query('SELECT count(*)::int AS n FROM plate')).toEqual([{ n: 1 }]);
  });

  it('commits a transaction whole, rolls it back whole when it throws, and nests savepoints', async () => {
    const { database } = shared;
    await database.query('CREATE TABLE ledger (fen int NOT NULL CHECK (fen <> 0))');
    await withTx(database.db, async (tx) => {
      await tx.execute(sql`INSERT INTO ledger VALUES (100)`);
      await tx.execute(sql`INSERT INTO ledger VALUES (-40)`);
    });
    await expect(
      withTx(database.db, async (tx) => {
        await tx.execute(sql`INSERT INTO ledger VALUES (500)`);
        await tx.execute(sql`INSERT INTO ledger VALUES (0)`); // breaks the check: nothing of this transaction stays
      }),
    ).rejects.toThrow();
    await withTx(database.db, async (tx) => {
      await tx.execute(sql`INSERT INTO ledger VALUES (7)`);
      await expect(tx.transaction(async (inner) => inner.execute(sql`INSERT INTO ledger VALUES (0)`))).rejects.toThrow();
    });
    expect(await database.query('SELECT fen FROM ledger ORDER BY fen')).toEqual([{ fen: -40 }, { fen: 7 }, { fen: 100 }]);
  });

  it('runs no other statement inside an open transaction: they wait for it to end', async () => {
    const { database } = shared;
    await database.query('CREATE TABLE stock (qty int)');
    let outside: Promise<unknown[]> | undefined;
    await expect(
      withTx(database.db, async (tx) => {
        await tx.execute(sql`INSERT INTO stock VALUES (5)`);
        outside = database.query('SELECT count(*)::int AS n FROM stock'); // another request meanwhile
        await new Promise((r) => setTimeout(r, 50));
        throw new Error('the clerk cancelled');
      }),
    ).rejects.toThrow('the clerk cancelled');
    // had it run inside the transaction it would have counted the row rolled back
    expect(await outside).toEqual([{ n: 0 }]);
  });

  it('reports a COMMIT that fails and keeps nothing of that transaction', async () => {
    const { database } = shared;
    await database.query('CREATE TABLE part (id int PRIMARY KEY)');
    await database.query('CREATE TABLE movement (part_id int REFERENCES part (id) DEFERRABLE INITIALLY DEFERRED)');
    const error = await withTx(database.db, async (tx) => {
      await tx.execute(sql`INSERT INTO movement VALUES (42)`);
    }).catch((e: unknown) => e);
    expect(pgCode(error)).toBe('23503');
    expect(await database.query('SELECT count(*)::int AS n FROM movement')).toEqual([{ n: 0 }]);
    await withTx(database.db, async (tx) => {
      await tx.execute(sql`INSERT INTO part VALUES (42)`);
      await tx.execute(sql`INSERT INTO movement VALUES (42)`);
    });
    expect(await database.query('SELECT count(*)::int AS n FROM movement')).toEqual([{ n: 1 }]);
  });

  it('migrates the folder when asked, keeps it locked while open and releases it when closed', async () => {
    const dataDir = folder();
    const { client, database } = await start({ dataDir, migrate: true });
    await client.ready;
    const [row] = await database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'customer'`,
    );
    expect(row!.n).toBe(1);
    expect(readFileSync(lockFileOf(dataDir), 'utf8')).toBe(String(process.pid));
    await database.close();
    open.splice(0);
    expect(existsSync(lockFileOf(dataDir))).toBe(false);
    await expect(database.query('SELECT 1')).rejects.toThrow(/stopped/);
  });

  it('says why it cannot open a folder another process holds, and refuses statements', async () => {
    const dataDir = folder();
    writeFileSync(lockFileOf(dataDir), String(process.ppid)); // a live process other than this one
    const client = startEmbeddedThread(entry, { dataDir, migrate: false });
    await expect(client.ready).rejects.toThrow(`in use by process ${process.ppid}`);
    await expect(client.query('SELECT 1')).rejects.toThrow(`in use by process ${process.ppid}`);
  });

  it('refuses a query option it cannot carry across rather than ignoring it', async () => {
    const { client } = shared;
    await expect(client.query('SELECT 1 AS n', [], { parsers: { 23: (v: string) => Number(v) * 2 } })).rejects.toThrow(/as text only/);
    expect((await client.query<{ n: number }>('SELECT 1 AS n')).rows).toEqual([{ n: 1 }]);
  });
});
