import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { COUNT_LIMIT } from '../../kernel/list.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

// Plans of prepared statements are PostgreSQL's (PGlite prepares nothing): this file runs when DATABASE_URL is set.
const url = process.env.DATABASE_URL;

describe.skipIf(!url)('the customer list on PostgreSQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    // one connection: the statements it prepared are the ones the list's requests sent
    t = await createTestApp({}, { poolSize: 1 });
  });
  afterAll(() => t?.close());

  it('reads a page and its total in one statement, planned once per connection, not at every request', async () => {
    const advisor = await t.login('advisor.gz01');
    for (let i = 0; i < 8; i++) {
      const res = await advisor.get('/api/customers', { query: { page: '2', pageSize: '20' } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().items).toHaveLength(20);
    }
    const statements = await t.database.query<{ statement: string; generic_plans: number; custom_plans: number }>(
      `SELECT statement, generic_plans::int AS generic_plans, custom_plans::int AS custom_plans
         FROM pg_prepared_statements WHERE statement ILIKE '%from "customer"%' AND statement NOT ILIKE '%pg_prepared_statements%'`,
    );
    // one statement: the page (LIMIT and OFFSET in its text) with the count of matches capped at COUNT_LIMIT + 1
    expect(statements, JSON.stringify(statements)).toHaveLength(1);
    const text = statements[0]!.statement.toLowerCase();
    expect(text).toContain('limit 20 offset 20');
    expect(text).toContain(`limit ${COUNT_LIMIT + 1}`);
    // five runs planned with their values, then the generic plan is kept: planned no more
    expect(statements[0]).toMatchObject({ custom_plans: 5, generic_plans: 3 });
  });

  it('filters by a tag through the store’s index of tags, planned with the tag asked for', async () => {
    const advisor = await t.login('advisor.gz01');
    const storeId = await t.storeId('GZ01');
    // a tag three customers of the store carry: the index, not the store's 5,000 files, should find them
    const tag = '三年未到店';
    const tagged = await t.database.query<{ id: string }>(
      `UPDATE customer SET tags = tags || ARRAY[$2] WHERE id IN (
         SELECT id FROM customer WHERE store_id = $1 AND merged_into_id IS NULL ORDER BY id LIMIT 3) RETURNING id`,
      [storeId, tag],
    );
    // the statements the pool's one connection is sent
    const sent: { text: string; values: unknown[] }[] = [];
    const connection = await t.database.pool!.connect();
    const query = connection.query.bind(connection) as (...a: unknown[]) => unknown;
    (connection as unknown as { query: (...a: unknown[]) => unknown }).query = (...a: unknown[]) => {
      const [config, values] = a as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
      if (typeof config !== 'string' && config?.text) sent.push({ text: config.text, values: values ?? config.values ?? [] });
      return query(...a);
    };
    connection.release();
    for (let i = 0; i < 8; i++) {
      const res = await advisor.get('/api/customers', { query: { tag, page: '1', pageSize: '20' } });
      expect(res.statusCode, res.body).toBe(200);
      expect(
        res
          .json()
          .items.map((c: { id: string }) => c.id)
          .sort(),
      ).toEqual(tagged.map((c) => c.id).sort());
    }
    const list = sent.filter((s) => s.text.includes('"tags" @>'));
    expect(list).toHaveLength(8);
    // never prepared: each run is planned with its tag, as a tag on 15 % of the files and one on three want other plans
    const prepared = await t.database.query(
      `SELECT 1 FROM pg_prepared_statements WHERE statement ILIKE '%"tags" @>%' AND statement NOT ILIKE '%pg_prepared_statements%'`,
    );
    expect(prepared).toHaveLength(0);
    // with only bitmap scans allowed, the plan shows which condition each index can take: the tag's, in the tags index
    const plan = await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL enable_seqscan = off`);
      await tx.execute(sql`SET LOCAL enable_indexscan = off`);
      const rows = (await tx.execute(
        sql`EXPLAIN ${sql.raw(list[0]!.text.replace(/\$(\d+)/g, (_, n: string) => literal(list[0]!.values[Number(n) - 1])))}`,
      )) as unknown as {
        rows: { 'QUERY PLAN': string }[];
      };
      return rows.rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toMatch(/Bitmap Index Scan on customer_list_tags_idx[^\n]*\n\s+Index Cond: [^\n]*tags @>/);
  });
});

/** A value as an SQL literal (the test's own uuids and tags: no quotes inside). */
function literal(v: unknown): string {
  if (Array.isArray(v)) return `'{${v.join(',')}}'`;
  return `'${String(v)}'`;
}
