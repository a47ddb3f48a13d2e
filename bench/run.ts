// `npm run bench` / `npm run bench:quick`: every scenario in bench/scenarios, against a generated dealer group on
// the local PostgreSQL, with the baselines measured in the same run. Results: bench/results/<date>[-quick].json
// and .md. See bench/README.md for how to run it, add a scenario and read the ratios.
//
//   npm run bench [-- --quick] [--only search,mixed-staff] [--database-url postgres://…] [--no-write]
import { execSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { closedLoop, openLoopRepeated, sequential, type ClosedLoop, type Req, type Settings } from './lib/load.js';
import { pgbench, pgbenchInit, type PgbenchResult } from './lib/pgbench.js';
import { buildBenchEntry, repoRoot, startChild } from './lib/processes.js';
import { login } from './lib/session.js';
import { round } from './lib/stats.js';
import { prepareStage, BENCH_DATA_KEY, type StageData } from './lib/data.js';
import type { BenchContext, EndpointResult, Scenario, ScenarioResult, ServerStats, Stage } from './lib/types.js';
import { writeReport, type Report } from './lib/report.js';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const quick = flag('quick');
const only = option('only')?.split(',');
const pgRoot = option('database-url') ?? process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = option('database') ?? (quick ? 'sifang_bench_quick' : 'sifang_bench');
/** every data size has its database (reused by later runs while the generator's parameters match) */
const stageDatabase = (stage: Stage) => `${dbName}_s${stage.stores}`;
const stageUrl = (stage: Stage) => withDatabase(pgRoot, stageDatabase(stage));

const settings: Settings = quick
  ? { duration: 3, warmup: 1, runs: 3, connections: 16 }
  : { duration: 6, warmup: 3, runs: 3, connections: 32 };
const stages: Stage[] = quick
  ? [{ name: 'quick (4 stores)', stores: 4, years: 5 }]
  : [
      { name: '1 M vehicles', stores: 40, years: 5 },
      { name: '2.5 M vehicles', stores: 100, years: 5 },
    ];

function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
const log = (m: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}`);

async function loadScenarios(): Promise<Scenario[]> {
  const dir = path.join(repoRoot, 'bench', 'scenarios');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort();
  const list: Scenario[] = [];
  for (const f of files) {
    const mod = (await import(path.join(dir, f))) as { scenario?: Scenario };
    if (!mod.scenario) throw new Error(`bench/scenarios/${f} exports no \`scenario\``);
    if (!only || only.includes(mod.scenario.name)) list.push(mod.scenario);
  }
  return list;
}

async function ensureDatabase(): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(pgRoot, 'postgres') });
  await client.connect();
  for (const name of [...stages.map(stageDatabase), `${dbName}_pgbench`]) {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${name}`);
  }
  await client.end();
}

function machine() {
  const git = (cmd: string) => {
    try {
      return execSync(cmd, { cwd: repoRoot, encoding: 'utf8' }).trim();
    } catch {
      return 'unknown';
    }
  };
  return {
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}`,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    postgres: '',
    commit: git('git rev-parse --short HEAD'),
    dirty: git('git status --porcelain') !== '',
    loadAverage: os.loadavg().map((x) => round(x, 2)),
  };
}

async function main() {
  const t0 = performance.now();
  const scenarios = await loadScenarios();
  log(`${scenarios.length} scenarios: ${scenarios.map((s) => s.name).join(', ')}; ${quick ? 'quick' : 'full'} run on ${pgRoot}`);
  await ensureDatabase();
  const report: Report = {
    date: new Date().toISOString(),
    quick,
    machine: machine(),
    settings,
    stages: [],
    standalone: [],
  };
  const pgVersion = new pg.Client({ connectionString: withDatabase(pgRoot, 'postgres') });
  await pgVersion.connect();
  report.machine.postgres = (await pgVersion.query<{ v: string }>('SELECT version() AS v')).rows[0]!.v.split(' on ')[0]!;
  await pgVersion.end();

  // B3 runs on pgbench's own tables, in a database of their own
  const pgbenchUrl = withDatabase(pgRoot, `${dbName}_pgbench`);
  await pgbenchInit(pgbenchUrl);

  let lastStage: { stage: Stage; data: StageData } | undefined;
  for (const stage of stages) {
    const staged = scenarios.filter((s) => !s.standalone && (s.stages === 'every' || stage === stages.at(-1)));
    if (staged.length === 0) continue;
    log(`stage ${stage.name}: preparing data in ${stageDatabase(stage)}`);
    const databaseUrl = stageUrl(stage);
    const data = await prepareStage(databaseUrl, stage, log);
    lastStage = { stage, data };
    const stageReport: Report['stages'][number] = { stage: { ...stage, ...data.counts }, data, baselines: {}, scenarios: {} };
    report.stages.push(stageReport);

    const env = { DATABASE_URL: databaseUrl, SIFANG_DATA_KEY: BENCH_DATA_KEY, LOGIN_RATE_PER_MINUTE: '1000000', LOG_LEVEL: 'info' };
    const nodeArgs = ['--enable-source-maps'];
    const baseline = await startChild({ script: buildBenchEntry('baseline-server'), env, readyPath: '/b1', nodeArgs });
    const app = await startChild({ script: buildBenchEntry('server-under-test'), env, nodeArgs });
    try {
      const b1Cache = new Map<number, ClosedLoop>();
      let b2: ClosedLoop | undefined;
      const ctx: BenchContext = {
        quick,
        settings,
        stage,
        databaseUrl,
        app: {
          url: app.url,
          pid: app.proc.pid!,
          rssMb: () => app.rssMb(),
          async stats(reset = false, trace = false) {
            const res = await fetch(`${app.url}/api/bench/stats?${reset ? 'reset=1&' : ''}${trace ? 'trace=1' : ''}`);
            return (await res.json()) as ServerStats;
          },
        },
        login: (username) => login(app.url, username),
        async b1(bytes) {
          const key = Math.round(bytes / 100) * 100 || 100;
          let r = b1Cache.get(key);
          if (!r) {
            r = await closedLoop(baseline.url, [{ path: `/b1?bytes=${key}` }], settings);
            b1Cache.set(key, r);
            stageReport.baselines[`B1 (${key} B)`] = r;
          }
          return r;
        },
        b4: (name) => stageReport.baselines[`B4-${name}`] as PgbenchResult | undefined,
        async b2() {
          if (!b2) {
            b2 = await closedLoop(baseline.url, [{ path: '/b2' }], settings);
            stageReport.baselines.B2 = b2;
          }
          return b2;
        },
        measure: (name, reqs, opts) => measure(ctx, name, reqs, opts),
        log,
      };
      log('baselines B2, B3');
      await ctx.b2();
      stageReport.baselines.B3 = await pgbench(pgbenchUrl, {
        builtin: 'select-only',
        clients: 8,
        seconds: settings.duration,
        runs: settings.runs,
      });
      for (const s of staged) {
        for (const hw of s.hotWrites ?? []) {
          log(`baseline B4-${hw.name}`);
          if (hw.setupSql) {
            const c = new pg.Client({ connectionString: databaseUrl });
            await c.connect();
            await c.query(hw.setupSql);
            await c.end();
          }
          stageReport.baselines[`B4-${hw.name}`] = await pgbench(databaseUrl, {
            script: hw.script,
            clients: 8,
            seconds: settings.duration,
            runs: settings.runs,
          });
        }
      }
      for (const s of staged) {
        log(`scenario ${s.name}: ${s.title}`);
        const started = performance.now();
        try {
          const result = await s.run(ctx);
          stageReport.scenarios[s.name] = { title: s.title, seconds: round((performance.now() - started) / 1000, 0), ...result };
        } catch (e) {
          log(`scenario ${s.name} failed: ${(e as Error).stack ?? String(e)}`);
          stageReport.scenarios[s.name] = failed(s, e);
        }
      }
    } finally {
      await app.stop();
      await baseline.stop();
    }
  }

  const standalone = scenarios.filter((x) => x.standalone);
  // standalone scenarios use the benchmark database too (a PostgreSQL start, the web app's data)
  if (standalone.length > 0 && !lastStage) {
    log(`preparing the data of ${stages.at(-1)!.name} for the standalone scenarios`);
    lastStage = { stage: stages.at(-1)!, data: await prepareStage(stageUrl(stages.at(-1)!), stages.at(-1)!, log) };
  }
  for (const s of standalone) {
    log(`scenario ${s.name}: ${s.title}`);
    const started = performance.now();
    const ctx = standaloneContext(lastStage?.stage ?? stages.at(-1)!);
    try {
      const result = await s.run(ctx);
      report.standalone.push({ name: s.name, title: s.title, seconds: round((performance.now() - started) / 1000, 0), ...result });
    } catch (e) {
      log(`scenario ${s.name} failed: ${(e as Error).stack ?? String(e)}`);
      report.standalone.push({ name: s.name, ...failed(s, e) });
    }
  }
  report.totalSeconds = round((performance.now() - t0) / 1000, 0);
  if (!flag('no-write')) {
    const dir = path.join(repoRoot, 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    const merge = option('merge');
    const files = merge
      ? writeReport(dir, mergeInto(JSON.parse(readFileSync(merge, 'utf8')) as Report, report), path.resolve(merge))
      : writeReport(dir, report);
    log(`report: ${files.join(', ')}`);
  } else writeFileSync(path.join(os.tmpdir(), 'sifang-bench.json'), JSON.stringify(report, null, 2));
  log(`done in ${report.totalSeconds} s`);
}

/**
 * `--merge <report.json>`: the scenarios measured now replace theirs in an earlier report of the same stages (e.g. to
 * measure again what ran while the machine was busy); the report lists what was measured again, and when.
 */
function mergeInto(base: Report, now: Report): Report {
  for (const st of now.stages) {
    const target = base.stages.find((b) => b.stage.name === st.stage.name);
    if (!target) throw new Error(`--merge: the earlier report has no stage ${st.stage.name}`);
    for (const [name, sc] of Object.entries(st.scenarios))
      target.scenarios[name] = {
        ...sc,
        notes: [
          ...(sc.notes ?? []),
          `measured again at ${now.date} (commit ${now.machine.commit}); baselines of that run: ${JSON.stringify(Object.fromEntries(Object.entries(st.baselines).map(([k, v]) => [k, Math.round('tps' in v ? v.tps.median : v.rps.median)])))}`,
        ],
      };
  }
  for (const sc of now.standalone) {
    const i = base.standalone.findIndex((b) => b.name === sc.name);
    const merged = { ...sc, notes: [...(sc.notes ?? []), `measured again at ${now.date}`] };
    if (i >= 0) base.standalone[i] = merged;
    else base.standalone.push(merged);
  }
  base.remeasured = [
    ...(base.remeasured ?? []),
    {
      date: now.date,
      scenarios: [...new Set(now.stages.flatMap((s) => Object.keys(s.scenarios)).concat(now.standalone.map((s) => s.name)))],
    },
  ];
  return base;
}

function failed(s: Scenario, e: unknown): ScenarioResult & { title: string } {
  return { title: s.title, tables: [], data: { error: e instanceof Error ? e.message : String(e) }, notes: [`failed: ${String(e)}`] };
}

/** Scenarios that run their own processes get the settings and the database, not an application. */
function standaloneContext(stage: Stage): BenchContext {
  const databaseUrl = stageUrl(stage);
  const none = () => {
    throw new Error('a standalone scenario has no application under test');
  };
  return {
    quick,
    settings,
    stage,
    databaseUrl,
    app: { url: '', pid: 0, rssMb: none, stats: none },
    login: none,
    b1: none,
    b2: none,
    b4: none,
    measure: none,
    log,
  };
}

/**
 * The standard measurement of an endpoint mix: idle latency (one user) with the server's own time and the
 * queries per request, then peak throughput closed-loop (with and without pipelining) and latency open-loop at
 * 50 % and 80 % of that peak; RSS and event-loop delay under load.
 */
async function measure(
  ctx: BenchContext,
  name: string,
  reqs: readonly Req[],
  opts: { samples?: number; pipelined?: boolean; openLoop?: boolean } = {},
): Promise<EndpointResult> {
  const s = ctx.settings;
  const samples = opts.samples ?? (ctx.quick ? 60 : 300);
  await sequential(ctx.app.url, reqs, Math.min(samples, 30)); // warm-up
  await ctx.app.stats(true);
  const idle = await sequential(ctx.app.url, reqs, samples);
  const idleStats = await ctx.app.stats(true);
  const serverSamples = Object.entries(idleStats.routes).filter(([route]) => !route.includes('/api/bench/'));
  // the mix's routes together: weighted by count, the largest percentiles are a fair bound
  const serverTime = {
    p50: weighted(serverSamples.map(([, r]) => [r.p50, r.n])),
    p95: Math.max(...serverSamples.map(([, r]) => r.p95 ?? 0)),
    p99: Math.max(...serverSamples.map(([, r]) => r.p99 ?? 0)),
  };
  const queriesPerRequest = round(idleStats.queries / samples, 2);

  ctx.log(`  ${name}: closed loop`);
  // RSS peaks: under the closed loop (the goal's measure), and apart under the pipelined stress
  const rss = { peak: 0, pipelined: 0 };
  let phase: 'peak' | 'pipelined' = 'peak';
  const sampler = setInterval(() => {
    try {
      rss[phase] = Math.max(rss[phase], ctx.app.rssMb());
    } catch {
      // process gone
    }
  }, 200);
  const peak = await closedLoop(ctx.app.url, reqs, s, 1);
  phase = 'pipelined';
  const peakPipelined = opts.pipelined === false ? undefined : await closedLoop(ctx.app.url, reqs, s, 10);
  clearInterval(sampler);
  const loaded = await ctx.app.stats(true);
  let at50, at80;
  if (opts.openLoop !== false) {
    ctx.log(`  ${name}: open loop at 50 % and 80 % of ${Math.round(peak.rps.median)} req/s`);
    const pick = (i: number) => reqs[i % reqs.length]!;
    at50 = await openLoopRepeated(ctx.app.url, pick, peak.rps.median * 0.5, s);
    at80 = await openLoopRepeated(ctx.app.url, pick, peak.rps.median * 0.8, s);
  }
  const b2 = await ctx.b2();
  return {
    idle,
    serverTime,
    queriesPerRequest,
    peak,
    ...(peakPipelined ? { peakPipelined } : {}),
    ...(at50 ? { at50, at80 } : {}),
    rssUnderLoadMb: rss.peak,
    ...(peakPipelined ? { rssPipelinedMb: rss.pipelined } : {}),
    eventLoopP99Ms: loaded.eventLoopP99Ms,
    ratioToB2: round(peak.rps.median / b2.rps.median, 2),
  };
}

function weighted(pairs: [number | null, number][]): number | null {
  let sum = 0;
  let n = 0;
  for (const [v, w] of pairs) {
    if (v === null) continue;
    sum += v * w;
    n += w;
  }
  return n ? round(sum / n, 2) : null;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
