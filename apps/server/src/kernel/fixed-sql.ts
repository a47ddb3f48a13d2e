import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { PgDialect, QueryBuilder } from 'drizzle-orm/pg-core';

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
