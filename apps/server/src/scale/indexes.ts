/**
 * Secondary indexes during a big load: maintaining a trigram GIN index row by row costs more than building it
 * once afterwards. Non-unique, non-primary indexes of the loaded tables are dropped (their definitions saved in
 * the manifest first) and recreated from `pg_get_indexdef` when the load is done. Unique indexes stay: they are
 * the check that VINs are unique.
 */
import type { PendingIndex } from './manifest.js';

type Query = <T>(text: string, params?: unknown[]) => Promise<T[]>;

export async function secondaryIndexes(query: Query, tables: readonly string[]): Promise<PendingIndex[]> {
  return query<PendingIndex>(
    `SELECT c.relname AS "table", ic.relname AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i
       JOIN pg_class c ON c.oid = i.indrelid
       JOIN pg_class ic ON ic.oid = i.indexrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relname = ANY($1::text[]) AND NOT i.indisprimary AND NOT i.indisunique
      ORDER BY c.relname, ic.relname`,
    [tables],
  );
}

export const dropIndexStatement = (ix: PendingIndex) => `DROP INDEX IF EXISTS "${ix.name}"`;

/** The saved definition, made safe to run again after a crash half-way through rebuilding. */
export const createIndexStatement = (ix: PendingIndex) => ix.definition.replace(/^CREATE INDEX /, 'CREATE INDEX IF NOT EXISTS ');
