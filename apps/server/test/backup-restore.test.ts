import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { migrateDatabase, openDatabase, type Database } from '../src/kernel/db.js';
import { createFieldCipher } from '../src/kernel/field-cipher.js';
import { TEST_DATA_KEY } from './global-setup.js';
import { seedDemo } from '../src/demo/seed.js';
import { buildPermissionRegistry } from '../src/app.js';
import { backupDatabase, formatBytes, restoreDatabase } from '../src/cli/db.js';
import { withDatabase } from './global-setup.js';

// The restore drill (QUALITY §3): back up a seeded database with the real command functions, restore it into a
// fresh database and over a changed one, and check that every table's rows and the audit log's guard came back.

const url = process.env.DATABASE_URL;
const SLOW = { timeout: 120_000 };

type Snapshot = Record<string, { rows: number; hash: string }>;

/** Row count and an md5 of the sorted rows of every table of the application (public and drizzle schemas). */
async function snapshot(database: Database): Promise<Snapshot> {
  const tables = await database.query<{ s: string; t: string }>(
    `SELECT table_schema AS s, table_name AS t FROM information_schema.tables
      WHERE table_schema IN ('public', 'drizzle') AND table_type = 'BASE TABLE' ORDER BY 1, 2`,
  );
  const out: Snapshot = {};
  for (const { s, t } of tables) {
    const [row] = await database.query<{ n: number; h: string }>(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${s}"."${t}" x`,
    );
    out[`${s}.${t}`] = { rows: row!.n, hash: row!.h };
  }
  return out;
}

async function addAuditRow(database: Database, action: string): Promise<void> {
  await database.query(`INSERT INTO audit_log (id, action, username) VALUES (gen_random_uuid(), $1, 'drill')`, [action]);
}

/** The seeded data is really there (the comparison is not between two empty databases). */
function expectSeeded(s: Snapshot): void {
  expect(Object.keys(s).length).toBeGreaterThan(20);
  expect(s['public.part']!.rows).toBeGreaterThan(1000);
  expect(s['public.app_user']!.rows).toBeGreaterThan(10);
  expect(s['public.audit_log']!.rows).toBeGreaterThan(0);
  expect(s['drizzle.__drizzle_migrations']!.rows).toBeGreaterThan(0);
}

/** The audit log is still append-only: its triggers came back with the restore. */
async function expectAuditAppendOnly(database: Database): Promise<void> {
  await expect(database.query(`UPDATE audit_log SET action = 'tampered'`)).rejects.toThrow(/append-only/);
  await expect(database.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
  await expect(database.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
  await addAuditRow(database, 'drill.after_restore'); // inserting still works
}

describe.skipIf(!!url)('backup and restore drill (PGlite)', () => {
  let tmp: string;
  let dirA: string;
  let file: string;
  let before: Snapshot;
  let holder: ChildProcess | undefined;

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'sifang-drill-'));
    dirA = path.join(tmp, 'a');
    file = path.join(tmp, 'backups', 'drill.tar.gz');
    const t0 = performance.now();
    const db = await openDatabase({ dataDir: dirA });
    await migrateDatabase(db);
    await seedDemo(db, buildPermissionRegistry(), { cipher: createFieldCipher(TEST_DATA_KEY) });
    await addAuditRow(db, 'drill.before_backup');
    before = await snapshot(db);
    await db.close();
    console.log(`drill: PGlite folder created and seeded in ${Math.round(performance.now() - t0)} ms`);
    expectSeeded(before);
  }, 120_000);

  afterAll(() => {
    holder?.kill('SIGKILL');
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('backs up the data folder', SLOW, async () => {
    const r = await backupDatabase({ dataDir: dirA, file });
    console.log(`drill: PGlite backup ${formatBytes(r.bytes)} in ${r.ms} ms`);
    expect(r.engine).toBe('pglite');
    expect(r.file).toBe(file);
    expect(existsSync(file)).toBe(true);
    expect(existsSync(`${file}.partial`)).toBe(false);
    expect(r.bytes).toBeGreaterThan(100_000);
  });

  it('restores into a new folder: every table matches', SLOW, async () => {
    const dirB = path.join(tmp, 'b');
    const r = await restoreDatabase({ dataDir: dirB, file });
    console.log(`drill: PGlite restore into a new folder in ${r.ms} ms`);
    expect(r.movedAside).toBeUndefined();
    const db = await openDatabase({ dataDir: dirB });
    try {
      expect(await snapshot(db)).toEqual(before);
      await expectAuditAppendOnly(db);
    } finally {
      await db.close();
    }
  });

  it('restores over a changed folder, keeping the old one aside', SLOW, async () => {
    const changed = await openDatabase({ dataDir: dirA });
    await changed.query(
      `UPDATE part SET name = name || ' (changed)' WHERE part_no IN (SELECT part_no FROM part ORDER BY part_no LIMIT 10)`,
    );
    await addAuditRow(changed, 'drill.after_backup');
    const changedSnapshot = await snapshot(changed);
    await changed.close();
    expect(changedSnapshot).not.toEqual(before);

    const now = new Date(2026, 10, 23, 9, 8, 7);
    const r = await restoreDatabase({ dataDir: dirA, file, now });
    console.log(`drill: PGlite restore over an existing folder in ${r.ms} ms`);
    expect(r.movedAside).toBe(`${dirA}.before-restore-20261123-090807`);
    expect(existsSync(path.join(tmp, 'a.lock'))).toBe(false);

    const restored = await openDatabase({ dataDir: dirA });
    try {
      expect(await snapshot(restored)).toEqual(before);
      await expectAuditAppendOnly(restored);
    } finally {
      await restored.close();
    }
    const aside = await openDatabase({ dataDir: r.movedAside! });
    try {
      expect(await snapshot(aside)).toEqual(changedSnapshot);
    } finally {
      await aside.close();
    }
  });

  it('refuses while another process holds the folder, and changes nothing', SLOW, async () => {
    holder = spawn('sleep', ['60'], { stdio: 'ignore' });
    const lock = path.join(tmp, 'a.lock');
    writeFileSync(lock, String(holder.pid));
    try {
      await expect(backupDatabase({ dataDir: dirA, file: path.join(tmp, 'refused.tar.gz') })).rejects.toThrow(/in use by process/);
      await expect(restoreDatabase({ dataDir: dirA, file })).rejects.toThrow(/in use by process/);
      expect(existsSync(path.join(tmp, 'refused.tar.gz'))).toBe(false);
      expect(existsSync(path.join(dirA, 'PG_VERSION'))).toBe(true);
    } finally {
      holder.kill('SIGKILL');
      holder = undefined;
      rmSync(lock, { force: true });
    }
  });

  it('refuses a file that is not a PGlite backup, and changes nothing', SLOW, async () => {
    const bad = path.join(tmp, 'bad.dump');
    writeFileSync(bad, Buffer.concat([Buffer.from('PGDMP'), randomBytes(100)]));
    await expect(restoreDatabase({ dataDir: dirA, file: bad })).rejects.toThrow(/PostgreSQL \(pg_dump\) backup/);
    writeFileSync(bad, 'not a backup');
    await expect(restoreDatabase({ dataDir: dirA, file: bad })).rejects.toThrow(/not a PGlite backup/);
    await expect(restoreDatabase({ dataDir: dirA, file: path.join(tmp, 'missing.tar.gz') })).rejects.toThrow(/no backup file/);
    const db = await openDatabase({ dataDir: dirA });
    try {
      expect((await snapshot(db))['public.part']).toEqual(before['public.part']);
    } finally {
      await db.close();
    }
  });
});

describe.runIf(!!url)('backup and restore drill (PostgreSQL)', () => {
  const suffix = randomBytes(4).toString('hex');
  const srcName = `sifang_drill_src_${suffix}`;
  const dstName = `sifang_drill_dst_${suffix}`;
  let admin: Database;
  let tmp: string;
  let file: string;
  let before: Snapshot;
  const srcUrl = () => withDatabase(url!, srcName);
  const dstUrl = () => withDatabase(url!, dstName);

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'sifang-drill-'));
    file = path.join(tmp, 'drill.dump');
    admin = await openDatabase({ url: url!, poolSize: 1 });
    await admin.query(`CREATE DATABASE ${srcName} TEMPLATE ${inject('templateDatabase')}`);
    await admin.query(`CREATE DATABASE ${dstName}`);
    const src = await openDatabase({ url: srcUrl(), poolSize: 1 });
    await addAuditRow(src, 'drill.before_backup');
    before = await snapshot(src);
    await src.close();
    expectSeeded(before);
  }, 120_000);

  afterAll(async () => {
    if (admin) {
      await admin.query(`DROP DATABASE IF EXISTS ${srcName} WITH (FORCE)`);
      await admin.query(`DROP DATABASE IF EXISTS ${dstName} WITH (FORCE)`);
      await admin.close();
    }
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  async function expectRestored(): Promise<void> {
    const dst = await openDatabase({ url: dstUrl(), poolSize: 1 });
    try {
      expect(await snapshot(dst)).toEqual(before);
      await expectAuditAppendOnly(dst);
    } finally {
      await dst.close();
    }
  }

  /** After a refused restore: still the restored data (only the audit log has grown). */
  async function expectUnchanged(): Promise<void> {
    const dst = await openDatabase({ url: dstUrl(), poolSize: 1 });
    try {
      const s = await snapshot(dst);
      expect(Object.keys(s)).toEqual(Object.keys(before));
      for (const k of Object.keys(before)) if (k !== 'public.audit_log') expect(s[k], k).toEqual(before[k]);
    } finally {
      await dst.close();
    }
  }

  it('backs up with pg_dump', SLOW, async () => {
    const r = await backupDatabase({ url: srcUrl(), file });
    console.log(`drill: PostgreSQL backup ${formatBytes(r.bytes)} in ${r.ms} ms`);
    expect(r.engine).toBe('postgres');
    expect(r.bytes).toBeGreaterThan(10_000);
  });

  it('restores into a fresh, empty database: every table matches', SLOW, async () => {
    const r = await restoreDatabase({ url: dstUrl(), file });
    console.log(`drill: PostgreSQL restore into an empty database in ${r.ms} ms`);
    expect(r.tables).toBe(Object.keys(before).filter((k) => k.startsWith('public.')).length);
    await expectRestored();
  });

  it('restores over a changed database (audit log triggers in place): every table matches', SLOW, async () => {
    const dst = await openDatabase({ url: dstUrl(), poolSize: 1 });
    await dst.query(`UPDATE part SET name = name || ' (changed)' WHERE part_no IN (SELECT part_no FROM part ORDER BY part_no LIMIT 10)`);
    await dst.query(`CREATE TABLE stray (id int)`); // an object the backup does not know goes too
    await addAuditRow(dst, 'drill.after_backup');
    expect(await snapshot(dst)).not.toEqual(before);
    await dst.close();

    const r = await restoreDatabase({ url: dstUrl(), file });
    console.log(`drill: PostgreSQL restore over an existing database in ${r.ms} ms`);
    await expectRestored();
  });

  it('refuses while other sessions are connected to the database', SLOW, async () => {
    const other = await openDatabase({ url: dstUrl(), poolSize: 1 });
    try {
      await other.query('SELECT 1'); // hold a connection open
      await expect(restoreDatabase({ url: dstUrl(), file })).rejects.toThrow(/other session/);
    } finally {
      await other.close();
    }
    await expectUnchanged();
  });

  it('refuses a file that is not a pg_dump backup before dropping anything', SLOW, async () => {
    const bad = path.join(tmp, 'bad.dump');
    writeFileSync(bad, Buffer.concat([Buffer.from('PGDMP'), randomBytes(64)]));
    await expect(restoreDatabase({ url: dstUrl(), file: bad })).rejects.toThrow(/pg_restore failed/);
    writeFileSync(bad, 'not a backup');
    await expect(restoreDatabase({ url: dstUrl(), file: bad })).rejects.toThrow(/not a PostgreSQL backup/);
    await expectUnchanged();
  });
});
