import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { inArray } from 'drizzle-orm';
import { storeSettingsSchema } from '@sifang/shared/contracts/admin/store-settings';
import { loadStoreSettings } from '../../kernel/store-settings.js';
import { storeSetting } from '../../kernel/kernel.schema.js';
import { requireCtx } from '../../kernel/context.js';
import { withTx } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { changedFields, writeAudit } from '../../kernel/audit.js';
import { repairType } from '../masterdata/masterdata.schema.js';

export async function settingsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['store-settings'];

  r.get(
    '/api/store-settings',
    {
      config: { permission: 'admin.settings.read' },
      schema: { tags, summary: "The current store's settings", response: { 200: storeSettingsSchema } },
    },
    async (req) => loadStoreSettings(app.database.db, requireCtx(req.ctx).storeId),
  );

  r.put(
    '/api/store-settings',
    {
      config: { permission: 'admin.settings.update' },
      schema: { tags, body: storeSettingsSchema, response: { 200: storeSettingsSchema } },
    },
    async (req) => {
      const ctx = requireCtx(req.ctx);
      const settings = req.body;
      return withTx(app.database.db, async (tx) => {
        const ids = settings.labourRates.map((l) => l.repairTypeId);
        if (new Set(ids).size !== ids.length) throw new AppError('invalid', 'request.invalid', {}, { labourRates: 'record.duplicate' });
        if (ids.length) {
          const found = await tx.select({ id: repairType.id }).from(repairType).where(inArray(repairType.id, ids));
          const missing = ids.findIndex((id) => !found.some((f) => f.id === id));
          if (missing >= 0)
            throw new AppError(
              'unprocessable',
              'record.reference_invalid',
              {},
              { [`labourRates.${missing}.repairTypeId`]: 'record.reference_invalid' },
            );
        }
        const before = await loadStoreSettings(tx, ctx.storeId);
        await tx
          .insert(storeSetting)
          .values({ storeId: ctx.storeId, settings, updatedAt: new Date() })
          .onConflictDoUpdate({ target: storeSetting.storeId, set: { settings, updatedAt: new Date() } });
        // Labour rates are prices: the before/after of every change is kept.
        const diff = changedFields(before as unknown as Record<string, unknown>, settings as unknown as Record<string, unknown>);
        await writeAudit(tx, ctx, { action: 'store-settings.update', entityType: 'store_setting', entityId: ctx.storeId, ...diff });
        return settings;
      });
    },
  );
}
