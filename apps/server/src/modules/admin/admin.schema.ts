import { boolean, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from '../../kernel/ids.js';
import { store } from '../../kernel/kernel.schema.js';

const id = () =>
  uuid()
    .primaryKey()
    .$defaultFn(() => uuidv7());
const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();

export const serviceBay = pgTable(
  'service_bay',
  {
    id: id(),
    storeId: uuid()
      .notNull()
      .references(() => store.id),
    code: text().notNull(),
    name: text().notNull(),
    kind: text().notNull().default('general'),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('service_bay_store_code_uq').on(t.storeId, t.code)],
);

/** Workshop team (班组). */
export const team = pgTable(
  'team',
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
  (t) => [uniqueIndex('team_store_code_uq').on(t.storeId, t.code)],
);
