import { Column, getTableColumns, is, SQL, sql, Table, type SQLWrapper } from 'drizzle-orm';
import { PgDialect, QueryBuilder, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import type { SelectResultFields } from 'drizzle-orm/query-builders/select.types';

/** The dialect both databases' drizzle instances render with (kernel/db.ts: snake_case columns). */
const dialect = new PgDialect({ casing: 'snake_case' });

/** Builds selects without a database, for the fixed pieces of statements. */
export const queryBuilder = new QueryBuilder({ casing: 'snake_case' });

/**
 * A piece of a statement that is the same at every request — a select list with its joins, a sub-select per row —
 * rendered to text once. drizzle renders every chunk of a statement anew at each request, and its rendering is slow:
 * each chunk is matched against seven kinds of chunk, and a failed match walks the class chain. The customer list's
 * page statement took ≈360 µs of the Node thread to render, of which the select list and joins were ≈300; with them
 * fixed, ≈55 µs. A fixed piece holds no value (they go into the part rendered per request, as parameters): one that
 * would carry a parameter is refused.
 */
export function fixedSql(piece: SQLWrapper): SQL {
  const { sql: text, params } = dialect.sqlToQuery(piece.getSQL());
  if (params.length > 0) throw new Error(`a fixed piece of SQL takes no values: ${text}`);
  return sql.raw(text);
}

type Decoder = { mapFromDriverValue(value: unknown): unknown };
const asIs: Decoder = { mapFromDriverValue: (value) => value };

/** A select's fields and FROM (with its joins), fixed (`fixedSelect`), and its rows' reader. */
export type FixedSelect<TFields extends SelectedFields> = {
  /** the select list, rendered once: `SELECT ${columns}, <more> FROM ${from} WHERE …` */
  columns: SQL;
  /** the FROM and its joins, rendered once */
  from: SQL;
  /** a row as the driver hands it over → the row drizzle's select of the same fields would give */
  read(raw: Record<string, unknown>): SelectResultFields<TFields>;
};

type SelectedFields = Record<string, PgColumn | SQL | SQL.Aliased | PgTable>;

/**
 * A select of fixed fields from fixed tables, rendered once (`fixedSql`), and a reader that makes each raw row what
 * drizzle's select would have returned: a table's columns nested under its key, each value read by its column
 * (timestamps, bigints), SQL fields as the driver hands them over (one with `mapWith` is not supported). A table among
 * the fields must be the FROM table or inner-joined: a left-joined table would come back as an object of nulls, where
 * drizzle gives null; a column of a left-joined table is typed as drizzle types the table's column (not null), and
 * can be null. `from` is SQL: a table alias is written `${table} ${alias}`.
 */
export function fixedSelect<TFields extends SelectedFields>(fields: TFields, from: SQL): FixedSelect<TFields> {
  const flat: { path: [string] | [string, string]; value: PgColumn | SQL; decoder: Decoder }[] = [];
  for (const [key, field] of Object.entries(fields)) {
    if (is(field, Table)) {
      for (const [name, column] of Object.entries(getTableColumns(field))) flat.push({ path: [key, name], value: column, decoder: column });
    } else if (is(field, Column)) flat.push({ path: [key], value: field as PgColumn, decoder: field as PgColumn });
    else if (is(field, SQL.Aliased)) flat.push({ path: [key], value: (field as SQL.Aliased).sql, decoder: asIs });
    else flat.push({ path: [key], value: field as SQL, decoder: asIs });
  }
  return {
    columns: fixedSql(
      sql.join(
        flat.map((f, i) => sql`${f.value} AS ${sql.identifier(`f${i}`)}`),
        sql`, `,
      ),
    ),
    from: fixedSql(from),
    read(raw) {
      const row: Record<string, unknown> = {};
      flat.forEach(({ path, decoder }, i) => {
        const value = raw[`f${i}`];
        const decoded = value === null || value === undefined ? null : decoder.mapFromDriverValue(value);
        if (path.length === 1) row[path[0]] = decoded;
        else ((row[path[0]] ??= {}) as Record<string, unknown>)[path[1]] = decoded;
      });
      return row as SelectResultFields<TFields>;
    },
  };
}
