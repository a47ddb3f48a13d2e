import { asc, desc, ilike, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Executor } from './db.js';
import { fixedSql } from './fixed-sql.js';

export const MAX_PAGE_SIZE = 200;
export const MAX_EXPORT_ROWS = 50_000;
/**
 * A list counts its matches up to this many; beyond, it answers "1,000+" (`totalExact: false`) unless asked for the
 * exact count (`count=exact`): counting all 20,000 customers of a store costs more than reading the page itself.
 */
export const COUNT_LIMIT = 1000;

/** The query every list route takes: free text, paging and one sort key (`name` or `-name`). */
export const listQuery = z.object({
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
  sort: z
    .string()
    .regex(/^-?[a-zA-Z]{1,40}$/)
    .optional(),
  /** `exact`: count every match, however many (the pager's "count all") */
  count: z.literal('exact').optional(),
});
export type ListQuery = z.infer<typeof listQuery>;

export const listResponse = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    /** the number of matches, or COUNT_LIMIT when there are more and the exact count was not asked for */
    total: z.number(),
    /** false: there are more than `total` matches */
    totalExact: z.boolean(),
  });

export type ListTotal = { total: number; totalExact: boolean };

/**
 * A row count written into the statement's text instead of sent as a parameter, for LIMIT and OFFSET. PostgreSQL
 * plans `LIMIT $1 OFFSET $2` as if a tenth of the matches were read, so a prepared page statement never earns its
 * generic plan and is planned again at every request (0.1–0.3 ms: more than reading a page of 20); with the numbers
 * in the text it is planned once per connection (a list's first pages only: see `pageRows`).
 * Only a non-negative integer is accepted (page sizes and offsets come validated by `listQuery`).
 */
export function inlineCount(n: number): number {
  // drizzle's limit() and offset() take numbers, and write an SQL chunk given in their place as it is
  return inlineRows(n) as unknown as number;
}

/** A row count as SQL text (see `inlineCount`). */
function inlineRows(n: number): SQL {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a row count: ${n}`);
  return sql.raw(String(n));
}

/**
 * Pages whose offset goes into the statement's text: the first ones, which users read. A deeper page sends its
 * offset as a parameter (planned at each run, as before): paging through a long list would otherwise prepare one
 * statement per page and fill the connection's statement cache (kernel/db.ts) with them.
 */
export const INLINE_PAGES = 5;

/** Which page of a list, as `listQuery` has it. */
export type Paging = { page: number; pageSize: number };

/**
 * LIMIT and OFFSET of a list page for drizzle's limit() and offset(): the page size always in the statement's text,
 * the offset for the first INLINE_PAGES pages (see `inlineCount`), a parameter beyond.
 */
export function pageRows(q: Paging): { limit: number; offset: number } {
  const offset = (q.page - 1) * q.pageSize;
  return { limit: inlineCount(q.pageSize), offset: q.page <= INLINE_PAGES ? inlineCount(offset) : offset };
}

type Pageable = { limit(n: number): { offset(n: number): unknown } };

/** A drizzle select limited to one page of the list (see `pageRows`). */
export function pageOf<Q extends Pageable>(query: Q, paging: Paging): ReturnType<ReturnType<Q['limit']>['offset']> {
  const { limit, offset } = pageRows(paging);
  return query.limit(limit).offset(offset) as ReturnType<ReturnType<Q['limit']>['offset']>;
}

/** LIMIT and OFFSET of a list page written as SQL (see `pageRows`: which of them go into the text). */
export function limitOffset(q: Paging): SQL {
  const { limit, offset } = pageRows(q);
  return sql`LIMIT ${limit} OFFSET ${offset}`;
}

/** ` WHERE <condition>`, or nothing without one. */
export const whereClause = (where: SQL | undefined): SQL => (where ? sql` WHERE ${where}` : sql``);

/** The statement counting a list's matches: all of them when `exact`, else up to COUNT_LIMIT + 1 (`listTotal`). */
function countOf(table: PgTable, where: SQL | undefined, exact: boolean): SQL {
  return exact
    ? sql`SELECT count(*)::int FROM ${table}${whereClause(where)}`
    : sql`SELECT count(*)::int FROM (SELECT 1 FROM ${table}${whereClause(where)} LIMIT ${inlineRows(COUNT_LIMIT + 1)}) matches`;
}

const totalFrom = (n: number, exact: boolean): ListTotal =>
  exact || n <= COUNT_LIMIT ? { total: n, totalExact: true } : { total: COUNT_LIMIT, totalExact: false };

/** The total of a list: exact up to COUNT_LIMIT (or always, when `exact`), else COUNT_LIMIT and `totalExact: false`. */
export async function listTotal(exec: Executor, table: PgTable, where: SQL | undefined, exact = false): Promise<ListTotal> {
  // SQL rather than drizzle's builder: building the capped count as a select from a sub-select took ≈100 µs
  const { rows } = (await exec.execute(sql`SELECT (${countOf(table, where, exact)}) AS n`)) as unknown as { rows: { n: number }[] };
  return totalFrom(rows[0]?.n ?? 0, exact);
}

/**
 * A list's total as a column of its page, `list_total`: the count `listTotal` runs, as a sub-select of the page's
 * statement. It refers to none of the page's rows, so PostgreSQL runs it once per statement, and the page and its total
 * come in one round trip (and from one snapshot) instead of two. Read it back with `pageTotal`.
 */
export function totalColumn(table: PgTable, where: SQL | undefined, exact: boolean): SQL {
  return sql`(${countOf(table, where, exact)}) AS list_total`;
}

/**
 * The statement reading a fixed select (`fixedSelect`: its columns and FROM rendered once) with the request's WHERE and
 * order; with `paging`, one page, and with `total`, the list's total as a column (`totalColumn`, read it with
 * `pageTotal`); `more` adds columns computed per request.
 */
export function readStatement(
  read: { columns: SQL; from: SQL },
  where: SQL | undefined,
  order: readonly (SQL | PgColumn)[],
  opts: { paging?: Paging; total?: { table: PgTable; exact: boolean }; more?: SQL } = {},
): SQL {
  const more = opts.more ? sql`, ${opts.more}` : sql``;
  const total = opts.total ? sql`, ${totalColumn(opts.total.table, where, opts.total.exact)}` : sql``;
  const page = opts.paging ? sql` ${limitOffset(opts.paging)}` : sql``;
  return sql`SELECT ${read.columns}${more}${total} FROM ${read.from}${whereClause(where)} ORDER BY ${sql.join([...order], sql`, `)}${page}`;
}

/**
 * The total of a list from its page's rows (`totalColumn`). A page without rows carries none: on the first page that
 * means no matches; past the first, the total is counted on its own (a pager left on a page that has since emptied).
 */
export async function pageTotal(
  rows: readonly { list_total?: number }[],
  paging: Paging,
  count: { exec: Executor; table: PgTable; where: SQL | undefined; exact: boolean },
): Promise<ListTotal> {
  const n = rows[0]?.list_total;
  if (n !== undefined) return totalFrom(n, count.exact);
  if (paging.page === 1) return { total: 0, totalExact: true };
  return listTotal(count.exec, count.table, count.where, count.exact);
}

/** `%` and `_` typed by a user are literal characters, not wildcards. */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function searchCondition(q: string | undefined, columns: readonly PgColumn[]): SQL | undefined {
  if (!q) return undefined;
  const pattern = likePattern(q);
  return or(...columns.map((c) => ilike(c, pattern)));
}

/** A list's sort key: the column and its direction. */
export type ListSort = { column: PgColumn | SQL; descending: boolean };

/** The column and direction `sort` asks for (`name` or `-name`), or undefined when it names no sortable column. */
export function sortOf(sort: string | undefined, sortable: Record<string, PgColumn | SQL>): ListSort | undefined {
  const column = sort ? sortable[sort.replace(/^-/, '')] : undefined;
  return column ? { column, descending: sort!.startsWith('-') } : undefined;
}

/** ORDER BY's term for a sort key. */
export const sortOrder = (s: ListSort): SQL => (s.descending ? desc(s.column) : asc(s.column));

export function orderBy(sort: string | undefined, sortable: Record<string, PgColumn | SQL>, fallback: SQL): SQL {
  const s = sortOf(sort, sortable);
  return s ? sortOrder(s) : fallback;
}

/** The column a page selects as `sort_value` for `aroundPage` to order by. */
export const sortValue = (s: ListSort) => sql`${s.column}`.as('sort_value');

/**
 * The fixed heads of a list's page statement (`fixedSql`), one per sort key: `build` makes the select, its joins and
 * the sort value it is given (selected as `sort_value`, for `aroundPage`); each is rendered at its first use.
 */
export function pageHeads(build: (sortValue: SQL.Aliased) => SQLWrapper): (s: ListSort) => SQL {
  const heads = new Map<PgColumn | SQL, SQL>();
  return (s) => {
    let head = heads.get(s.column);
    if (!head) heads.set(s.column, (head = fixedSql(build(sortValue(s)))));
    return head;
  };
}

/** A list page's statement: its fixed head (`pageHeads`), the request's WHERE, the sort with `id` last, the page. */
export function pageStatement(head: SQL, where: SQL | undefined, s: ListSort, id: PgColumn, paging: Paging): SQL {
  return sql`${head}${whereClause(where)} ORDER BY ${sortOrder(s)}, ${id} ${limitOffset(paging)}`;
}

/**
 * A list page whose rows carry a sub-select each (a count, an aggregate): the page is chosen first — `page`, selecting
 * `id` and `sortValue(s)`, ordered by `s` then id, with its LIMIT and OFFSET — and `perRow` (written against `page.id`)
 * runs outside it for the page's rows only. In one select, PostgreSQL computes such sub-selects for every row that
 * OFFSET skips as well (page 101 of the customer list counted the cars of 2,020 customers). The outer select orders
 * by the page's own order, which PostgreSQL knows the page has, so it does not sort again. The rows come back as
 * PostgreSQL names the columns, unconverted.
 */
export function aroundPage(page: SQL, perRow: SQL, s: ListSort): SQL {
  return sql`SELECT page.*, ${perRow} FROM (${page}) page ORDER BY page.sort_value ${s.descending ? sql`DESC` : sql`ASC`}, page.id`;
}
