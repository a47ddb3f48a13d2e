import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from '../../kernel/ids.js';
import { store } from '../../kernel/kernel.schema.js';

const id = () =>
  uuid()
    .primaryKey()
    .$defaultFn(() => uuidv7());
const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
const fen = () => bigint({ mode: 'number' });

// Group-level catalogues: one deployment is one dealer group, so these carry no store_id.

export const brand = pgTable('brand', {
  id: id(),
  code: text().notNull().unique(),
  name: text().notNull(),
  nameEn: text().notNull().default(''),
  active: boolean().notNull().default(true),
  createdAt: createdAt(),
});

/** 车系 */
export const vehicleSeries = pgTable(
  'vehicle_series',
  {
    id: id(),
    brandId: uuid()
      .notNull()
      .references(() => brand.id),
    code: text().notNull(),
    name: text().notNull(),
    nameEn: text().notNull().default(''),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('vehicle_series_brand_code_uq').on(t.brandId, t.code)],
);

/** 车型 */
export const vehicleModel = pgTable(
  'vehicle_model',
  {
    id: id(),
    seriesId: uuid()
      .notNull()
      .references(() => vehicleSeries.id),
    code: text().notNull().unique(),
    name: text().notNull(),
    modelYear: integer().notNull(),
    bodyType: text().notNull(),
    fuelType: text().notNull(),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index('vehicle_model_series_idx').on(t.seriesId)],
);

/** 配置: the sellable configuration with its MSRP and colours. */
export const vehicleConfiguration = pgTable(
  'vehicle_configuration',
  {
    id: id(),
    modelId: uuid()
      .notNull()
      .references(() => vehicleModel.id),
    code: text().notNull().unique(),
    name: text().notNull(),
    msrpFen: fen().notNull(),
    colours: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index('vehicle_configuration_model_idx').on(t.modelId)],
);

/** 维修类型: 保养, 机修, 钣金, 喷漆 … */
export const repairType = pgTable('repair_type', {
  id: id(),
  code: text().notNull().unique(),
  name: text().notNull(),
  nameEn: text().notNull().default(''),
  active: boolean().notNull().default(true),
  createdAt: createdAt(),
});

/** 工时项目: price = standard hours × the store's labour rate for the repair type. */
export const labourOperation = pgTable(
  'labour_operation',
  {
    id: id(),
    code: text().notNull().unique(),
    name: text().notNull(),
    repairTypeId: uuid()
      .notNull()
      .references(() => repairType.id),
    standardHours: numeric({ precision: 6, scale: 2 }).notNull(),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index('labour_operation_repair_type_idx').on(t.repairTypeId)],
);

/** Parts catalogue (配件目录), group-wide; a store may override the retail price. */
export const part = pgTable(
  'part',
  {
    id: id(),
    partNo: text().notNull().unique(),
    name: text().notNull(),
    unit: text().notNull(),
    category: text().notNull(),
    costFen: fen().notNull(),
    retailFen: fen().notNull(),
    warrantyFen: fen().notNull(),
    abcClass: text().notNull().default('C'),
    safetyStock: integer().notNull().default(0),
    reorderPoint: integer().notNull().default(0),
    supersededBy: text(),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('part_category_idx').on(t.category), index('part_name_idx').on(t.name)],
);

export const partStorePrice = pgTable(
  'part_store_price',
  {
    partId: uuid()
      .notNull()
      .references(() => part.id),
    storeId: uuid()
      .notNull()
      .references(() => store.id),
    retailFen: fen().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.partId, t.storeId] })],
);

export const supplier = pgTable('supplier', {
  id: id(),
  code: text().notNull().unique(),
  name: text().notNull(),
  contact: text().notNull().default(''),
  phone: text().notNull().default(''),
  creditCode: text().notNull().default(''),
  address: text().notNull().default(''),
  active: boolean().notNull().default(true),
  createdAt: createdAt(),
});

export const warehouse = pgTable(
  'warehouse',
  {
    id: id(),
    storeId: uuid()
      .notNull()
      .references(() => store.id),
    code: text().notNull(),
    name: text().notNull(),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('warehouse_store_code_uq').on(t.storeId, t.code)],
);

/** 库位 */
export const bin = pgTable(
  'bin',
  {
    id: id(),
    storeId: uuid()
      .notNull()
      .references(() => store.id),
    warehouseId: uuid()
      .notNull()
      .references(() => warehouse.id),
    code: text().notNull(),
    name: text().notNull().default(''),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('bin_warehouse_code_uq').on(t.warehouseId, t.code)],
);

export const paymentMethod = pgTable('payment_method', {
  id: id(),
  code: text().notNull().unique(),
  name: text().notNull(),
  nameEn: text().notNull().default(''),
  active: boolean().notNull().default(true),
  createdAt: createdAt(),
});

export const insurer = pgTable('insurer', {
  id: id(),
  code: text().notNull().unique(),
  name: text().notNull(),
  nameEn: text().notNull().default(''),
  phone: text().notNull().default(''),
  active: boolean().notNull().default(true),
  createdAt: createdAt(),
});

/** Small code lists: customer sources, defeat reasons, complaint types, no-show reasons, follow-up outcomes. */
export const dictionaryItem = pgTable(
  'dictionary_item',
  {
    id: id(),
    type: text().notNull(),
    code: text().notNull(),
    label: text().notNull(),
    labelEn: text().notNull().default(''),
    sort: integer().notNull().default(0),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('dictionary_item_type_code_uq').on(t.type, t.code)],
);
