import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { alias, PgDialect } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/node-postgres';
import { appUser, store } from './kernel.schema.js';
import { fixedSql, queryBuilder } from './fixed-sql.js';

const dialect = new PgDialect({ casing: 'snake_case' });
const render = (piece: Parameters<typeof dialect.sqlToQuery>[0]) => dialect.sqlToQuery(piece);

describe('fixed pieces of SQL', () => {
  it('render as the database handle renders the same select (snake_case columns, aliases, joins)', () => {
    const manager = alias(appUser, 'manager');
    const fields = { id: store.id, shortName: store.shortName, managerName: sql`${manager.displayName}`.as('manager_name') };
    const db = drizzle.mock({ casing: 'snake_case' });
    const expected = db.select(fields).from(store).leftJoin(manager, eq(manager.id, store.id)).toSQL().sql;
    const piece = fixedSql(queryBuilder.select(fields).from(store).leftJoin(manager, eq(manager.id, store.id)));
    expect(render(piece)).toMatchObject({ sql: expected, params: [] });
    expect(expected).toContain('"store"."short_name"');
  });

  it('take values as parameters around them, never inside', () => {
    const head = fixedSql(queryBuilder.select({ id: store.id }).from(store));
    expect(render(sql`${head} WHERE ${eq(store.code, 'S001')}`)).toMatchObject({
      sql: 'select "id" from "store" WHERE "store"."code" = $1',
      params: ['S001'],
    });
    expect(() => fixedSql(queryBuilder.select({ id: store.id }).from(store).where(eq(store.code, 'S001')))).toThrow(/takes no values/);
  });
});
