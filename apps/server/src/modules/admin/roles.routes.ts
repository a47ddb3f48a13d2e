import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { role } from '../../kernel/kernel.schema.js';
import { requireCtx, type RequestContext } from '../../kernel/context.js';
import { withTx } from '../../kernel/db.js';
import { AppError, notFound } from '../../kernel/errors.js';
import { changedFields, writeAudit } from '../../kernel/audit.js';
import { splitPermission } from '../../kernel/permissions.js';

const roleItem = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  dataScope: z.string(),
  permissions: z.array(z.string()),
  system: z.boolean(),
});
const code = z
  .string()
  .trim()
  .min(2)
  .max(40)
  .regex(/^[a-z][a-z0-9_]*$/, { message: 'validation.code' });
const dataScope = z.enum(['own', 'store', 'stores', 'group']);

export async function roleRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['role'];
  const permissions = z.array(z.string().max(80)).max(1000);

  /** Permissions must exist, and nobody grants what they do not hold themselves. */
  const checkPermissions = (ctx: RequestContext, list: readonly string[], changed?: ReadonlySet<string>) => {
    for (const [i, p] of list.entries()) {
      if (changed && !changed.has(p)) continue;
      if (!app.permissionRegistry.has(p))
        throw new AppError('invalid', 'request.invalid', { code: p }, { [`permissions.${i}`]: 'validation.permission_unknown' });
      if (!ctx.permissions.has(p)) throw new AppError('forbidden', 'auth.forbidden', {}, { [`permissions.${i}`]: 'auth.forbidden' });
    }
  };

  r.get(
    '/api/permissions',
    {
      config: { permission: 'admin.role.read' },
      schema: {
        tags,
        response: { 200: z.array(z.object({ code: z.string(), module: z.string(), resource: z.string(), action: z.string() })) },
      },
    },
    async () => app.permissionRegistry.all().map((p) => ({ code: p.code, ...splitPermission(p.code) })),
  );

  r.get(
    '/api/roles',
    {
      config: { permission: 'admin.role.read' },
      schema: { tags, response: { 200: z.object({ items: z.array(roleItem), total: z.number() }) } },
    },
    async () => {
      const items = await app.database.db.select().from(role).orderBy(asc(role.code));
      return { items, total: items.length };
    },
  );

  r.get(
    '/api/roles/:id',
    { config: { permission: 'admin.role.read' }, schema: { tags, params: z.object({ id: z.uuid() }), response: { 200: roleItem } } },
    async (req) => {
      const [found] = await app.database.db.select().from(role).where(eq(role.id, req.params.id));
      if (!found) throw notFound();
      return found;
    },
  );

  r.post(
    '/api/roles',
    {
      config: { permission: 'admin.role.create' },
      schema: {
        tags,
        body: z.strictObject({
          code,
          name: z.string().trim().min(1).max(40),
          nameEn: z.string().trim().max(60).default(''),
          dataScope,
          permissions,
        }),
        response: { 201: roleItem },
      },
    },
    async (req, reply) => {
      const ctx = requireCtx(req.ctx);
      checkPermissions(ctx, req.body.permissions);
      const created = await withTx(app.database.db, async (tx) => {
        const [row] = await tx
          .insert(role)
          .values({ ...req.body, permissions: [...new Set(req.body.permissions)].sort() })
          .returning();
        await writeAudit(tx, ctx, { action: 'role.create', entityType: 'role', entityId: row!.id, after: row });
        return row!;
      });
      return reply.code(201).send(created);
    },
  );

  r.patch(
    '/api/roles/:id',
    {
      config: { permission: 'admin.role.update' },
      schema: {
        tags,
        params: z.object({ id: z.uuid() }),
        body: z.strictObject({
          name: z.string().trim().min(1).max(40).optional(),
          nameEn: z.string().trim().max(60).optional(),
          dataScope: dataScope.optional(),
          permissions: permissions.optional(),
        }),
        response: { 200: roleItem },
      },
    },
    async (req) => {
      const ctx = requireCtx(req.ctx);
      return withTx(app.database.db, async (tx) => {
        const [before] = await tx.select().from(role).where(eq(role.id, req.params.id)).for('update');
        if (!before) throw notFound();
        const patch = { ...req.body, ...(req.body.permissions ? { permissions: [...new Set(req.body.permissions)].sort() } : {}) };
        if (patch.permissions) {
          // Only the permissions being added or removed need to be held by the editor.
          checkPermissions(ctx, req.body.permissions!, new Set(req.body.permissions!.filter((p) => !before.permissions.includes(p))));
          const removed = before.permissions.filter((p) => !patch.permissions!.includes(p) && app.permissionRegistry.has(p));
          if (removed.some((p) => !ctx.permissions.has(p)))
            throw new AppError('forbidden', 'auth.forbidden', {}, { permissions: 'auth.forbidden' });
        }
        const [row] = await tx
          .update(role)
          .set({ ...patch, updatedAt: new Date() })
          .where(eq(role.id, before.id))
          .returning();
        const diff = changedFields(before as Record<string, unknown>, patch);
        await writeAudit(tx, ctx, { action: 'role.update', entityType: 'role', entityId: before.id, ...diff });
        return row!;
      });
    },
  );
}
