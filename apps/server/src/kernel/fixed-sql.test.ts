import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { alias, PgDialect } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/node-postgres';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { appUser, role, store, userRole } from './kernel.schema.js';
import { fixedSelect, fixedSql, queryBuilder } from './fixed-sql.js';

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

describe('a fixed select', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('reads the rows drizzle’s select of the same fields reads: tables nested, timestamps, arrays, sub-selects', async () => {
    const roleOf = alias(role, 'role_of');
    const fields = {
      u: appUser,
      storeName: store.shortName,
      roleCode: roleOf.code,
      permissions: roleOf.permissions,
      stores: sql<number>`(SELECT count(*) FROM ${userRole} x WHERE x.user_id = ${appUser.id})::int`,
    };
    const where = and(eq(store.code, 'GZ01'), eq(appUser.active, true));
    const expected = await t.database.db
      .select(fields)
      .from(appUser)
      .innerJoin(userRole, eq(userRole.userId, appUser.id))
      .innerJoin(store, eq(store.id, userRole.storeId))
      .innerJoin(roleOf, eq(roleOf.id, userRole.roleId))
      .where(where)
      .orderBy(appUser.username, roleOf.code);
    const read = fixedSelect(
      fields,
      sql`${appUser} JOIN ${userRole} ON ${eq(userRole.userId, appUser.id)} JOIN ${store} ON ${eq(store.id, userRole.storeId)}
        JOIN ${role} ${roleOf} ON ${eq(roleOf.id, userRole.roleId)}`,
    );
    const { rows } = (await t.database.db.execute(
      sql`SELECT ${read.columns} FROM ${read.from} WHERE ${where} ORDER BY ${appUser.username}, ${roleOf.code}`,
    )) as unknown as { rows: Record<string, unknown>[] };
    expect(expected.length).toBeGreaterThan(3);
    expect(rows.map(read.read)).toEqual(expected);
    expect(expected[0]!.u.createdAt).toBeInstanceOf(Date);
  });
});
