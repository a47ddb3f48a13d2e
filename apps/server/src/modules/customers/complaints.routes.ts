import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, asc, count, desc, eq, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Locale } from '@sifang/shared/errors';
import { appUser, auditLog, store, userRole } from '../../kernel/kernel.schema.js';
import { requireCtx } from '../../kernel/context.js';
import { withTx, type Database, type Executor } from '../../kernel/db.js';
import { AppError, notFound } from '../../kernel/errors.js';
import { writeAudit } from '../../kernel/audit.js';
import { nextDocNumber } from '../../kernel/doc-number.js';
import { defineMachine } from '../../kernel/state-machine.js';
import { listQuery, listResponse, listTotal, MAX_PAGE_SIZE, pageTotal, readStatement, type Paging } from '../../kernel/list.js';
import { fixedSelect } from '../../kernel/fixed-sql.js';
import { recordScope, storeScope } from '../../kernel/store-scope.js';
import { masterdataSchema } from '../masterdata/index.js';
import { complaint, customer, followUp, vehicle } from './customers.schema.js';
import { maskPhone } from './personal-data.js';
import {
  checkCustomerVehicle,
  checkDictionaryCode,
  dictionaryLabel,
  followUpItem,
  loadFollowUps,
  storeToday,
} from './follow-ups.routes.js';

// Complaints and grievances (投诉/抱怨, seed 003 "zero tolerance", processes §9): every case is logged with the
// person complained about and must be handled within 24 h of receipt. A case still open at its deadline is
// escalated (GM, CS manager and after-sales manager share the liability) and shows in their inboxes.

const { dictionaryItem } = masterdataSchema;
const against = alias(appUser, 'against_user');
const resolver = alias(appUser, 'resolver');

/** The handling deadline: 24 hours from receipt. */
export const COMPLAINT_DEADLINE_MS = 24 * 3_600_000;

type ComplaintState = 'open' | 'escalated' | 'resolved';
export const complaintMachine = defineMachine<ComplaintState, 'escalate' | 'resolve'>({
  name: 'complaint',
  initial: 'open',
  states: ['open', 'escalated', 'resolved'],
  transitions: {
    // run by escalateOverdueComplaints for every open case whose deadline has passed
    escalate: { from: ['open'], to: 'escalated' },
    resolve: { from: ['open', 'escalated'], to: 'resolved' },
  },
  final: ['resolved'],
});

const unresolved = complaintMachine.transitions.resolve.from;

/**
 * Escalates every open complaint whose deadline (dueAt) is at or before `now`, in one UPDATE (concurrent callers
 * cannot escalate a case twice: the second finds it no longer open), with one audit row per case in the same
 * transaction. Called by the complaint and inbox handlers before they read, and every minute by the server.
 */
export async function escalateOverdueComplaints(database: Database, now: Date): Promise<number> {
  const overdue = and(inArray(complaint.status, [...complaintMachine.transitions.escalate.from]), lte(complaint.dueAt, now));
  // this runs before every complaint read: almost always nothing is due, and one look says so (no transaction)
  const due = await database.db.select({ id: complaint.id }).from(complaint).where(overdue).limit(1);
  if (due.length === 0) return 0;
  return withTx(database.db, async (tx) => {
    const rows = await tx
      .update(complaint)
      .set({ status: complaintMachine.transitions.escalate.to, escalatedAt: now })
      .where(overdue)
      .returning({ id: complaint.id, storeId: complaint.storeId, number: complaint.number, dueAt: complaint.dueAt });
    for (let i = 0; i < rows.length; i += 500) {
      await tx.insert(auditLog).values(
        rows.slice(i, i + 500).map((c) => ({
          action: 'complaint.escalate',
          entityType: 'complaint',
          entityId: c.id,
          storeId: c.storeId,
          userId: null,
          detail: { number: c.number, dueAt: c.dueAt.toISOString() },
        })),
      );
    }
    return rows.length;
  });
}

/** how the case reached the store (processes §9: phone, at the desk, online, follow-up and salesperson calls) */
export const complaintChannels = ['phone', 'visit', 'wechat', 'online', 'letter', 'follow_up', 'sales_call', 'other'] as const;
export const complaintSeverities = ['low', 'medium', 'high'] as const;

export const complaintItem = z.object({
  id: z.string(),
  storeId: z.string(),
  number: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  /** masked (138****5678) */
  customerPhone: z.string(),
  vehicleId: z.string().nullable(),
  plate: z.string().nullable(),
  type: z.string(),
  typeLabel: z.string().nullable(),
  severity: z.string(),
  channel: z.string(),
  againstUserId: z.string().nullable(),
  againstUserName: z.string().nullable(),
  againstText: z.string(),
  description: z.string(),
  receivedAt: z.date(),
  dueAt: z.date(),
  /** open → escalated (deadline passed) → resolved */
  status: z.string(),
  /** not resolved and past the 24-hour deadline */
  overdue: z.boolean(),
  escalatedAt: z.date().nullable(),
  resolution: z.string(),
  resolvedAt: z.date().nullable(),
  resolvedBy: z.string().nullable(),
  resolvedByName: z.string().nullable(),
  satisfied: z.boolean().nullable(),
  satisfactionScore: z.number().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.date(),
  /** what the caller may do now (buttons) */
  allowedActions: z.array(z.string()),
});
export type ComplaintItem = z.infer<typeof complaintItem>;

/** A complaint with the names a screen shows (fixed: rendered once). */
const complaintRead = fixedSelect(
  {
    c: complaint,
    customerName: customer.name,
    customerPhone: customer.phone,
    plate: vehicle.plate,
    label: dictionaryItem.label,
    labelEn: dictionaryItem.labelEn,
    againstUserName: against.displayName,
    resolvedByName: resolver.displayName,
  },
  sql`${complaint} JOIN ${customer} ON ${eq(customer.id, complaint.customerId)}
    LEFT JOIN ${vehicle} ON ${eq(vehicle.id, complaint.vehicleId)}
    LEFT JOIN ${dictionaryItem} ON ${and(eq(dictionaryItem.type, sql.raw(`'complaint_type'`)), eq(dictionaryItem.code, complaint.type))}
    LEFT JOIN ${appUser} ${against} ON ${eq(against.id, complaint.againstUserId)}
    LEFT JOIN ${appUser} ${resolver} ON ${eq(resolver.id, complaint.resolvedBy)}`,
);

export async function loadComplaints(
  exec: Executor,
  opts: { locale: Locale; now: Date; permissions: ReadonlySet<string> },
  where: SQL | undefined,
  page: { order?: SQL[]; paging?: Paging } = {},
): Promise<ComplaintItem[]> {
  return (await readComplaints(exec, opts, where, page)).items;
}

/** `loadComplaints`; with `total`, the page also carries the list's total (`totalColumn`: read it with `pageTotal`). */
async function readComplaints(
  exec: Executor,
  opts: { locale: Locale; now: Date; permissions: ReadonlySet<string> },
  where: SQL | undefined,
  page: { order?: SQL[]; paging?: Paging; total?: { exact: boolean } },
): Promise<{ items: ComplaintItem[]; rows: { list_total?: number }[] }> {
  const order = page.order ?? [desc(complaint.receivedAt), desc(complaint.id)];
  const statement = readStatement(complaintRead, where, order, {
    paging: page.paging,
    total: page.total ? { table: complaint, exact: page.total.exact } : undefined,
  });
  const { rows: raw } = (await exec.execute(statement)) as unknown as { rows: (Record<string, unknown> & { list_total?: number })[] };
  const rows = raw.map(complaintRead.read);
  const mayResolve = opts.permissions.has('customers.complaint.resolve');
  const items = rows.map(({ c, customerPhone, label, labelEn, ...names }) => {
    const state = c.status as ComplaintState;
    return {
      id: c.id,
      storeId: c.storeId,
      number: c.number,
      customerId: c.customerId,
      vehicleId: c.vehicleId,
      type: c.type,
      typeLabel: dictionaryLabel(opts.locale, label, labelEn),
      severity: c.severity,
      channel: c.channel,
      againstUserId: c.againstUserId,
      againstText: c.againstText,
      description: c.description,
      receivedAt: c.receivedAt,
      dueAt: c.dueAt,
      status: c.status,
      overdue: unresolved.includes(state) && c.dueAt.getTime() <= opts.now.getTime(),
      escalatedAt: c.escalatedAt,
      resolution: c.resolution,
      resolvedAt: c.resolvedAt,
      resolvedBy: c.resolvedBy,
      satisfied: c.satisfied,
      satisfactionScore: c.satisfactionScore,
      createdBy: c.createdBy,
      createdAt: c.createdAt,
      ...names,
      customerPhone: maskPhone(customerPhone),
      // escalation is the clock's, not a user's
      allowedActions: complaintMachine.states.includes(state)
        ? complaintMachine.allowedActions(state, undefined).filter((a) => a === 'resolve' && mayResolve)
        : [],
    };
  });
  return { items, rows: raw };
}

const complaintCreate = z.strictObject({
  customerId: z.uuid(),
  vehicleId: z.uuid().nullable().default(null),
  /** a complaint_type dictionary code */
  type: z.string().trim().min(1).max(40),
  severity: z.enum(complaintSeverities),
  channel: z.enum(complaintChannels),
  /** the person complained about: a user of the current store */
  againstUserId: z.uuid().nullable().default(null),
  againstText: z.string().trim().max(200).default(''),
  description: z.string().trim().min(1).max(4000),
  /** when the customer complained; default now, never in the future — the 24 hours run from here */
  receivedAt: z.iso.datetime({ offset: true, message: 'validation.format' }).optional(),
});

const complaintResolve = z.strictObject({
  resolution: z.string().trim().min(2).max(4000),
  /** the closure satisfaction survey (seed 003; KPI AS-20) */
  satisfied: z.boolean(),
  satisfactionScore: z.number().int().min(1).max(5),
});

/** A client clock a little ahead of the server's is not "the future". */
const CLOCK_SKEW_MS = 2 * 60_000;

const dateOnly = z.iso.date({ message: 'validation.format' });

export async function complaintRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['complaint'];
  const db = app.database.db;

  const filters = listQuery
    .pick({ page: true, pageSize: true, count: true })
    .extend({
      status: z.enum(['open', 'escalated', 'resolved']).optional(),
      customerId: z.uuid().optional(),
      storeId: z.union([z.uuid(), z.literal('all')]).optional(),
    })
    .strict();

  r.get(
    '/api/complaints',
    {
      config: { permission: 'customers.complaint.read' },
      schema: {
        tags,
        summary: 'Complaints of the store, newest first',
        querystring: filters,
        response: { 200: listResponse(complaintItem) },
      },
    },
    async (req) => {
      const ctx = requireCtx(req.ctx);
      await escalateOverdueComplaints(app.database, ctx.now);
      const w = and(
        storeScope(ctx, { storeId: complaint.storeId }, req.query.storeId),
        req.query.status ? eq(complaint.status, req.query.status) : undefined,
        req.query.customerId ? eq(complaint.customerId, req.query.customerId) : undefined,
      );
      const exact = req.query.count === 'exact';
      const { items, rows } = await readComplaints(db, ctx, w, { paging: req.query, total: { exact } });
      return { items, ...(await pageTotal(rows, req.query, { exec: db, table: complaint, where: w, exact })) };
    },
  );

  /*
   * KPI figures of the complaints RECEIVED in [from, to] (business days in the store's time zone; default: the
   * current month up to today). Per case, not per distinct customer:
   *   received          = number of complaints received in the period
   *   resolvedWithin24h = of those, resolved before their deadline (resolvedAt < dueAt = receivedAt + 24 h)
   *   escalated         = of those, escalated at some time (escalatedAt set; includes ones resolved later)
   *   satisfiedShare    = satisfied at closure / resolved (AS-20 投诉处理满意度, target 99%), a fraction 0–1 with
   *                       4 decimals; null when none is resolved
   *   averageScore      = mean closure satisfaction score (1–5) of the resolved ones, 2 decimals; null when none
   */
  r.get(
    '/api/complaints/stats',
    {
      config: { permission: 'customers.complaint.read' },
      schema: {
        tags,
        summary: 'Complaint KPIs of a period: received, resolved within 24 h, escalated, satisfied share, average score',
        querystring: z.strictObject({
          from: dateOnly.optional(),
          to: dateOnly.optional(),
          storeId: z.union([z.uuid(), z.literal('all')]).optional(),
        }),
        response: {
          200: z.object({
            from: z.string(),
            to: z.string(),
            received: z.number(),
            resolved: z.number(),
            resolvedWithin24h: z.number(),
            escalated: z.number(),
            satisfiedShare: z.number().nullable(),
            averageScore: z.number().nullable(),
          }),
        },
      },
    },
    async (req) => {
      const ctx = requireCtx(req.ctx);
      await escalateOverdueComplaints(app.database, ctx.now);
      const today = await storeToday(db, ctx.storeId, ctx.now);
      const to = req.query.to ?? today;
      const from = req.query.from ?? `${to.slice(0, 8)}01`;
      if (from > to) throw new AppError('invalid', 'request.invalid', {}, { to: 'customer.complaint_stats_range' });
      const day = sql`(${complaint.receivedAt} AT TIME ZONE ${store.timezone})::date`;
      const [row] = await db
        .select({
          received: count(),
          resolved: sql<number>`count(*) FILTER (WHERE ${complaint.status} = 'resolved')`.mapWith(Number),
          resolvedWithin24h: sql<number>`count(*) FILTER (WHERE ${complaint.resolvedAt} < ${complaint.dueAt})`.mapWith(Number),
          escalated: sql<number>`count(*) FILTER (WHERE ${complaint.escalatedAt} IS NOT NULL)`.mapWith(Number),
          satisfied: sql<number>`count(*) FILTER (WHERE ${complaint.status} = 'resolved' AND ${complaint.satisfied})`.mapWith(Number),
          averageScore: sql<
            string | null
          >`avg(${complaint.satisfactionScore}) FILTER (WHERE ${complaint.status} = 'resolved' AND ${complaint.satisfactionScore} IS NOT NULL)`,
        })
        .from(complaint)
        .innerJoin(store, eq(store.id, complaint.storeId))
        .where(and(storeScope(ctx, { storeId: complaint.storeId }, req.query.storeId), sql`${day} BETWEEN ${from}::date AND ${to}::date`));
      const resolved = row?.resolved ?? 0;
      return {
        from,
        to,
        received: row?.received ?? 0,
        resolved,
        resolvedWithin24h: row?.resolvedWithin24h ?? 0,
        escalated: row?.escalated ?? 0,
        satisfiedShare: resolved ? Math.round(((row?.satisfied ?? 0) / resolved) * 10_000) / 10_000 : null,
        averageScore: row?.averageScore != null ? Math.round(Number(row.averageScore) * 100) / 100 : null,
      };
    },
  );

  r.get(
    '/api/complaints/:id',
    {
      config: { permission: 'customers.complaint.read', storeRecord: 'complaint' },
      schema: { tags, params: z.object({ id: z.uuid() }), response: { 200: complaintItem } },
    },
    async (req) => {
      const ctx = requireCtx(req.ctx);
      await escalateOverdueComplaints(app.database, ctx.now);
      const [item] = await loadComplaints(db, ctx, and(eq(complaint.id, req.params.id), recordScope(ctx, { storeId: complaint.storeId })));
      if (!item) throw notFound();
      return item;
    },
  );

  r.post(
    '/api/complaints',
    {
      config: { permission: 'customers.complaint.create' },
      schema: {
        tags,
        summary: 'Log a complaint or grievance; the 24-hour handling clock starts at receipt',
        body: complaintCreate,
        response: { 201: complaintItem },
      },
    },
    async (req, reply) => {
      const ctx = requireCtx(req.ctx);
      const { receivedAt: receivedText, ...input } = req.body;
      let receivedAt = receivedText ? new Date(receivedText) : ctx.now;
      if (receivedAt.getTime() > ctx.now.getTime() + CLOCK_SKEW_MS) {
        throw new AppError('invalid', 'request.invalid', {}, { receivedAt: 'customer.complaint_received_future' });
      }
      if (receivedAt > ctx.now) receivedAt = ctx.now;
      const id = await withTx(db, async (tx) => {
        const [c] = await tx
          .select({ id: customer.id })
          .from(customer)
          .where(and(eq(customer.id, input.customerId), eq(customer.storeId, ctx.storeId), isNull(customer.mergedIntoId)));
        if (!c) throw new AppError('unprocessable', 'record.reference_invalid', {}, { customerId: 'record.reference_invalid' });
        await checkDictionaryCode(tx, 'complaint_type', input.type, 'type', 'customer.complaint_type_unknown');
        await checkCustomerVehicle(tx, c.id, input.vehicleId);
        if (input.againstUserId) {
          const [u] = await tx
            .select({ userId: userRole.userId })
            .from(userRole)
            .where(and(eq(userRole.userId, input.againstUserId), eq(userRole.storeId, ctx.storeId)))
            .limit(1);
          if (!u) throw new AppError('unprocessable', 'record.reference_invalid', {}, { againstUserId: 'record.reference_invalid' });
        }
        const [s] = await tx.select({ timezone: store.timezone }).from(store).where(eq(store.id, ctx.storeId));
        const number = await nextDocNumber(tx, {
          storeId: ctx.storeId,
          docType: 'complaint',
          prefix: 'TS',
          at: ctx.now,
          timeZone: s?.timezone ?? 'Asia/Shanghai',
        });
        const [row] = await tx
          .insert(complaint)
          .values({
            ...input,
            storeId: ctx.storeId,
            number,
            receivedAt,
            dueAt: new Date(receivedAt.getTime() + COMPLAINT_DEADLINE_MS),
            status: complaintMachine.initial,
            createdBy: ctx.user.id,
            createdAt: ctx.now,
          })
          .returning();
        await writeAudit(tx, ctx, {
          action: 'complaint.create',
          entityType: 'complaint',
          entityId: row!.id,
          after: {
            number,
            customerId: row!.customerId,
            type: row!.type,
            severity: row!.severity,
            channel: row!.channel,
            againstUserId: row!.againstUserId,
            receivedAt: row!.receivedAt,
            dueAt: row!.dueAt,
          },
        });
        return row!.id;
      });
      // a case logged late may already be past its deadline
      await escalateOverdueComplaints(app.database, ctx.now);
      const [item] = await loadComplaints(db, ctx, eq(complaint.id, id));
      return reply.code(201).send(item!);
    },
  );

  r.post(
    '/api/complaints/:id/resolve',
    {
      config: { permission: 'customers.complaint.resolve', storeRecord: 'complaint' },
      schema: {
        tags,
        summary: 'Close a complaint with its resolution and the closure satisfaction survey',
        params: z.object({ id: z.uuid() }),
        body: complaintResolve,
        response: { 200: complaintItem },
      },
    },
    async (req) => {
      const ctx = requireCtx(req.ctx);
      // a case past its deadline is escalated before it is closed, so the record shows it was late
      await escalateOverdueComplaints(app.database, ctx.now);
      await withTx(db, async (tx) => {
        const [before] = await tx
          .select()
          .from(complaint)
          .where(and(eq(complaint.id, req.params.id), recordScope(ctx, { storeId: complaint.storeId })))
          .for('update');
        if (!before) throw notFound();
        if (before.status === 'resolved') throw new AppError('conflict', 'customer.complaint_resolved');
        const status = complaintMachine.next(before.status as ComplaintState, 'resolve', undefined);
        await tx
          .update(complaint)
          .set({ status, ...req.body, resolvedAt: ctx.now, resolvedBy: ctx.user.id })
          .where(eq(complaint.id, before.id));
        await writeAudit(tx, ctx, {
          action: 'complaint.resolve',
          entityType: 'complaint',
          entityId: before.id,
          before: { status: before.status },
          after: { status, satisfied: req.body.satisfied, satisfactionScore: req.body.satisfactionScore },
          detail: { number: before.number, late: before.dueAt.getTime() <= ctx.now.getTime() },
        });
      });
      const [item] = await loadComplaints(db, ctx, eq(complaint.id, req.params.id));
      return item!;
    },
  );

  /*
   * The customer-care inbox: planned follow-ups due today or earlier (the store's business day), oldest first
   * and paged; and complaints — the store's escalated ones for users who receive escalations
   * (customers.complaint.escalation), otherwise its unresolved ones (open and escalated) for users who may read
   * complaints — by deadline, at most 200, with the total.
   */
  r.get(
    '/api/care/inbox',
    {
      config: { permission: 'customers.follow-up.read' },
      schema: {
        tags: ['follow-up', 'complaint'],
        summary: 'Follow-ups due today or earlier, and the complaints that need the caller',
        querystring: listQuery
          .pick({ page: true, pageSize: true, count: true })
          .extend({ mine: z.enum(['true', 'false']).optional() })
          .strict(),
        response: {
          200: z.object({ followUps: listResponse(followUpItem), complaints: listResponse(complaintItem) }),
        },
      },
    },
    async (req) => {
      const ctx = requireCtx(req.ctx);
      await escalateOverdueComplaints(app.database, ctx.now);
      const today = await storeToday(db, ctx.storeId, ctx.now);
      const due = and(
        storeScope(ctx, { storeId: followUp.storeId, ownerId: followUp.assignedTo }),
        eq(followUp.status, 'planned'),
        lte(followUp.dueDate, today),
        req.query.mine === 'true' ? eq(followUp.assignedTo, ctx.user.id) : undefined,
      );
      const complaintStates: readonly ComplaintState[] | null = ctx.permissions.has('customers.complaint.escalation')
        ? ['escalated']
        : ctx.permissions.has('customers.complaint.read')
          ? unresolved
          : null;
      const complaintWhere = complaintStates
        ? and(storeScope(ctx, { storeId: complaint.storeId }), inArray(complaint.status, [...complaintStates]))
        : undefined;
      const exact = req.query.count === 'exact';
      const [items, total, complaints, complaintTotal] = await Promise.all([
        loadFollowUps(db, ctx.locale, due, {
          order: [asc(followUp.dueDate), asc(followUp.createdAt), asc(followUp.id)],
          paging: req.query,
        }),
        listTotal(db, followUp, due, exact),
        complaintWhere
          ? loadComplaints(db, ctx, complaintWhere, {
              order: [asc(complaint.dueAt), asc(complaint.id)],
              paging: { page: 1, pageSize: MAX_PAGE_SIZE },
            })
          : Promise.resolve([]),
        complaintWhere ? listTotal(db, complaint, complaintWhere, exact) : Promise.resolve({ total: 0, totalExact: true }),
      ]);
      return { followUps: { items, ...total }, complaints: { items: complaints, ...complaintTotal } };
    },
  );
}
