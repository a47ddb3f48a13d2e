import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { dealerGroup, department, store } from '../../kernel/kernel.schema.js';
import { requireCtx } from '../../kernel/context.js';
import { withTx } from '../../kernel/db.js';
import { notFound } from '../../kernel/errors.js';
import { changedFields, writeAudit } from '../../kernel/audit.js';
import { patchOf, registerCrud } from '../../kernel/crud.js';
import { serviceBay, team } from './admin.schema.js';
import { bilingual } from '../../kernel/i18n-headers.js';

const code = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, { message: 'validation.code' });
const name = z.string().trim().min(1).max(80);
const text = (max: number) => z.string().trim().max(max);

const storeFields = {
  code,
  name,
  shortName: z.string().trim().min(1).max(20),
  province: text(20).default(''),
  city: text(20).default(''),
  plateProvince: text(1).default(''),
  plateLetter: z
    .string()
    .trim()
    .regex(/^[A-Z]?$/, { message: 'validation.format' })
    .default(''),
  address: text(120).default(''),
  phone: text(40).default(''),
  timezone: z.string().trim().max(40).default('Asia/Shanghai'),
  active: z.boolean().default(true),
};
const storeCreate = z.object(storeFields);
const storeItem = z.object({
  id: z.string(),
  groupId: z.string(),
  createdAt: z.date(),
  ...Object.fromEntries(Object.entries(storeFields).map(([k]) => [k, k === 'active' ? z.boolean() : z.string()])),
});

const storeCodeFields = { code, name, active: z.boolean().default(true) };
const simpleItem = z.object({
  id: z.string(),
  storeId: z.string(),
  code: z.string(),
  name: z.string(),
  active: z.boolean(),
  createdAt: z.date(),
});

export async function organisationRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const groupItem = z.object({ id: z.string(), code: z.string(), name: z.string() });

  r.get(
    '/api/group',
    { config: { permission: 'admin.group.read' }, schema: { tags: ['group'], response: { 200: groupItem } } },
    async (req) => {
      const ctx = requireCtx(req.ctx);
      const [g] = await app.database.db
        .select({ id: dealerGroup.id, code: dealerGroup.code, name: dealerGroup.name })
        .from(dealerGroup)
        .where(eq(dealerGroup.id, ctx.groupId));
      if (!g) throw notFound();
      return g;
    },
  );

  r.patch(
    '/api/group',
    {
      config: { permission: 'admin.group.update' },
      schema: { tags: ['group'], body: z.strictObject({ code: code.optional(), name: name.optional() }), response: { 200: groupItem } },
    },
    async (req) => {
      const ctx = requireCtx(req.ctx);
      return withTx(app.database.db, async (tx) => {
        const [before] = await tx.select().from(dealerGroup).where(eq(dealerGroup.id, ctx.groupId)).for('update');
        if (!before) throw notFound();
        const [g] = await tx
          .update(dealerGroup)
          .set(req.body)
          .where(eq(dealerGroup.id, ctx.groupId))
          .returning({ id: dealerGroup.id, code: dealerGroup.code, name: dealerGroup.name });
        await writeAudit(tx, ctx, {
          action: 'group.update',
          entityType: 'group',
          entityId: ctx.groupId,
          ...changedFields(before as Record<string, unknown>, req.body),
        });
        return g!;
      });
    },
  );

  registerCrud(app, {
    resource: 'stores',
    entity: 'store',
    permission: 'admin.store',
    table: store,
    create: storeCreate,
    update: patchOf(storeFields),
    item: storeItem,
    search: [store.code, store.name, store.shortName, store.city],
    sortable: { code: store.code, name: store.name, city: store.city },
    defaultSort: asc(store.code),
    createDefaults: (ctx) => ({ groupId: ctx.groupId }),
    canDelete: false,
    exportColumns: (locale) =>
      bilingual(locale, [
        ['code', '编码', 'Code'],
        ['name', '名称', 'Name'],
        ['shortName', '简称', 'Short name'],
        ['province', '省份', 'Province'],
        ['city', '城市', 'City'],
        ['plateProvince', '车牌省份', 'Plate province'],
        ['plateLetter', '车牌字母', 'Plate letter'],
        ['address', '地址', 'Address'],
        ['phone', '电话', 'Phone'],
        ['active', '启用', 'Active'],
      ]),
  });

  const storeCrud = (
    resource: string,
    entity: string,
    permission: string,
    table: typeof department | typeof serviceBay | typeof team,
    extra: z.ZodRawShape = {},
  ) => {
    const fields = { ...storeCodeFields, ...extra };
    registerCrud(app, {
      resource,
      entity,
      permission,
      table,
      storeOwned: true,
      create: z.object(fields),
      update: patchOf(fields),
      item: simpleItem.extend(Object.fromEntries(Object.keys(extra).map((k) => [k, z.string()]))),
      filters: z.object({ active: z.enum(['true', 'false']).optional() }),
      filterWhere: (f) => [f.active ? eq(table.active, f.active === 'true') : undefined],
      search: [table.code, table.name],
      sortable: { code: table.code, name: table.name },
      defaultSort: asc(table.code),
      exportColumns: (locale) =>
        bilingual(locale, [
          ['code', '编码', 'Code'],
          ['name', '名称', 'Name'],
          ...Object.keys(extra).map((k) => [k, k === 'kind' ? '类型' : k, k === 'kind' ? 'Kind' : k] as [string, string, string]),
          ['active', '启用', 'Active'],
        ]),
    });
  };
  storeCrud('departments', 'department', 'admin.department', department);
  storeCrud('service-bays', 'service_bay', 'admin.service-bay', serviceBay, {
    kind: z.enum(['general', 'quick', 'body', 'paint', 'wash', 'alignment']).default('general'),
  });
  storeCrud('teams', 'team', 'admin.team', team);
  void store;
}
