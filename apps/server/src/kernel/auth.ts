import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, asc, count, eq, gt, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { pickLocale } from '@sifang/shared/errors';
import { appUser, auditLog, role, session, store, userRole } from './kernel.schema.js';
import { createSession, deleteSession, loadSession, SESSION_COOKIE } from './session.js';
import { dummyPasswordHash, hashPassword, needsRehash, verifyPassword } from './password.js';
import { writeAudit } from './audit.js';
import { sendError } from './http.js';
import { AppError } from './errors.js';
import { requireCtx, type RequestContext } from './context.js';
import { withTx } from './db.js';
import { isUuid } from './store-records.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Same-origin check for writes: an Origin (or Referer) header, when the browser sends one, must be this host. */
function crossOrigin(req: FastifyRequest): boolean {
  const origin = req.headers.origin ?? req.headers.referer;
  if (!origin) return false;
  try {
    const from = new URL(origin);
    return from.host !== new URL(`${from.protocol}//${req.headers.host ?? ''}`).host;
  } catch {
    return true;
  }
}

function cookieOptions(req: FastifyRequest) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: req.protocol === 'https' };
}

/**
 * Authentication and authorisation for every request, before the body is even parsed: loads the session,
 * enforces idle/absolute timeouts, CSRF on cookie-authenticated writes, and the route's declared permission.
 */
export function installAuthHooks(app: FastifyInstance): void {
  app.decorateRequest('ctx', null);
  app.decorateRequest('locale', 'zh-CN');

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
    req.locale = pickLocale(req.headers['accept-language']);
    const access = req.routeOptions.config?.permission;
    const token = req.cookies[SESSION_COOKIE];
    let expired = false;
    if (token) {
      const found = await loadSession(app.database, token, {
        now: app.clock(),
        idleTimeoutMs: app.config.idleTimeoutMs,
        ip: req.ip,
        cache: app.sessionCache,
      });
      if (found.status === 'ok') {
        req.ctx = found.ctx;
        req.locale = found.ctx.locale;
        if (found.touch) {
          await app.database.query('UPDATE session SET last_seen_at = $1 WHERE token_hash = $2', [
            found.ctx.now,
            found.ctx.sessionTokenHash,
          ]);
        }
      } else if (found.status === 'expired') {
        expired = true;
        reply.clearCookie(SESSION_COOKIE, cookieOptions(req));
      }
    }
    if (!access || access === 'public' || !req.url.startsWith('/api/')) {
      if (UNSAFE.has(req.method) && req.url.startsWith('/api/') && crossOrigin(req)) {
        return sendError(reply, req.locale, 'forbidden', 'auth.csrf');
      }
      return;
    }
    const ctx = req.ctx;
    if (!ctx) return sendError(reply, req.locale, 'unauthorized', expired ? 'auth.session_expired' : 'auth.required');
    if (UNSAFE.has(req.method) && (crossOrigin(req) || req.headers['x-csrf-token'] !== ctx.csrfToken)) {
      return sendError(reply, req.locale, 'forbidden', 'auth.csrf');
    }
    if (access !== 'authenticated' && !ctx.permissions.has(access)) {
      await writeAudit(app.database.db, ctx, {
        action: 'access.denied',
        success: false,
        detail: { method: req.method, route: req.routeOptions.url, permission: access },
      });
      return sendError(reply, req.locale, 'forbidden', 'auth.forbidden');
    }
    // A store-owned record outside the user's stores does not exist for them: 404 before any handler runs.
    const kind = req.routeOptions.config?.storeRecord;
    const id = (req.params as { id?: string } | undefined)?.id;
    if (kind && id !== undefined) {
      if (!isUuid(id) || !(await app.storeRecords.get(kind).visible(app.database, ctx, id))) {
        return sendError(reply, req.locale, 'not_found', 'record.not_found');
      }
    }
  });
}

/** Writes that can change what a signed-in session holds: who the user is, their roles, stores (and their names), the session itself. */
const SESSION_SHAPING = /^\/api\/(users|roles|stores|group|auth)(\/|\?|$)/;

/** Drops cached sessions after a write that may change any session's rights (see SessionCache). */
export function installSessionCacheInvalidation(app: FastifyInstance): void {
  app.addHook('onResponse', async (req) => {
    if (UNSAFE.has(req.method) && SESSION_SHAPING.test(req.url)) app.sessionCache.clear();
  });
}

const storeSummary = z.object({ id: z.string(), code: z.string(), name: z.string(), shortName: z.string(), timezone: z.string() });
export const meResponse = z.object({
  user: z.object({ id: z.string(), username: z.string(), displayName: z.string(), locale: z.enum(['zh-CN', 'en-US']) }),
  roles: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string() })),
  permissions: z.array(z.string()),
  dataScope: z.string(),
  currentStore: storeSummary,
  stores: z.array(storeSummary),
  csrfToken: z.string(),
});

async function mePayload(app: FastifyInstance, ctx: RequestContext): Promise<z.infer<typeof meResponse>> {
  const db = app.database.db;
  const [stores, roles] = await Promise.all([
    db
      .select({ id: store.id, code: store.code, name: store.name, shortName: store.shortName, timezone: store.timezone })
      .from(store)
      .where(inArray(store.id, [...ctx.assignedStoreIds]))
      .orderBy(asc(store.code)),
    db
      .selectDistinct({ code: role.code, name: role.name, nameEn: role.nameEn })
      .from(userRole)
      .innerJoin(role, eq(role.id, userRole.roleId))
      .where(and(eq(userRole.userId, ctx.user.id), eq(userRole.storeId, ctx.storeId))),
  ]);
  const current =
    stores.find((s) => s.id === ctx.storeId) ??
    (
      await db
        .select({ id: store.id, code: store.code, name: store.name, shortName: store.shortName, timezone: store.timezone })
        .from(store)
        .where(eq(store.id, ctx.storeId))
    )[0]!;
  return {
    user: ctx.user,
    roles,
    permissions: [...ctx.permissions].sort(),
    dataScope: ctx.dataScope,
    currentStore: current,
    stores,
    csrfToken: ctx.csrfToken,
  };
}

export async function authRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const err = z.object({ statusCode: z.number(), kind: z.string(), code: z.string(), message: z.string() }).passthrough();

  r.post(
    '/api/auth/login',
    {
      config: { permission: 'public', rateLimit: { max: app.config.loginRatePerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with username and password; sets the session cookie',
        body: z.strictObject({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(200) }),
        response: { 200: z.object({ ok: z.literal(true) }), 401: err, 429: err },
      },
    },
    async (req, reply) => {
      const { username, password } = req.body;
      const now = app.clock();
      const db = app.database.db;
      const since = new Date(now.getTime() - app.config.loginWindowMs);
      const [failures] = await db
        .select({ n: count() })
        .from(auditLog)
        .where(
          and(
            eq(auditLog.action, 'auth.login'),
            eq(auditLog.success, false),
            eq(auditLog.username, username),
            eq(auditLog.ip, req.ip),
            gt(auditLog.at, since),
          ),
        );
      if ((failures?.n ?? 0) >= app.config.loginFailuresAllowed) {
        await writeAudit(db, null, {
          action: 'auth.login',
          success: false,
          username,
          ip: req.ip,
          userId: null,
          storeId: null,
          detail: { reason: 'throttled' },
        });
        return sendError(reply, req.locale, 'rate_limited', 'auth.throttled');
      }
      const [user] = await db.select().from(appUser).where(eq(appUser.username, username));
      const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
      const stores = user
        ? await db
            .select({ storeId: userRole.storeId, scope: role.dataScope })
            .from(userRole)
            .innerJoin(role, eq(role.id, userRole.roleId))
            .innerJoin(store, eq(store.id, userRole.storeId))
            .where(and(eq(userRole.userId, user.id), eq(store.active, true)))
            .orderBy(asc(store.code))
        : [];
      if (!user || !ok || !user.active || stores.length === 0) {
        await writeAudit(db, null, {
          action: 'auth.login',
          success: false,
          username,
          userId: user?.id ?? null,
          storeId: null,
          ip: req.ip,
          detail: { reason: !user ? 'unknown_user' : !ok ? 'wrong_password' : !user.active ? 'disabled' : 'no_store' },
        });
        return sendError(reply, req.locale, 'unauthorized', 'auth.invalid_credentials');
      }
      const storeId = stores[0]!.storeId;
      // a hash of older, cheaper parameters is made again now that the password is at hand (hashed before the transaction)
      const upgradedHash = needsRehash(user.passwordHash) ? await hashPassword(password) : undefined;
      const created = await withTx(db, async (tx) => {
        if (upgradedHash) {
          // only if no one changed the password meanwhile
          await tx
            .update(appUser)
            .set({ passwordHash: upgradedHash })
            .where(and(eq(appUser.id, user.id), eq(appUser.passwordHash, user.passwordHash)));
        }
        const oldToken = req.cookies[SESSION_COOKIE];
        if (oldToken && req.ctx) await deleteSession(tx, req.ctx.sessionTokenHash);
        const s = await createSession(tx, {
          userId: user.id,
          storeId,
          ip: req.ip,
          userAgent: req.headers['user-agent'] ?? '',
          now,
          absoluteTimeoutMs: app.config.absoluteTimeoutMs,
        });
        await writeAudit(tx, null, { action: 'auth.login', success: true, username, userId: user.id, storeId, ip: req.ip });
        return s;
      });
      reply.setCookie(SESSION_COOKIE, created.token, { ...cookieOptions(req), maxAge: app.config.absoluteTimeoutMs / 1000 });
      return { ok: true as const };
    },
  );

  r.post(
    '/api/auth/logout',
    { config: { permission: 'authenticated' }, schema: { tags: ['auth'], summary: 'Sign out', response: { 204: z.null() } } },
    async (req, reply) => {
      const ctx = requireCtx(req.ctx);
      await withTx(app.database.db, async (tx) => {
        await deleteSession(tx, ctx.sessionTokenHash);
        await writeAudit(tx, ctx, { action: 'auth.logout' });
      });
      reply.clearCookie(SESSION_COOKIE, cookieOptions(req));
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/auth/me',
    {
      config: { permission: 'authenticated' },
      schema: { tags: ['auth'], summary: 'The signed-in user, rights and stores', response: { 200: meResponse } },
    },
    async (req) => mePayload(app, requireCtx(req.ctx)),
  );

  r.post(
    '/api/auth/switch-store',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'Switch the current store',
        body: z.strictObject({ storeId: z.uuid() }),
        response: { 200: meResponse },
      },
    },
    async (req) => {
      const ctx = requireCtx(req.ctx);
      if (!ctx.assignedStoreIds.includes(req.body.storeId)) throw new AppError('forbidden', 'auth.store_not_allowed');
      await app.database.db.update(session).set({ storeId: req.body.storeId }).where(eq(session.tokenHash, ctx.sessionTokenHash));
      app.sessionCache.delete(ctx.sessionTokenHash);
      const token = req.cookies[SESSION_COOKIE]!;
      const found = await loadSession(app.database, token, { now: app.clock(), idleTimeoutMs: app.config.idleTimeoutMs, ip: req.ip });
      if (found.status !== 'ok') throw new AppError('unauthorized', 'auth.session_expired');
      return mePayload(app, found.ctx);
    },
  );

  r.put(
    '/api/auth/locale',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'Remember the UI language of the user',
        body: z.strictObject({ locale: z.enum(['zh-CN', 'en-US']) }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      const ctx = requireCtx(req.ctx);
      await app.database.db.update(appUser).set({ locale: req.body.locale }).where(eq(appUser.id, ctx.user.id));
      return reply.code(204).send(null);
    },
  );
}
