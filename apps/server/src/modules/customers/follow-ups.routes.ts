import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Locale } from '@sifang/shared/errors';
import { appUser, store } from '../../kernel/kernel.schema.js';
import { requireCtx, type RequestContext } from '../../kernel/context.js';
import { withTx, type Executor } from '../../kernel/db.js';
import { AppError, notFound } from '../../kernel/errors.js';
import { writeAudit } from '../../kernel/audit.js';
import { businessDay } from '../../kernel/doc-number.js';
import { listQuery, listResponse, pageTotal, readStatement, type Paging } from '../../kernel/list.js';
import { fixedSelect } from '../../kernel/fixed-sql.js';
import { recordScope } from '../../kernel/store-scope.js';
import { masterdataSchema } from '../masterdata/index.js';
import { customer, followUp, vehicle } from './customers.schema.js';
import { maskPhone } from './personal-data.js';

// Follow-up records (跟踪服务电话/信函记录, seed 002 §7): every contact is logged (R7), and the clerk plans the
// next one (R3) — a planned follow-up waits in the customer-care inbox (GET /api/care/inbox) from its due day.

const { dictionaryItem } = masterdataSchema;
const assignee = alias(appUser, 'assignee');
const creator = alias(appUser, 'creator');

export const followUpChannels = ['phone', 'sms', 'wechat', 'letter', 'visit'] as const;
export const followUpPurposes = [
  'after_service',
  'after_sale',
  'maintenance_reminder',
  'insurance',
  'birthday',
  'churn',
  'complaint',
  'other',
] as const;

const dateOnly = z.iso.date({ message: 'validation.format' });

/** The business day (YYYY-MM-DD) of an instant in a store's time zone: what "today" means for its inbox. */
export async function storeToday(exec: Executor, storeId: string, now: Date): Promise<string> {
  const [s] = await exec.select({ timezone: store.timezone }).from(store).where(eq(store.id, storeId));
  const day = businessDay(now, s?.timezone ?? 'Asia/Shanghai');
  return `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`;
}

/** A code of a dictionary (followup_outcome, complaint_type …) must exist and be active; else 400 on the field. */
export async function checkDictionaryCode(
  exec: Executor,
  type: string,
  code: string,
  field: string,
  message: 'customer.follow_up_outcome_unknown' | 'customer.complaint_type_unknown',
): Promise<void> {
  const [row] = await exec
    .select({ id: dictionaryItem.id })
    .from(dictionaryItem)
    .where(and(eq(dictionaryItem.type, type), eq(dictionaryItem.code, code), eq(dictionaryItem.active, true)));
  if (!row) throw new AppError('invalid', 'request.invalid', {}, { [field]: message });
}

/** A vehicle named on a follow-up or complaint must be the customer's (as owner or as user). */
export async function checkCustomerVehicle(exec: Executor, customerId: string, vehicleId: string | null | undefined): Promise<void> {
  if (!vehicleId) return;
  const [v] = await exec
    .select({ id: vehicle.id })
    .from(vehicle)
    .where(and(eq(vehicle.id, vehicleId), or(eq(vehicle.ownerId, customerId), eq(vehicle.userId, customerId))));
  if (!v) throw new AppError('unprocessable', 'customer.vehicle_not_customers', {}, { vehicleId: 'customer.vehicle_not_customers' });
}

export const dictionaryLabel = (locale: Locale, label: string | null, labelEn: string | null): string | null =>
  label === null ? null : locale === 'en-US' && labelEn ? labelEn : label;

export const followUpItem = z.object({
  id: z.string(),
  storeId: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  /** masked (138****5678) */
  customerPhone: z.string(),
  vehicleId: z.string().nullable(),
  plate: z.string().nullable(),
  /** planned (waiting in the inbox from dueDate) or done */
  status: z.string(),
  channel: z.string(),
  purpose: z.string(),
  outcome: z.string(),
  outcomeLabel: z.string().nullable(),
  content: z.string(),
  satisfaction: z.number().nullable(),
  dueDate: z.string().nullable(),
  doneAt: z.date().nullable(),
  nextContactDate: z.string().nullable(),
  /** planned: who is to make the contact; done: who made it */
  assignedTo: z.string().nullable(),
  assignedToName: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.date(),
});
export type FollowUpItem = z.infer<typeof followUpItem>;

/** A follow-up with the names a screen shows (fixed: rendered once). */
const followUpRead = fixedSelect(
  {
    f: followUp,
    customerName: customer.name,
    customerPhone: customer.phone,
    plate: vehicle.plate,
    label: dictionaryItem.label,
    labelEn: dictionaryItem.labelEn,
    assignedToName: assignee.displayName,
    createdByName: creator.displayName,
  },
  sql`${followUp} JOIN ${customer} ON ${eq(customer.id, followUp.customerId)}
    LEFT JOIN ${vehicle} ON ${eq(vehicle.id, followUp.vehicleId)}
    LEFT JOIN ${dictionaryItem} ON ${and(eq(dictionaryItem.type, sql.raw(`'followup_outcome'`)), eq(dictionaryItem.code, followUp.outcome))}
    LEFT JOIN ${appUser} ${assignee} ON ${eq(assignee.id, followUp.assignedTo)}
    LEFT JOIN ${appUser} ${creator} ON ${eq(creator.id, followUp.createdBy)}`,
);

/** Follow-ups with the names a screen shows; the phone stays masked. */
export async function loadFollowUps(
  exec: Executor,
  locale: Locale,
  where: SQL | undefined,
  opts: { order?: SQL[]; paging?: Paging } = {},
): Promise<FollowUpItem[]> {
  return (await readFollowUps(exec, locale, where, opts)).items;
}

/** `loadFollowUps`; with `total`, the page also carries the list's total (`totalColumn`: read it with `pageTotal`). */
async function readFollowUps(
  exec: Executor,
  locale: Locale,
  where: SQL | undefined,
  opts: { order?: SQL[]; paging?: Paging; total?: { exact: boolean } },
): Promise<{ items: FollowUpItem[]; rows: { list_total?: number }[] }> {
  const order = opts.order ?? [desc(sql`coalesce(${followUp.doneAt}, ${followUp.createdAt})`), desc(followUp.id)];
  const statement = readStatement(followUpRead, where, order, {
    paging: opts.paging,
    total: opts.total ? { table: followUp, exact: opts.total.exact } : undefined,
  });
  const { rows: raw } = (await exec.execute(statement)) as unknown as { rows: (Record<string, unknown> & { list_total?: number })[] };
  const rows = raw.map(followUpRead.read);
  const items = rows.map(({ f, customerPhone, label, labelEn, ...names }) => ({
    id: f.id,
    storeId: f.storeId,
    customerId: f.customerId,
    vehicleId: f.vehicleId,
    status: f.status,
    channel: f.channel,
    purpose: f.purpose,
    outcome: f.outcome,
    outcomeLabel: dictionaryLabel(locale, label, labelEn),
    content: f.content,
    satisfaction: f.satisfaction,
    dueDate: f.dueDate,
    doneAt: f.doneAt,
    nextContactDate: f.nextContactDate,
    assignedTo: f.assignedTo,
    createdBy: f.createdBy,
    createdAt: f.createdAt,
    ...names,
    customerPhone: maskPhone(customerPhone),
  }));
  return { items, rows: raw };
}

const contactFields = {
  channel: z.enum(followUpChannels),
  /** a followup_outcome dictionary code */
  outcome: z.string().trim().min(1).max(40),
  content: z.string().trim().min(1).max(2000),
  satisfaction: z.number().int().min(1).max(5).nullable().default(null),
  /** plans the next contact (seed 002 R3): a planned follow-up due that day, assigned to the caller */
  nextContactDate: dateOnly.nullable().default(null),
  /** the topic of the next contact, shown in the inbox */
  nextContactNote: z.string().trim().max(500).default(''),
};

const followUpCreate = z.strictObject({
  vehicleId: z.uuid().nullable().default(null),
  purpose: z.enum(followUpPurposes),
  ...contactFields,
});

const followUpComplete = z.strictObject({
  ...contactFields,
  /** by default the planned follow-up's own channel */
  channel: contactFields.channel.optional(),
});

const recorded = z.object({ followUp: followUpItem, next: followUpItem.nullable() });

/** The next contact may be today or later in the store's calendar, never in the past. */
async function checkNextContact(exec: Executor, storeId: string, now: Date, nextContactDate: string | null): Promise<void> {
  if (!nextContactDate) return;
  if (nextContactDate < (await storeToday(exec, storeId, now))) {
    throw new AppError('invalid', 'request.invalid', {}, { nextContactDate: 'customer.follow_up_date_past' });
  }
}

/** The planned follow-up a done one asks for (its due day is the next contact date). */
async function planNext(
  tx: Executor,
  ctx: RequestContext,
  done: { storeId: string; customerId: string; vehicleId: string | null; channel: string; purpose: string },
  nextContactDate: string | null,
  note: string,
): Promise<string | null> {
  if (!nextContactDate) return null;
  const [row] = await tx
    .insert(followUp)
    .values({
      storeId: done.storeId,
      customerId: done.customerId,
      vehicleId: done.vehicleId,
      status: 'planned',
      channel: done.channel,
      purpose: done.purpose,
      content: note,
      dueDate: nextContactDate,
      assignedTo: ctx.user.id,
      createdBy: ctx.user.id,
      createdAt: ctx.now,
    })
    .returning({ id: followUp.id });
  return row!.id;
}

async function recordedResponse(exec: Executor, locale: Locale, doneId: string, nextId: string | null) {
  const [done] = await loadFollowUps(exec, locale, eq(followUp.id, doneId));
  const [next] = nextId ? await loadFollowUps(exec, locale, eq(followUp.id, nextId)) : [];
  return { followUp: done!, next: next ?? null };
}

export async function followUpRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['follow-up'];

  r.get(
    '/api/customers/:id/follow-ups',
    {
      config: { permission: 'customers.follow-up.read', storeRecord: 'customer' },
      schema: {
        tags,
        summary: "A customer's follow-up record (done and planned), newest first",
        params: z.object({ id: z.uuid() }),
        querystring: listQuery
          .pick({ page: true, pageSize: true, count: true })
          .extend({ status: z.enum(['planned', 'done']).optional() })
          .strict(),
        response: { 200: listResponse(followUpItem) },
      },
    },
    async (req) => {
      const ctx = requireCtx(req.ctx);
      const db = app.database.db;
      const [c] = await db
        .select({ id: customer.id })
        .from(customer)
        .where(and(eq(customer.id, req.params.id), recordScope(ctx, { storeId: customer.storeId })));
      if (!c) throw notFound();
      const w = and(eq(followUp.customerId, c.id), req.query.status ? eq(followUp.status, req.query.status) : undefined);
      const exact = req.query.count === 'exact';
      const { items, rows } = await readFollowUps(db, ctx.locale, w, { paging: req.query, total: { exact } });
      return { items, ...(await pageTotal(rows, req.query, { exec: db, table: followUp, where: w, exact })) };
    },
  );

  r.post(
    '/api/customers/:id/follow-ups',
    {
      config: { permission: 'customers.follow-up.create', storeRecord: 'customer' },
      schema: {
        tags,
        summary: 'Log a contact made (call, SMS, letter, visit); a next contact date also plans the next follow-up',
        params: z.object({ id: z.uuid() }),
        body: followUpCreate,
        response: { 201: recorded },
      },
    },
    async (req, reply) => {
      const ctx = requireCtx(req.ctx);
      const { nextContactNote, ...input } = req.body;
      const result = await withTx(app.database.db, async (tx) => {
        const [c] = await tx
          .select({ id: customer.id, storeId: customer.storeId, mergedIntoId: customer.mergedIntoId })
          .from(customer)
          .where(and(eq(customer.id, req.params.id), recordScope(ctx, { storeId: customer.storeId })));
        if (!c) throw notFound();
        // a file merged into another is closed: its contacts belong on the surviving file
        if (c.mergedIntoId) throw new AppError('conflict', 'customer.already_merged');
        await checkDictionaryCode(tx, 'followup_outcome', input.outcome, 'outcome', 'customer.follow_up_outcome_unknown');
        await checkCustomerVehicle(tx, c.id, input.vehicleId);
        await checkNextContact(tx, c.storeId, ctx.now, input.nextContactDate);
        const [row] = await tx
          .insert(followUp)
          .values({
            ...input,
            storeId: c.storeId,
            customerId: c.id,
            status: 'done',
            doneAt: ctx.now,
            assignedTo: ctx.user.id,
            createdBy: ctx.user.id,
            createdAt: ctx.now,
          })
          .returning();
        const nextId = await planNext(tx, ctx, row!, input.nextContactDate, nextContactNote);
        await writeAudit(tx, ctx, {
          action: 'follow_up.create',
          entityType: 'follow_up',
          entityId: row!.id,
          after: { customerId: c.id, channel: row!.channel, purpose: row!.purpose, outcome: row!.outcome },
          detail: { nextContactDate: input.nextContactDate, nextId },
        });
        return recordedResponse(tx, ctx.locale, row!.id, nextId);
      });
      return reply.code(201).send(result);
    },
  );

  r.post(
    '/api/follow-ups/:id/complete',
    {
      config: { permission: 'customers.follow-up.create', storeRecord: 'follow_up' },
      schema: {
        tags,
        summary: 'Complete a planned follow-up with its outcome; a next contact date plans the one after',
        params: z.object({ id: z.uuid() }),
        body: followUpComplete,
        response: { 200: recorded },
      },
    },
    async (req) => {
      const ctx = requireCtx(req.ctx);
      const { nextContactNote, ...input } = req.body;
      return withTx(app.database.db, async (tx) => {
        // 'own' data scope: only the follow-ups assigned to the caller
        const [before] = await tx
          .select()
          .from(followUp)
          .where(and(eq(followUp.id, req.params.id), recordScope(ctx, { storeId: followUp.storeId, ownerId: followUp.assignedTo })))
          .for('update');
        if (!before) throw notFound();
        if (before.status !== 'planned') throw new AppError('conflict', 'customer.follow_up_not_planned');
        await checkDictionaryCode(tx, 'followup_outcome', input.outcome, 'outcome', 'customer.follow_up_outcome_unknown');
        await checkNextContact(tx, before.storeId, ctx.now, input.nextContactDate);
        const [row] = await tx
          .update(followUp)
          .set({
            status: 'done',
            channel: input.channel ?? before.channel,
            outcome: input.outcome,
            content: input.content,
            satisfaction: input.satisfaction,
            nextContactDate: input.nextContactDate,
            doneAt: ctx.now,
            // from now on: who made the contact
            assignedTo: ctx.user.id,
          })
          .where(eq(followUp.id, before.id))
          .returning();
        const nextId = await planNext(tx, ctx, row!, input.nextContactDate, nextContactNote);
        await writeAudit(tx, ctx, {
          action: 'follow_up.complete',
          entityType: 'follow_up',
          entityId: before.id,
          before: { status: before.status, assignedTo: before.assignedTo },
          after: { status: row!.status, outcome: row!.outcome },
          detail: { nextContactDate: input.nextContactDate, nextId },
        });
        return recordedResponse(tx, ctx.locale, row!.id, nextId);
      });
    },
  );
}
