// B3 and B4: pgbench from the PostgreSQL packages, on the same server as the application.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { repeated, type Repeated } from './stats.js';

const run = promisify(execFile);

export function pgbenchPath(): string | null {
  for (const v of ['17', '16', '15', '14']) {
    const p = `/usr/lib/postgresql/${v}/bin/pgbench`;
    if (existsSync(p)) return p;
  }
  return null;
}

export type PgbenchResult = { tps: Repeated; latencyMs: number; clients: number };

function conn(url: string) {
  const u = new URL(url);
  return ['-h', u.hostname, '-p', u.port || '5432', '-U', decodeURIComponent(u.username || 'postgres'), u.pathname.slice(1)];
}

async function once(bin: string, url: string, args: string[]): Promise<{ tps: number; latencyMs: number }> {
  const { stdout } = await run(bin, [...args, ...conn(url)], { maxBuffer: 16 * 1024 * 1024 });
  const tps = Number(/tps = ([\d.]+)/.exec(stdout)?.[1]);
  const latencyMs = Number(/latency average = ([\d.]+) ms/.exec(stdout)?.[1]);
  if (!Number.isFinite(tps)) throw new Error(`pgbench said:\n${stdout}`);
  return { tps, latencyMs };
}

/** `pgbench -M prepared` with the given extra arguments (a built-in or a script), `runs` times after a warm-up. */
export async function pgbench(
  url: string,
  opts: { script?: string; builtin?: string; clients: number; seconds: number; runs: number },
): Promise<PgbenchResult> {
  const bin = pgbenchPath();
  if (!bin) throw new Error('pgbench not found (postgresql server packages)');
  let scriptArgs: string[];
  if (opts.script) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sifang-pgbench-'));
    const file = path.join(dir, 'script.sql');
    writeFileSync(file, opts.script);
    scriptArgs = ['-f', file];
  } else scriptArgs = ['-b', opts.builtin ?? 'select-only'];
  const base = ['-n', '-M', 'prepared', '-c', String(opts.clients), '-j', '2', ...scriptArgs];
  await once(bin, url, [...base, '-T', String(Math.max(1, Math.round(opts.seconds / 2)))]);
  const runs = [];
  for (let i = 0; i < opts.runs; i++) runs.push(await once(bin, url, [...base, '-T', String(opts.seconds)]));
  const sorted = [...runs].sort((a, b) => a.tps - b.tps);
  return { tps: repeated(runs.map((r) => r.tps)), latencyMs: sorted[Math.floor(sorted.length / 2)]!.latencyMs, clients: opts.clients };
}

/** Creates the pgbench tables (scale 10, ≈1 M accounts) in their own database unless they are there. */
export async function pgbenchInit(url: string): Promise<void> {
  const bin = pgbenchPath();
  if (!bin) throw new Error('pgbench not found');
  await run(bin, ['-i', '-q', '-s', '10', ...conn(url)], { maxBuffer: 16 * 1024 * 1024 });
}
