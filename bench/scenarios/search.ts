// Search as you type (the header box of every staff screen): an advisor of a generated store types phone tails,
// plate fragments, VIN tails, names, pinyin initials and full phones of that store's customers. Per kind: the
// latency one user sees and the server's own time; then the mix at peak throughput and in the open loop. The
// same queries by group management across all stores (storeId=all) for comparison.
import { sequential, type Req } from '../lib/load.js';
import { searchQueries, storeSamples } from '../lib/samples.js';
import type { HotWrite, Scenario } from '../lib/types.js';

/**
 * The database's share of the commonest search (4 digits: a phone tail and a plate part), as the route sends it
 * (traced with /api/bench/stats?trace=1): pgbench runs the same statement for random tails in store S001.
 */
const searchSql: HotWrite = {
  name: 'search-sql',
  setupSql: `DROP TABLE IF EXISTS bench_search;
    CREATE TABLE bench_search AS SELECT k, (SELECT id FROM store WHERE code = 'S001') AS sid, reverse(lpad(k::text, 4, '0')) || '%' AS tail,
      lpad(k::text, 4, '0') AS frag, '%' || lpad(k::text, 4, '0') || '%' AS plate FROM generate_series(1, 9999) AS k;
    CREATE UNIQUE INDEX ON bench_search (k);`,
  script: `\\set k random(1, 9999)
SELECT sid, tail, frag, plate FROM bench_search WHERE k = :k \\gset
SELECT (SELECT coalesce(json_agg(x), '[]'::json) FROM (SELECT "customer"."id", "customer"."name", "customer"."phone", "customer"."store_id" AS "storeId", "customer"."kind" FROM "customer" WHERE "customer"."store_id" = :sid AND ("customer"."anonymised_at" is null and "customer"."merged_into_id" is null) AND (reverse("customer"."phone") LIKE :tail) ORDER BY "customer"."name_pinyin" LIMIT 8) x) AS customers, (SELECT coalesce(json_agg(x), '[]'::json) FROM (SELECT v.id, v.vin, v.plate, v.owner_id AS "ownerId", o.name AS "ownerName", v.store_id AS "storeId" FROM (SELECT "vehicle"."id", "vehicle"."vin", "vehicle"."plate", "vehicle"."owner_id", "vehicle"."store_id" FROM "vehicle" WHERE "vehicle"."store_id" = :sid AND ((search_bigrams("vehicle"."plate") @> search_bigrams(:frag) and "vehicle"."plate" ilike :plate)) ORDER BY "vehicle"."plate" LIMIT 8) v JOIN "customer" o ON o.id = v.owner_id ORDER BY v.plate) x) AS vehicles;
`,
};

export const scenario: Scenario = {
  name: 'search',
  title: 'Search as you type, store-scoped (advisor) and group-wide',
  stages: 'every',
  hotWrites: [searchSql],
  async run(ctx) {
    const advisor = await ctx.login('advisor.s001');
    const group = await ctx.login('group');
    const samples = await storeSamples(ctx.databaseUrl, 'S001');
    const kinds = searchQueries(samples);
    const perKind = ctx.quick ? 40 : 150;
    const rows: (string | number)[][] = [['query kind', 'examples', 'client p50 / p95 / p99 ms', 'server p50 / p95 / p99 ms', 'hits avg']];
    const groupRows: (string | number)[][] = [['query kind', 'client p50 / p95 / p99 ms', 'server p50 / p95 / p99 ms']];
    const data: Record<string, unknown> = { kinds: {}, groupWide: {} };
    let worstServerP95 = 0;
    const mix: Req[] = [];
    for (const [kind, qs] of Object.entries(kinds)) {
      const reqs = qs.map((q) => ({ path: `/api/search?q=${encodeURIComponent(q)}`, headers: advisor.headers }));
      mix.push(...reqs.slice(0, 4));
      let hits = 0;
      for (const r of reqs.slice(0, 5)) {
        const res = await fetch(ctx.app.url + r.path, { headers: r.headers });
        const body = (await res.json()) as { customers: unknown[]; vehicles: unknown[] };
        hits += body.customers.length + body.vehicles.length;
      }
      await sequential(ctx.app.url, reqs, 10);
      await ctx.app.stats(true);
      const client = await sequential(ctx.app.url, reqs, perKind);
      const server = (await ctx.app.stats(true)).routes['GET /api/search']!;
      worstServerP95 = Math.max(worstServerP95, server.p95 ?? 0);
      rows.push([
        kind,
        qs.slice(0, 3).join(' '),
        `${client.p50} / ${client.p95} / ${client.p99}`,
        `${server.p50} / ${server.p95} / ${server.p99}`,
        hits / 5,
      ]);
      (data.kinds as Record<string, unknown>)[kind] = { examples: qs, client, server, hitsAvg: hits / 5 };

      const greqs = qs.map((q) => ({ path: `/api/search?q=${encodeURIComponent(q)}&storeId=all`, headers: group.headers }));
      await sequential(ctx.app.url, greqs, 5);
      await ctx.app.stats(true);
      const gclient = await sequential(ctx.app.url, greqs, Math.round(perKind / 2));
      const gserver = (await ctx.app.stats(true)).routes['GET /api/search']!;
      groupRows.push([kind, `${gclient.p50} / ${gclient.p95} / ${gclient.p99}`, `${gserver.p50} / ${gserver.p95} / ${gserver.p99}`]);
      (data.groupWide as Record<string, unknown>)[kind] = { client: gclient, server: gserver };
    }
    ctx.log('  search mix: throughput');
    const m = await ctx.measure('search mix', mix);
    data.mix = m;
    const b2 = await ctx.b2();
    const b1 = await ctx.b1(m.idle.bytes);
    return {
      data,
      tables: [
        { title: `Advisor of store S001 (${samples.customers.length} sampled customers), one user typing`, rows },
        { title: 'Group management, all stores (storeId=all)', rows: groupRows },
        {
          title: 'The mix of all kinds under load',
          rows: [
            ['measure', 'value'],
            [
              'peak, closed loop (no pipelining)',
              `${Math.round(m.peak.rps.median)} req/s (spread ${m.peak.rps.spreadPct} %), p50 ${m.peak.p50Ms} / p99 ${m.peak.p99Ms} ms`,
            ],
            ['peak, pipelining 10', m.peakPipelined ? `${Math.round(m.peakPipelined.rps.median)} req/s` : '—'],
            [
              'open loop at 50 % of peak',
              m.at50 ? `${m.at50.achievedRps} req/s: p50 ${m.at50.p50} / p95 ${m.at50.p95} / p99 ${m.at50.p99} ms` : '—',
            ],
            [
              'open loop at 80 % of peak',
              m.at80 ? `${m.at80.achievedRps} req/s: p50 ${m.at80.p50} / p95 ${m.at80.p95} / p99 ${m.at80.p99} ms` : '—',
            ],
            ['queries per request', m.queriesPerRequest],
            ['response size', `${m.idle.bytes} B`],
            ['÷ B2 (Fastify + SELECT 1)', `${m.ratioToB2} (B2 ${Math.round(b2.rps.median)} req/s)`],
            [
              '÷ B1 (bare route, same payload)',
              `${Math.round((m.peak.rps.median / b1.rps.median) * 100) / 100} (B1 ${Math.round(b1.rps.median)} req/s)`,
            ],
            ['server RSS under load', `${m.rssUnderLoadMb} MB (pipelining 10: ${m.rssPipelinedMb ?? '—'} MB)`],
            ['event-loop delay p99 under load', `${m.eventLoopP99Ms} ms`],
          ],
        },
      ],
      goals: [
        {
          goal: 'search p95 ≤ 20 ms server-side (store-scoped, every kind)',
          measured: `worst kind p95 ${worstServerP95} ms`,
          met: worstServerP95 <= 20,
        },
        { goal: 'store-scoped search throughput ≥ 0.5 × B2', measured: `${m.ratioToB2} × B2`, met: m.ratioToB2 >= 0.5 },
        {
          goal: 'server RSS under load ≤ 250 MB (PostgreSQL)',
          measured: `${m.rssUnderLoadMb} MB (search mix)`,
          met: m.rssUnderLoadMb <= 250,
        },
      ],
    };
  },
};
