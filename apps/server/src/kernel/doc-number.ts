import { sql } from 'drizzle-orm';
import type { Executor } from './db.js';

/** The business day (YYYYMMDD) of an instant in a store's time zone. */
export function businessDay(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
  return parts.replaceAll('-', '');
}

/**
 * The next document number of a store, e.g. `WO20261123-0001`. One upsert hands out the number, so it stays
 * unique under any concurrency (the row lock serialises callers of the same store, type and day).
 */
export async function nextDocNumber(
  exec: Executor,
  input: { storeId: string; docType: string; prefix: string; at: Date; timeZone: string; width?: number },
): Promise<string> {
  const day = businessDay(input.at, input.timeZone);
  const result = await exec.execute(sql`
    INSERT INTO doc_sequence (store_id, doc_type, day, last) VALUES (${input.storeId}, ${input.docType}, ${day}, 1)
    ON CONFLICT (store_id, doc_type, day) DO UPDATE SET last = doc_sequence.last + 1
    RETURNING last`);
  const rows = (result as unknown as { rows: { last: string | number }[] }).rows;
  const last = Number(rows[0]!.last);
  return `${input.prefix}${day}-${String(last).padStart(input.width ?? 4, '0')}`;
}
