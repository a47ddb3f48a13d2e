import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Locale } from '@sifang/shared/errors';
import type { Database, Executor } from './db.js';
import { session } from './kernel.schema.js';
import type { RequestContext } from './context.js';
import { widestScope } from './roles.js';

export const SESSION_COOKIE = 'sifang_sid';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** 256 random bits per session; a new one at every login, so a planted id is useless (no fixation). */
export async function createSession(
  exec: Executor,
  input: { userId: string; storeId: string; ip: string; userAgent: string; now: Date; absoluteTimeoutMs: number },
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await exec.insert(session).values({
    tokenHash: hashToken(token),
    userId: input.userId,
    storeId: input.storeId,
    csrfToken,
    ip: input.ip,
    userAgent: input.userAgent.slice(0, 300),
    createdAt: input.now,
    lastSeenAt: input.now,
    expiresAt: new Date(input.now.getTime() + input.absoluteTimeoutMs),
  });
  return { token, csrfToken };
}

export async function deleteSession(exec: Executor, tokenHash: string): Promise<void> {
  await exec.delete(session).where(eq(session.tokenHash, tokenHash));
}

export async function deleteUserSessions(exec: Executor, userId: string): Promise<void> {
  await exec.delete(session).where(eq(session.userId, userId));
}

type SessionRow = {
  store_id: string;
  csrf_token: string;
  last_seen_at: Date | string;
  expires_at: Date | string;
  user_id: string;
  username: string;
  display_name: string;
  locale: string;
  active: boolean;
  group_id: string;
  permissions: string[] | null;
  scopes: string[] | null;
  assigned: string[] | null;
  all_stores: string[] | null;
  store_names: Record<string, string> | null;
};

// One round trip per request: the session, its user, the rights in the current store, and the stores in reach.
// Roles with group data scope apply in every store of the group.
const SESSION_SQL = `
SELECT s.store_id, s.csrf_token, s.last_seen_at, s.expires_at,
       u.id AS user_id, u.username, u.display_name, u.locale, u.active, st.group_id,
       (SELECT array_agg(DISTINCT p) FROM user_role ur JOIN role r ON r.id = ur.role_id
          CROSS JOIN LATERAL unnest(r.permissions) AS p
         WHERE ur.user_id = u.id AND (ur.store_id = s.store_id OR r.data_scope = 'group')) AS permissions,
       (SELECT array_agg(r.data_scope) FROM user_role ur JOIN role r ON r.id = ur.role_id
         WHERE ur.user_id = u.id AND (ur.store_id = s.store_id OR r.data_scope = 'group')) AS scopes,
       (SELECT array_agg(DISTINCT ur.store_id::text) FROM user_role ur JOIN store x ON x.id = ur.store_id
         WHERE ur.user_id = u.id AND x.active) AS assigned,
       (SELECT array_agg(x.id::text ORDER BY x.code) FROM store x WHERE x.group_id = st.group_id AND x.active) AS all_stores,
       (SELECT json_object_agg(x.id, x.short_name) FROM store x WHERE x.group_id = st.group_id) AS store_names
  FROM session s JOIN app_user u ON u.id = s.user_id JOIN store st ON st.id = s.store_id
 WHERE s.token_hash = $1`;

export type SessionLookup = { status: 'none' } | { status: 'expired' } | { status: 'ok'; ctx: RequestContext; touch: boolean };

/**
 * Recently loaded sessions, so that the several requests of one screen cost one session query instead of one
 * each. An entry lives `ttlMs` (by the server's clock); timeouts are still checked on every request against the
 * cached times. Whatever changes a session's rights clears the cache in this process (auth hook: writes to
 * users, roles, stores, the group and the auth routes); other processes see such a change within `ttlMs`.
 */
export type SessionCache = {
  get(tokenHash: string, now: number): SessionRow | undefined;
  set(tokenHash: string, row: SessionRow, now: number): void;
  delete(tokenHash: string): void;
  clear(): void;
  readonly size: number;
};

export function createSessionCache(ttlMs: number, maxEntries = 10_000): SessionCache {
  const entries = new Map<string, { row: SessionRow; at: number }>();
  return {
    get(tokenHash, now) {
      const e = entries.get(tokenHash);
      if (!e) return undefined;
      if (now - e.at > ttlMs || now < e.at) {
        entries.delete(tokenHash);
        return undefined;
      }
      return e.row;
    },
    set(tokenHash, row, now) {
      if (ttlMs <= 0) return;
      entries.delete(tokenHash);
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!); // the oldest
      entries.set(tokenHash, { row, at: now });
    },
    delete: (tokenHash) => void entries.delete(tokenHash),
    clear: () => entries.clear(),
    get size() {
      return entries.size;
    },
  };
}

const storeNameMaps = new WeakMap<SessionRow, ReadonlyMap<string, string>>();
/** one Map per loaded session row, shared by the requests the session cache serves */
function storeNamesOf(row: SessionRow): ReadonlyMap<string, string> {
  let names = storeNameMaps.get(row);
  if (!names) storeNameMaps.set(row, (names = new Map(Object.entries(row.store_names ?? {}))));
  return names;
}

export async function loadSession(
  database: Database,
  token: string,
  opts: { now: Date; idleTimeoutMs: number; ip: string; cache?: SessionCache },
): Promise<SessionLookup> {
  const tokenHash = hashToken(token);
  const now = opts.now.getTime();
  let row = opts.cache?.get(tokenHash, now);
  if (!row) {
    row = (await database.query<SessionRow>(SESSION_SQL, [tokenHash]))[0];
    if (!row) return { status: 'none' };
    opts.cache?.set(tokenHash, row, now);
  }
  const lastSeen = new Date(row.last_seen_at).getTime();
  if (!row.active || now > new Date(row.expires_at).getTime() || now - lastSeen > opts.idleTimeoutMs) {
    opts.cache?.delete(tokenHash);
    await database.query('DELETE FROM session WHERE token_hash = $1', [tokenHash]);
    return { status: 'expired' };
  }
  const touch = now - lastSeen > 60_000;
  // the caller writes last_seen_at now: the cached row follows
  if (touch) row.last_seen_at = opts.now;
  const scopes = row.scopes ?? [];
  const dataScope = widestScope(scopes);
  const allStores = row.all_stores ?? [];
  const hasGroupRole = scopes.includes('group');
  const assigned = hasGroupRole ? allStores : allStores.filter((id) => (row.assigned ?? []).includes(id));
  const visible = dataScope === 'group' ? allStores : dataScope === 'stores' ? assigned : [row.store_id];
  const locale: Locale = row.locale === 'en-US' ? 'en-US' : 'zh-CN';
  return {
    status: 'ok',
    touch,
    ctx: {
      user: { id: row.user_id, username: row.username, displayName: row.display_name, locale },
      storeId: row.store_id,
      groupId: row.group_id,
      permissions: new Set(row.permissions ?? []),
      dataScope,
      visibleStoreIds: visible,
      assignedStoreIds: assigned,
      storeNames: storeNamesOf(row),
      sessionTokenHash: tokenHash,
      csrfToken: row.csrf_token,
      ip: opts.ip,
      locale,
      now: opts.now,
    },
  };
}
