/**
 * Checksums of the generated content, computed in SQL, comparable between two runs and two engines.
 *
 * Identifiers (uuid ids) and ciphertexts (AES-GCM with a random IV) differ from run to run, so each table is
 * projected onto its content and its relationships through natural keys: a vehicle names its store by code and its
 * owner by phone, a mileage reading names its vehicle by VIN, a follow-up its user by username. The projected rows
 * are ordered (C collation) and hashed per store with md5; the table's checksum is the md5 of the ordered
 * `store code:count:md5` lines. Per-store hashing keeps every aggregated string small (a single string over
 * 10 M mileage readings would pass PostgreSQL's 1 GB limit).
 */
import type { Database } from '../kernel/db.js';

export type TableChecksum = { rows: number; md5: string };

/** A NULL-safe text of an expression. */
const t = (expr: string) => `coalesce((${expr})::text, '~')`;
const ts = (expr: string) => `coalesce(to_char((${expr}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS'), '~')`;
const d = (expr: string) => `coalesce(to_char(${expr}, 'YYYY-MM-DD'), '~')`;
const row = (...parts: string[]) => `concat_ws('|', ${parts.join(', ')})`;

type Projection = { from: string; key: string; row: string };

/** The projections: FROM clause (aliases used in key and row), the grouping store code and the row text. */
const projections: Record<string, Projection> = {
  store: {
    from: 'store s',
    key: 's.code',
    row: row(
      's.code',
      's.name',
      's.short_name',
      's.province',
      's.city',
      's.plate_province',
      's.plate_letter',
      's.address',
      's.phone',
      's.timezone',
      t('s.active'),
    ),
  },
  app_user: {
    from: `app_user u
      LEFT JOIN department dp ON dp.id = u.department_id
      LEFT JOIN store s ON s.id = dp.store_id`,
    key: `coalesce(s.code, '*')`,
    row: row(
      'u.username',
      'u.display_name',
      'u.phone',
      'u.locale',
      t('u.active'),
      `coalesce(dp.code, '~')`,
      `coalesce((SELECT string_agg(rs.code || ':' || r.code, ',' ORDER BY rs.code, r.code)
          FROM user_role ur JOIN role r ON r.id = ur.role_id JOIN store rs ON rs.id = ur.store_id WHERE ur.user_id = u.id), '~')`,
    ),
  },
  customer: {
    from: `customer c
      JOIN store s ON s.id = c.store_id
      LEFT JOIN app_user ad ON ad.id = c.advisor_id
      LEFT JOIN app_user co ON co.id = c.consultant_id
      LEFT JOIN app_user cb ON cb.id = c.created_by`,
    key: 's.code',
    row: row(
      'c.phone',
      'c.kind',
      'c.name',
      'c.name_pinyin',
      'c.name_initials',
      t('c.gender'),
      d('c.birthday'),
      'c.province_code',
      'c.city_code',
      'c.district_code',
      'c.address',
      'c.source',
      `array_to_string(c.tags, ',')`,
      t('c.marketing_consent'),
      ts('c.consent_at'),
      t('c.consent_channel'),
      'c.notes',
      // the resident ID itself is encrypted with a random IV: only whether there is one
      t('c.id_number_enc IS NOT NULL'),
      t('c.credit_code'),
      t('c.contact_name'),
      t('ad.username'),
      t('co.username'),
      t('cb.username'),
      ts('c.anonymised_at'),
      ts('c.created_at'),
      ts('c.updated_at'),
    ),
  },
  customer_phone: {
    from: `customer_phone p
      JOIN customer c ON c.id = p.customer_id
      JOIN store s ON s.id = c.store_id`,
    key: 's.code',
    row: row('c.phone', 'p.phone', 'p.label'),
  },
  vehicle: {
    from: `vehicle v
      JOIN store s ON s.id = v.store_id
      LEFT JOIN store ss ON ss.id = v.selling_store_id
      LEFT JOIN vehicle_configuration vc ON vc.id = v.configuration_id
      LEFT JOIN vehicle_model vm ON vm.id = v.model_id
      JOIN customer o ON o.id = v.owner_id
      LEFT JOIN customer us ON us.id = v.user_id`,
    key: 's.code',
    row: row(
      'v.vin',
      t('v.plate'),
      t('v.plate_verified'),
      'v.engine_no',
      t('vm.code'),
      t('vc.code'),
      'v.colour',
      t('v.model_year'),
      d('v.sale_date'),
      t('ss.code'),
      d('v.first_registration'),
      d('v.warranty_start'),
      d('v.warranty_end'),
      d('v.insurance_expiry'),
      'o.phone',
      t('us.phone'),
      t('v.mileage_km'),
      ts('v.mileage_at'),
      ts('v.last_visit_at'),
    ),
  },
  vehicle_mileage: {
    from: `vehicle_mileage m
      JOIN vehicle v ON v.id = m.vehicle_id
      JOIN store s ON s.id = m.store_id`,
    key: 's.code',
    row: row('v.vin', ts('m.at'), t('m.km'), 'm.source', 'm.note'),
  },
  vehicle_ownership: {
    from: `vehicle_ownership o
      JOIN vehicle v ON v.id = o.vehicle_id
      JOIN store s ON s.id = v.store_id
      JOIN customer c ON c.id = o.customer_id`,
    key: 's.code',
    row: row('v.vin', 'c.phone', 'o.role', d('o.from_date'), d('o.to_date')),
  },
  follow_up: {
    from: `follow_up f
      JOIN store s ON s.id = f.store_id
      JOIN customer c ON c.id = f.customer_id
      LEFT JOIN vehicle v ON v.id = f.vehicle_id
      LEFT JOIN app_user au ON au.id = f.assigned_to
      LEFT JOIN app_user cb ON cb.id = f.created_by`,
    key: 's.code',
    row: row(
      'c.phone',
      t('v.vin'),
      'f.status',
      'f.channel',
      'f.purpose',
      'f.outcome',
      'f.content',
      t('f.satisfaction'),
      d('f.due_date'),
      ts('f.done_at'),
      d('f.next_contact_date'),
      t('au.username'),
      t('cb.username'),
      ts('f.created_at'),
    ),
  },
  complaint: {
    from: `complaint k
      JOIN store s ON s.id = k.store_id
      JOIN customer c ON c.id = k.customer_id
      LEFT JOIN vehicle v ON v.id = k.vehicle_id
      LEFT JOIN app_user ag ON ag.id = k.against_user_id
      LEFT JOIN app_user rb ON rb.id = k.resolved_by
      LEFT JOIN app_user cb ON cb.id = k.created_by`,
    key: 's.code',
    row: row(
      'k.number',
      'c.phone',
      t('v.vin'),
      'k.type',
      'k.severity',
      'k.channel',
      t('ag.username'),
      'k.against_text',
      'k.description',
      ts('k.received_at'),
      ts('k.due_at'),
      'k.status',
      ts('k.escalated_at'),
      'k.resolution',
      ts('k.resolved_at'),
      t('rb.username'),
      t('k.satisfied'),
      t('k.satisfaction_score'),
      t('cb.username'),
      ts('k.created_at'),
    ),
  },
  doc_sequence: {
    from: 'doc_sequence q JOIN store s ON s.id = q.store_id',
    key: 's.code',
    row: row('q.doc_type', 'q.day', t('q.last')),
  },
};

/** The tables scaleChecksums covers by default: the key tables of the customers plug-in, plus stores, users and numbering. */
export const checksumTables = Object.keys(projections);

/** The SQL of one table's checksum (one row: rows, md5). */
export function checksumSql(table: string): string {
  const p = projections[table];
  if (!p) throw new Error(`no checksum projection for table ${table}`);
  return `WITH p AS (SELECT ${p.key} AS k, ${p.row} AS r FROM ${p.from}),
    per AS (SELECT k, count(*) AS n, md5(string_agg(r, E'\\n' ORDER BY r COLLATE "C")) AS h FROM p GROUP BY k)
    SELECT coalesce(sum(n), 0)::bigint AS rows,
      md5(coalesce(string_agg(k || ':' || n || ':' || h, E'\\n' ORDER BY k COLLATE "C"), '')) AS md5
    FROM per`;
}

/**
 * Row count and md5 of the content of each table (default: checksumTables). Two databases generated with the same
 * parameters give the same checksums, whatever their ids, data key or engine.
 */
export async function scaleChecksums(
  database: Database,
  tables: readonly string[] = checksumTables,
): Promise<Record<string, TableChecksum>> {
  const out: Record<string, TableChecksum> = {};
  const one = async (table: string) => {
    const rows = await database.query<{ rows: string | number; md5: string }>(checksumSql(table));
    out[table] = { rows: Number(rows[0]?.rows ?? 0), md5: rows[0]?.md5 ?? '' };
  };
  if (database.kind === 'postgres') {
    // the big sorts stay in memory; two tables at a time use both cores of a small machine
    const queue = [...tables];
    const worker = async () => {
      const client = await database.pool!.connect();
      try {
        for (let table = queue.shift(); table !== undefined; table = queue.shift()) {
          await client.query('BEGIN READ ONLY');
          await client.query(`SET LOCAL work_mem = '256MB'`);
          await client.query('SET LOCAL statement_timeout = 0');
          const r = await client.query<{ rows: string; md5: string }>(checksumSql(table));
          await client.query('COMMIT');
          out[table] = { rows: Number(r.rows[0]?.rows ?? 0), md5: r.rows[0]?.md5 ?? '' };
        }
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    };
    await Promise.all([worker(), worker()]);
  } else {
    for (const table of tables) await one(table);
  }
  // the caller's order, whichever finished first
  return Object.fromEntries(tables.map((table) => [table, out[table]!]));
}
