/**
 * What a scale database was generated with, kept in the database itself as a JSON comment on the dealer_group
 * table (no migration needed; it travels with pg_dump and PGlite dumps). Updated in the same transaction as each
 * store's rows, so after a crash it names the stores that are complete and `--grow` continues from there.
 */
import type { Database } from '../kernel/db.js';

export const SCALE_GENERATOR = 'sifang seed:scale';
/**
 * Raised whenever the same parameters generate different rows (2: phone tails and VIN serials spread as in life;
 * 3: six service advisors and eight sales consultants per store share its customers),
 * so that a database generated before is regenerated rather than reused or grown.
 */
export const SCALE_GENERATOR_VERSION = 3;

export type PendingIndex = { table: string; name: string; definition: string };

export type ScaleManifest = {
  generator: typeof SCALE_GENERATOR;
  version: number;
  seed: number;
  years: number;
  /** 'YYYY-MM-DD': the history ends the day before; the demo group was seeded with noon of this day (China time) */
  today: string;
  vehiclesPerYear: number;
  /** generated stores S001 … S<stores> are complete */
  stores: number;
  /** the plug-ins that generated each store, in order */
  plugins: string[];
  /** secondary indexes dropped for a big load and not yet rebuilt (rebuilt by the next run) */
  pendingIndexes: PendingIndex[];
  updatedAt: string;
};

/** The manifest of a scale database; null for a database that is not one (or not migrated). */
export async function readScaleManifest(database: Database): Promise<ScaleManifest | null> {
  let rows: { c: string | null }[];
  try {
    rows = await database.query<{ c: string | null }>(`SELECT obj_description('public.dealer_group'::regclass, 'pg_class') AS c`);
  } catch {
    return null;
  }
  const text = rows[0]?.c;
  if (!text) return null;
  try {
    const m = JSON.parse(text) as Partial<ScaleManifest>;
    return m.generator === SCALE_GENERATOR ? ({ pendingIndexes: [], ...m } as ScaleManifest) : null;
  } catch {
    return null;
  }
}

/** The statement that records a manifest (a literal: COMMENT takes no parameters). */
export function manifestStatement(m: ScaleManifest): string {
  return `COMMENT ON TABLE dealer_group IS '${JSON.stringify(m).replaceAll("'", "''")}'`;
}
