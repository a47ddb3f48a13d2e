import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from './db.js';

// Prepared statements are a PostgreSQL server's (PGlite runs in the process and has no pool): this part of the
// suite runs when DATABASE_URL is set (`.ci/run` and `npm run test:server` on PostgreSQL).
const url = process.env.DATABASE_URL;

type Prepared = { statement: string; generic_plans: number; custom_plans: number };
/** The statements prepared on the pool's one connection, with how often each was planned generically or not. */
const prepared = (database: Database) =>
  database.query<Prepared>(
    `SELECT statement, generic_plans::int AS generic_plans, custom_plans::int AS custom_plans
       FROM pg_prepared_statements WHERE statement NOT LIKE '%pg_prepared_statements%' ORDER BY prepare_time`,
  );

describe.skipIf(!url)('statements on PostgreSQL', () => {
  let database: Database | undefined;
  afterEach(() => database?.close());

  it('are prepared once per connection and their plan kept', async () => {
    database = await openDatabase({ url, poolSize: 1 });
    for (let i = 0; i < 8; i++) {
      const rows = await database.db.execute(sql`SELECT count(*)::int AS n FROM pg_class WHERE relname = ${'pg_class'}`);
      expect((rows as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(1);
      await database.query('SELECT $1::int + 1 AS n', [i]);
    }
    const statements = await prepared(database);
    expect(statements.map((s) => s.statement)).toEqual([
      'SELECT count(*)::int AS n FROM pg_class WHERE relname = $1',
      'SELECT $1::int + 1 AS n',
    ]);
    // planned with its values five times, then PostgreSQL keeps the generic plan: no planning at each run
    expect(statements[0]!.custom_plans).toBe(5);
    expect(statements[0]!.generic_plans).toBe(3);
  });

  it('prepare reads without parameters too, leave other statements without them unprepared, and keep a connection after a statement the server refused', async () => {
    database = await openDatabase({ url, poolSize: 1 });
    await database.query('CREATE TEMP TABLE page_probe (n int)');
    await database.query('BEGIN');
    await database.query('INSERT INTO page_probe VALUES (1), (2)');
    await database.query('COMMIT');
    for (let i = 0; i < 3; i++) {
      expect(await database.query('SELECT n FROM page_probe ORDER BY n LIMIT 20 OFFSET 0')).toEqual([{ n: 1 }, { n: 2 }]);
    }
    const statements = await prepared(database);
    expect(statements.map((s) => s.statement)).toEqual(['SELECT n FROM page_probe ORDER BY n LIMIT 20 OFFSET 0']);
    expect(statements[0]!.generic_plans).toBe(3); // planned once, its plan used at each of the three runs
    // a statement PostgreSQL refuses: the connection, and what it has prepared, stay
    const backend = async () => (await database!.query<{ pid: number }>('SELECT pg_backend_pid() AS pid'))[0]!.pid;
    const pid = await backend();
    await expect(database.query('SELECT $1::uuid AS id', ['not-a-uuid'])).rejects.toThrow(/uuid/);
    await expect(database.db.execute(sql`SELECT ${'not-a-uuid'}::uuid AS id`)).rejects.toThrow();
    const [row] = await database.query<{ id: string }>('SELECT $1::uuid AS id', ['7b0c5c8e-3f51-4b6e-9a55-2f1f8f0e6a01']);
    expect(row!.id).toBe('7b0c5c8e-3f51-4b6e-9a55-2f1f8f0e6a01');
    expect(await backend()).toBe(pid);
    expect((await prepared(database)).map((s) => s.statement)).toContain('SELECT n FROM page_probe ORDER BY n LIMIT 20 OFFSET 0');
  });

  it('end a connection the server ended, and go on with a new one', async () => {
    database = await openDatabase({ url, poolSize: 1 });
    const [{ pid }] = (await database.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')) as [{ pid: number }];
    const other = await openDatabase({ url, poolSize: 1 });
    try {
      const running = database.query('SELECT pg_sleep(5)');
      await new Promise((r) => setTimeout(r, 200));
      await other.query('SELECT pg_terminate_backend($1)', [pid]);
      await expect(running).rejects.toThrow();
    } finally {
      await other.close();
    }
    const [after] = await database.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    expect(after!.pid).not.toBe(pid);
  });

  it('are planned at each run when switched off', async () => {
    database = await openDatabase({ url, poolSize: 1, preparedStatements: false });
    for (let i = 0; i < 3; i++) await database.query('SELECT $1::int + 1 AS n', [i]);
    expect(await prepared(database)).toEqual([]);
  });
});

describe('the embedded engine', () => {
  const opened: Database[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((d) => d.close()));
  });
  const bufferCache = async (database: Database) =>
    (await database.query<{ shared_buffers: string }>('SHOW shared_buffers'))[0]!.shared_buffers;

  it('keeps a buffer cache of 64 MB unless told otherwise, not PostgreSQL’s 128 MB zeroed at every start', async () => {
    const database = await openDatabase({ dataDir: 'memory://' });
    opened.push(database);
    expect(await bufferCache(database)).toBe('64MB');
    const smaller = await openDatabase({ dataDir: 'memory://', sharedBuffers: '32MB' });
    opened.push(smaller);
    expect(await bufferCache(smaller)).toBe('32MB');
  });

  it('refuses a buffer cache that is not a size, with the setting named', async () => {
    await expect(openDatabase({ dataDir: 'memory://', sharedBuffers: 'lots' })).rejects.toThrow(/SIFANG_EMBEDDED_SHARED_BUFFERS/);
  });
});
