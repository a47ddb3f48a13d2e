import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { inlineCount, pageRows } from './list.js';

const render = (chunk: ReturnType<typeof sql>) => new PgDialect().sqlToQuery(chunk);

describe('list pages', () => {
  it('write LIMIT and OFFSET into the statement, not as parameters', () => {
    const page = pageRows({ page: 3, pageSize: 20 });
    expect(render(sql`select 1 limit ${page.limit} offset ${page.offset}`)).toEqual({
      sql: 'select 1 limit 20 offset 40',
      params: [],
    });
  });

  it('accept only a non-negative whole number as a row count', () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60])
      expect(() => inlineCount(bad), String(bad)).toThrow(RangeError);
    expect(render(sql`${inlineCount(0)}`).sql).toBe('0');
  });
});
