import { randomBytes, scryptSync } from 'node:crypto';
import { hashPassword } from '../src/kernel/password.js';
import type { TestApp } from './test-app.js';

/** A role with the given permissions and scope, and a user holding it in the given stores only. */
export async function createUserWithRole(
  t: TestApp,
  input: { username: string; roleCode: string; permissions: readonly string[]; dataScope?: string; storeCodes: readonly string[] },
): Promise<string> {
  const db = t.database;
  const [role] = await db.query<{ id: string }>(
    `INSERT INTO role (id, code, name, name_en, data_scope, permissions) VALUES (gen_random_uuid(), $1, $1, $1, $2, $3::text[])
     ON CONFLICT (code) DO UPDATE SET permissions = EXCLUDED.permissions RETURNING id`,
    [input.roleCode, input.dataScope ?? 'store', input.permissions],
  );
  const [user] = await db.query<{ id: string }>(
    `INSERT INTO app_user (id, username, display_name, password_hash) VALUES (gen_random_uuid(), $1, $1, $2) RETURNING id`,
    [input.username, await hashPassword('sifang-demo')],
  );
  for (const code of input.storeCodes) {
    await db.query('INSERT INTO user_role (user_id, store_id, role_id) VALUES ($1, $2, $3)', [user!.id, await t.storeId(code), role!.id]);
  }
  return user!.id;
}

/** A fingerprint of every business table (audit log and sessions excepted): equal before and after = nothing changed. */
export async function databaseChecksum(t: TestApp): Promise<Record<string, string>> {
  const tables = await t.database.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
       AND table_name NOT IN ('audit_log', 'session') ORDER BY 1`,
  );
  const out: Record<string, string> = {};
  for (const { table_name } of tables) {
    const [row] = await t.database.query<{ h: string }>(
      `SELECT count(*) || ':' || md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM ${table_name} x`,
    );
    out[table_name] = row!.h;
  }
  return out;
}

export const fillId = (url: string, id: string) => url.replace(':id', id);

/** A hash as the server made them before (N = 2^14): the format carries its parameters. */
export function hashWithOlderCost(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFKC'), salt, 64, { N: 16384, r: 8, p: 1 });
  return `scrypt$16384$8$1$${salt.toString('base64url')}$${key.toString('base64url')}`;
}
