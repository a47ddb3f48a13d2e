import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/seed.js';

// The real server as users start it: a child process on its own PGlite folder and port (QUALITY §3).
// PGlite only: the folder lock and the first-start seeding are what is under test here.

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const SLOW = { timeout: 120_000 };

type Server = {
  child: ChildProcess;
  port: number;
  /** stdout and stderr, as they arrive */
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

const children = new Set<ChildProcess>();

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function startServer(dataDir: string, port: number, env: Record<string, string> = {}): Server {
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['NODE_ENV', 'DATABASE_URL', 'SIFANG_ADMIN_PASSWORD', 'SIFANG_WEB_DIST', 'TRUST_PROXY']) delete childEnv[k];
  Object.assign(childEnv, { SIFANG_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' }, env);
  const child = spawn(process.execPath, ['--enable-source-maps', 'apps/server/dist/server.mjs'], {
    cwd: repoRoot,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    });
  });
  return { child, port, output: () => out, exited };
}

/** The log as text: each pino JSON line's msg, other lines (e.g. a crash on stderr) as they are. */
function logText(s: Server): string {
  return s
    .output()
    .split('\n')
    .map((line) => {
      try {
        return String((JSON.parse(line) as { msg?: unknown }).msg ?? line);
      } catch {
        return line;
      }
    })
    .join('\n');
}

/** Poll /api/health/ready until 200; fails early if the process exits. */
async function waitReady(s: Server, timeoutMs = 60_000): Promise<number> {
  const started = performance.now();
  let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  void s.exited.then((e) => (exited = e));
  while (performance.now() - started < timeoutMs) {
    if (exited) throw new Error(`server exited (code ${exited.code}, signal ${exited.signal}) before it was ready:\n${s.output()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${s.port}/api/health/ready`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server not ready after ${timeoutMs} ms:\n${s.output()}`);
}

async function login(s: Server, username: string, password: string): Promise<Response> {
  return fetch(`http://127.0.0.1:${s.port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
}

async function exitWithin<T>(p: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), ms)));
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe.skipIf(!!process.env.DATABASE_URL)('the server as a process (PGlite)', () => {
  let tmp: string;
  let dataDir: string;
  let first: Server | undefined;

  beforeAll(() => {
    // what `npm start` runs: the server compiled into one module
    execFileSync(process.execPath, ['apps/server/scripts/build.mjs'], { cwd: repoRoot });
    tmp = mkdtempSync(path.join(os.tmpdir(), 'sifang-proc-'));
    dataDir = path.join(tmp, 'pglite');
  });

  afterAll(async () => {
    for (const c of children) c.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 200));
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('starts on a new folder, seeds the demo and serves', SLOW, async () => {
    first = startServer(dataDir, await freePort());
    const ms = await waitReady(first);
    console.log(`server-process: first start (new folder, demo seed) ready in ${Math.round(ms)} ms`);
    expect(logText(first)).toContain(`Demo group 示例汽车集团 created. Every demo user's password is "${DEMO_PASSWORD}".`);

    const ok = await login(first, 'admin', DEMO_PASSWORD);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('set-cookie')).toMatch(/sifang_sid=/);
    expect((await login(first, 'admin', 'wrong-password')).status).toBe(401);
  });

  it('refuses a second server on the same folder', SLOW, async () => {
    expect(first, 'the first server runs').toBeDefined();
    const second = startServer(dataDir, await freePort());
    const result = await exitWithin(second.exited, 60_000);
    expect(result, second.output()).not.toBe('timeout');
    expect((result as { code: number | null }).code).not.toBe(0);
    expect(logText(second)).toMatch(/database folder .* is in use by process \d+/);
    // the first one is unharmed
    const res = await fetch(`http://127.0.0.1:${first!.port}/api/health/ready`);
    expect(res.status).toBe(200);
  });

  it('stops on SIGTERM with exit code 0 within 10 s', SLOW, async () => {
    expect(first, 'the first server runs').toBeDefined();
    const t0 = performance.now();
    first!.child.kill('SIGTERM');
    const result = await exitWithin(first!.exited, 10_000);
    expect(result, first!.output()).toEqual({ code: 0, signal: null });
    console.log(`server-process: SIGTERM to exit in ${Math.round(performance.now() - t0)} ms`);
    expect(logText(first!)).toContain('shutting down');
  });

  it('restarts on the same folder without seeding again', SLOW, async () => {
    const again = startServer(dataDir, await freePort());
    const ms = await waitReady(again);
    console.log(`server-process: restart-to-ready ${Math.round(ms)} ms`);
    expect(logText(again)).toContain('Sifang DMS is serving');
    expect(logText(again)).not.toContain('Demo group');
    expect((await login(again, 'advisor.gz01', DEMO_PASSWORD)).status).toBe(200);
    again.child.kill('SIGTERM');
    expect(await exitWithin(again.exited, 10_000)).toEqual({ code: 0, signal: null });
  });

  it('a production first start creates only the administrator', SLOW, async () => {
    const prod = startServer(path.join(tmp, 'prod', 'pglite'), await freePort(), {
      NODE_ENV: 'production',
      SIFANG_ADMIN_PASSWORD: 'Admin-pass-2026',
    });
    const ms = await waitReady(prod);
    console.log(`server-process: production first start ready in ${Math.round(ms)} ms`);
    expect(logText(prod)).not.toContain('Demo group');
    expect(logText(prod)).toContain('Administrator "admin" created with the password from SIFANG_ADMIN_PASSWORD');
    expect(prod.output()).not.toContain('Admin-pass-2026'); // the password itself is never logged

    expect((await login(prod, 'admin', 'Admin-pass-2026')).status).toBe(200);
    expect((await login(prod, 'admin', DEMO_PASSWORD)).status).toBe(401);
    expect((await login(prod, 'advisor.gz01', DEMO_PASSWORD)).status).toBe(401);
    prod.child.kill('SIGTERM');
    expect(await exitWithin(prod.exited, 10_000)).toEqual({ code: 0, signal: null });
  });
});
