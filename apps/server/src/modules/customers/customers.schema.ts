import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from '../../kernel/ids.js';
import { appUser, store } from '../../kernel/kernel.schema.js';
import { vehicleConfiguration, vehicleModel, vehicleSeries, brand } from '../masterdata/masterdata.schema.js';

const id = () =>
  uuid()
    .primaryKey()
    .$defaultFn(() => uuidv7());
const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
const trgm = (col: { name: string }) => sql`${sql.identifier(col.name)} gin_trgm_ops`;

/** A customer file (客户档案): a person or a company, owned by the store that keeps the file. */
export const customer = pgTable(
  'customer',
  {
    id: id(),
    storeId: uuid()
      .notNull()
      .references(() => store.id),
    kind: text().notNull().default('person'),
    name: text().notNull(),
    /** full pinyin without spaces and initials, for search as you type (张三 → zhangsan, zs) */
    namePinyin: text().notNull().default(''),
    nameInitials: text().notNull().default(''),
    gender: text(),
    birthday: date(),
    /** primary mobile, normalised (no spaces, no +86) */
    phone: text().notNull(),
    provinceCode: text().notNull().default(''),
    cityCode: text().notNull().default(''),
    districtCode: text().notNull().default(''),
    address: text().notNull().default(''),
    source: text().notNull().default(''),
    tags: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    marketingConsent: boolean().notNull().default(false),
    consentAt: timestamp({ withTimezone: true }),
    consentChannel: text(),
    notes: text().notNull().default(''),
    /** resident ID number: AES-256-GCM at rest, found by a keyed hash (exact match) */
    idNumberEnc: text(),
    idNumberHash: text(),
    creditCode: text(),
    contactName: text(),
    /** 专属服务顾问 and sales consultant */
    advisorId: uuid().references(() => appUser.id),
    consultantId: uuid().references(() => appUser.id),
    anonymisedAt: timestamp({ withTimezone: true }),
    /** set when this file was merged into another (the surviving customer) */
    mergedIntoId: uuid(),
    createdBy: uuid().references(() => appUser.id),
    createdAt: createdAt(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('customer_store_idx').on(t.storeId, t.createdAt),
    // the customer list's default order, and its total counted from the index alone (merged files are not listed);
    // NULLS FIRST as `ORDER BY created_at DESC` has it, or PostgreSQL cannot read the order from the index
    index('customer_store_list_idx')
      .on(t.storeId, t.createdAt.desc().nullsFirst(), t.id)
      .where(sql`merged_into_id IS NULL`),
    index('customer_phone_idx').on(t.phone),
    // Search as you type runs inside a store: every search index leads with the store, so a store's customers are
    // found without touching the group's (one index serves "all stores" too, store by store).
    // phone tails (last 4+ digits) through the reversed number: a btree prefix search
    index('customer_phone_tail_idx').using('btree', t.storeId, sql`reverse(phone) text_pattern_ops`),
    // any part of a name (trigrams need three characters; most names have two or three): its single characters and
    // character pairs (search_grams), so a surname alone is found through the index too
    index('customer_name_gram_idx').using('gin', t.storeId, sql`search_grams(name)`),
    index('customer_initials_idx').using('btree', t.storeId, sql`name_initials text_pattern_ops`),
    index('customer_pinyin_idx').using('btree', t.storeId, sql`name_pinyin text_pattern_ops`),
    index('customer_id_hash_idx').on(t.idNumberHash),
    index('customer_advisor_idx').on(t.advisorId),
    index('customer_consultant_idx').on(t.consultantId),
    // the customer list sorted by name (pinyin), page by page without sorting the store
    index('customer_list_name_idx')
      .on(t.storeId, t.namePinyin, t.id)
      .where(sql`merged_into_id IS NULL`),
    // the customer list's filters, each counted from its index alone (the list counts up to COUNT_LIMIT matches)
    index('customer_list_kind_idx')
      .on(t.storeId, t.kind)
      .where(sql`merged_into_id IS NULL`),
    index('customer_list_source_idx')
      .on(t.storeId, t.source)
      .where(sql`merged_into_id IS NULL`),
    index('customer_list_tags_idx')
      .using('gin', t.storeId, t.tags)
      .where(sql`merged_into_id IS NULL`),
  ],
);

/** More phones of a customer besides the primary one. */
export const customerPhone = pgTable(
  'customer_phone',
  {
    id: id(),
    customerId: uuid()
      .notNull()
      .references(() => customer.id),
    phone: text().notNull(),
    label: text().notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [index('customer_phone_customer_idx').on(t.customerId), index('customer_phone_phone_idx').on(t.phone)],
);

/** A vehicle and its file (用户档案): VIN unique in the group. */
export const vehicle = pgTable(
  'vehicle',
  {
    id: id(),
    storeId: uuid()
      .notNull()
      .references(() => store.id),
    vin: text().notNull().unique(),
    plate: text(),
    /** false: saved by a user allowed to keep an unusual plate, not passing the rules */
    plateVerified: boolean().notNull().default(true),
    engineNo: text().notNull().default(''),
    brandId: uuid().references(() => brand.id),
    seriesId: uuid().references(() => vehicleSeries.id),
    modelId: uuid().references(() => vehicleModel.id),
    configurationId: uuid().references(() => vehicleConfiguration.id),
    colour: text().notNull().default(''),
    modelYear: smallint(),
    saleDate: date(),
    sellingStoreId: uuid().references(() => store.id),
    firstRegistration: date(),
    warrantyStart: date(),
    warrantyEnd: date(),
    insuranceExpiry: date(),
    ownerId: uuid()
      .notNull()
      .references(() => customer.id),
    userId: uuid().references(() => customer.id),
    /** the latest reading, kept with the readings (vehicle_mileage) */
    mileageKm: integer().notNull().default(0),
    mileageAt: timestamp({ withTimezone: true }),
    /** the last visit to the workshop (set by the service module); churn and "effective customer" count from it */
    lastVisitAt: timestamp({ withTimezone: true }),
    createdBy: uuid().references(() => appUser.id),
    createdAt: createdAt(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // the vehicle list's default order (newest first) page by page without sorting the store's cars; its total
    // counted from the index alone
    index('vehicle_store_list_idx').on(t.storeId, t.createdAt.desc().nullsFirst(), t.id),
    index('vehicle_owner_idx').on(t.ownerId),
    index('vehicle_user_idx').on(t.userId),
    // any part of a VIN (6 characters or more), inside a store (btree_gin lets the store lead a trigram index)
    index('vehicle_vin_trgm_idx').using('gin', t.storeId, trgm({ name: 'vin' })),
    // any part of a plate from two characters (trigrams need three): the plate's character pairs, as for names
    index('vehicle_plate_gram_idx').using('gin', t.storeId, sql`search_bigrams(plate)`),
  ],
);

/** Odometer readings over time; a lower reading than the last needs an explanation. */
export const vehicleMileage = pgTable(
  'vehicle_mileage',
  {
    id: id(),
    vehicleId: uuid()
      .notNull()
      .references(() => vehicle.id),
    storeId: uuid()
      .notNull()
      .references(() => store.id),
    at: timestamp({ withTimezone: true }).notNull(),
    km: integer().notNull(),
    source: text().notNull().default('service'),
    note: text().notNull().default(''),
    createdBy: uuid().references(() => appUser.id),
    createdAt: createdAt(),
  },
  (t) => [index('vehicle_mileage_vehicle_idx').on(t.vehicleId, t.at)],
);

/** Who owned or used a vehicle, and when. */
export const vehicleOwnership = pgTable(
  'vehicle_ownership',
  {
    id: id(),
    vehicleId: uuid()
      .notNull()
      .references(() => vehicle.id),
    customerId: uuid()
      .notNull()
      .references(() => customer.id),
    role: text().notNull(),
    fromDate: date().notNull(),
    toDate: date(),
    createdAt: createdAt(),
  },
  (t) => [index('vehicle_ownership_vehicle_idx').on(t.vehicleId), index('vehicle_ownership_customer_idx').on(t.customerId)],
);

/** Follow-up records (跟踪服务电话/信函记录): done contacts, and planned ones that fill the care inbox. */
export const followUp = pgTable(
  'follow_up',
  {
    id: id(),
    storeId: uuid()
      .notNull()
      .references(() => store.id),
    customerId: uuid()
      .notNull()
      .references(() => customer.id),
    vehicleId: uuid().references(() => vehicle.id),
    /** planned (in the inbox until done) or done */
    status: text().notNull().default('done'),
    channel: text().notNull().default('phone'),
    purpose: text().notNull().default('other'),
    /** a followup_outcome dictionary code */
    outcome: text().notNull().default(''),
    content: text().notNull().default(''),
    satisfaction: smallint(),
    dueDate: date(),
    doneAt: timestamp({ withTimezone: true }),
    nextContactDate: date(),
    assignedTo: uuid().references(() => appUser.id),
    createdBy: uuid().references(() => appUser.id),
    createdAt: createdAt(),
  },
  (t) => [index('follow_up_customer_idx').on(t.customerId, t.createdAt), index('follow_up_inbox_idx').on(t.storeId, t.status, t.dueDate)],
);

/** Complaints (投诉/抱怨, seed 003 "zero tolerance"): a 24-hour handling clock from receipt, then escalation. */
export const complaint = pgTable(
  'complaint',
  {
    id: id(),
    storeId: uuid()
      .notNull()
      .references(() => store.id),
    number: text().notNull(),
    customerId: uuid()
      .notNull()
      .references(() => customer.id),
    vehicleId: uuid().references(() => vehicle.id),
    /** a complaint_type dictionary code */
    type: text().notNull(),
    severity: text().notNull().default('medium'),
    channel: text().notNull().default('phone'),
    againstUserId: uuid().references(() => appUser.id),
    againstText: text().notNull().default(''),
    description: text().notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull(),
    dueAt: timestamp({ withTimezone: true }).notNull(),
    /** open → (escalated) → resolved */
    status: text().notNull().default('open'),
    escalatedAt: timestamp({ withTimezone: true }),
    resolution: text().notNull().default(''),
    resolvedAt: timestamp({ withTimezone: true }),
    resolvedBy: uuid().references(() => appUser.id),
    satisfied: boolean(),
    satisfactionScore: smallint(),
    createdBy: uuid().references(() => appUser.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('complaint_store_status_idx').on(t.storeId, t.status, t.dueAt),
    // the group-wide escalation check before every complaint read: the few open cases by deadline
    index('complaint_status_due_idx').on(t.status, t.dueAt),
    index('complaint_customer_idx').on(t.customerId),
    index('complaint_number_idx').on(t.storeId, t.number),
    // the store's complaint list, newest first (received_at DESC, id DESC): read backwards, a page without sorting
    index('complaint_store_list_idx').on(t.storeId, t.receivedAt, t.id),
  ],
);

/** Who looked after a customer, and when it changed (专属服务顾问 / sales consultant). */
export const customerAssignment = pgTable(
  'customer_assignment',
  {
    id: id(),
    storeId: uuid()
      .notNull()
      .references(() => store.id),
    customerId: uuid()
      .notNull()
      .references(() => customer.id),
    role: text().notNull(),
    fromUserId: uuid().references(() => appUser.id),
    toUserId: uuid().references(() => appUser.id),
    reason: text().notNull().default(''),
    byUserId: uuid().references(() => appUser.id),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('customer_assignment_customer_idx').on(t.customerId, t.at)],
);
