import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { INLINE_PAGES, inlineCount, limitOffset, pageRows } from './list.js';

const render = (chunk: ReturnType<typeof sql>) => new PgDialect().sqlToQuery(chunk);

describe('list pages', () => {
  it('write LIMIT and OFFSET into the statement, not as parameters', () => {
    const page = pageRows({ page: 3, pageSize: 20 });
    expect(render(sql`select 1 limit ${page.limit} offset ${page.offset}`)).toEqual({
      sql: 'select 1 limit 20 offset 40',
      params: [],
    });
    expect(render(sql`select 1 ${limitOffset({ page: 3, pageSize: 20 })}`)).toEqual({ sql: 'select 1 LIMIT 20 OFFSET 40', params: [] });
  });

  it('send the offset of a deep page as a parameter: paging through a long list prepares no statement per page', () => {
    const deep = pageRows({ page: INLINE_PAGES + 1, pageSize: 20 });
    expect(render(sql`select 1 limit ${deep.limit} offset ${deep.offset}`)).toMatchObject({
      sql: 'select 1 limit 20 offset $1',
      params: [INLINE_PAGES * 20],
    });
    const last = pageRows({ page: INLINE_PAGES, pageSize: 50 });
    expect(render(sql`offset ${last.offset}`).sql).toBe(`offset ${(INLINE_PAGES - 1) * 50}`);
    expect(render(sql`select 1 ${limitOffset({ page: INLINE_PAGES + 1, pageSize: 20 })}`)).toMatchObject({
      sql: 'select 1 LIMIT 20 OFFSET $1',
      params: [INLINE_PAGES * 20],
    });
    expect(render(limitOffset({ page: INLINE_PAGES, pageSize: 50 })).sql).toBe(`LIMIT 50 OFFSET ${(INLINE_PAGES - 1) * 50}`);
  });

  it('accept only a non-negative whole number as a row count', () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60])
      expect(() => inlineCount(bad), String(bad)).toThrow(RangeError);
    expect(render(sql`${inlineCount(0)}`).sql).toBe('0');
  });
});
