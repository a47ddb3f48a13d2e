// What the security layer costs: `SELECT 1` through the application's pool behind every hook (helmet headers,
// request id, cookie parsing) but public, versus the same behind the session check (session row lookup, idle and
// absolute timeouts, permission). Security on ÷ off.
import { closedLoop } from '../lib/load.js';
import { round } from '../lib/stats.js';
import type { Scenario } from '../lib/types.js';

export const scenario: Scenario = {
  name: 'security',
  title: 'Security on ÷ off (session + permission check around the same query)',
  async run(ctx) {
    const s = await ctx.login('advisor.s001');
    const off = await closedLoop(ctx.app.url, [{ path: '/api/bench/select1' }], ctx.settings);
    await ctx.app.stats(true);
    const on = await closedLoop(ctx.app.url, [{ path: '/api/bench/select1-auth', headers: s.headers }], ctx.settings);
    const st = await ctx.app.stats(true);
    const b2 = await ctx.b2();
    const ratio = round(on.rps.median / off.rps.median, 2);
    return {
      data: { off, on, ratio, queriesPerRequestOn: round(st.queries / Math.max(1, st.requests), 2) },
      tables: [
        {
          title: 'Closed loop, no pipelining',
          rows: [
            ['variant', 'req/s (spread)', 'p50 / p99 ms', '÷ B2'],
            ['bare Fastify + SELECT 1 (B2)', `${Math.round(b2.rps.median)} (±${b2.rps.spreadPct} %)`, `${b2.p50Ms} / ${b2.p99Ms}`, 1],
            [
              'application, public route',
              `${Math.round(off.rps.median)} (±${off.rps.spreadPct} %)`,
              `${off.p50Ms} / ${off.p99Ms}`,
              round(off.rps.median / b2.rps.median, 2),
            ],
            [
              'application, signed-in route',
              `${Math.round(on.rps.median)} (±${on.rps.spreadPct} %)`,
              `${on.p50Ms} / ${on.p99Ms}`,
              round(on.rps.median / b2.rps.median, 2),
            ],
            ['security on ÷ off', ratio, '', ''],
          ],
        },
      ],
      goals: [],
    };
  },
};
