import { sql } from 'drizzle-orm';
import { bigint, boolean, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from './ids.js';

const id = () =>
  uuid()
    .primaryKey()
    .$defaultFn(() => uuidv7());
const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();

/** The dealer group (集团) this deployment belongs to: exactly one row. */
export const dealerGroup = pgTable('dealer_group', {
  id: id(),
  code: text().notNull(),
  name: text().notNull(),
  createdAt: createdAt(),
});

/** A store (门店); every business record belongs to one. */
export const store = pgTable('store', {
  id: id(),
  groupId: uuid()
    .notNull()
    .references(() => dealerGroup.id),
  code: text().notNull().unique(),
  name: text().notNull(),
  shortName: text().notNull(),
  province: text().notNull().default(''),
  city: text().notNull().default(''),
  plateProvince: text().notNull().default(''),
  plateLetter: text().notNull().default(''),
  address: text().notNull().default(''),
  phone: text().notNull().default(''),
  timezone: text().notNull().default('Asia/Shanghai'),
  active: boolean().notNull().default(true),
  createdAt: createdAt(),
});

export const department = pgTable(
  'department',
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
  (t) => [uniqueIndex('department_store_code_uq').on(t.storeId, t.code)],
);

export const appUser = pgTable('app_user', {
  id: id(),
  username: text().notNull().unique(),
  displayName: text().notNull(),
  phone: text().notNull().default(''),
  passwordHash: text().notNull(),
  locale: text().notNull().default('zh-CN'),
  active: boolean().notNull().default(true),
  departmentId: uuid().references(() => department.id),
  passwordChangedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  createdAt: createdAt(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** data_scope: own records / the current store / the stores the user is assigned to / the whole group. */
export const role = pgTable('role', {
  id: id(),
  code: text().notNull().unique(),
  name: text().notNull(),
  nameEn: text().notNull(),
  dataScope: text().notNull().default('store'),
  permissions: text()
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  system: boolean().notNull().default(false),
  createdAt: createdAt(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** A user holds roles per store; the stores a user may switch to are the stores with an assignment. */
export const userRole = pgTable(
  'user_role',
  {
    userId: uuid()
      .notNull()
      .references(() => appUser.id),
    storeId: uuid()
      .notNull()
      .references(() => store.id),
    roleId: uuid()
      .notNull()
      .references(() => role.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.storeId, t.roleId] })],
);

/** Server-side sessions; the cookie carries a random token, the table only its SHA-256. */
export const session = pgTable(
  'session',
  {
    tokenHash: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => appUser.id),
    storeId: uuid()
      .notNull()
      .references(() => store.id),
    csrfToken: text().notNull(),
    ip: text().notNull().default(''),
    userAgent: text().notNull().default(''),
    createdAt: createdAt(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('session_user_idx').on(t.userId)],
);

/** Append-only: a trigger (migration 0001) refuses UPDATE and DELETE. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    userId: uuid(),
    username: text().notNull().default(''),
    storeId: uuid(),
    action: text().notNull(),
    entityType: text().notNull().default(''),
    entityId: text().notNull().default(''),
    success: boolean().notNull().default(true),
    ip: text().notNull().default(''),
    before: jsonb(),
    after: jsonb(),
    detail: jsonb(),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_action_at_idx').on(t.action, t.at),
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
  ],
);

/** Per store, document type and business day: the last number handed out (行号). */
export const docSequence = pgTable(
  'doc_sequence',
  {
    storeId: uuid()
      .notNull()
      .references(() => store.id),
    docType: text().notNull(),
    day: text().notNull(),
    last: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.docType, t.day] })],
);

/** Store settings as one validated document (see store-settings contract). */
export const storeSetting = pgTable('store_setting', {
  storeId: uuid()
    .primaryKey()
    .references(() => store.id),
  settings: jsonb().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
