// The customer list page (客户档案) with the filters staff use, and the customer 360° view: the five requests the
// web app sends when a customer is opened (file, vehicles, follow-ups, complaints, churn status).
import { send, type Req } from '../lib/load.js';
import { latencySummary } from '../lib/stats.js';
import { storeSamples } from '../lib/samples.js';
import { endpointHeader, endpointRow } from '../lib/report.js';
import type { HotWrite, Scenario } from '../lib/types.js';

/** The list page's statement as the route sends it for an unfiltered page of store S001, at the given offset. */
const listPageSql = (offset: number) =>
  `SELECT page.*, (SELECT count(*) FROM "vehicle" v WHERE v.owner_id = page.id)::int AS vehicle_count, (SELECT u.display_name FROM "app_user" u WHERE u.id = page.advisor_id) AS advisor_name, (SELECT u.display_name FROM "app_user" u WHERE u.id = page.consultant_id) AS consultant_name, (SELECT count(*)::int FROM (SELECT 1 FROM "customer" WHERE ("customer"."store_id" = :sid and "customer"."merged_into_id" is null) LIMIT 1001) matches) AS list_total FROM (select "id", "store_id", "kind", "name", "phone", "source", "tags", "advisor_id", "consultant_id", "anonymised_at", "created_at", "created_at" as "sort_value" from "customer" WHERE ("customer"."store_id" = :sid and "customer"."merged_into_id" is null) ORDER BY "customer"."created_at" desc, "customer"."id" LIMIT 20 OFFSET ${offset}) page ORDER BY page.sort_value DESC, page.id;`;

/**
 * The database's share of the list's first pages: pgbench runs the statement the route sends for an unfiltered page
 * of store S001 (traced with /api/bench/stats?trace=1) — the page of 20 rows with their car counts and the list's
 * count capped at 1,000 — for pages 1 to 5. The route writes LIMIT and OFFSET into the text (one prepared statement
 * per page, kept with its generic plan), so the script picks one of five texts.
 */
const listSql: HotWrite = {
  name: 'list-sql',
  setupSql: `DROP TABLE IF EXISTS bench_list; CREATE TABLE bench_list AS SELECT id AS sid FROM store WHERE code = 'S001';`,
  script: `\\set page random(0, 4)
SELECT sid FROM bench_list \\gset
${[0, 1, 2, 3, 4].map((page) => `${page === 0 ? '\\if' : '\\elif'} :page = ${page}\n${listPageSql(page * 20)}`).join('\n')}
\\endif
`,
};

export const scenario: Scenario = {
  name: 'customers',
  title: 'Customer list page with filters, and the customer 360° view',
  hotWrites: [listSql],
  async run(ctx) {
    const advisor = await ctx.login('advisor.s001');
    const h = advisor.headers;
    const samples = await storeSamples(ctx.databaseUrl, 'S001', 60);
    const pg = await import('pg');
    const client = new pg.default.Client({ connectionString: ctx.databaseUrl });
    await client.connect();
    const common = await client.query<{ source: string; tag: string | null }>(
      `SELECT (SELECT source FROM customer WHERE store_id = $1 GROUP BY source ORDER BY count(*) DESC LIMIT 1) AS source,
              (SELECT t FROM customer, unnest(tags) t WHERE store_id = $1 GROUP BY t ORDER BY count(*) DESC LIMIT 1) AS tag`,
      [samples.storeId],
    );
    await client.end();
    const { source, tag } = common.rows[0]!;
    const surname = samples.customers[0]!.name.slice(0, 1);
    const list: Req[] = [
      { path: '/api/customers?page=1&pageSize=20', headers: h },
      { path: '/api/customers?page=5&pageSize=20', headers: h },
      { path: `/api/customers?page=1&pageSize=20&q=${encodeURIComponent(surname)}`, headers: h },
      { path: `/api/customers?page=1&pageSize=20&q=${samples.customers[3]!.phone.slice(-4)}`, headers: h },
      { path: '/api/customers?page=1&pageSize=20&kind=company', headers: h },
      { path: `/api/customers?page=1&pageSize=20&source=${encodeURIComponent(source)}`, headers: h },
      ...(tag ? [{ path: `/api/customers?page=1&pageSize=20&tag=${encodeURIComponent(tag)}`, headers: h }] : []),
      { path: '/api/customers?page=1&pageSize=20&mine=true', headers: h },
      { path: '/api/customers?page=1&pageSize=20&sort=name', headers: h },
    ];
    const view = (id: string): Req[] => [
      { path: `/api/customers/${id}`, headers: h },
      { path: `/api/vehicles?ownerId=${id}&pageSize=100`, headers: h },
      { path: `/api/customers/${id}/follow-ups?page=1&pageSize=20`, headers: h },
      { path: `/api/complaints?customerId=${id}&page=1&pageSize=50`, headers: h },
      { path: `/api/customers/churn-summary?customerId=${id}`, headers: h },
    ];
    const views = samples.customers.slice(0, 30).flatMap((c) => view(c.id));
    for (const r of [...list, ...views.slice(0, 5)]) {
      const res = await send(ctx.app.url, r);
      if (res.status !== 200) throw new Error(`${r.path}: ${res.status} ${res.body.slice(0, 200)}`);
    }

    // the 360° view as a user sees it: five requests in parallel, until the last answers
    const viewTimes: number[] = [];
    for (let i = 0; i < (ctx.quick ? 30 : 100); i++) {
      const c = samples.customers[i % samples.customers.length]!;
      const t = performance.now();
      await Promise.all(view(c.id).map((r) => send(ctx.app.url, r)));
      viewTimes.push(performance.now() - t);
    }
    const viewWhole = latencySummary(viewTimes);

    const listResult = await ctx.measure('customer list', list);
    // the unfiltered first five pages, as B4-list-sql runs them in PostgreSQL alone
    const plain = [1, 2, 3, 4, 5].map((page) => ({ path: `/api/customers?page=${page}&pageSize=20`, headers: h }));
    const plainResult = await ctx.measure('customer list, unfiltered pages 1–5', plain, { openLoop: false, pipelined: false });
    const b4 = ctx.b4('list-sql');
    const plainToB4 = b4 ? Math.round((plainResult.peak.rps.median / b4.tps.median) * 100) / 100 : null;
    const viewResult = await ctx.measure('360° view requests', views);
    // a page of 20 files is ≈15 KB of JSON: the bare route with the same payload says what HTTP and JSON alone cost
    const b1 = await ctx.b1(listResult.idle.bytes);
    const listToB1 = Math.round((listResult.peak.rps.median / b1.rps.median) * 100) / 100;
    return {
      data: { list: listResult, plain: plainResult, plainToB4, view: viewResult, viewWhole, filters: list.map((r) => r.path), listToB1 },
      tables: [
        {
          title: 'Advisor of S001',
          rows: [
            endpointHeader,
            endpointRow(`list page, ${list.length} filter combinations`, listResult),
            endpointRow('list page, unfiltered, pages 1–5', plainResult),
            endpointRow('360° view, its 5 requests', viewResult),
          ],
        },
        {
          title: 'The list page against the bare route with the same payload',
          rows: [
            ['list peak req/s', `B1 (${listResult.idle.bytes} B) req/s`, '÷ B1'],
            [Math.round(listResult.peak.rps.median), Math.round(b1.rps.median), listToB1],
          ],
        },
        {
          title: 'The unfiltered list pages against their statement in PostgreSQL alone (B4-list-sql, pgbench -M prepared, 8 clients)',
          rows: [
            ['list peak req/s', 'B4-list-sql tps', '÷ B4'],
            [Math.round(plainResult.peak.rps.median), b4 ? Math.round(b4.tps.median) : '—', plainToB4 ?? '—'],
          ],
        },
        {
          title: 'The whole 360° view (5 requests in parallel, until the last answers), one user',
          rows: [
            ['p50', 'p95', 'p99'],
            [viewWhole.p50, viewWhole.p95, viewWhole.p99],
          ],
        },
      ],
      goals: [
        {
          goal: 'customer list throughput ≥ 0.5 × B2',
          measured: `${listResult.ratioToB2} × B2 (${listToB1} × B1 with the same ${listResult.idle.bytes} B payload)`,
          met: listResult.ratioToB2 >= 0.5,
        },
        {
          goal: 'customer 360° view requests throughput ≥ 0.5 × B2',
          measured: `${viewResult.ratioToB2} × B2`,
          met: viewResult.ratioToB2 >= 0.5,
        },
      ],
    };
  },
};
