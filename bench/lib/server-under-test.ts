// The application as `npm start` builds it (same config from the environment, same heap setting, same app, same
// pool), plus the instruments a benchmark needs, on routes under /api/bench (public, so they never touch a session):
//   GET /api/bench/stats[?reset=1]  queries run, requests served, server-side time per route (p50/p95/p99),
//                                   event-loop delay p99, RSS and heap — since the last reset;
//   GET /api/bench/select1          B2 inside the application: Fastify + every hook + `SELECT 1` through its pool;
//   GET /api/bench/select1-auth     the same behind the session and permission check (security on ÷ off).
// Started by bench/lib/server.ts as a child process; the load runs from the benchmark process.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pg from 'pg';
import { loadConfig } from '../../apps/server/src/config.js';
import { migrateDatabase, openDatabase } from '../../apps/server/src/kernel/db.js';
import { limitHeapGrowth } from '../../apps/server/src/kernel/heap.js';
import { buildApp } from '../../apps/server/src/app.js';

// Count every statement sent to PostgreSQL (drizzle and raw queries both end in Client#query).
let queries = 0;
let tracing: string[] | null = null;
const clientQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  queries++;
  if (tracing && tracing.length < 200) {
    const q = args[0] as string | { text?: string };
    tracing.push(typeof q === 'string' ? q : (q.text ?? ''));
  }
  return (clientQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof clientQuery;

const config = loadConfig();
limitHeapGrowth(config.heapGrowingPercent);
const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, preparedStatements: config.preparedStatements });
await migrateDatabase(database);
const app = await buildApp({ config, database });

const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();
let requests = 0;
let serverTimes = new Map<string, number[]>();
app.addHook('onResponse', async (req, reply) => {
  requests++;
  const route = `${req.method} ${req.routeOptions.url ?? req.url}`;
  let list = serverTimes.get(route);
  if (!list) serverTimes.set(route, (list = []));
  if (list.length < 500_000) list.push(reply.elapsedTime);
});

const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]! * 100) / 100;
};

app.get('/api/bench/stats', { config: { permission: 'public' }, schema: { hide: true } }, async (req) => {
  const mem = process.memoryUsage();
  const out = {
    queries,
    requests,
    rssMb: Math.round(mem.rss / 1048576),
    heapUsedMb: Math.round(mem.heapUsed / 1048576),
    // where the resident memory is: V8's heap (young generation included), Buffers, the rest is native (malloc)
    heapTotalMb: Math.round(mem.heapTotal / 1048576),
    externalMb: Math.round(mem.external / 1048576),
    eventLoopP99Ms: Math.round((loop.percentile(99) / 1e6) * 100) / 100,
    routes: Object.fromEntries(
      [...serverTimes].map(([route, xs]) => [route, { n: xs.length, p50: pct(xs, 50), p95: pct(xs, 95), p99: pct(xs, 99) }]),
    ),
    trace: tracing,
  };
  const q = req.query as { reset?: string; trace?: string };
  if (q.reset) {
    queries = 0;
    requests = 0;
    serverTimes = new Map();
    loop.reset();
  }
  tracing = q.trace ? [] : null;
  return out;
});
app.get('/api/bench/select1', { config: { permission: 'public' }, schema: { hide: true } }, async () => {
  const rows = await database.query<{ one: number }>('SELECT 1 AS one');
  return { one: rows[0]!.one };
});
app.get('/api/bench/select1-auth', { config: { permission: 'authenticated' }, schema: { hide: true } }, async () => {
  const rows = await database.query<{ one: number }>('SELECT 1 AS one');
  return { one: rows[0]!.one };
});

await app.listen({ port: config.port, host: '127.0.0.1' });
console.log(`ready ${config.port}`);
const stop = async () => {
  await app.close();
  await database.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
