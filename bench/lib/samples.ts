// Realistic query material drawn from the stage's data: what staff of one store would type or open.
import pg from 'pg';

export type StoreSamples = {
  storeId: string;
  customers: { id: string; name: string; phone: string; initials: string; pinyin: string }[];
  vehicles: { id: string; vin: string; plate: string | null }[];
};

/** `n` customers and vehicles of a store, spread evenly through it (deterministic: ordered by phone / VIN). */
export async function storeSamples(url: string, storeCode: string, n = 50): Promise<StoreSamples> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const st = await client.query<{ id: string }>('SELECT id FROM store WHERE code = $1', [storeCode]);
    if (!st.rows[0]) throw new Error(`no store ${storeCode} in the benchmark database`);
    const storeId = st.rows[0].id;
    const customers = await client.query(
      `SELECT id, name, phone, name_initials AS initials, name_pinyin AS pinyin FROM (
         SELECT *, row_number() OVER (ORDER BY phone) AS k, count(*) OVER () AS total FROM customer
         WHERE store_id = $1 AND kind = 'person' AND anonymised_at IS NULL AND merged_into_id IS NULL) c
       WHERE k % greatest(1, total / $2) = 0 ORDER BY phone LIMIT $2`,
      [storeId, n],
    );
    const vehicles = await client.query(
      `SELECT id, vin, plate FROM (
         SELECT *, row_number() OVER (ORDER BY vin) AS k, count(*) OVER () AS total FROM vehicle WHERE store_id = $1 AND plate IS NOT NULL) v
       WHERE k % greatest(1, total / $2) = 0 ORDER BY vin LIMIT $2`,
      [storeId, n],
    );
    return { storeId, customers: customers.rows, vehicles: vehicles.rows };
  } finally {
    await client.end();
  }
}

/** What an advisor types into the search box, by kind, from the samples. */
export function searchQueries(s: StoreSamples): Record<string, string[]> {
  const take = <T>(xs: T[], k = 10) => xs.filter((_, i) => i % Math.max(1, Math.floor(xs.length / k)) === 0).slice(0, k);
  const cs = take(s.customers);
  const vs = take(s.vehicles.filter((v) => v.plate));
  return {
    'phone tail (4)': cs.map((c) => c.phone.slice(-4)),
    'plate fragment': vs.map((v) => v.plate!.slice(1, 5)),
    // the first keystrokes of a plate: the city letter and the next character (thousands of matches, eight shown)
    // (with a digit: two letters are read as pinyin initials)
    'plate (2 chars)': vs.map((v) => v.plate!.slice(1, 3)).filter((f) => /\d/.test(f)),
    'VIN tail (6)': vs.map((v) => v.vin.slice(-6)),
    'name (2 chars)': cs.map((c) => c.name.slice(0, 2)),
    'pinyin initials': cs.map((c) => c.initials.slice(0, 3)).filter((x) => x.length >= 2),
    'full phone': cs.map((c) => c.phone),
  };
}

/** Users in the benchmark database (0 when it is not migrated): the real server would seed the demo into an empty one. */
export async function usersIn(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const t = await client.query<{ t: string | null }>("SELECT to_regclass('public.app_user')::text AS t");
    if (!t.rows[0]?.t) return 0;
    return Number((await client.query<{ n: string }>('SELECT count(*)::text AS n FROM app_user')).rows[0]!.n);
  } finally {
    await client.end();
  }
}
