import type { ClosedLoop, OpenLoop, Req, Settings } from './load.js';
import type { LatencySummary } from './stats.js';
import type { PgbenchResult } from './pgbench.js';

/** A data size the benchmarks run at: the demo group plus `stores` generated stores of `years` of history. */
export type Stage = { name: string; stores: number; years: number; vehicles?: number; customers?: number };

export type Session = { username: string; cookie: string; csrf: string; storeId: string; headers: Record<string, string> };

export type ServerStats = {
  queries: number;
  requests: number;
  rssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  externalMb: number;
  eventLoopP99Ms: number;
  routes: Record<string, { n: number; p50: number | null; p95: number | null; p99: number | null }>;
  trace: string[] | null;
};

/** One endpoint (or mix of requests) measured the standard way. */
export type EndpointResult = {
  /** one user, requests one after another: client-side latency over loopback */
  idle: LatencySummary & { bytes: number };
  /** the server's own time for the same requests (onResponse elapsed time), all routes of the mix together */
  serverTime: { p50: number | null; p95: number | null; p99: number | null };
  queriesPerRequest: number;
  peak: ClosedLoop;
  peakPipelined?: ClosedLoop;
  /** open loop at 50 % and 80 % of the peak */
  at50?: OpenLoop;
  at80?: OpenLoop;
  /** peak RSS during the closed loop without pipelining (32 connections, one request in flight each) */
  rssUnderLoadMb: number;
  /** peak RSS during the pipelined stress (10 requests in flight per connection): not the goal's measure */
  rssPipelinedMb?: number;
  eventLoopP99Ms: number;
  /** peak ÷ B2 of the same stage */
  ratioToB2: number;
};

export type Goal = { goal: string; measured: string; met: boolean | null };

export type ScenarioResult = {
  /** markdown tables for the summary, each a title and rows (first row = header) */
  tables: { title: string; rows: (string | number)[][] }[];
  goals?: Goal[];
  /** everything measured, for the JSON report */
  data: Record<string, unknown>;
  notes?: string[];
};

export type MeasureOptions = {
  /** requests in the idle (sequential) sample */
  samples?: number;
  pipelined?: boolean;
  openLoop?: boolean;
};

export type BenchContext = {
  quick: boolean;
  settings: Settings;
  stage: Stage;
  databaseUrl: string;
  /** the application under test (PostgreSQL, the stage's data) */
  app: { url: string; stats(reset?: boolean, trace?: boolean): Promise<ServerStats>; rssMb(): number; pid: number };
  login(username: string): Promise<Session>;
  /** same-run baselines of this stage: B1 for a payload size (bytes), B2 */
  b1(bytes: number): Promise<ClosedLoop>;
  /** B4-<name> of this stage (its scenario's `hotWrites`, measured before the scenarios run) */
  b4(name: string): PgbenchResult | undefined;
  b2(): Promise<ClosedLoop>;
  /** idle latency + server time + queries per request + peak (closed loop) + open loop at 50/80 % of peak */
  measure(name: string, reqs: readonly Req[], opts?: MeasureOptions): Promise<EndpointResult>;
  log(message: string): void;
};

export type HotWrite = {
  /** B4-<name>: a pgbench script running the exact SQL of a hot statement (a write, or the read a scenario lives on), on the stage's database */
  name: string;
  /** SQL run once before (e.g. a table of ids the script draws from) */
  setupSql?: string;
  script: string;
};

/** A benchmark scenario: one file in bench/scenarios exporting `scenario`. */
export type Scenario = {
  name: string;
  title: string;
  /** run at every data stage, or only at the largest (default) */
  stages?: 'every' | 'largest';
  /** scenarios that start their own processes (start-up, web) run once, outside the stages */
  standalone?: boolean;
  hotWrites?: HotWrite[];
  run(ctx: BenchContext): Promise<ScenarioResult>;
};
