import { z } from 'zod';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'validation.time' });
const fen = z
  .number()
  .int({ message: 'validation.fen' })
  .min(0, { message: 'validation.fen' })
  .max(100_000_000_00, { message: 'validation.fen' });

/** A store's settings (门店设置): one document, validated as a whole. */
export const storeSettingsSchema = z.strictObject({
  businessHours: z.strictObject({ open: hhmm, close: hhmm }),
  /** labour rate per repair type, fen per standard hour */
  labourRates: z.array(z.strictObject({ repairTypeId: z.uuid(), rateFen: fen })).max(50),
  approvalThresholds: z.strictObject({
    /** discounts above this percentage need approval */
    discountPercent: z.number().min(0).max(100),
    refundFen: fen,
    stockAdjustFen: fen,
    purchaseFen: fen,
  }),
  printHeader: z.strictObject({
    title: z.string().trim().max(80),
    address: z.string().trim().max(120),
    phone: z.string().trim().max(40),
    footer: z.string().trim().max(200),
  }),
  /** customer KPIs: a vehicle without a visit for `churnMonths` is churned (seed 003: 12); an "effective customer"
   * (有效客户) visited within `effectiveMonths` (default 24) — several KPIs divide by it */
  customerRules: z
    .strictObject({ churnMonths: z.number().int().min(1).max(60), effectiveMonths: z.number().int().min(1).max(120) })
    .default({ churnMonths: 12, effectiveMonths: 24 }),
  /** optional workflow steps switched off in this store (e.g. team-leader check) */
  disabledSteps: z.array(z.string().max(60)).max(50).default([]),
});
export type StoreSettings = z.infer<typeof storeSettingsSchema>;

export const defaultStoreSettings = (): StoreSettings => ({
  businessHours: { open: '08:30', close: '18:00' },
  labourRates: [],
  approvalThresholds: { discountPercent: 10, refundFen: 100_000, stockAdjustFen: 50_000, purchaseFen: 5_000_000 },
  printHeader: { title: '', address: '', phone: '', footer: '' },
  customerRules: { churnMonths: 12, effectiveMonths: 24 },
  disabledSteps: [],
});
