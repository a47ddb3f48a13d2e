import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, desc, eq, gte, ilike, inArray, lt, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { auditLog, store } from '../../kernel/kernel.schema.js';
import { requireCtx, type RequestContext } from '../../kernel/context.js';
import { likePattern, listQuery, listResponse, listTotal, pageOf } from '../../kernel/list.js';

const item = z.object({
  id: z.string(),
  at: z.date(),
  userId: z.string().nullable(),
  username: z.string(),
  storeId: z.string().nullable(),
  storeName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  success: z.boolean(),
  ip: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  detail: z.unknown(),
});

/** The audit-log viewer: read-only, newest first, filtered; a store user sees their stores' rows only. */
export async function auditRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const query = listQuery
    .pick({ q: true, page: true, pageSize: true, count: true })
    .extend({
      action: z.string().trim().max(80).optional(),
      username: z.string().trim().max(64).optional(),
      entityType: z.string().trim().max(60).optional(),
      entityId: z.string().trim().max(80).optional(),
      success: z.enum(['true', 'false']).optional(),
      from: z.coerce.date().optional(),
      to: z.coerce.date().optional(),
    })
    .strict();

  const scope = (ctx: RequestContext): SQL | undefined =>
    ctx.dataScope === 'group' ? undefined : inArray(auditLog.storeId, [...ctx.visibleStoreIds]);

  r.get(
    '/api/audit-logs',
    { config: { permission: 'admin.audit.read' }, schema: { tags: ['audit'], querystring: query, response: { 200: listResponse(item) } } },
    async (req) => {
      const ctx = requireCtx(req.ctx);
      const q = req.query;
      const conds: (SQL | undefined)[] = [scope(ctx)];
      if (q.action) conds.push(ilike(auditLog.action, `${q.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
      if (q.username) conds.push(eq(auditLog.username, q.username));
      if (q.entityType) conds.push(eq(auditLog.entityType, q.entityType));
      if (q.entityId) conds.push(eq(auditLog.entityId, q.entityId));
      if (q.success) conds.push(eq(auditLog.success, q.success === 'true'));
      if (q.from) conds.push(gte(auditLog.at, q.from));
      if (q.to) conds.push(lt(auditLog.at, q.to));
      if (q.q)
        conds.push(
          or(
            ilike(auditLog.action, likePattern(q.q)),
            ilike(auditLog.username, likePattern(q.q)),
            ilike(auditLog.entityId, likePattern(q.q)),
          ),
        );
      const w = and(...conds.filter(Boolean));
      const db = app.database.db;
      const [rows, total] = await Promise.all([
        pageOf(
          db
            .select({ log: auditLog, storeName: store.shortName })
            .from(auditLog)
            .leftJoin(store, eq(store.id, auditLog.storeId))
            .where(w)
            .orderBy(desc(auditLog.at), desc(auditLog.id)),
          q,
        ),
        listTotal(db, auditLog, w, q.count === 'exact'),
      ]);
      return { items: rows.map((x) => ({ ...x.log, storeName: x.storeName })), ...total };
    },
  );
}
