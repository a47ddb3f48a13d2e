import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
         FROM pg_prepared_statements WHERE statement ILIKE '%from "customer"%'`,
    );
    // one statement: the page (LIMIT and OFFSET in its text) with the count of matches capped at COUNT_LIMIT + 1
    expect(statements, JSON.stringify(statements)).toHaveLength(1);
    const text = statements[0]!.statement.toLowerCase();
    expect(text).toContain('limit 20 offset 20');
    expect(text).toContain(`limit ${COUNT_LIMIT + 1}`);
    // five runs planned with their values, then the generic plan is kept: planned no more
    expect(statements[0]).toMatchObject({ custom_plans: 5, generic_plans: 3 });
  });
});
