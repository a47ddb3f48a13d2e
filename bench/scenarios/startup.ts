// Start-up, restart and memory of the real server as `npm start` runs it (apps/server/dist/server.mjs, the server
// compiled by apps/server/scripts/build.mjs), on both engines:
//  - embedded first start with demo data: a fresh SIFANG_DATA_DIR each run, spawn → first 200 of
//    /api/health/ready; from the demo template (data/demo-template-<migrations>.tar.gz) when it is there, by seeding
//    otherwise (then a template is also built into a temporary folder, as `npm install` would, and that path measured
//    too); once more through `npm start` to show npm's own overhead;
//  - embedded restart on the same folder (SIGTERM, start again), split into what happens before the server's own
//    clock starts (node, tsx, the import graph) and the server's "serving … after N ms";
//  - PostgreSQL start on the benchmark database (ctx.databaseUrl);
//  - RSS at rest (5 s after start) and peak RSS under a closed loop of searches and customer lists, both engines.
// Every temporary data folder is removed at the end.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { BENCH_DATA_KEY } from '../lib/data.js';
import { closedLoop, send, type ClosedLoop, type Req } from '../lib/load.js';
import { freePort, repoRoot, rssMbOf, startChild, type Child } from '../lib/processes.js';
import { usersIn } from '../lib/samples.js';
import { login } from '../lib/session.js';
import { repeated, round, type Repeated } from '../lib/stats.js';
import type { BenchContext, Goal, Scenario, Session } from '../lib/types.js';

const SERVER = 'apps/server/dist/server.mjs';
const GOAL_RESTART_MS = 2_000;
const GOAL_FIRST_START_MS = 20_000;
const GOAL_RSS_PG_MB = 250;
const GOAL_RSS_EMBEDDED_MB = 500;
const IDLE_MS = 5_000;

type Start = {
  /** spawn → first 200 of /api/health/ready */
  readyMs: number;
  /** the server's own "serving … after N ms" (from the top of server.ts, after its few imports are loaded) */
  servingMs: number | null;
  /** the first start copied the demo template in (log line), seeded the demo, or neither (restart) */
  demo: 'template' | 'seeded' | 'none';
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function migrationCount(): number {
  const journal = JSON.parse(readFileSync(path.join(repoRoot, 'apps/server/migrations/meta/_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

/** Reads the server's log until its "serving … after N ms" line is there (pino may flush a little after listen). */
async function readServingLog(logFile: string): Promise<{ servingMs: number | null; demo: Start['demo'] }> {
  const deadline = Date.now() + 3_000;
  for (;;) {
    const text = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
    const m = /is serving on \S+ \(\w+\) after (\d+) ms/.exec(text);
    if (m || Date.now() > deadline) {
      const demo = text.includes('prepared at install') ? 'template' : text.includes('Demo group') ? 'seeded' : 'none';
      return { servingMs: m ? Number(m[1]) : null, demo };
    }
    await sleep(50);
  }
}

async function startServer(env: Record<string, string | undefined>): Promise<{ child: Child; start: Start }> {
  const child = await startChild({ script: SERVER, env, timeoutMs: 180_000, nodeArgs: ['--enable-source-maps'] });
  const log = await readServingLog(child.logFile);
  return { child, start: { readyMs: round(child.startMs, 0), ...log } };
}

async function stopServer(child: Child): Promise<void> {
  await child.stop();
  rmSync(child.logFile, { force: true });
}

/**
 * `npm start` (root package.json: build the server if a source changed, then node apps/server/dist/server.mjs), in a process group of
 * its own so the whole npm → sh → node chain stops together.
 */
async function npmStart(env: Record<string, string | undefined>): Promise<Start> {
  const port = await freePort();
  const logFile = path.join(os.tmpdir(), `sifang-bench-npm-start-${port}.log`);
  const fd = openSync(logFile, 'w');
  const t0 = performance.now();
  const proc: ChildProcess = spawn('npm', ['start'], {
    cwd: repoRoot,
    env: { ...process.env, NODE_ENV: 'development', PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', fd, fd],
    detached: true,
  });
  closeSync(fd);
  let exited: number | null | undefined;
  proc.on('exit', (code) => (exited = code));
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-proc.pid!, s);
    } catch {
      // already gone
    }
  };
  try {
    const deadline = Date.now() + 180_000;
    for (;;) {
      if (exited !== undefined) throw new Error(`npm start exited with ${exited}:\n${readFileSync(logFile, 'utf8').slice(-3000)}`);
      if (Date.now() > deadline) throw new Error(`npm start not ready in time:\n${readFileSync(logFile, 'utf8').slice(-3000)}`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/health/ready`)).ok) break;
      } catch {
        // not listening yet
      }
      await sleep(25);
    }
    const readyMs = round(performance.now() - t0, 0);
    return { readyMs, ...(await readServingLog(logFile)) };
  } finally {
    if (exited === undefined) {
      const gone = new Promise((r) => proc.once('exit', r));
      signal('SIGTERM');
      const kill = setTimeout(() => signal('SIGKILL'), 15_000);
      await gone;
      clearTimeout(kill);
      // npm may exit before its child: give the server a moment to release the data folder
      await sleep(500);
    }
    rmSync(logFile, { force: true });
  }
}

/** The realistic read mix one signed-in user sends: searches of each kind and the first page of customers. */
function loadMix(session: Session): Req[] {
  const h = session.headers;
  const q = (s: string) => ({ path: `/api/search?q=${encodeURIComponent(s)}`, headers: h });
  return [q('8000'), q('王思'), q('zs'), q('1234'), q('李晓'), q('wxm'), { path: '/api/customers?page=1&pageSize=20', headers: h }];
}

async function signIn(url: string, users: string[]): Promise<Session> {
  let last: unknown;
  for (const u of users) {
    try {
      return await login(url, u);
    } catch (e) {
      last = e;
    }
  }
  throw last instanceof Error ? last : new Error(String(last));
}

type Load = { user: string; peakRssMb: number; loop: ClosedLoop };

/** A closed loop over the mix while the child's RSS is sampled every 200 ms. */
async function underLoad(ctx: BenchContext, child: Child, users: string[]): Promise<Load> {
  const session = await signIn(child.url, users);
  const mix = loadMix(session);
  for (const r of mix) {
    const res = await send(child.url, r);
    if (res.status >= 400) throw new Error(`${r.path}: ${res.status} ${res.body.slice(0, 300)}`);
  }
  let peak = child.rssMb();
  const sampler = setInterval(() => {
    try {
      peak = Math.max(peak, child.rssMb());
    } catch {
      // process gone
    }
  }, 200);
  try {
    const loop = await closedLoop(child.url, mix, ctx.settings);
    return { user: session.username, peakRssMb: peak, loop };
  } finally {
    clearInterval(sampler);
  }
}

async function restAndMeasure(child: Child): Promise<number> {
  await sleep(IDLE_MS);
  return rssMbOf(child.proc.pid!);
}

const ms = (r: Repeated) => `${Math.round(r.median)} ms`;
const spread = (r: Repeated) => `${Math.round(r.min)}–${Math.round(r.max)} (${r.spreadPct} %)`;
const rep = (xs: number[]) => repeated(xs);
const servingOf = (starts: Start[]) => {
  const xs = starts.map((s) => s.servingMs).filter((x): x is number => x !== null);
  return xs.length ? rep(xs) : null;
};

export const scenario: Scenario = {
  name: 'startup',
  title: 'Start-up, restart and memory of the real server (embedded PGlite and PostgreSQL)',
  standalone: true,
  async run(ctx) {
    // what npm start runs, built once here (npm start below rebuilds only when a source is newer)
    execFileSync(process.execPath, ['apps/server/scripts/build.mjs'], { cwd: repoRoot });
    const runs = ctx.quick ? 2 : Math.max(3, ctx.settings.runs);
    const root = mkdtempSync(path.join(os.tmpdir(), 'sifang-bench-startup-'));
    const n = migrationCount();
    const repoTemplate = path.join(repoRoot, 'data', `demo-template-${n}.tar.gz`);
    const hasRepoTemplate = existsSync(repoTemplate);
    const notes: string[] = [];
    const data: Record<string, unknown> = { runs, repoTemplate: path.relative(repoRoot, repoTemplate), hasRepoTemplate };
    const live: Child[] = [];
    const common = { LOG_LEVEL: 'info', LOGIN_RATE_PER_MINUTE: '1000000' };
    /** embedded: the template's own key file when the repository's template is used, else a key file of our own */
    const embeddedEnv = (dataDir: string, keyFile: string | undefined) => ({
      ...common,
      DATABASE_URL: undefined,
      SIFANG_DATA_KEY: undefined,
      SIFANG_DATA_DIR: dataDir,
      SIFANG_DATA_KEY_FILE: keyFile,
    });

    try {
      // ---- embedded: first start, restart, at rest, under load --------------------------------------------------
      const firstStarts: Record<'template' | 'seeded', Start[]> = { template: [], seeded: [] };
      const restarts: Start[] = [];
      const embeddedRest: number[] = [];
      let embeddedLoad: Load | undefined;
      let templateBuildMs: number | undefined;

      const embeddedRuns = async (path_: 'template' | 'seeded', keyFile: string | undefined, withLoad: boolean) => {
        for (let i = 0; i < runs; i++) {
          const dir = path.join(root, `${path_}-${i}`);
          mkdirSync(dir, { recursive: true });
          const env = embeddedEnv(path.join(dir, 'pglite'), keyFile);
          ctx.log(`  embedded first start (${path_}) ${i + 1}/${runs}`);
          const first = await startServer(env);
          live.push(first.child);
          firstStarts[path_].push(first.start);
          if (first.start.demo !== path_)
            notes.push(`embedded first start ${i + 1} expected "${path_}", the log says "${first.start.demo}"`);
          await stopServer(first.child);
          ctx.log(`  embedded restart ${i + 1}/${runs}`);
          const again = await startServer(env);
          live.push(again.child);
          restarts.push(again.start);
          embeddedRest.push(await restAndMeasure(again.child));
          if (withLoad && i === runs - 1) {
            ctx.log('  embedded under load');
            embeddedLoad = await underLoad(ctx, again.child, ['advisor.gz01']);
          }
          await stopServer(again.child);
          rmSync(dir, { recursive: true, force: true });
        }
      };

      let npmKeyFile: string | undefined;
      if (hasRepoTemplate) {
        await embeddedRuns('template', undefined, true);
      } else {
        notes.push(
          `the demo template ${path.relative(repoRoot, repoTemplate)} is missing (npm run demo:template builds it at install): ` +
            'the first starts seeded the demo; a template built into a temporary folder was measured as well',
        );
        const keyDir = path.join(root, 'key');
        mkdirSync(keyDir, { recursive: true });
        const keyFile = path.join(keyDir, 'secret.key');
        await embeddedRuns('seeded', keyFile, true);
        ctx.log('  building a demo template in a temporary folder (what npm install does)');
        const t = performance.now();
        const build = await startDemoTemplate({
          SIFANG_DATA_KEY: undefined,
          SIFANG_DATA_KEY_FILE: keyFile,
          SIFANG_SKIP_DEMO_TEMPLATE: undefined,
        });
        templateBuildMs = round(performance.now() - t, 0);
        if (!existsSync(path.join(keyDir, `demo-template-${n}.tar.gz`))) throw new Error(`demo template not built:\n${build}`);
        await embeddedRuns('template', keyFile, false);
        npmKeyFile = keyFile;
      }

      // ---- the same through npm start: a first start, then a restart on that folder --------------------------------
      ctx.log('  npm start: first start and restart');
      const npmDir = path.join(root, 'npm');
      mkdirSync(npmDir, { recursive: true });
      const npmEnv = embeddedEnv(path.join(npmDir, 'pglite'), npmKeyFile);
      const npmFirst = await npmStart(npmEnv);
      const npmRestart = await npmStart(npmEnv);
      rmSync(npmDir, { recursive: true, force: true });

      // ---- PostgreSQL --------------------------------------------------------------------------------------------
      const pgEnv = { ...common, DATABASE_URL: ctx.databaseUrl, SIFANG_DATA_KEY: BENCH_DATA_KEY, SIFANG_DATA_DIR: undefined };
      const pgStarts: Start[] = [];
      const pgRest: number[] = [];
      let pgLoad: Load | undefined;
      const pgRuns = (await usersIn(ctx.databaseUrl)) > 0 ? runs : 0;
      if (pgRuns === 0) notes.push(`PostgreSQL not measured: ${ctx.databaseUrl} holds no users (no stage prepared it)`);
      for (let i = 0; i < pgRuns; i++) {
        ctx.log(`  PostgreSQL start ${i + 1}/${runs}`);
        const s = await startServer(pgEnv);
        live.push(s.child);
        pgStarts.push(s.start);
        pgRest.push(await restAndMeasure(s.child));
        if (i === runs - 1) {
          ctx.log('  PostgreSQL under load');
          pgLoad = await underLoad(ctx, s.child, ['advisor.s001', 'advisor.gz01']);
        }
        await stopServer(s.child);
      }

      // ---- report ------------------------------------------------------------------------------------------------
      const startRows: (string | number)[][] = [
        [
          'start',
          'runs',
          'to ready, median',
          'min–max (spread)',
          "server's own 'serving after', median",
          'before the server clock (node, the entry and its few imports)',
        ],
      ];
      const addRow = (label: string, starts: Start[]) => {
        if (starts.length === 0) return;
        const ready = rep(starts.map((s) => s.readyMs));
        const own = servingOf(starts);
        startRows.push([
          label,
          starts.length,
          ms(ready),
          spread(ready),
          own ? `${Math.round(own.median)} ms` : '—',
          own ? `${Math.round(ready.median - own.median)} ms` : '—',
        ]);
      };
      addRow(
        `embedded first start, demo from the template${hasRepoTemplate ? '' : ' (built in a temporary folder)'}`,
        firstStarts.template,
      );
      addRow('embedded first start, demo seeded (no template)', firstStarts.seeded);
      addRow(`embedded first start through npm start (${npmFirst.demo})`, [npmFirst]);
      addRow('embedded restart (same data folder)', restarts);
      addRow('embedded restart through npm start', [npmRestart]);
      addRow('PostgreSQL start (benchmark database)', pgStarts);

      const loadRow = (engine: string, rest: number[], l: Load | undefined) => {
        const r = rest.length ? rep(rest) : null;
        return [
          engine,
          r ? `${r.median} MB (${r.min}–${r.max})` : '—',
          l ? `${l.peakRssMb} MB` : '—',
          l ? `${Math.round(l.loop.rps.median)} req/s (spread ${l.loop.rps.spreadPct} %)` : '—',
          l ? `${l.loop.p50Ms} / ${l.loop.p99Ms}` : '—',
          l ? `${l.loop.errors} / ${l.loop.non2xx}` : '—',
          l?.user ?? '—',
        ];
      };
      const memRows: (string | number)[][] = [
        [
          'engine',
          `RSS at rest (${IDLE_MS / 1000} s after start)`,
          'peak RSS under load',
          'throughput',
          'p50 / p99 ms',
          'errors / non-2xx',
          'signed in as',
        ],
        loadRow('embedded (PGlite, demo data; after a restart)', embeddedRest, embeddedLoad),
        loadRow('PostgreSQL (benchmark database)', pgRest, pgLoad),
      ];

      const restart = rep(restarts.map((s) => s.readyMs));
      const restartOwn = servingOf(restarts);
      const tpl = firstStarts.template.length ? rep(firstStarts.template.map((s) => s.readyMs)) : null;
      const seeded = firstStarts.seeded.length ? rep(firstStarts.seeded.map((s) => s.readyMs)) : null;
      const worstFirst = Math.max(tpl?.median ?? 0, seeded?.median ?? 0);
      const firstMeasured = [
        tpl ? `${round(tpl.median / 1000, 1)} s from the template${hasRepoTemplate ? '' : ' (temporary)'}` : null,
        seeded ? `${round(seeded.median / 1000, 1)} s seeding (no template)` : null,
      ]
        .filter(Boolean)
        .join('; ');
      const goals: Goal[] = [
        {
          goal: `embedded restart to serving ≤ ${GOAL_RESTART_MS / 1000} s`,
          measured: `${ms(restart)} median (${spread(restart)}); the server's own part ${restartOwn ? ms(restartOwn) : '?'}`,
          met: restart.median <= GOAL_RESTART_MS,
        },
        {
          goal: `first start with demo data ≤ ${GOAL_FIRST_START_MS / 1000} s`,
          measured: `${firstMeasured} (median)`,
          met: worstFirst <= GOAL_FIRST_START_MS,
        },
        {
          goal: `server RSS under load ≤ ${GOAL_RSS_PG_MB} MB on PostgreSQL`,
          measured: pgLoad ? `${pgLoad.peakRssMb} MB peak` : 'not measured',
          met: pgLoad ? pgLoad.peakRssMb <= GOAL_RSS_PG_MB : null,
        },
        {
          goal: `server RSS under load ≤ ${GOAL_RSS_EMBEDDED_MB} MB embedded`,
          measured: embeddedLoad ? `${embeddedLoad.peakRssMb} MB peak` : 'not measured',
          met: embeddedLoad ? embeddedLoad.peakRssMb <= GOAL_RSS_EMBEDDED_MB : null,
        },
      ];
      notes.push(
        "'to ready' counts from spawn to the first 200 of /api/health/ready (polled every 25 ms); the server's own figure " +
          "starts at the top of server.ts, after node has started and the entry's few imports have loaded (the application's are loaded after it has started the embedded database's thread)",
        `under load: ${ctx.settings.connections} connections, ${ctx.settings.runs} runs of ${ctx.settings.duration} s after ${ctx.settings.warmup} s ` +
          'warm-up, over searches (phone tails 8000 / 1234, names 王思 / 李晓, pinyin zs / wxm) and /api/customers page 1; RSS sampled every 200 ms',
      );
      if (templateBuildMs !== undefined) notes.push(`building the demo template (install time) took ${round(templateBuildMs / 1000, 1)} s`);
      Object.assign(data, {
        firstStarts,
        templateBuildMs,
        restarts,
        npmStart: { firstStart: npmFirst, restart: npmRestart },
        postgres: { starts: pgStarts, rssAtRestMb: pgRest, load: pgLoad },
        embedded: { rssAtRestMb: embeddedRest, load: embeddedLoad },
      });
      return {
        tables: [
          { title: 'Start-up: spawn → first 200 of /api/health/ready', rows: startRows },
          { title: 'Memory of the server process (RSS) at rest and under load', rows: memRows },
        ],
        goals,
        data,
        notes,
      };
    } finally {
      for (const c of live) await c.stop().catch(() => null);
      rmSync(root, { recursive: true, force: true });
    }
  },
};

/** `npm run demo:template` with our environment (a temporary key file, so the template lands beside it). */
async function startDemoTemplate(env: Record<string, string | undefined>): Promise<string> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/cli/demo-template.ts'], {
      cwd: repoRoot,
      env: { ...process.env, NODE_ENV: 'development', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    proc.stdout.on('data', (c: Buffer) => (out += c.toString()));
    proc.stderr.on('data', (c: Buffer) => (out += c.toString()));
    proc.on('error', reject);
    proc.on('exit', () => resolve(out));
  });
}
