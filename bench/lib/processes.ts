// Child processes a benchmark starts: the application (bench/lib/server-under-test.ts or the real
// apps/server/src/server.ts), the baseline server; their readiness, RSS and shutdown.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export type Child = {
  proc: ChildProcess;
  port: number;
  url: string;
  logFile: string;
  /** ms from spawn to the first successful answer of `readyPath` */
  startMs: number;
  rssMb(): number;
  stop(): Promise<number | null>;
};

export type StartOptions = {
  /** script relative to the repository root, run with `node --import tsx` */
  script: string;
  env?: Record<string, string | undefined>;
  readyPath?: string;
  timeoutMs?: number;
  args?: string[];
  /** options for node itself, e.g. --cpu-prof */
  nodeArgs?: string[];
};

/** Spawns a Node script with tsx, waits until `readyPath` answers 200. Logs go to a file (kept on failure). */
export async function startChild(opts: StartOptions): Promise<Child> {
  const port = await freePort();
  const logFile = path.join(os.tmpdir(), `sifang-bench-${path.basename(opts.script, '.ts')}-${port}.log`);
  const fd = openSync(logFile, 'w');
  const started = performance.now();
  const proc = spawn(
    process.execPath,
    [...(opts.nodeArgs ?? []), ...(opts.script.endsWith('.mjs') ? [] : ['--import', 'tsx']), opts.script, ...(opts.args ?? [])],
    {
      cwd: repoRoot,
      env: { ...process.env, NODE_ENV: 'development', PORT: String(port), HOST: '127.0.0.1', ...opts.env },
      stdio: ['ignore', fd, fd],
    },
  );
  closeSync(fd);
  let exited: number | null | undefined;
  proc.on('exit', (code) => (exited = code));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  for (;;) {
    if (exited !== undefined) throw new Error(`${opts.script} exited with ${exited}:\n${readFileSync(logFile, 'utf8').slice(-3000)}`);
    if (Date.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`${opts.script} not ready in time:\n${readFileSync(logFile, 'utf8').slice(-3000)}`);
    }
    try {
      const res = await fetch(url + (opts.readyPath ?? '/api/health/ready'));
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  const startMs = performance.now() - started;
  return {
    proc,
    port,
    url,
    logFile,
    startMs,
    rssMb: () => rssMbOf(proc.pid!),
    stop: () =>
      new Promise((resolve) => {
        if (exited !== undefined) return resolve(exited);
        proc.once('exit', (code) => resolve(code));
        proc.kill('SIGTERM');
        setTimeout(() => proc.kill('SIGKILL'), 15_000).unref();
      }),
  };
}

/** Resident set size of a process in MB (Linux /proc). */
export function rssMbOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return Math.round(kb / 1024);
}

/**
 * Compiles a benchmark entry (bench/lib/<name>.ts) the way `npm start` compiles the server (apps/server/scripts/
 * build.mjs), so that what is measured runs as in production: no TypeScript compiler loaded at run time.
 * Returns the script to give startChild.
 */
export function buildBenchEntry(name: 'server-under-test' | 'baseline-server'): string {
  const out = `apps/server/dist/bench-${name}.mjs`;
  execFileSync(process.execPath, ['apps/server/scripts/build.mjs', '--entry', `bench/lib/${name}.ts`, '--outfile', out], { cwd: repoRoot });
  return out;
}
