import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, asc, eq, exists, getTableColumns, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { zPhone } from '@sifang/shared/validation/zod';
import { appUser, department, role, store, userRole } from '../../kernel/kernel.schema.js';
import { requireCtx, type RequestContext } from '../../kernel/context.js';
import { withTx, type Executor } from '../../kernel/db.js';
import { fixedSql, queryBuilder } from '../../kernel/fixed-sql.js';
import { AppError, notFound } from '../../kernel/errors.js';
import { changedFields, writeAudit } from '../../kernel/audit.js';
import { hashPassword, isStrongPassword } from '../../kernel/password.js';
import { deleteUserSessions } from '../../kernel/session.js';
import {
  aroundPage,
  likePattern,
  listQuery,
  listResponse,
  pageTotal,
  totalColumn,
  pageHeads,
  pageStatement,
  sortOf,
  type Paging,
} from '../../kernel/list.js';
import { sendXlsx, toXlsx } from '../../kernel/excel.js';

const assignment = z.strictObject({ storeId: z.uuid(), roleId: z.uuid() });
const password = z.string().min(8, { message: 'user.password_weak' }).max(128).refine(isStrongPassword, { message: 'user.password_weak' });
const username = z
  .string()
  .trim()
  .min(3)
  .max(32)
  .regex(/^[a-z0-9][a-z0-9._-]*$/i, { message: 'validation.code' });

export const userItem = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  phone: z.string(),
  locale: z.string(),
  active: z.boolean(),
  departmentId: z.string().nullable(),
  createdAt: z.date(),
  roles: z.array(z.object({ storeId: z.string(), storeName: z.string(), roleId: z.string(), roleCode: z.string(), roleName: z.string() })),
});

const createBody = z.strictObject({
  username,
  displayName: z.string().trim().min(1).max(40),
  phone: z.union([zPhone, z.literal('')]).optional(),
  password,
  locale: z.enum(['zh-CN', 'en-US']).optional(),
  departmentId: z.uuid().nullable().optional(),
  assignments: z.array(assignment).min(1).max(50),
});
const updateBody = z.strictObject({
  displayName: z.string().trim().min(1).max(40).optional(),
  phone: z.union([zPhone, z.literal('')]).optional(),
  locale: z.enum(['zh-CN', 'en-US']).optional(),
  departmentId: z.uuid().nullable().optional(),
});

/** A user is visible when they hold a role in a store the caller may see (group scope: everyone). */
function visibleUser(ctx: RequestContext): SQL | undefined {
  if (ctx.dataScope === 'group') return undefined;
  return exists(
    sql`(SELECT 1 FROM ${userRole} WHERE ${userRole.userId} = ${appUser.id} AND ${inArray(userRole.storeId, [...ctx.visibleStoreIds])})`,
  );
}

type RoleOfUser = z.infer<typeof userItem>['roles'][number];
const { passwordHash: _hash, passwordChangedAt: _changed, updatedAt: _updated, ...shownColumns } = getTableColumns(appUser);

/** Users as a list shows them, their roles in each store read with each row (one statement); never the password hash. */
const selectUsersWithRoles = (exec: Executor) =>
  exec
    .select({
      ...shownColumns,
      roles: sql<RoleOfUser[]>`coalesce((SELECT json_agg(json_build_object('storeId', ur.store_id, 'storeName', s.short_name,
          'roleId', r.id, 'roleCode', r.code, 'roleName', r.name) ORDER BY s.code, r.code)
        FROM ${userRole} ur JOIN ${role} r ON r.id = ur.role_id JOIN ${store} s ON s.id = ur.store_id
        WHERE ur.user_id = app_user.id), '[]'::json)`, // (drizzle leaves a one-table select's columns unqualified)
    })
    .from(appUser);

const usersSort = { username: appUser.username, displayName: appUser.displayName, createdAt: appUser.createdAt };

/** The statement of a page of the users list with each user's roles, read for the page's rows only (`aroundPage`). */
const usersHead = pageHeads((sortValue) => queryBuilder.select({ ...shownColumns, sortValue }).from(appUser));
const rolesOfUser = fixedSql(sql`coalesce((SELECT json_agg(json_build_object('storeId', ur.store_id, 'storeName', s.short_name,
      'roleId', r.id, 'roleCode', r.code, 'roleName', r.name) ORDER BY s.code, r.code)
    FROM ${userRole} ur JOIN ${role} r ON r.id = ur.role_id JOIN ${store} s ON s.id = ur.store_id
    WHERE ur.user_id = page.id), '[]'::json) AS roles`);

/** A page of the users list with each user's roles and the list's total (`totalColumn`): one statement. */
export function usersPage(where: SQL | undefined, sort: string | undefined, paging: Paging, exact = false): SQL {
  const s = sortOf(sort, usersSort) ?? { column: appUser.username, descending: false };
  return aroundPage(
    pageStatement(usersHead(s), where, s, appUser.id, paging),
    sql`${rolesOfUser}, ${totalColumn(appUser, where, exact)}`,
    s,
  );
}

type UserListRow = {
  id: string;
  username: string;
  display_name: string;
  phone: string;
  locale: string;
  active: boolean;
  department_id: string | null;
  created_at: string;
  roles: RoleOfUser[];
  list_total: number;
};

async function listUsers(exec: Executor, where: SQL | undefined, sort: string | undefined, paging: Paging, exact: boolean) {
  const { rows } = (await exec.execute(usersPage(where, sort, paging, exact))) as unknown as { rows: UserListRow[] };
  const total = await pageTotal(rows, paging, { exec, table: appUser, where, exact });
  const items = rows.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    phone: u.phone,
    locale: u.locale,
    active: u.active,
    departmentId: u.department_id,
    // the drivers hand timestamps over as text (drizzle's setting): the column reads them as drizzle would
    createdAt: appUser.createdAt.mapFromDriverValue(u.created_at) as Date,
    roles: u.roles,
  }));
  return { items, ...total };
}

async function withRoles(exec: Executor, users: (typeof appUser.$inferSelect)[]) {
  if (users.length === 0) return [];
  const rows = await exec
    .select({
      userId: userRole.userId,
      storeId: userRole.storeId,
      storeName: store.shortName,
      roleId: role.id,
      roleCode: role.code,
      roleName: role.name,
    })
    .from(userRole)
    .innerJoin(role, eq(role.id, userRole.roleId))
    .innerJoin(store, eq(store.id, userRole.storeId))
    .where(
      inArray(
        userRole.userId,
        users.map((u) => u.id),
      ),
    )
    .orderBy(asc(store.code), asc(role.code));
  return users.map(({ passwordHash: _secret, passwordChangedAt: _p, updatedAt: _u, ...u }) => ({
    ...u,
    roles: rows.filter((r) => r.userId === u.id).map(({ userId: _id, ...r }) => r),
  }));
}

/** No escalation: a role can be granted only by someone who holds every permission in it, in a store they see. */
async function checkAssignments(exec: Executor, ctx: RequestContext, assignments: readonly z.infer<typeof assignment>[]) {
  const roleIds = [...new Set(assignments.map((a) => a.roleId))];
  const roles = roleIds.length ? await exec.select().from(role).where(inArray(role.id, roleIds)) : [];
  for (const [i, a] of assignments.entries()) {
    if (!ctx.visibleStoreIds.includes(a.storeId)) {
      throw new AppError('unprocessable', 'auth.store_not_allowed', {}, { [`assignments.${i}.storeId`]: 'auth.store_not_allowed' });
    }
    const r = roles.find((x) => x.id === a.roleId);
    if (!r)
      throw new AppError('unprocessable', 'record.reference_invalid', {}, { [`assignments.${i}.roleId`]: 'record.reference_invalid' });
    if (!r.permissions.every((p) => ctx.permissions.has(p))) {
      throw new AppError('forbidden', 'auth.forbidden', {}, { [`assignments.${i}.roleId`]: 'auth.forbidden' });
    }
  }
}

async function loadVisible(exec: Executor, ctx: RequestContext, id: string, lock = false) {
  const q = exec
    .select()
    .from(appUser)
    .where(and(eq(appUser.id, id), visibleUser(ctx)));
  const [user] = lock ? await q.for('update') : await q;
  if (!user) throw notFound();
  return user;
}

export async function userRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // A user belongs to the stores where they hold a role.
  app.storeRecords.register('app_user', {
    async visible(database, ctx, id) {
      if (ctx.dataScope === 'group') return (await database.query('SELECT 1 FROM app_user WHERE id = $1', [id])).length > 0;
      return (
        (await database.query('SELECT 1 FROM user_role WHERE user_id = $1 AND store_id = ANY($2::uuid[])', [id, ctx.visibleStoreIds]))
          .length > 0
      );
    },
    async idsOfStore(database, storeId, limit) {
      const rows = await database.query<{ id: string }>(
        `SELECT user_id AS id FROM user_role GROUP BY user_id HAVING bool_and(store_id = $1) ORDER BY user_id LIMIT ${Number(limit)}`,
        [storeId],
      );
      return rows.map((x) => x.id);
    },
  });
  const tags = ['user'];
  const filters = listQuery
    .extend({
      active: z.enum(['true', 'false']).optional(),
      roleId: z.uuid().optional(),
      storeId: z.uuid().optional(),
    })
    .strict();

  const listWhere = (ctx: RequestContext, q: z.infer<typeof filters>) => {
    const conds: (SQL | undefined)[] = [visibleUser(ctx)];
    if (q.q)
      conds.push(
        or(ilike(appUser.username, likePattern(q.q)), ilike(appUser.displayName, likePattern(q.q)), ilike(appUser.phone, likePattern(q.q))),
      );
    if (q.active) conds.push(eq(appUser.active, q.active === 'true'));
    if (q.roleId || q.storeId) {
      const inner: SQL[] = [sql`${userRole.userId} = ${appUser.id}`];
      if (q.roleId) inner.push(eq(userRole.roleId, q.roleId));
      if (q.storeId) inner.push(eq(userRole.storeId, q.storeId));
      conds.push(exists(sql`(SELECT 1 FROM ${userRole} WHERE ${and(...inner)})`));
    }
    return and(...conds.filter(Boolean));
  };

  r.get(
    '/api/users',
    { config: { permission: 'admin.user.read' }, schema: { tags, querystring: filters, response: { 200: listResponse(userItem) } } },
    async (req) => {
      const ctx = requireCtx(req.ctx);
      const db = app.database.db;
      const w = listWhere(ctx, req.query);
      return listUsers(db, w, req.query.sort, req.query, req.query.count === 'exact');
    },
  );

  r.get(
    '/api/users/export',
    { config: { permission: 'admin.user.export' }, schema: { tags, querystring: filters.omit({ page: true, pageSize: true }) } },
    async (req, reply) => {
      const ctx = requireCtx(req.ctx);
      const db = app.database.db;
      const q = { ...req.query, page: 1, pageSize: 1 };
      const users = await selectUsersWithRoles(db).where(listWhere(ctx, q)).orderBy(asc(appUser.username)).limit(50_000);
      await writeAudit(db, ctx, { action: 'user.export', entityType: 'user', detail: { rows: users.length, filter: req.query } });
      const t = (zh: string, en: string) => (ctx.locale === 'en-US' ? en : zh);
      const body = await toXlsx(
        'users',
        [
          { header: t('用户名', 'Username'), key: 'username', value: (u) => u.username },
          { header: t('姓名', 'Name'), key: 'displayName', value: (u) => u.displayName },
          { header: t('手机', 'Phone'), key: 'phone', value: (u) => u.phone },
          { header: t('状态', 'Status'), key: 'active', value: (u) => (u.active ? t('启用', 'Active') : t('停用', 'Disabled')) },
          {
            header: t('门店与角色', 'Stores and roles'),
            key: 'roles',
            width: 48,
            value: (u) => u.roles.map((x) => `${x.storeName}:${x.roleName}`).join('; '),
          },
        ],
        users,
      );
      return sendXlsx(reply, 'users.xlsx', body);
    },
  );

  r.get(
    '/api/users/:id',
    {
      config: { permission: 'admin.user.read', storeRecord: 'app_user' },
      schema: { tags, params: z.object({ id: z.uuid() }), response: { 200: userItem } },
    },
    async (req) => {
      const ctx = requireCtx(req.ctx);
      const user = await loadVisible(app.database.db, ctx, req.params.id);
      return (await withRoles(app.database.db, [user]))[0]!;
    },
  );

  r.post(
    '/api/users',
    { config: { permission: 'admin.user.create' }, schema: { tags, body: createBody, response: { 201: userItem } } },
    async (req, reply) => {
      const ctx = requireCtx(req.ctx);
      const body = req.body;
      const passwordHash = await hashPassword(body.password);
      const created = await withTx(app.database.db, async (tx) => {
        await checkAssignments(tx, ctx, body.assignments);
        if (body.departmentId) {
          const [d] = await tx
            .select({ id: department.id })
            .from(department)
            .where(and(eq(department.id, body.departmentId), inArray(department.storeId, [...ctx.visibleStoreIds])));
          if (!d) throw new AppError('unprocessable', 'record.reference_invalid', {}, { departmentId: 'record.reference_invalid' });
        }
        const [user] = await tx
          .insert(appUser)
          .values({
            username: body.username,
            displayName: body.displayName,
            phone: body.phone ?? '',
            passwordHash,
            locale: body.locale ?? 'zh-CN',
            departmentId: body.departmentId ?? null,
          })
          .returning();
        await tx
          .insert(userRole)
          .values(body.assignments.map((a) => ({ ...a, userId: user!.id })))
          .onConflictDoNothing();
        const result = (await withRoles(tx, [user!]))[0]!;
        await writeAudit(tx, ctx, {
          action: 'user.create',
          entityType: 'user',
          entityId: user!.id,
          after: { username: result.username, displayName: result.displayName, roles: result.roles },
        });
        return result;
      });
      return reply.code(201).send(created);
    },
  );

  r.patch(
    '/api/users/:id',
    {
      config: { permission: 'admin.user.update', storeRecord: 'app_user' },
      schema: { tags, params: z.object({ id: z.uuid() }), body: updateBody, response: { 200: userItem } },
    },
    async (req) => {
      const ctx = requireCtx(req.ctx);
      return withTx(app.database.db, async (tx) => {
        const before = await loadVisible(tx, ctx, req.params.id, true);
        const [user] = await tx
          .update(appUser)
          .set({ ...req.body, updatedAt: new Date() })
          .where(eq(appUser.id, before.id))
          .returning();
        const { before: b, after: a } = changedFields(before as Record<string, unknown>, req.body);
        await writeAudit(tx, ctx, { action: 'user.update', entityType: 'user', entityId: before.id, before: b, after: a });
        return (await withRoles(tx, [user!]))[0]!;
      });
    },
  );

  for (const [action, active] of [
    ['disable', false],
    ['enable', true],
  ] as const) {
    r.post(
      `/api/users/:id/${action}`,
      {
        config: { permission: 'admin.user.disable', storeRecord: 'app_user' },
        schema: { tags, params: z.object({ id: z.uuid() }), response: { 200: userItem } },
      },
      async (req) => {
        const ctx = requireCtx(req.ctx);
        if (!active && req.params.id === ctx.user.id) throw new AppError('unprocessable', 'user.cannot_disable_self');
        return withTx(app.database.db, async (tx) => {
          const before = await loadVisible(tx, ctx, req.params.id, true);
          const [user] = await tx.update(appUser).set({ active, updatedAt: new Date() }).where(eq(appUser.id, before.id)).returning();
          if (!active) await deleteUserSessions(tx, before.id);
          await writeAudit(tx, ctx, {
            action: `user.${action}`,
            entityType: 'user',
            entityId: before.id,
            before: { active: before.active },
            after: { active },
          });
          return (await withRoles(tx, [user!]))[0]!;
        });
      },
    );
  }

  r.post(
    '/api/users/:id/reset-password',
    {
      config: { permission: 'admin.user.reset-password', storeRecord: 'app_user' },
      schema: { tags, params: z.object({ id: z.uuid() }), body: z.strictObject({ password }), response: { 204: z.null() } },
    },
    async (req, reply) => {
      const ctx = requireCtx(req.ctx);
      const passwordHash = await hashPassword(req.body.password);
      await withTx(app.database.db, async (tx) => {
        const user = await loadVisible(tx, ctx, req.params.id, true);
        await tx.update(appUser).set({ passwordHash, passwordChangedAt: new Date(), updatedAt: new Date() }).where(eq(appUser.id, user.id));
        await deleteUserSessions(tx, user.id);
        await writeAudit(tx, ctx, { action: 'user.reset-password', entityType: 'user', entityId: user.id });
      });
      return reply.code(204).send(null);
    },
  );

  r.put(
    '/api/users/:id/roles',
    {
      config: { permission: 'admin.user.assign-roles', storeRecord: 'app_user' },
      schema: {
        tags,
        params: z.object({ id: z.uuid() }),
        body: z.strictObject({ assignments: z.array(assignment).max(50) }),
        response: { 200: userItem },
      },
    },
    async (req) => {
      const ctx = requireCtx(req.ctx);
      return withTx(app.database.db, async (tx) => {
        const user = await loadVisible(tx, ctx, req.params.id, true);
        await checkAssignments(tx, ctx, req.body.assignments);
        const before = (await withRoles(tx, [user]))[0]!.roles;
        // Only assignments in stores the caller may see are replaced; others stay as they are.
        await tx.delete(userRole).where(and(eq(userRole.userId, user.id), inArray(userRole.storeId, [...ctx.visibleStoreIds])));
        if (req.body.assignments.length)
          await tx
            .insert(userRole)
            .values(req.body.assignments.map((a) => ({ ...a, userId: user.id })))
            .onConflictDoNothing();
        const result = (await withRoles(tx, [user]))[0]!;
        await deleteUserSessions(tx, user.id);
        await writeAudit(tx, ctx, {
          action: 'user.assign-roles',
          entityType: 'user',
          entityId: user.id,
          before: before,
          after: result.roles,
        });
        return result;
      });
    },
  );
}
