// Load generation. Closed loop (peak throughput): autocannon, a fixed number of connections each sending the next
// request when the last answer arrives, with and without HTTP pipelining. Open loop (latency at a given rate):
// requests leave on a Poisson schedule whatever the server does, and latency counts from the scheduled time, so
// a stalled server shows up as latency instead of as fewer requests (no coordinated omission).
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { LoadClient } from './load-client.js';
import { latencySummary, repeated, round, type LatencySummary, type Repeated } from './stats.js';

export type Req = { method?: 'GET' | 'POST' | 'PUT' | 'PATCH'; path: string; body?: unknown; headers?: Record<string, string> };

export type Settings = {
  /** seconds per measured run */
  duration: number;
  warmup: number;
  runs: number;
  connections: number;
};

export type ClosedLoop = {
  rps: Repeated;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  connections: number;
  pipelining: number;
};

function acRequests(reqs: readonly Req[]) {
  return reqs.map((r) => ({
    method: r.method ?? 'GET',
    path: r.path,
    ...(r.body !== undefined ? { body: JSON.stringify(r.body) } : {}),
    headers: { ...(r.body !== undefined ? { 'content-type': 'application/json' } : {}), ...r.headers },
  }));
}

async function autocannonOnce(url: string, reqs: readonly Req[], seconds: number, connections: number, pipelining: number) {
  return autocannon({
    url,
    connections,
    pipelining,
    duration: seconds,
    requests: acRequests(reqs) as never,
  });
}

/** Peak throughput: a warm-up, then `runs` measured runs; the median run and the spread. */
export async function closedLoop(url: string, reqs: readonly Req[], s: Settings, pipelining = 1): Promise<ClosedLoop> {
  if (s.warmup > 0) await autocannonOnce(url, reqs, s.warmup, s.connections, pipelining);
  const results = [];
  for (let i = 0; i < s.runs; i++) results.push(await autocannonOnce(url, reqs, s.duration, s.connections, pipelining));
  const byRps = [...results].sort((a, b) => a.requests.average - b.requests.average);
  const mid = byRps[Math.floor(byRps.length / 2)]!;
  return {
    rps: repeated(results.map((r) => r.requests.average)),
    p50Ms: mid.latency.p50,
    p99Ms: mid.latency.p99,
    errors: results.reduce((n, r) => n + r.errors + r.timeouts, 0),
    non2xx: results.reduce((n, r) => n + r.non2xx, 0),
    connections: s.connections,
    pipelining,
  };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });

/** One request with a keep-alive connection; resolves with the status and the time to the last byte. */
export function send(base: string, r: Req): Promise<{ status: number; ms: number; bytes: number; body: string }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const body = r.body !== undefined ? JSON.stringify(r.body) : undefined;
    const req = http.request(
      base + r.path,
      {
        method: r.method ?? 'GET',
        agent,
        headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...r.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const buf = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0, bytes: buf.length, body: buf.toString('utf8') });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

/** Latency of requests sent one after another on an idle server (what one user typing sees). */
export async function sequential(base: string, reqs: readonly Req[], n: number): Promise<LatencySummary & { bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const r = reqs[i % reqs.length]!;
    const res = await send(base, r);
    if (res.status >= 400) throw new Error(`${r.method ?? 'GET'} ${r.path}: ${res.status} ${res.body.slice(0, 300)}`);
    times.push(res.ms);
    bytes += res.bytes;
  }
  return { ...latencySummary(times), bytes: Math.round(bytes / n) };
}

export type OpenLoop = LatencySummary & { targetRps: number; achievedRps: number; errors: number };

/**
 * Calls `fire(i, scheduledAt)` on a Poisson schedule of `rate` per second for `seconds`, whatever the answers do;
 * resolves when every fired promise has settled.
 */
export async function arrivals(
  rate: number,
  seconds: number,
  fire: (i: number, scheduled: number) => Promise<void>,
  rng: () => number = Math.random,
): Promise<number> {
  const inflight: Promise<void>[] = [];
  const start = performance.now();
  const end = start + seconds * 1000;
  let next = start;
  let i = 0;
  while (next < end) {
    const now = performance.now();
    while (next <= now && next < end) {
      inflight.push(fire(i++, next).catch(() => undefined));
      next += (-Math.log(1 - rng()) / rate) * 1000;
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Math.min(5, next - performance.now()))));
  }
  await Promise.all(inflight);
  return (performance.now() - start) / 1000;
}

/**
 * Requests on a Poisson schedule at `rate` per second for `seconds`, sent by the lean `LoadClient`; latency from the
 * scheduled departure.
 */
export async function openLoop(base: string, pick: (i: number) => Req, rate: number, seconds: number): Promise<OpenLoop> {
  const times: number[] = [];
  let errors = 0;
  const client = new LoadClient(base);
  const elapsed = await arrivals(rate, seconds, async (i, scheduled) => {
    try {
      const res = await client.request(pick(i));
      if (res.status >= 400) errors++;
    } catch {
      errors++;
    }
    times.push(performance.now() - scheduled);
  });
  client.close();
  return { ...latencySummary(times), targetRps: round(rate, 0), achievedRps: round(times.length / elapsed, 0), errors };
}

/** Open loop repeated `runs` times at one rate: the run with the median p95. */
export async function openLoopRepeated(
  base: string,
  pick: (i: number) => Req,
  rate: number,
  s: Settings,
): Promise<OpenLoop & { p95Runs: Repeated }> {
  const runs: OpenLoop[] = [];
  for (let i = 0; i < s.runs; i++) runs.push(await openLoop(base, pick, rate, s.duration));
  const sorted = [...runs].sort((a, b) => a.p95 - b.p95);
  return { ...sorted[Math.floor(sorted.length / 2)]!, p95Runs: repeated(runs.map((r) => r.p95)) };
}
