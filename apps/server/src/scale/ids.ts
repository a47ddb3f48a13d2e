/**
 * Deterministic primary keys for generated rows, in the uuid v7 layout: the 48-bit time field holds a fixed instant
 * (the day after the history's `today`) plus the store's number, the 12 bits after the version hold a tag of the
 * table, and the last 60 bits count the rows of that table in that store. Unique per table, the same in every run,
 * and increasing in load order (store by store), so primary-key indexes grow at their right edge as with real v7 ids.
 */
const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** FNV-1a of a string (32 bits): table tags and derived seeds. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193) >>> 0;
  return h;
}

export type IdFactory = (table: string) => string;

/** Ids of one store: `storeNumber` 1 is S001. */
export function createIdFactory(baseMs: number, storeNumber: number): IdFactory {
  const ms = hex(baseMs + storeNumber, 12);
  const head = `${ms.slice(0, 8)}-${ms.slice(8, 12)}-7`;
  const counters = new Map<string, { tag: string; n: number }>();
  return (table) => {
    let c = counters.get(table);
    if (!c) {
      c = { tag: hex(hash32(table) & 0xfff, 3), n: 0 };
      counters.set(table, c);
    }
    c.n++;
    const n = hex(c.n, 15);
    return `${head}${c.tag}-8${n.slice(0, 3)}-${n.slice(3)}`;
  };
}
