import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, asc, count, desc, eq, ilike, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { normalizePlate, validatePlate } from '@sifang/shared/validation/plate';
import { requireCtx, type RequestContext } from '../../kernel/context.js';
import { pgCode, withTx, type Executor } from '../../kernel/db.js';
import { AppError, notFound } from '../../kernel/errors.js';
import { changedFields, writeAudit } from '../../kernel/audit.js';
import {
  likePattern,
  listQuery,
  listResponse,
  MAX_EXPORT_ROWS,
  orderBy,
  pageTotal,
  readStatement,
  type Paging,
} from '../../kernel/list.js';
import { fixedSelect } from '../../kernel/fixed-sql.js';
import { sendXlsx, toXlsx } from '../../kernel/excel.js';
import { bilingual } from '../../kernel/i18n-headers.js';
import { recordScope, storeScope, storeShortNames } from '../../kernel/store-scope.js';
import { patchOf } from '../../kernel/crud.js';
import { masterdataSchema } from '../masterdata/index.js';
import { customer, vehicle, vehicleMileage, vehicleOwnership } from './customers.schema.js';
import { vehicleFields } from './customers.contracts.js';
import { maskPhone } from './personal-data.js';

const { vehicleConfiguration, vehicleModel, vehicleSeries, brand } = masterdataSchema;
const owner = alias(customer, 'owner');

export const vehicleItem = z.object({
  id: z.string(),
  storeId: z.string(),
  storeName: z.string(),
  vin: z.string(),
  plate: z.string().nullable(),
  plateVerified: z.boolean(),
  engineNo: z.string(),
  brandName: z.string().nullable(),
  seriesName: z.string().nullable(),
  modelName: z.string().nullable(),
  configurationName: z.string().nullable(),
  brandId: z.string().nullable(),
  seriesId: z.string().nullable(),
  modelId: z.string().nullable(),
  configurationId: z.string().nullable(),
  colour: z.string(),
  modelYear: z.number().nullable(),
  saleDate: z.string().nullable(),
  sellingStoreId: z.string().nullable(),
  firstRegistration: z.string().nullable(),
  warrantyStart: z.string().nullable(),
  warrantyEnd: z.string().nullable(),
  insuranceExpiry: z.string().nullable(),
  ownerId: z.string(),
  ownerName: z.string(),
  ownerPhone: z.string(),
  userId: z.string().nullable(),
  mileageKm: z.number(),
  mileageAt: z.date().nullable(),
  createdAt: z.date(),
});
type VehicleItem = z.infer<typeof vehicleItem>;

/** A vehicle with its model names and owner, as every vehicle screen shows it (fixed: rendered once). */
const vehicleRead = fixedSelect(
  {
    v: vehicle,
    brandName: brand.name,
    seriesName: vehicleSeries.name,
    modelName: vehicleModel.name,
    configurationName: vehicleConfiguration.name,
    ownerName: owner.name,
    ownerPhone: owner.phone,
  },
  sql`${vehicle} JOIN ${customer} ${owner} ON ${eq(owner.id, vehicle.ownerId)}
    LEFT JOIN ${brand} ON ${eq(brand.id, vehicle.brandId)}
    LEFT JOIN ${vehicleSeries} ON ${eq(vehicleSeries.id, vehicle.seriesId)}
    LEFT JOIN ${vehicleModel} ON ${eq(vehicleModel.id, vehicle.modelId)}
    LEFT JOIN ${vehicleConfiguration} ON ${eq(vehicleConfiguration.id, vehicle.configurationId)}`,
);

const defaultOrder = [desc(vehicle.createdAt), vehicle.id];

/** Vehicles as screens show them; with `paging`, a page of the list and the list's total (`totalColumn`). */
async function readVehicles(
  exec: Executor,
  ctx: RequestContext,
  where: SQL | undefined,
  opts: { order?: (SQL | typeof vehicle.id)[]; paging?: Paging; exact?: boolean },
): Promise<{ items: VehicleItem[]; rows: { list_total?: number }[] }> {
  const statement = readStatement(vehicleRead, where, opts.order ?? defaultOrder, {
    paging: opts.paging,
    total: opts.paging ? { table: vehicle, exact: opts.exact ?? false } : undefined,
  });
  const { rows } = (await exec.execute(statement)) as unknown as { rows: (Record<string, unknown> & { list_total?: number })[] };
  const read = rows.map(vehicleRead.read);
  // the store names come with the session (a join fewer to plan)
  const storeNames = await storeShortNames(
    exec,
    ctx,
    read.map((r) => r.v.storeId),
  );
  const items = read.map(({ v, ownerPhone, ...names }) => {
    const { createdBy: _c, updatedAt: _u, ...rest } = v;
    return { ...rest, storeName: storeNames.get(v.storeId) ?? '', ...names, ownerPhone: maskPhone(ownerPhone) };
  });
  return { items, rows };
}

export async function loadVehicles(
  exec: Executor,
  ctx: RequestContext,
  where: SQL | undefined,
  opts: { order?: (SQL | typeof vehicle.id)[] } = {},
): Promise<VehicleItem[]> {
  return (await readVehicles(exec, ctx, where, opts)).items;
}

/** The plate as stored: normalised; one failing the rules only with the permission, then flagged unverified. */
function checkPlate(
  ctx: RequestContext,
  plate: string | null | undefined,
  allowUnverified: boolean,
): { plate: string | null; plateVerified: boolean } | undefined {
  if (plate === undefined) return undefined;
  if (plate === null || plate === '') return { plate: null, plateVerified: true };
  const normal = normalizePlate(plate);
  if (validatePlate(normal).ok) return { plate: normal, plateVerified: true };
  if (!allowUnverified) throw new AppError('invalid', 'request.invalid', {}, { plate: 'validation.plate' });
  if (!ctx.permissions.has('customers.vehicle.unverified-plate'))
    throw new AppError('forbidden', 'vehicle.plate_unverified_not_allowed', {}, { plate: 'vehicle.plate_unverified_not_allowed' });
  return { plate: normal, plateVerified: false };
}

/** Model data from the configuration (or the model) chosen; both must exist in the catalogue. */
async function catalogueIds(exec: Executor, input: { configurationId?: string | null; modelId?: string | null }) {
  if (input.configurationId) {
    const [row] = await exec
      .select({
        configurationId: vehicleConfiguration.id,
        modelId: vehicleModel.id,
        seriesId: vehicleSeries.id,
        brandId: vehicleSeries.brandId,
      })
      .from(vehicleConfiguration)
      .innerJoin(vehicleModel, eq(vehicleModel.id, vehicleConfiguration.modelId))
      .innerJoin(vehicleSeries, eq(vehicleSeries.id, vehicleModel.seriesId))
      .where(eq(vehicleConfiguration.id, input.configurationId));
    if (!row) throw new AppError('unprocessable', 'record.reference_invalid', {}, { configurationId: 'record.reference_invalid' });
    return row;
  }
  if (input.modelId) {
    const [row] = await exec
      .select({ modelId: vehicleModel.id, seriesId: vehicleSeries.id, brandId: vehicleSeries.brandId })
      .from(vehicleModel)
      .innerJoin(vehicleSeries, eq(vehicleSeries.id, vehicleModel.seriesId))
      .where(eq(vehicleModel.id, input.modelId));
    if (!row) throw new AppError('unprocessable', 'record.reference_invalid', {}, { modelId: 'record.reference_invalid' });
    return { ...row, configurationId: null };
  }
  return undefined;
}

/** Owner and user must be customers the caller can see in the vehicle's store. */
async function checkCustomers(exec: Executor, storeId: string, input: { ownerId?: string; userId?: string | null }) {
  for (const field of ['ownerId', 'userId'] as const) {
    const id = input[field];
    if (!id) continue;
    const [c] = await exec
      .select({ id: customer.id })
      .from(customer)
      .where(and(eq(customer.id, id), eq(customer.storeId, storeId)));
    if (!c) throw new AppError('unprocessable', 'record.reference_invalid', {}, { [field]: 'record.reference_invalid' });
  }
}

export type VehicleInput = z.output<z.ZodObject<typeof vehicleFields>>;

/** Registers a vehicle in the caller's store (also used when a customer is created with their car). */
export async function insertVehicle(tx: Executor, ctx: RequestContext, body: VehicleInput): Promise<VehicleItem> {
  const { allowUnverifiedPlate, plate, mileageKm, soldHere, ...input } = body;
  const plateValues = checkPlate(ctx, plate, allowUnverifiedPlate)!;
  await checkCustomers(tx, ctx.storeId, input);
  const ids = await catalogueIds(tx, input);
  const [row] = await tx
    .insert(vehicle)
    .values({
      ...input,
      ...ids,
      ...plateValues,
      storeId: ctx.storeId,
      sellingStoreId: soldHere ? ctx.storeId : null,
      mileageKm,
      mileageAt: mileageKm ? ctx.now : null,
      createdBy: ctx.user.id,
    })
    .returning()
    .catch(uniqueVin);
  const today = ctx.now.toISOString().slice(0, 10);
  await tx
    .insert(vehicleOwnership)
    .values([
      { vehicleId: row!.id, customerId: input.ownerId, role: 'owner', fromDate: input.saleDate ?? today },
      ...(input.userId ? [{ vehicleId: row!.id, customerId: input.userId, role: 'user', fromDate: input.saleDate ?? today }] : []),
    ]);
  if (mileageKm)
    await tx
      .insert(vehicleMileage)
      .values({ vehicleId: row!.id, storeId: ctx.storeId, at: ctx.now, km: mileageKm, source: 'registration', createdBy: ctx.user.id });
  await writeAudit(tx, ctx, {
    action: 'vehicle.create',
    entityType: 'vehicle',
    entityId: row!.id,
    after: { vin: row!.vin, plate: row!.plate, plateVerified: row!.plateVerified },
  });
  return (await loadVehicles(tx, ctx, eq(vehicle.id, row!.id)))[0]!;
}

const uniqueVin = (e: unknown) => {
  if (pgCode(e) === '23505') throw new AppError('conflict', 'vehicle.duplicate_vin', {}, { vin: 'vehicle.duplicate_vin' });
  throw e;
};

export async function vehicleRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['vehicle'];
  const filters = listQuery
    .extend({ seriesId: z.uuid().optional(), ownerId: z.uuid().optional(), storeId: z.union([z.uuid(), z.literal('all')]).optional() })
    .strict();
  const listWhere = (ctx: RequestContext, q: z.infer<typeof filters>) => {
    const conds: (SQL | undefined)[] = [storeScope(ctx, { storeId: vehicle.storeId }, q.storeId)];
    if (q.q) {
      const text = normalizePlate(q.q);
      conds.push(
        or(ilike(vehicle.vin, likePattern(text)), ilike(vehicle.plate, likePattern(text)), ilike(vehicle.engineNo, likePattern(text))),
      );
    }
    if (q.seriesId) conds.push(eq(vehicle.seriesId, q.seriesId));
    if (q.ownerId) conds.push(or(eq(vehicle.ownerId, q.ownerId), eq(vehicle.userId, q.ownerId)));
    return and(...conds.filter(Boolean));
  };
  const sortable = { vin: vehicle.vin, plate: vehicle.plate, saleDate: vehicle.saleDate, createdAt: vehicle.createdAt };

  r.get(
    '/api/vehicles',
    {
      config: { permission: 'customers.vehicle.read' },
      schema: { tags, querystring: filters, response: { 200: listResponse(vehicleItem) } },
    },
    async (req) => {
      const ctx = requireCtx(req.ctx);
      const w = listWhere(ctx, req.query);
      const db = app.database.db;
      const exact = req.query.count === 'exact';
      const { items, rows } = await readVehicles(db, ctx, w, {
        order: [orderBy(req.query.sort, sortable, desc(vehicle.createdAt)), vehicle.id],
        paging: req.query,
        exact,
      });
      return { items, ...(await pageTotal(rows, req.query, { exec: db, table: vehicle, where: w, exact })) };
    },
  );

  r.get(
    '/api/vehicles/export',
    { config: { permission: 'customers.vehicle.export' }, schema: { tags, querystring: filters.omit({ page: true, pageSize: true }) } },
    async (req, reply) => {
      const ctx = requireCtx(req.ctx);
      const db = app.database.db;
      const w = listWhere(ctx, { ...req.query, page: 1, pageSize: 1 });
      const [total] = await db.select({ n: count() }).from(vehicle).where(w);
      if ((total?.n ?? 0) > MAX_EXPORT_ROWS) throw new AppError('invalid', 'export.too_many_rows', { max: MAX_EXPORT_ROWS });
      const items = await loadVehicles(db, ctx, w);
      await writeAudit(db, ctx, { action: 'vehicle.export', entityType: 'vehicle', detail: { rows: items.length, filter: req.query } });
      const body = await toXlsx(
        'vehicles',
        bilingual(ctx.locale, [
          ['plate', '车牌号', 'Plate'],
          ['vin', 'VIN', 'VIN'],
          ['seriesName', '车系', 'Series'],
          ['modelName', '车型', 'Model'],
          ['configurationName', '配置', 'Configuration'],
          ['colour', '颜色', 'Colour'],
          ['modelYear', '年款', 'Model year'],
          ['saleDate', '购车日期', 'Sale date'],
          ['warrantyEnd', '保修截止', 'Warranty end'],
          ['insuranceExpiry', '保险到期', 'Insurance expiry'],
          ['mileageKm', '里程(km)', 'Mileage (km)'],
          ['ownerName', '车主', 'Owner'],
          ['ownerPhone', '车主手机', 'Owner mobile'],
          ['storeName', '门店', 'Store'],
        ]),
        items as unknown as Record<string, unknown>[],
      );
      return sendXlsx(reply, 'vehicles.xlsx', body);
    },
  );

  /** The customer file of a vehicle (用户档案, seed 002): front = vehicle and its records, back = the people. */
  const fileResponse = z.object({
    vehicle: vehicleItem,
    mileage: z.array(z.object({ id: z.string(), at: z.date(), km: z.number(), source: z.string(), note: z.string() })),
    ownership: z.array(
      z.object({ customerId: z.string(), name: z.string(), role: z.string(), fromDate: z.string(), toDate: z.string().nullable() }),
    ),
    /** record sections later modules fill (service history, appointments, follow-ups …); empty until they exist */
    sections: z.record(z.string(), z.array(z.unknown())),
  });
  r.get(
    '/api/vehicles/:id',
    {
      config: { permission: 'customers.vehicle.read', storeRecord: 'vehicle' },
      schema: { tags, params: z.object({ id: z.uuid() }), response: { 200: fileResponse } },
    },
    async (req) => {
      const ctx = requireCtx(req.ctx);
      const db = app.database.db;
      const [v] = await loadVehicles(db, ctx, and(eq(vehicle.id, req.params.id), recordScope(ctx, { storeId: vehicle.storeId })));
      if (!v) throw notFound();
      const [mileage, ownership] = await Promise.all([
        db
          .select({
            id: vehicleMileage.id,
            at: vehicleMileage.at,
            km: vehicleMileage.km,
            source: vehicleMileage.source,
            note: vehicleMileage.note,
          })
          .from(vehicleMileage)
          .where(eq(vehicleMileage.vehicleId, v.id))
          .orderBy(desc(vehicleMileage.at), desc(vehicleMileage.id)),
        db
          .select({
            customerId: vehicleOwnership.customerId,
            name: customer.name,
            role: vehicleOwnership.role,
            fromDate: vehicleOwnership.fromDate,
            toDate: vehicleOwnership.toDate,
          })
          .from(vehicleOwnership)
          .innerJoin(customer, eq(customer.id, vehicleOwnership.customerId))
          .where(eq(vehicleOwnership.vehicleId, v.id))
          .orderBy(asc(vehicleOwnership.fromDate)),
      ]);
      return { vehicle: v, mileage, ownership, sections: { serviceRecords: [], maintenanceRecords: [], appointments: [], followUps: [] } };
    },
  );

  const create = z.strictObject(vehicleFields);
  r.post(
    '/api/vehicles',
    { config: { permission: 'customers.vehicle.create' }, schema: { tags, body: create, response: { 201: vehicleItem } } },
    async (req, reply) => {
      const ctx = requireCtx(req.ctx);
      const created = await withTx(app.database.db, (tx) => insertVehicle(tx, ctx, req.body));
      return reply.code(201).send(created);
    },
  );

  const { ownerId: _o, mileageKm: _m, soldHere: _s, ...editable } = vehicleFields;
  const update = patchOf(editable)
    .extend({ allowUnverifiedPlate: z.boolean().default(false) })
    .strict();
  r.patch(
    '/api/vehicles/:id',
    {
      config: { permission: 'customers.vehicle.update', storeRecord: 'vehicle' },
      schema: { tags, params: z.object({ id: z.uuid() }), body: update, response: { 200: vehicleItem } },
    },
    async (req) => {
      const ctx = requireCtx(req.ctx);
      const { allowUnverifiedPlate, plate, ...input } = req.body;
      const plateValues = checkPlate(ctx, plate, allowUnverifiedPlate);
      return withTx(app.database.db, async (tx) => {
        const [before] = await tx
          .select()
          .from(vehicle)
          .where(and(eq(vehicle.id, req.params.id), recordScope(ctx, { storeId: vehicle.storeId })))
          .for('update');
        if (!before) throw notFound();
        await checkCustomers(tx, before.storeId, input);
        const ids = input.configurationId !== undefined || input.modelId !== undefined ? await catalogueIds(tx, input) : undefined;
        const patch = { ...input, ...(ids ?? {}), ...(plateValues ?? {}), updatedAt: ctx.now };
        await tx.update(vehicle).set(patch).where(eq(vehicle.id, before.id)).catch(uniqueVin);
        if (input.userId !== undefined && input.userId !== before.userId) {
          const today = ctx.now.toISOString().slice(0, 10);
          await tx
            .update(vehicleOwnership)
            .set({ toDate: today })
            .where(and(eq(vehicleOwnership.vehicleId, before.id), eq(vehicleOwnership.role, 'user'), isOpen()));
          if (input.userId)
            await tx.insert(vehicleOwnership).values({ vehicleId: before.id, customerId: input.userId, role: 'user', fromDate: today });
        }
        await writeAudit(tx, ctx, {
          action: 'vehicle.update',
          entityType: 'vehicle',
          entityId: before.id,
          ...changedFields(before as Record<string, unknown>, patch as Record<string, unknown>),
        });
        return (await loadVehicles(tx, ctx, eq(vehicle.id, before.id)))[0]!;
      });
    },
  );

  r.post(
    '/api/vehicles/:id/mileage',
    {
      config: { permission: 'customers.vehicle.update', storeRecord: 'vehicle' },
      schema: {
        tags,
        summary: 'Record an odometer reading; lower than the last one only with an explanation',
        params: z.object({ id: z.uuid() }),
        body: z.strictObject({ km: z.number().int().min(0).max(2_000_000), note: z.string().trim().max(200).default('') }),
        response: { 201: z.object({ km: z.number(), at: z.date() }) },
      },
    },
    async (req, reply) => {
      const ctx = requireCtx(req.ctx);
      await withTx(app.database.db, async (tx) => {
        const [v] = await tx
          .select()
          .from(vehicle)
          .where(and(eq(vehicle.id, req.params.id), recordScope(ctx, { storeId: vehicle.storeId })))
          .for('update');
        if (!v) throw notFound();
        if (req.body.km < v.mileageKm && req.body.note.length < 2) {
          throw new AppError('unprocessable', 'vehicle.mileage_decrease', { last: v.mileageKm }, { note: 'vehicle.mileage_decrease' });
        }
        await tx.insert(vehicleMileage).values({
          vehicleId: v.id,
          storeId: v.storeId,
          at: ctx.now,
          km: req.body.km,
          source: 'manual',
          note: req.body.note,
          createdBy: ctx.user.id,
        });
        await tx.update(vehicle).set({ mileageKm: req.body.km, mileageAt: ctx.now }).where(eq(vehicle.id, v.id));
        await writeAudit(tx, ctx, {
          action: 'vehicle.mileage',
          entityType: 'vehicle',
          entityId: v.id,
          before: { km: v.mileageKm },
          after: { km: req.body.km },
          detail: { note: req.body.note },
        });
      });
      return reply.code(201).send({ km: req.body.km, at: ctx.now });
    },
  );
}

const isOpen = () => isNull(vehicleOwnership.toDate);
