import { asc, desc, ilike, or, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';

export const MAX_PAGE_SIZE = 200;
export const MAX_EXPORT_ROWS = 50_000;

/** The query every list route takes: free text, paging and one sort key (`name` or `-name`). */
export const listQuery = z.object({
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
  sort: z
    .string()
    .regex(/^-?[a-zA-Z]{1,40}$/)
    .optional(),
});
export type ListQuery = z.infer<typeof listQuery>;

export const listResponse = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number() });

/** `%` and `_` typed by a user are literal characters, not wildcards. */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function searchCondition(q: string | undefined, columns: readonly PgColumn[]): SQL | undefined {
  if (!q) return undefined;
  const pattern = likePattern(q);
  return or(...columns.map((c) => ilike(c, pattern)));
}

export function orderBy(sort: string | undefined, sortable: Record<string, PgColumn | SQL>, fallback: SQL): SQL {
  const col = sort ? sortable[sort.replace(/^-/, '')] : undefined;
  if (!col) return fallback;
  return sort!.startsWith('-') ? desc(col) : asc(col);
}
