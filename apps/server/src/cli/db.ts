/**
 * Database commands: `npm run db:migrate | db:reset | db:backup | db:restore` (tsx src/cli/db.ts <command>).
 *
 * The engine is chosen as the server chooses it: DATABASE_URL set → PostgreSQL, else the PGlite data folder
 * (SIFANG_DATA_DIR or <repo>/data/pglite). A PGlite folder is opened with its lock file, so a command refuses while
 * a server has the folder open.
 */
import { spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config.js';
import { dropAll, lockFileOf, migrateDatabase, migrationsFolder, openDatabase, type Database } from '../kernel/db.js';

export const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));

export type Engine = 'pglite' | 'postgres';

/** Which database: a PostgreSQL URL, or a PGlite data folder. Neither given → the server's configuration. */
export type Target = { url?: string; dataDir?: string };

type ResolvedTarget = { engine: 'postgres'; url: string } | { engine: 'pglite'; dataDir: string };

export type BackupOptions = Target & {
  /** Where to write; default `backups/sifang-<engine>-<YYYYMMDD-HHmmss>.<tar.gz|dump>` under the repository root. */
  file?: string;
  now?: Date;
};
export type BackupResult = { engine: Engine; file: string; bytes: number; ms: number };

export type RestoreOptions = Target & {
  file: string;
  /** PostgreSQL: restore even though other sessions are connected to the database. */
  force?: boolean;
  now?: Date;
};
export type RestoreResult = {
  engine: Engine;
  file: string;
  ms: number;
  /** PGlite: where the previous data folder was moved. */
  movedAside?: string;
  tables: number;
};

export type MigrateResult = { engine: Engine; applied: string[]; total: number; ms: number };

/** A failure the user can act on: printed as one line, without a stack trace. */
export class CliError extends Error {}

function resolveTarget(t: Target = {}): ResolvedTarget {
  if (t.url) return { engine: 'postgres', url: t.url };
  if (t.dataDir) return { engine: 'pglite', dataDir: path.resolve(t.dataDir) };
  const config = loadConfig();
  // Same resolution as the server (relative SIFANG_DATA_DIR is relative to the process's working directory).
  return config.databaseUrl ? { engine: 'postgres', url: config.databaseUrl } : { engine: 'pglite', dataDir: path.resolve(config.dataDir) };
}

export function describeTarget(t: Target = {}): string {
  const r = resolveTarget(t);
  if (r.engine === 'pglite') return `PGlite folder ${r.dataDir}`;
  return `PostgreSQL ${redactUrl(r.url)}`;
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(invalid DATABASE_URL)';
  }
}

/** `YYYYMMDD-HHmmss`, local time. */
export function timestamp(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

// ---------------------------------------------------------------------------------------------------------------
// PGlite helpers

function lockHolder(dataDir: string): number | undefined {
  const file = lockFileOf(dataDir);
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8'));
  if (!pid || pid === process.pid) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (e) {
    // EPERM: the process exists but belongs to another user — still alive.
    return (e as NodeJS.ErrnoException).code === 'EPERM' ? pid : undefined;
  }
}

function assertUnlocked(dataDir: string): void {
  const pid = lockHolder(dataDir);
  if (pid) throw new CliError(`The database folder ${dataDir} is in use by process ${pid}. Stop the server first.`);
}

function hasPgliteDatabase(dataDir: string): boolean {
  return existsSync(path.join(dataDir, 'PG_VERSION'));
}

async function openPgliteExisting(dataDir: string): Promise<Database> {
  if (!hasPgliteDatabase(dataDir)) throw new CliError(`There is no database in ${dataDir} (set SIFANG_DATA_DIR or DATABASE_URL).`);
  return openTarget({ engine: 'pglite', dataDir });
}

async function openTarget(t: ResolvedTarget): Promise<Database> {
  try {
    return t.engine === 'postgres' ? await openDatabase({ url: t.url, poolSize: 1 }) : await openDatabase({ dataDir: t.dataDir });
  } catch (e) {
    throw new CliError(errorMessage(e));
  }
}

/** Kinds of dump file, by their first bytes. */
function dumpKind(file: string): 'gzip' | 'tar' | 'pg_dump' | 'unknown' {
  const buf = Buffer.alloc(512);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buf, 0, 512, 0);
  } finally {
    closeSync(fd);
  }
  if (buf[0] === 0x1f && buf[1] === 0x8b) return 'gzip';
  if (buf.subarray(0, 5).toString('latin1') === 'PGDMP') return 'pg_dump';
  if (buf.subarray(257, 262).toString('latin1') === 'ustar') return 'tar';
  return 'unknown';
}

// ---------------------------------------------------------------------------------------------------------------
// PostgreSQL helpers

/** A PostgreSQL client program: on PATH, else the newest /usr/lib/postgresql/<version>/bin. */
export function findPgBinary(name: 'pg_dump' | 'pg_restore'): string {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base)
      .filter((v) => /^\d+(\.\d+)?$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) {
      const bin = path.join(base, v, 'bin', name);
      if (existsSync(bin)) return bin;
    }
  }
  throw new CliError(`${name} was not found on PATH or in /usr/lib/postgresql/*/bin: install the PostgreSQL client programs.`);
}

/** The URL without its password, and the password for PGPASSWORD (so it does not show in the process list). */
function splitPassword(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  if (!u.password) return { url, env: {} };
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { url: u.toString(), env: { PGPASSWORD: password } };
}

function run(bin: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (e) => reject(new CliError(`${path.basename(bin)} could not start: ${e.message}`)));
    child.on('close', (code, signal) => {
      if (code === 0) return resolve(stdout);
      const lines = stderr
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      const detail = lines.find((l) => /error|fatal/i.test(l)) ?? lines[0] ?? `exit ${code ?? signal}`;
      reject(new CliError(`${path.basename(bin)} failed: ${detail}`));
    });
  });
}

async function otherSessions(database: Database): Promise<number> {
  const [row] = await database.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
  );
  return row?.n ?? 0;
}

async function assertAlone(database: Database, url: string, force: boolean | undefined): Promise<void> {
  if (force) return;
  const n = await otherSessions(database);
  if (n > 0) {
    throw new CliError(
      `${n} other session(s) are connected to ${redactUrl(url)}: stop the server first (or add --force to go ahead anyway).`,
    );
  }
}

async function countTables(database: Database): Promise<number> {
  const [row] = await database.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  return row?.n ?? 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Commands

type JournalEntry = { when: number; tag: string };

async function appliedMigrations(database: Database): Promise<number[]> {
  const [exists] = await database.query<{ t: string | null }>(`SELECT to_regclass('drizzle.__drizzle_migrations')::text AS t`);
  if (!exists?.t) return [];
  const rows = await database.query<{ created_at: string | number }>('SELECT created_at FROM drizzle.__drizzle_migrations ORDER BY id');
  return rows.map((r) => Number(r.created_at));
}

async function migrateOpen(database: Database): Promise<{ applied: string[]; total: number }> {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: JournalEntry[] };
  const before = new Set(await appliedMigrations(database));
  await migrateDatabase(database);
  const after = await appliedMigrations(database);
  const applied = after.filter((w) => !before.has(w)).map((w) => journal.entries.find((e) => e.when === w)?.tag ?? String(w));
  return { applied, total: after.length };
}

export async function migrateCommand(target: Target = {}): Promise<MigrateResult> {
  const t = resolveTarget(target);
  const started = performance.now();
  const database = await openTarget(t);
  try {
    const r = await migrateOpen(database);
    return { engine: t.engine, ...r, ms: Math.round(performance.now() - started) };
  } finally {
    await database.close();
  }
}

/** Drop everything and migrate again (no seeding). */
export async function resetDatabase(target: Target & { force?: boolean } = {}): Promise<MigrateResult> {
  const t = resolveTarget(target);
  const started = performance.now();
  const database = await openTarget(t);
  try {
    if (t.engine === 'postgres') await assertAlone(database, t.url, target.force);
    await dropAll(database);
    const r = await migrateOpen(database);
    return { engine: t.engine, ...r, ms: Math.round(performance.now() - started) };
  } finally {
    await database.close();
  }
}

export function defaultBackupFile(engine: Engine, now = new Date()): string {
  return path.join(repoRoot, 'backups', `sifang-${engine}-${timestamp(now)}.${engine === 'pglite' ? 'tar.gz' : 'dump'}`);
}

export async function backupDatabase(opts: BackupOptions = {}): Promise<BackupResult> {
  const t = resolveTarget(opts);
  const started = performance.now();
  const file = path.resolve(opts.file ?? defaultBackupFile(t.engine, opts.now));
  mkdirSync(path.dirname(file), { recursive: true });
  // Written under a temporary name and renamed at the end: a failed backup leaves no truncated file behind.
  const partial = `${file}.partial`;
  try {
    if (t.engine === 'pglite') {
      const database = await openPgliteExisting(t.dataDir);
      try {
        const dump = await database.pglite!.dumpDataDir('gzip');
        writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
      } finally {
        await database.close();
      }
    } else {
      const { url, env } = splitPassword(t.url);
      await run(findPgBinary('pg_dump'), ['--format=custom', '--no-password', `--file=${partial}`, `--dbname=${url}`], env);
    }
    renameSync(partial, file);
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  }
  return { engine: t.engine, file, bytes: statSync(file).size, ms: Math.round(performance.now() - started) };
}

export async function restoreDatabase(opts: RestoreOptions): Promise<RestoreResult> {
  const t = resolveTarget(opts);
  const file = path.resolve(opts.file);
  if (!existsSync(file) || !statSync(file).isFile()) throw new CliError(`There is no backup file ${file}.`);
  const kind = dumpKind(file);
  const started = performance.now();
  if (t.engine === 'pglite') {
    if (kind === 'pg_dump') throw new CliError(`${file} is a PostgreSQL (pg_dump) backup: restore it with DATABASE_URL set.`);
    if (kind === 'unknown') throw new CliError(`${file} is not a PGlite backup (a .tar.gz made by db:backup).`);
    const r = await restorePglite(t.dataDir, file, opts.now ?? new Date());
    return { engine: 'pglite', file, ms: Math.round(performance.now() - started), ...r };
  }
  if (kind !== 'pg_dump') throw new CliError(`${file} is not a PostgreSQL backup (a .dump made by db:backup with DATABASE_URL set).`);
  const tables = await restorePostgres(t.url, file, opts.force);
  return { engine: 'postgres', file, ms: Math.round(performance.now() - started), tables };
}

async function restorePglite(dataDir: string, file: string, now: Date): Promise<{ movedAside?: string; tables: number }> {
  assertUnlocked(dataDir);
  const lock = lockFileOf(dataDir);
  mkdirSync(path.dirname(dataDir), { recursive: true });
  // Hold the lock (our pid) for the whole swap, so a server starting meanwhile refuses the folder.
  writeFileSync(lock, String(process.pid));
  let movedAside: string | undefined;
  try {
    if (existsSync(dataDir)) {
      movedAside = `${dataDir}.before-restore-${timestamp(now)}`;
      for (let i = 2; existsSync(movedAside); i++) movedAside = `${dataDir}.before-restore-${timestamp(now)}-${i}`;
      renameSync(dataDir, movedAside);
    }
    try {
      const blob = new Blob([readFileSync(file)]);
      // openDatabase takes the lock again (same pid) and releases it on close.
      const database = await openDatabase({ dataDir, loadDataDir: blob });
      try {
        const tables = await countTables(database);
        return { movedAside, tables };
      } finally {
        await database.close();
      }
    } catch (e) {
      // Put the previous folder back: a failed restore changes nothing.
      rmSync(dataDir, { recursive: true, force: true });
      if (movedAside) renameSync(movedAside, dataDir);
      movedAside = undefined;
      throw new CliError(`Restoring ${file} failed (the previous data folder was put back): ${errorMessage(e)}`);
    }
  } finally {
    if (existsSync(lock) && Number(readFileSync(lock, 'utf8')) === process.pid) rmSync(lock, { force: true });
  }
}

async function restorePostgres(targetUrl: string, file: string, force: boolean | undefined): Promise<number> {
  const { url, env } = splitPassword(targetUrl);
  // Read the dump's table of contents first: a damaged file fails here, before anything is dropped.
  const toc = await run(findPgBinary('pg_restore'), ['--list', file]);
  const schemas = [...toc.matchAll(/^\d+; \d+ \d+ SCHEMA - (\S+) /gm)].map((m) => m[1]!).filter((s) => s !== 'public');

  const database = await openTarget({ engine: 'postgres', url: targetUrl });
  try {
    await assertAlone(database, targetUrl, force);
    // Restore into an empty database rather than with --clean: the audit log's triggers refuse
    // DELETE/TRUNCATE, and objects the dump does not know (newer migrations) must go too.
    await dropAll(database);
    for (const s of schemas) await database.query(`DROP SCHEMA IF EXISTS "${s.replaceAll('"', '""')}" CASCADE`);
  } finally {
    await database.close();
  }
  await run(
    findPgBinary('pg_restore'),
    ['--no-owner', '--exit-on-error', '--single-transaction', '--no-password', `--dbname=${url}`, file],
    env,
  );
  const after = await openTarget({ engine: 'postgres', url: targetUrl });
  try {
    return await countTables(after);
  } finally {
    await after.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Command line

function errorMessage(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.replace(/\s*\n\s*/g, ' ').trim();
}

/** A path the user typed: relative to where they typed it (npm runs workspace scripts in apps/server). */
function userPath(p: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), p);
}

const usage = `Usage (from the repository root):
  npm run db:migrate                       apply pending migrations
  npm run db:reset -- --yes                drop everything and migrate again (no demo data; the next start seeds it)
  npm run db:backup [-- <file>]            back up to <file> (default backups/sifang-<engine>-<time>.<tar.gz|dump>)
  npm run db:restore -- <file> --yes       replace the database with a backup
DATABASE_URL set → PostgreSQL; otherwise the PGlite folder SIFANG_DATA_DIR (default data/pglite).
PostgreSQL reset/restore refuse while other sessions are connected; --force goes ahead anyway.`;

export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  const flags = new Set(rest.filter((a) => a.startsWith('-')));
  const args = rest.filter((a) => !a.startsWith('-'));
  const known = new Set(['--yes', '-y', '--force', '--help', '-h']);
  const unknown = [...flags].filter((f) => !known.has(f));
  // The root scripts forward to `npm run <script> -w apps/server` without a `--`, so that inner npm takes
  // `--yes` / `--force` as its own options and passes them on only as npm_config_yes / npm_config_force.
  const viaNpm = Boolean(process.env.npm_lifecycle_event);
  const yes = flags.has('--yes') || flags.has('-y') || (viaNpm && process.env.npm_config_yes === 'true');
  const force = flags.has('--force') || (viaNpm && process.env.npm_config_force === 'true');
  try {
    if (!command || flags.has('--help') || flags.has('-h') || command === 'help') {
      console.log(usage);
      return command ? 0 : 1;
    }
    if (unknown.length) throw new CliError(`Unknown option ${unknown.join(' ')}. Run "npm run db:migrate -- --help" for help.`);
    const target = describeTarget();
    switch (command) {
      case 'migrate': {
        if (args.length) throw new CliError('db:migrate takes no arguments.');
        const r = await migrateCommand();
        console.log(
          r.applied.length
            ? `Migrated ${target}: applied ${r.applied.length} migration(s) (${r.applied.join(', ')}) in ${r.ms} ms; ${r.total} in all.`
            : `${target} is up to date (${r.total} migrations applied) — checked in ${r.ms} ms.`,
        );
        return 0;
      }
      case 'reset': {
        if (args.length) throw new CliError('db:reset takes no file.');
        if (!yes) throw new CliError(`This deletes every row in ${target}. To go ahead: npm run db:reset -- --yes`);
        const r = await resetDatabase({ force });
        const next = loadConfig().production ? 'creates the administrator' : 'seeds the demo data';
        console.log(
          `Reset ${target}: dropped everything and applied ${r.applied.length} migration(s) in ${r.ms} ms. The next start ${next}.`,
        );
        return 0;
      }
      case 'backup': {
        if (args.length > 1) throw new CliError('db:backup takes at most one file.');
        const r = await backupDatabase({ file: args[0] ? userPath(args[0]) : undefined });
        console.log(`Backed up ${target} to ${r.file} (${formatBytes(r.bytes)}, ${r.bytes} bytes) in ${r.ms} ms.`);
        return 0;
      }
      case 'restore': {
        if (args.length !== 1) throw new CliError('Which backup? npm run db:restore -- <file> --yes');
        const file = userPath(args[0]!);
        if (!yes) throw new CliError(`This replaces ${target} with ${file}. To go ahead: npm run db:restore -- ${args[0]} --yes`);
        const r = await restoreDatabase({ file, force });
        console.log(`Restored ${target} from ${r.file} (${r.tables} tables) in ${r.ms} ms.`);
        if (r.movedAside) console.log(`The previous data folder was kept as ${r.movedAside} (delete it when you no longer need it).`);
        return 0;
      }
      default:
        throw new CliError(`Unknown command "${command}".\n${usage}`);
    }
  } catch (e) {
    if (process.env.DEBUG) console.error(e);
    console.error(`db ${command ?? ''}: ${e instanceof CliError && e.message.includes('\nUsage') ? e.message : errorMessage(e)}`);
    return 1;
  }
}

const entry = process.argv[1] ? path.resolve(process.argv[1]) : '';
if (entry === fileURLToPath(import.meta.url)) {
  process.exit(await main(process.argv.slice(2)));
}
