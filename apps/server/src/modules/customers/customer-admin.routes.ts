import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { appUser } from '../../kernel/kernel.schema.js';
import { requireCtx, type RequestContext } from '../../kernel/context.js';
import { withTx, type Executor } from '../../kernel/db.js';
import { AppError, notFound } from '../../kernel/errors.js';
import { writeAudit } from '../../kernel/audit.js';
import { recordScope } from '../../kernel/store-scope.js';
import { bulkInsert } from '../../kernel/bulk.js';
import { loadStoreSettings } from '../../kernel/store-settings.js';
import { complaint, customer, customerAssignment, customerPhone, followUp, vehicle, vehicleOwnership } from './customers.schema.js';
import { customerItem } from './customers.contracts.js';
import { loadCustomers } from './customers.routes.js';

/**
 * Lists, counts, search and duplicate checks must leave out files merged into another one (the source of a merge
 * stays in the database, pointing at the survivor, so that old references can still be followed).
 */
export const notMerged = isNull(customer.mergedIntoId);

/** The name a customer file keeps after anonymisation on a deletion request (PIPL). */
export const ANONYMISED_NAME = '已注销客户';

/**
 * Later modules whose records point at a customer (work orders, member cards, appointments …) register a step
 * that moves their rows from the merged file to the survivor; it runs in the merge transaction and its count is
 * reported and audited under its name.
 */
export type CustomerMergeStep = (tx: Executor, input: { sourceId: string; targetId: string; ctx: RequestContext }) => Promise<number>;
const mergeSteps = new Map<string, CustomerMergeStep>();
export function registerCustomerMergeStep(name: string, step: CustomerMergeStep): void {
  mergeSteps.set(name, step);
}

type CustomerRow = typeof customer.$inferSelect;
const fromUser = alias(appUser, 'from_user');
const toUser = alias(appUser, 'to_user');
const byUser = alias(appUser, 'by_user');

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** The survivor keeps its own data; a field it lacks is taken from the merged file. Returns the fields filled. */
function fillBlanks(target: CustomerRow, source: CustomerRow): { patch: Partial<typeof customer.$inferInsert>; filled: string[] } {
  const patch: Partial<typeof customer.$inferInsert> = {};
  const filled: string[] = [];
  const single = ['gender', 'birthday', 'creditCode', 'contactName', 'advisorId', 'consultantId'] as const;
  for (const key of single) {
    if ((target[key] === null || target[key] === '') && source[key] !== null && source[key] !== '') {
      Object.assign(patch, { [key]: source[key] });
      filled.push(key);
    }
  }
  if (!target.address && !target.provinceCode && (source.address || source.provinceCode)) {
    Object.assign(patch, {
      address: source.address,
      provinceCode: source.provinceCode,
      cityCode: source.cityCode,
      districtCode: source.districtCode,
    });
    filled.push('address');
  }
  if (!target.idNumberEnc && source.idNumberEnc) {
    Object.assign(patch, { idNumberEnc: source.idNumberEnc, idNumberHash: source.idNumberHash });
    filled.push('idNumber');
  }
  const tags = [...new Set([...target.tags, ...source.tags])].slice(0, 20);
  if (tags.length !== target.tags.length) {
    patch.tags = tags;
    filled.push('tags');
  }
  return { patch, filled };
}

export async function customerAdminRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['customer'];
  const cipher = app.fieldCipher;
  const idParams = z.object({ id: z.uuid() });
  const reason = z.string().trim().min(2).max(200);

  // ---- merge ------------------------------------------------------------------------------------------------

  r.post(
    '/api/customers/:id/merge',
    {
      config: { permission: 'customers.customer.merge', storeRecord: 'customer' },
      schema: {
        tags,
        summary: 'Merge a duplicate file (sourceId) into this one: vehicles, ownership, follow-ups, complaints and phones move here',
        params: idParams,
        body: z.strictObject({ sourceId: z.uuid() }),
        response: { 200: z.object({ customer: customerItem, moved: z.record(z.string(), z.number()), filled: z.array(z.string()) }) },
      },
    },
    async (req) => {
      const ctx = requireCtx(req.ctx);
      const targetId = req.params.id;
      const sourceId = req.body.sourceId;
      if (targetId === sourceId) throw new AppError('unprocessable', 'customer.merge_self', {}, { sourceId: 'customer.merge_self' });
      return withTx(app.database.db, async (tx) => {
        // both rows locked, in id order (two merges of the same pair cannot deadlock)
        const rows = await tx
          .select()
          .from(customer)
          .where(and(inArray(customer.id, [targetId, sourceId]), recordScope(ctx, { storeId: customer.storeId })))
          .orderBy(asc(customer.id))
          .for('update');
        const target = rows.find((c) => c.id === targetId);
        const source = rows.find((c) => c.id === sourceId);
        if (!target || !source) throw notFound();
        if (target.storeId !== source.storeId)
          throw new AppError('unprocessable', 'customer.merge_other_store', {}, { sourceId: 'customer.merge_other_store' });
        if (source.mergedIntoId || target.mergedIntoId) throw new AppError('conflict', 'customer.already_merged');
        if (source.anonymisedAt || target.anonymisedAt) throw new AppError('conflict', 'customer.anonymised');

        const ownerMoved = await tx
          .update(vehicle)
          .set({ ownerId: target.id, updatedAt: ctx.now })
          .where(eq(vehicle.ownerId, source.id))
          .returning({ id: vehicle.id });
        const userMoved = await tx
          .update(vehicle)
          .set({ userId: target.id, updatedAt: ctx.now })
          .where(eq(vehicle.userId, source.id))
          .returning({ id: vehicle.id });
        // a car the two files shared as owner and user now simply belongs to the survivor
        await tx
          .update(vehicle)
          .set({ userId: null })
          .where(and(eq(vehicle.ownerId, target.id), eq(vehicle.userId, target.id)));
        const ownerships = await tx
          .update(vehicleOwnership)
          .set({ customerId: target.id })
          .where(eq(vehicleOwnership.customerId, source.id))
          .returning({ id: vehicleOwnership.id });
        const followUps = await tx
          .update(followUp)
          .set({ customerId: target.id })
          .where(eq(followUp.customerId, source.id))
          .returning({ id: followUp.id });
        const complaints = await tx
          .update(complaint)
          .set({ customerId: target.id })
          .where(eq(complaint.customerId, source.id))
          .returning({ id: complaint.id });

        // phones: the merged file's extra phones and its primary phone become extra phones of the survivor
        const targetPhones = await tx
          .select({ phone: customerPhone.phone })
          .from(customerPhone)
          .where(eq(customerPhone.customerId, target.id));
        const known = new Set([target.phone, ...targetPhones.map((p) => p.phone)]);
        const sourcePhones = await tx.select().from(customerPhone).where(eq(customerPhone.customerId, source.id));
        let phones = 0;
        for (const p of sourcePhones) {
          if (known.has(p.phone)) {
            await tx.delete(customerPhone).where(eq(customerPhone.id, p.id));
          } else {
            await tx.update(customerPhone).set({ customerId: target.id }).where(eq(customerPhone.id, p.id));
            known.add(p.phone);
            phones++;
          }
        }
        if (source.phone && !known.has(source.phone)) {
          await tx.insert(customerPhone).values({ customerId: target.id, phone: source.phone, label: '合并' });
          phones++;
        }

        const moved: Record<string, number> = {
          vehicles: new Set([...ownerMoved, ...userMoved].map((v) => v.id)).size,
          ownerships: ownerships.length,
          followUps: followUps.length,
          complaints: complaints.length,
          phones,
        };
        for (const [name, step] of mergeSteps) moved[name] = await step(tx, { sourceId: source.id, targetId: target.id, ctx });

        const { patch, filled } = fillBlanks(target, source);
        await tx
          .update(customer)
          .set({ ...patch, updatedAt: ctx.now })
          .where(eq(customer.id, target.id));
        await tx.update(customer).set({ mergedIntoId: target.id, updatedAt: ctx.now }).where(eq(customer.id, source.id));
        // counts and field names only: no personal values in the audit log
        await writeAudit(tx, ctx, {
          action: 'customer.merge',
          entityType: 'customer',
          entityId: target.id,
          detail: { sourceId: source.id, moved, filled },
        });
        const [item] = await loadCustomers(tx, cipher, ctx, eq(customer.id, target.id));
        return { customer: item!, moved, filled };
      });
    },
  );

  // ---- assignment ---------------------------------------------------------------------------------------------

  const roleEnum = z.enum(['advisor', 'consultant']);
  r.post(
    '/api/customers/assign',
    {
      config: { permission: 'customers.customer.assign' },
      schema: {
        tags,
        summary: 'Reassign customers of the current store to a service advisor or sales consultant; history for each change',
        body: z.strictObject({
          customerIds: z.array(z.uuid()).min(1).max(5000),
          role: roleEnum,
          toUserId: z.uuid(),
          reason,
        }),
        response: { 200: z.object({ requested: z.number(), changed: z.number(), unchanged: z.number() }) },
      },
    },
    async (req) => {
      const ctx = requireCtx(req.ctx);
      const { role, toUserId } = req.body;
      const ids = [...new Set(req.body.customerIds)];
      const column = role === 'advisor' ? customer.advisorId : customer.consultantId;
      return withTx(app.database.db, async (tx) => {
        const staff = rowsOf<{ ok: number }>(
          await tx.execute(sql`SELECT 1 AS ok FROM user_role ur JOIN app_user u ON u.id = ur.user_id
                 WHERE ur.user_id = ${toUserId} AND ur.store_id = ${ctx.storeId} AND u.active LIMIT 1`),
        );
        if (staff.length === 0)
          throw new AppError('unprocessable', 'customer.assignee_not_in_store', {}, { toUserId: 'customer.assignee_not_in_store' });
        const rows = await tx
          .select({ id: customer.id, current: column })
          .from(customer)
          .where(and(inArray(customer.id, ids), eq(customer.storeId, ctx.storeId), notMerged))
          .orderBy(asc(customer.id))
          .for('update');
        if (rows.length !== ids.length) {
          const count = ids.length - rows.length;
          throw new AppError('unprocessable', 'customer.assign_outside_store', { count }, { customerIds: 'customer.assign_outside_store' });
        }
        const changed = rows.filter((c) => c.current !== toUserId);
        if (changed.length) {
          const changedIds = changed.map((c) => c.id);
          for (let i = 0; i < changedIds.length; i += 1000) {
            await tx
              .update(customer)
              .set(role === 'advisor' ? { advisorId: toUserId, updatedAt: ctx.now } : { consultantId: toUserId, updatedAt: ctx.now })
              .where(inArray(customer.id, changedIds.slice(i, i + 1000)));
          }
          await bulkInsert(
            tx,
            customerAssignment,
            changed.map((c) => ({
              storeId: ctx.storeId,
              customerId: c.id,
              role,
              fromUserId: c.current,
              toUserId,
              reason: req.body.reason,
              byUserId: ctx.user.id,
              at: ctx.now,
            })),
            2000,
          );
        }
        const fromUsers: Record<string, number> = {};
        for (const c of changed) fromUsers[c.current ?? 'none'] = (fromUsers[c.current ?? 'none'] ?? 0) + 1;
        await writeAudit(tx, ctx, {
          action: 'customer.assign',
          entityType: 'customer',
          detail: { role, toUserId, reason: req.body.reason, requested: ids.length, changed: changed.length, fromUsers },
        });
        return { requested: ids.length, changed: changed.length, unchanged: ids.length - changed.length };
      });
    },
  );

  r.get(
    '/api/customers/:id/assignments',
    {
      config: { permission: 'customers.customer.read', storeRecord: 'customer' },
      schema: {
        tags,
        summary: 'Who looked after this customer and when it changed, newest first',
        params: idParams,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                role: z.string(),
                fromUserId: z.string().nullable(),
                fromUserName: z.string().nullable(),
                toUserId: z.string().nullable(),
                toUserName: z.string().nullable(),
                reason: z.string(),
                byUserId: z.string().nullable(),
                byUserName: z.string().nullable(),
                at: z.date(),
              }),
            ),
          }),
        },
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
      const items = await db
        .select({
          id: customerAssignment.id,
          role: customerAssignment.role,
          fromUserId: customerAssignment.fromUserId,
          fromUserName: fromUser.displayName,
          toUserId: customerAssignment.toUserId,
          toUserName: toUser.displayName,
          reason: customerAssignment.reason,
          byUserId: customerAssignment.byUserId,
          byUserName: byUser.displayName,
          at: customerAssignment.at,
        })
        .from(customerAssignment)
        .leftJoin(fromUser, eq(fromUser.id, customerAssignment.fromUserId))
        .leftJoin(toUser, eq(toUser.id, customerAssignment.toUserId))
        .leftJoin(byUser, eq(byUser.id, customerAssignment.byUserId))
        .where(eq(customerAssignment.customerId, c.id))
        .orderBy(desc(customerAssignment.at), desc(customerAssignment.id));
      return { items };
    },
  );

  r.get(
    '/api/customers/assignment-load',
    {
      config: { permission: 'customers.customer.assign' },
      schema: {
        tags,
        summary: 'Customers per service advisor (or sales consultant) of the current store, for balancing',
        querystring: z.strictObject({ role: roleEnum.default('advisor') }),
        response: {
          200: z.object({
            role: z.string(),
            items: z.array(z.object({ userId: z.string(), username: z.string(), displayName: z.string(), customers: z.number() })),
            unassigned: z.number(),
          }),
        },
      },
    },
    async (req) => {
      const ctx = requireCtx(req.ctx);
      const role = req.query.role;
      const col = role === 'advisor' ? sql.raw('advisor_id') : sql.raw('consultant_id');
      const roleCode = role === 'advisor' ? 'service_advisor' : 'sales_consultant';
      // everyone holding the role in the store (even with no customer yet) and anyone still assigned customers here
      const rows = rowsOf<{ user_id: string | null; username: string | null; display_name: string | null; customers: number }>(
        await app.database.db.execute(sql`
          WITH load AS (
            SELECT ${col} AS user_id, count(*)::int AS n FROM customer
             WHERE store_id = ${ctx.storeId} AND merged_into_id IS NULL AND anonymised_at IS NULL
             GROUP BY ${col}
          ), staff AS (
            SELECT DISTINCT ur.user_id FROM user_role ur JOIN role r ON r.id = ur.role_id
             WHERE ur.store_id = ${ctx.storeId} AND r.code = ${roleCode}
          )
          SELECT u.id AS user_id, u.username, u.display_name, coalesce(l.n, 0)::int AS customers
            FROM app_user u LEFT JOIN load l ON l.user_id = u.id
           WHERE u.id IN (SELECT user_id FROM staff) OR l.n > 0
          UNION ALL
          SELECT NULL, NULL, NULL, n FROM load WHERE user_id IS NULL
          ORDER BY 4 DESC, 2`),
      );
      return {
        role,
        items: rows
          .filter((x) => x.user_id !== null)
          .map((x) => ({ userId: x.user_id!, username: x.username!, displayName: x.display_name!, customers: Number(x.customers) })),
        unassigned: Number(rows.find((x) => x.user_id === null)?.customers ?? 0),
      };
    },
  );

  // ---- anonymisation on a deletion request (PIPL) -----------------------------------------------------------

  r.post(
    '/api/customers/:id/anonymise',
    {
      config: { permission: 'customers.customer.anonymise', storeRecord: 'customer' },
      schema: {
        tags,
        summary: 'Deletion request: remove the personal data, keep the business records linked to the anonymous file',
        params: idParams,
        body: z.strictObject({ reason }),
        response: { 200: customerItem },
      },
    },
    async (req) => {
      const ctx = requireCtx(req.ctx);
      return withTx(app.database.db, async (tx) => {
        const [before] = await tx
          .select({ id: customer.id, anonymisedAt: customer.anonymisedAt })
          .from(customer)
          .where(and(eq(customer.id, req.params.id), recordScope(ctx, { storeId: customer.storeId })))
          .for('update');
        if (!before) throw notFound();
        if (before.anonymisedAt) throw new AppError('conflict', 'customer.anonymised');
        // the files merged into this one are the same person: they are anonymised with it
        const merged = rowsOf<{ id: string }>(
          await tx.execute(sql`
            WITH RECURSIVE chain(id) AS (
              SELECT id FROM customer WHERE merged_into_id = ${before.id}
              UNION SELECT c.id FROM customer c JOIN chain ON c.merged_into_id = chain.id
            )
            SELECT chain.id FROM chain JOIN customer c ON c.id = chain.id WHERE c.anonymised_at IS NULL`),
        ).map((x) => x.id);
        const ids = [before.id, ...merged];
        await tx
          .update(customer)
          .set({
            name: ANONYMISED_NAME,
            namePinyin: '',
            nameInitials: '',
            gender: null,
            birthday: null,
            phone: '',
            provinceCode: '',
            cityCode: '',
            districtCode: '',
            address: '',
            tags: [],
            notes: '',
            idNumberEnc: null,
            idNumberHash: null,
            creditCode: null,
            contactName: null,
            marketingConsent: false,
            consentAt: ctx.now,
            consentChannel: null,
            anonymisedAt: ctx.now,
            updatedAt: ctx.now,
          })
          .where(inArray(customer.id, ids));
        const phones = await tx.delete(customerPhone).where(inArray(customerPhone.customerId, ids)).returning({ id: customerPhone.id });
        // the reason and what was cleared; never the values
        await writeAudit(tx, ctx, {
          action: 'customer.anonymise',
          entityType: 'customer',
          entityId: before.id,
          detail: {
            reason: req.body.reason,
            cleared: [
              'name',
              'gender',
              'birthday',
              'phone',
              'extraPhones',
              'address',
              'idNumber',
              'creditCode',
              'contactName',
              'notes',
              'tags',
            ],
            marketingConsent: false,
            extraPhonesDeleted: phones.length,
            mergedFiles: merged,
          },
        });
        return (await loadCustomers(tx, cipher, ctx, eq(customer.id, before.id)))[0]!;
      });
    },
  );

  // ---- churn and effective customers ------------------------------------------------------------------------

  r.get(
    '/api/customers/churn-summary',
    {
      config: { permission: 'customers.customer.read' },
      schema: {
        tags,
        summary:
          'Vehicles, churned vehicles and effective customers of the current store (store settings customerRules); with customerId, of that customer (their churn status on the 360° view)',
        querystring: z.strictObject({ customerId: z.uuid().optional() }),
        response: {
          200: z.object({
            asOf: z.date(),
            churnMonths: z.number(),
            effectiveMonths: z.number(),
            vehicles: z.number(),
            churnedVehicles: z.number(),
            neverVisitedVehicles: z.number(),
            effectiveVehicles: z.number(),
            customers: z.number(),
            effectiveCustomers: z.number(),
            churnRate: z.number(),
          }),
        },
      },
    },
    async (req) => {
      const ctx = requireCtx(req.ctx);
      const db = app.database.db;
      const { churnMonths, effectiveMonths } = (await loadStoreSettings(db, ctx.storeId)).customerRules;
      const now = ctx.now.toISOString();
      const [row] = rowsOf<{
        vehicles: number;
        churned: number;
        never_visited: number;
        effective_vehicles: number;
        customers: number;
        effective_customers: number;
      }>(
        await db.execute(sql`
          WITH cut AS (
            SELECT s.timezone AS tz,
                   ((${now}::timestamptz AT TIME ZONE s.timezone) - make_interval(months => ${churnMonths}::int)) AT TIME ZONE s.timezone AS churn_cut,
                   ((${now}::timestamptz AT TIME ZONE s.timezone) - make_interval(months => ${effectiveMonths}::int)) AT TIME ZONE s.timezone AS effective_cut
              FROM store s WHERE s.id = ${ctx.storeId}
          ), v AS (
            SELECT v.owner_id, v.last_visit_at,
                   coalesce(v.last_visit_at, v.sale_date::timestamp AT TIME ZONE cut.tz, v.created_at) AS active_at,
                   cut.churn_cut, cut.effective_cut
              FROM vehicle v CROSS JOIN cut
             WHERE v.store_id = ${ctx.storeId}
               AND (${req.query.customerId ?? null}::uuid IS NULL OR v.owner_id = ${req.query.customerId ?? null}::uuid)
          )
          SELECT count(*)::int AS vehicles,
                 (count(*) FILTER (WHERE active_at < churn_cut))::int AS churned,
                 (count(*) FILTER (WHERE last_visit_at IS NULL))::int AS never_visited,
                 (count(*) FILTER (WHERE active_at >= effective_cut))::int AS effective_vehicles,
                 (count(DISTINCT owner_id))::int AS customers,
                 (count(DISTINCT owner_id) FILTER (WHERE active_at >= effective_cut))::int AS effective_customers
            FROM v`),
      );
      const vehicles = Number(row?.vehicles ?? 0);
      const churned = Number(row?.churned ?? 0);
      return {
        asOf: ctx.now,
        churnMonths,
        effectiveMonths,
        vehicles,
        churnedVehicles: churned,
        neverVisitedVehicles: Number(row?.never_visited ?? 0),
        effectiveVehicles: Number(row?.effective_vehicles ?? 0),
        customers: Number(row?.customers ?? 0),
        effectiveCustomers: Number(row?.effective_customers ?? 0),
        churnRate: vehicles ? Math.round((churned / vehicles) * 10_000) / 10_000 : 0,
      };
    },
  );
}
