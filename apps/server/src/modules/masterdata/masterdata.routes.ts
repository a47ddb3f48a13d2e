import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { zFen } from '@sifang/shared/validation/zod';
import { isValidMobile } from '@sifang/shared/validation/phone';
import { isValidCreditCode } from '@sifang/shared/validation/credit-code';
import { mulFen } from '@sifang/shared/money';
import { patchOf, registerCrud } from '../../kernel/crud.js';
import { requireCtx } from '../../kernel/context.js';
import { withTx, type Executor } from '../../kernel/db.js';
import { AppError, notFound } from '../../kernel/errors.js';
import { writeAudit } from '../../kernel/audit.js';
import { bilingual, importHeaders } from '../../kernel/i18n-headers.js';
import { loadStoreSettings } from '../../kernel/store-settings.js';
import {
  bin,
  brand,
  dictionaryItem,
  insurer,
  labourOperation,
  part,
  partStorePrice,
  paymentMethod,
  repairType,
  supplier,
  vehicleConfiguration,
  vehicleModel,
  vehicleSeries,
  warehouse,
} from './masterdata.schema.js';

const code = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: 'validation.code' });
const name = z.string().trim().min(1).max(80);
const text = (max: number) => z.string().trim().max(max);
const decimal = z
  .string()
  .trim()
  .regex(/^\d{1,4}(\.\d{1,2})?$/, { message: 'validation.decimal' });
const stamp = { id: z.string(), createdAt: z.date() };
const itemOf = (shape: z.ZodRawShape) => z.object({ ...stamp, ...shape });
const activeFilter = z.object({ active: z.enum(['true', 'false']).optional() });

type Cols = readonly (readonly [string, string, string])[];
const named: Cols = [
  ['code', '编码', 'Code'],
  ['name', '名称', 'Name'],
  ['nameEn', '英文名称', 'English name'],
  ['active', '启用', 'Active'],
];

/** Code → id of a table's rows, for imports that name references by code. */
async function codeMap(exec: Executor, table: typeof repairType | typeof vehicleSeries): Promise<Map<string, string>> {
  const rows = await exec.select({ id: table.id, code: table.code }).from(table);
  return new Map(rows.map((r) => [r.code, r.id]));
}

export async function masterdataRoutes(app: FastifyInstance): Promise<void> {
  // Brands → series → models → configurations (车型库)
  const brandFields = { code, name, nameEn: text(80).default(''), active: z.boolean().default(true) };
  registerCrud(app, {
    resource: 'brands',
    entity: 'brand',
    permission: 'masterdata.vehicle-model',
    table: brand,
    create: z.object(brandFields),
    update: patchOf(brandFields),
    item: itemOf({ code: z.string(), name: z.string(), nameEn: z.string(), active: z.boolean() }),
    search: [brand.code, brand.name, brand.nameEn],
    sortable: { code: brand.code, name: brand.name },
    defaultSort: asc(brand.code),
    exportColumns: (l) => bilingual(l, named),
  });

  const seriesFields = { brandId: z.uuid(), code, name, nameEn: text(80).default(''), active: z.boolean().default(true) };
  registerCrud(app, {
    resource: 'series',
    entity: 'vehicle_series',
    permission: 'masterdata.vehicle-model',
    table: vehicleSeries,
    create: z.object(seriesFields),
    update: patchOf(seriesFields),
    item: itemOf({ brandId: z.string(), code: z.string(), name: z.string(), nameEn: z.string(), active: z.boolean() }),
    filters: z.object({ brandId: z.uuid().optional() }),
    filterWhere: (f) => [f.brandId ? eq(vehicleSeries.brandId, f.brandId as string) : undefined],
    references: [{ field: 'brandId', table: brand }],
    search: [vehicleSeries.code, vehicleSeries.name],
    sortable: { code: vehicleSeries.code, name: vehicleSeries.name },
    defaultSort: asc(vehicleSeries.code),
    exportColumns: (l) => bilingual(l, named),
  });

  const modelFields = {
    seriesId: z.uuid(),
    code,
    name,
    modelYear: z.number().int().min(1990).max(2100),
    bodyType: z.enum(['sedan', 'suv', 'hatchback', 'mpv', 'wagon', 'coupe', 'pickup']),
    fuelType: z.enum(['gasoline', 'diesel', 'hev', 'phev', 'bev', 'erev']),
    active: z.boolean().default(true),
  };
  const modelCols: Cols = [
    ['seriesCode', '车系编码', 'Series code'],
    ['code', '车型编码', 'Model code'],
    ['name', '车型名称', 'Model name'],
    ['modelYear', '年款', 'Model year'],
    ['bodyType', '车身型式', 'Body type'],
    ['fuelType', '能源类型', 'Fuel type'],
  ];
  registerCrud(app, {
    resource: 'models',
    entity: 'vehicle_model',
    permission: 'masterdata.vehicle-model',
    table: vehicleModel,
    create: z.object(modelFields),
    update: patchOf(modelFields),
    item: itemOf({
      seriesId: z.string(),
      seriesCode: z.string().optional(),
      code: z.string(),
      name: z.string(),
      modelYear: z.number(),
      bodyType: z.string(),
      fuelType: z.string(),
      active: z.boolean(),
    }),
    filters: z.object({ seriesId: z.uuid().optional() }),
    filterWhere: (f) => [f.seriesId ? eq(vehicleModel.seriesId, f.seriesId as string) : undefined],
    references: [{ field: 'seriesId', table: vehicleSeries }],
    search: [vehicleModel.code, vehicleModel.name],
    sortable: { code: vehicleModel.code, name: vehicleModel.name, modelYear: vehicleModel.modelYear },
    defaultSort: asc(vehicleModel.code),
    decorate: async (exec, _ctx, rows) => {
      const ids = [...new Set(rows.map((r) => r.seriesId as string))];
      const series = ids.length
        ? await exec.select({ id: vehicleSeries.id, code: vehicleSeries.code }).from(vehicleSeries).where(inArray(vehicleSeries.id, ids))
        : [];
      return rows.map((r) => ({ ...r, seriesCode: series.find((s) => s.id === r.seriesId)?.code ?? '' }));
    },
    exportColumns: (l) => bilingual(l, modelCols),
    import: {
      headers: importHeaders(modelCols),
      keyField: 'code',
      lookups: async (exec) => new Map([['series', await codeMap(exec, vehicleSeries)]]),
      toInput: (v, lookups) => {
        const seriesId = lookups.get('series')?.get(v.seriesCode ?? '');
        if (!seriesId) throw new AppError('invalid', 'request.invalid', {}, { seriesCode: 'record.reference_invalid' });
        return { seriesId, code: v.code, name: v.name, modelYear: Number(v.modelYear), bodyType: v.bodyType, fuelType: v.fuelType };
      },
    },
  });

  const configFields = {
    modelId: z.uuid(),
    code,
    name,
    msrpFen: zFen,
    colours: z.array(z.string().trim().min(1).max(20)).max(30).default([]),
    active: z.boolean().default(true),
  };
  registerCrud(app, {
    resource: 'configurations',
    entity: 'vehicle_configuration',
    permission: 'masterdata.vehicle-model',
    table: vehicleConfiguration,
    create: z.object(configFields),
    update: patchOf(configFields),
    item: itemOf({
      modelId: z.string(),
      code: z.string(),
      name: z.string(),
      msrpFen: z.number(),
      colours: z.array(z.string()),
      active: z.boolean(),
    }),
    filters: z.object({ modelId: z.uuid().optional() }),
    filterWhere: (f) => [f.modelId ? eq(vehicleConfiguration.modelId, f.modelId as string) : undefined],
    references: [{ field: 'modelId', table: vehicleModel }],
    search: [vehicleConfiguration.code, vehicleConfiguration.name],
    sortable: { code: vehicleConfiguration.code, name: vehicleConfiguration.name, msrpFen: vehicleConfiguration.msrpFen },
    defaultSort: asc(vehicleConfiguration.code),
    exportColumns: (l) =>
      bilingual(l, [
        ['code', '配置编码', 'Code'],
        ['name', '配置名称', 'Name'],
        ['msrpFen', '厂商指导价(分)', 'MSRP (fen)'],
        ['colours', '颜色', 'Colours'],
      ]),
  });

  // Repair types, payment methods, insurers: small group lists.
  registerCrud(app, {
    resource: 'repair-types',
    entity: 'repair_type',
    permission: 'masterdata.repair-type',
    table: repairType,
    create: z.object(brandFields),
    update: patchOf(brandFields),
    item: itemOf({ code: z.string(), name: z.string(), nameEn: z.string(), active: z.boolean() }),
    filters: activeFilter,
    filterWhere: (f) => [f.active ? eq(repairType.active, f.active === 'true') : undefined],
    search: [repairType.code, repairType.name],
    sortable: { code: repairType.code, name: repairType.name },
    defaultSort: asc(repairType.code),
    exportColumns: (l) => bilingual(l, named),
  });
  registerCrud(app, {
    resource: 'payment-methods',
    entity: 'payment_method',
    permission: 'masterdata.payment-method',
    table: paymentMethod,
    create: z.object(brandFields),
    update: patchOf(brandFields),
    item: itemOf({ code: z.string(), name: z.string(), nameEn: z.string(), active: z.boolean() }),
    filters: activeFilter,
    filterWhere: (f) => [f.active ? eq(paymentMethod.active, f.active === 'true') : undefined],
    search: [paymentMethod.code, paymentMethod.name],
    sortable: { code: paymentMethod.code, name: paymentMethod.name },
    defaultSort: asc(paymentMethod.code),
    exportColumns: (l) => bilingual(l, named),
  });
  const insurerFields = { ...brandFields, phone: text(40).default('') };
  registerCrud(app, {
    resource: 'insurers',
    entity: 'insurer',
    permission: 'masterdata.insurer',
    table: insurer,
    create: z.object(insurerFields),
    update: patchOf(insurerFields),
    item: itemOf({ code: z.string(), name: z.string(), nameEn: z.string(), phone: z.string(), active: z.boolean() }),
    filters: activeFilter,
    filterWhere: (f) => [f.active ? eq(insurer.active, f.active === 'true') : undefined],
    search: [insurer.code, insurer.name, insurer.nameEn],
    sortable: { code: insurer.code, name: insurer.name },
    defaultSort: asc(insurer.code),
    exportColumns: (l) => bilingual(l, [...named, ['phone', '电话', 'Phone']]),
  });

  const dictFields = {
    type: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .regex(/^[a-z][a-z0-9_]*$/, { message: 'validation.code' }),
    code,
    label: name,
    labelEn: text(80).default(''),
    sort: z.number().int().min(0).max(9999).default(0),
    active: z.boolean().default(true),
  };
  registerCrud(app, {
    resource: 'dictionaries',
    entity: 'dictionary_item',
    permission: 'masterdata.dictionary',
    table: dictionaryItem,
    create: z.object(dictFields),
    update: patchOf(dictFields),
    item: itemOf({ type: z.string(), code: z.string(), label: z.string(), labelEn: z.string(), sort: z.number(), active: z.boolean() }),
    filters: z.object({ type: z.string().max(40).optional() }),
    filterWhere: (f) => [f.type ? eq(dictionaryItem.type, f.type as string) : undefined],
    search: [dictionaryItem.code, dictionaryItem.label, dictionaryItem.labelEn],
    sortable: { type: dictionaryItem.type, code: dictionaryItem.code, sort: dictionaryItem.sort },
    defaultSort: asc(dictionaryItem.type),
    exportColumns: (l) =>
      bilingual(l, [
        ['type', '类型', 'Type'],
        ['code', '编码', 'Code'],
        ['label', '名称', 'Label'],
        ['labelEn', '英文名称', 'English label'],
        ['sort', '排序', 'Order'],
      ]),
  });

  const supplierFields = {
    code,
    name,
    contact: text(40).default(''),
    phone: text(40).default(''),
    creditCode: z
      .string()
      .trim()
      .toUpperCase()
      .refine((v) => v === '' || isValidCreditCode(v), { message: 'validation.creditCode' })
      .default(''),
    address: text(200).default(''),
    active: z.boolean().default(true),
  };
  registerCrud(app, {
    resource: 'suppliers',
    entity: 'supplier',
    permission: 'masterdata.supplier',
    table: supplier,
    create: z.object(supplierFields),
    update: patchOf(supplierFields),
    item: itemOf({
      code: z.string(),
      name: z.string(),
      contact: z.string(),
      phone: z.string(),
      creditCode: z.string(),
      address: z.string(),
      active: z.boolean(),
    }),
    filters: activeFilter,
    filterWhere: (f) => [f.active ? eq(supplier.active, f.active === 'true') : undefined],
    search: [supplier.code, supplier.name, supplier.contact, supplier.phone],
    sortable: { code: supplier.code, name: supplier.name },
    defaultSort: asc(supplier.code),
    exportColumns: (l) =>
      bilingual(l, [
        ['code', '编码', 'Code'],
        ['name', '名称', 'Name'],
        ['contact', '联系人', 'Contact'],
        ['phone', '电话', 'Phone'],
        ['creditCode', '统一社会信用代码', 'Credit code'],
        ['address', '地址', 'Address'],
      ]),
  });
  void isValidMobile;

  // Warehouses and bins belong to a store.
  const whFields = { code, name, active: z.boolean().default(true) };
  registerCrud(app, {
    resource: 'warehouses',
    entity: 'warehouse',
    permission: 'masterdata.warehouse',
    table: warehouse,
    storeOwned: true,
    create: z.object(whFields),
    update: patchOf(whFields),
    item: itemOf({ storeId: z.string(), code: z.string(), name: z.string(), active: z.boolean() }),
    search: [warehouse.code, warehouse.name],
    sortable: { code: warehouse.code, name: warehouse.name },
    defaultSort: asc(warehouse.code),
    exportColumns: (l) =>
      bilingual(l, [
        ['code', '编码', 'Code'],
        ['name', '名称', 'Name'],
        ['active', '启用', 'Active'],
      ]),
  });
  const binFields = { warehouseId: z.uuid(), code, name: text(80).default(''), active: z.boolean().default(true) };
  registerCrud(app, {
    resource: 'bins',
    entity: 'bin',
    permission: 'masterdata.bin',
    table: bin,
    storeOwned: true,
    create: z.object(binFields),
    update: patchOf(binFields),
    item: itemOf({ storeId: z.string(), warehouseId: z.string(), code: z.string(), name: z.string(), active: z.boolean() }),
    filters: z.object({ warehouseId: z.uuid().optional() }),
    filterWhere: (f) => [f.warehouseId ? eq(bin.warehouseId, f.warehouseId as string) : undefined],
    references: [{ field: 'warehouseId', table: warehouse, storeOwned: true }],
    search: [bin.code, bin.name],
    sortable: { code: bin.code },
    defaultSort: asc(bin.code),
    exportColumns: (l) =>
      bilingual(l, [
        ['code', '库位', 'Bin'],
        ['name', '名称', 'Name'],
      ]),
  });

  // Labour operations (工时项目): price = standard hours × this store's labour rate for the repair type.
  const lbFields = { code, name, repairTypeId: z.uuid(), standardHours: decimal, active: z.boolean().default(true) };
  const lbCols: Cols = [
    ['code', '工时编码', 'Code'],
    ['name', '工时名称', 'Name'],
    ['repairTypeCode', '维修类型', 'Repair type'],
    ['standardHours', '标准工时', 'Standard hours'],
    ['priceFen', '工时费(分)', 'Labour price (fen)'],
  ];
  registerCrud(app, {
    resource: 'labour-operations',
    entity: 'labour_operation',
    permission: 'masterdata.labour-operation',
    table: labourOperation,
    create: z.object(lbFields),
    update: patchOf(lbFields),
    item: itemOf({
      code: z.string(),
      name: z.string(),
      repairTypeId: z.string(),
      repairTypeCode: z.string(),
      standardHours: z.string(),
      priceFen: z.number().nullable(),
      active: z.boolean(),
    }),
    filters: z.object({ repairTypeId: z.uuid().optional(), active: z.enum(['true', 'false']).optional() }),
    filterWhere: (f) => [
      f.repairTypeId ? eq(labourOperation.repairTypeId, f.repairTypeId as string) : undefined,
      f.active ? eq(labourOperation.active, f.active === 'true') : undefined,
    ],
    references: [{ field: 'repairTypeId', table: repairType }],
    search: [labourOperation.code, labourOperation.name],
    sortable: { code: labourOperation.code, name: labourOperation.name, standardHours: labourOperation.standardHours },
    defaultSort: asc(labourOperation.code),
    decorate: async (exec, ctx, rows) => {
      const [settings, types] = await Promise.all([
        loadStoreSettings(exec, ctx.storeId),
        exec.select({ id: repairType.id, code: repairType.code }).from(repairType),
      ]);
      const rate = new Map(settings.labourRates.map((l) => [l.repairTypeId, l.rateFen]));
      return rows.map((r) => {
        const perHour = rate.get(r.repairTypeId as string);
        return {
          ...r,
          repairTypeCode: types.find((t) => t.id === r.repairTypeId)?.code ?? '',
          priceFen: perHour === undefined ? null : mulFen(perHour, r.standardHours as string),
        };
      });
    },
    exportColumns: (l) => bilingual(l, lbCols),
    import: {
      headers: importHeaders(lbCols),
      keyField: 'code',
      lookups: async (exec) => new Map([['repairType', await codeMap(exec, repairType)]]),
      toInput: (v, lookups) => {
        const repairTypeId = lookups.get('repairType')?.get(v.repairTypeCode ?? '');
        if (!repairTypeId) throw new AppError('invalid', 'request.invalid', {}, { repairTypeCode: 'record.reference_invalid' });
        return { code: v.code, name: v.name, repairTypeId, standardHours: v.standardHours };
      },
    },
  });

  // Parts catalogue (配件目录): group prices with a store's own retail price; cost only for those allowed.
  const partFields = {
    partNo: z
      .string()
      .trim()
      .toUpperCase()
      .min(3)
      .max(40)
      .regex(/^[A-Z0-9][A-Z0-9 .-]*$/, { message: 'validation.code' }),
    name,
    unit: z.string().trim().min(1).max(8),
    category: z.string().trim().min(1).max(40),
    costFen: zFen,
    retailFen: zFen,
    warrantyFen: zFen,
    abcClass: z.enum(['A', 'B', 'C']).default('C'),
    safetyStock: z.number().int().min(0).max(1_000_000).default(0),
    reorderPoint: z.number().int().min(0).max(1_000_000).default(0),
    supersededBy: z.string().trim().toUpperCase().max(40).nullable().default(null),
    active: z.boolean().default(true),
  };
  const partCols: Cols = [
    ['partNo', '配件编号', 'Part no.'],
    ['name', '配件名称', 'Name'],
    ['unit', '单位', 'Unit'],
    ['category', '类别', 'Category'],
    ['costFen', '成本价(分)', 'Cost (fen)'],
    ['retailFen', '零售价(分)', 'Retail (fen)'],
    ['warrantyFen', '索赔价(分)', 'Warranty price (fen)'],
    ['abcClass', 'ABC分类', 'ABC class'],
    ['safetyStock', '安全库存', 'Safety stock'],
    ['reorderPoint', '订货点', 'Reorder point'],
    ['supersededBy', '替代件号', 'Superseded by'],
  ];
  const intOf = (s: string | undefined) => (s === undefined || s === '' ? undefined : /^-?\d+$/.test(s) ? Number(s) : Number.NaN);
  registerCrud(app, {
    resource: 'parts',
    entity: 'part',
    permission: 'masterdata.part',
    table: part,
    create: z.object(partFields),
    update: patchOf(partFields),
    item: itemOf({
      partNo: z.string(),
      name: z.string(),
      unit: z.string(),
      category: z.string(),
      costFen: z.number().nullable(),
      retailFen: z.number(),
      warrantyFen: z.number(),
      storeRetailFen: z.number().nullable(),
      abcClass: z.string(),
      safetyStock: z.number(),
      reorderPoint: z.number(),
      supersededBy: z.string().nullable(),
      active: z.boolean(),
    }),
    filters: z.object({
      category: z.string().max(40).optional(),
      abcClass: z.enum(['A', 'B', 'C']).optional(),
      active: z.enum(['true', 'false']).optional(),
    }),
    filterWhere: (f) => [
      f.category ? eq(part.category, f.category as string) : undefined,
      f.abcClass ? eq(part.abcClass, f.abcClass as string) : undefined,
      f.active ? eq(part.active, f.active === 'true') : undefined,
    ],
    search: [part.partNo, part.name],
    sortable: { partNo: part.partNo, name: part.name, category: part.category, retailFen: part.retailFen },
    defaultSort: asc(part.partNo),
    // this store's own retail price, read with each part
    columns: (ctx) => ({
      storeRetailFen: {
        sql: sql`(SELECT ${partStorePrice.retailFen} FROM ${partStorePrice}
          WHERE ${partStorePrice.partId} = ${part.id} AND ${partStorePrice.storeId} = ${ctx.storeId})`,
        decoder: partStorePrice.retailFen,
      },
    }),
    decorate: async (_exec, ctx, rows) => {
      const seesCost = ctx.permissions.has('masterdata.part.read-cost');
      return rows.map(({ updatedAt: _u, ...r }) => ({
        ...r,
        costFen: seesCost ? r.costFen : null,
        storeRetailFen: r.storeRetailFen ?? null,
      }));
    },
    exportColumns: (l) => bilingual(l, [...partCols, ['storeRetailFen', '本店零售价(分)', 'Store retail (fen)']]),
    import: {
      headers: importHeaders(partCols),
      keyField: 'partNo',
      toInput: (v) => ({
        partNo: v.partNo,
        name: v.name,
        unit: v.unit,
        category: v.category,
        costFen: intOf(v.costFen),
        retailFen: intOf(v.retailFen),
        warrantyFen: intOf(v.warrantyFen),
        abcClass: v.abcClass || undefined,
        safetyStock: intOf(v.safetyStock),
        reorderPoint: intOf(v.reorderPoint),
        supersededBy: v.supersededBy || null,
      }),
    },
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.put(
    '/api/parts/:id/store-price',
    {
      config: { permission: 'masterdata.part.store-price' },
      schema: {
        tags: ['part'],
        summary: "Set or clear this store's own retail price of a part",
        params: z.object({ id: z.uuid() }),
        body: z.strictObject({ retailFen: zFen.nullable() }),
        response: { 200: z.object({ partId: z.string(), storeRetailFen: z.number().nullable() }) },
      },
    },
    async (req) => {
      const ctx = requireCtx(req.ctx);
      return withTx(app.database.db, async (tx) => {
        const [p] = await tx.select({ id: part.id, retailFen: part.retailFen }).from(part).where(eq(part.id, req.params.id));
        if (!p) throw notFound();
        const [before] = await tx
          .select()
          .from(partStorePrice)
          .where(and(eq(partStorePrice.partId, p.id), eq(partStorePrice.storeId, ctx.storeId)))
          .for('update');
        if (req.body.retailFen === null) {
          await tx.delete(partStorePrice).where(and(eq(partStorePrice.partId, p.id), eq(partStorePrice.storeId, ctx.storeId)));
        } else {
          await tx
            .insert(partStorePrice)
            .values({ partId: p.id, storeId: ctx.storeId, retailFen: req.body.retailFen })
            .onConflictDoUpdate({
              target: [partStorePrice.partId, partStorePrice.storeId],
              set: { retailFen: req.body.retailFen, updatedAt: new Date() },
            });
        }
        await writeAudit(tx, ctx, {
          action: 'part.store-price',
          entityType: 'part',
          entityId: p.id,
          before: { storeRetailFen: before?.retailFen ?? null },
          after: { storeRetailFen: req.body.retailFen },
        });
        return { partId: p.id, storeRetailFen: req.body.retailFen };
      });
    },
  );
}
