/**
 * The plug-in contract of the scale generator. A plug-in generates one kind of documents for one store at a time
 * from a StoreContext, and writes its rows through `ctx.insert`; it never touches the database. Plug-ins run in
 * registry order (plugins/index.ts), each with its own random stream, so adding a plug-in at the end changes nothing
 * that the earlier ones generate. See README.md in this folder for how to add one.
 */
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DemoMileageReading } from '../demo/data/customers.js';
import type { Rng } from '../demo/data/rng.js';
import type { CatalogueEntry } from '../demo/seed.js';
import type { Database } from '../kernel/db.js';
import type { FieldCipher } from '../kernel/field-cipher.js';
import type { RoleCode } from '../kernel/roles.js';
import type { DayCalendar } from './calendar.js';
import type { ScaleStoreDef } from './stores.js';

/** The roles every generated store has one user of (the group roles live in the demo's first store). */
export type StoreRoleCode = Exclude<RoleCode, 'group_management' | 'system_admin'>;

export type ScaleUser = { id: string; username: string; role: StoreRoleCode };

/**
 * What generation needs from the database, read once per run after the demo group is seeded. Plain data: it is
 * sent to the generator thread.
 */
export type GroupSnapshot = {
  groupId: string;
  /** role code → id */
  roleIds: Record<string, string>;
  /** repair type code → id */
  repairTypeIds: Record<string, string>;
  /** the FAW-VW configurations with their model, series and brand ids */
  catalogue: CatalogueEntry[];
};

/** A customer file of the store, as the customers plug-in produced it. */
export type ScaleCustomer = {
  id: string;
  kind: 'person' | 'company';
  phone: string;
  createdAt: Date;
  advisorId: string | null;
  consultantId: string | null;
};

/** A vehicle of the store with its odometer readings ('YYYY-MM-DD', km, source): every `service` reading is a workshop visit. */
export type ScaleVehicle = {
  id: string;
  vin: string;
  plate: string | null;
  ownerId: string;
  userId: string | null;
  configurationCode: string;
  modelYear: number;
  /** 'YYYY-MM-DD' when sold by this store */
  saleDate: string | null;
  soldHere: boolean;
  readings: readonly DemoMileageReading[];
};

/** What earlier plug-ins leave for later ones (shared by reference between the plug-ins of one store). */
export type StoreState = {
  customers: ScaleCustomer[];
  vehicles: ScaleVehicle[];
};

export type StoreContext = {
  readonly seed: number;
  readonly years: number;
  /** noon (China time) of the day the history ends before */
  readonly today: Date;
  readonly store: { readonly id: string; readonly index: number; readonly def: ScaleStoreDef };
  readonly group: GroupSnapshot;
  /** the store's user of each store role, e.g. users.service_advisor.username === 'advisor.s001' */
  readonly users: Readonly<Record<StoreRoleCode, ScaleUser>>;
  /** every user of each store role, the first being `users[role]`: 6 service advisors, 8 sales consultants */
  readonly staff: Readonly<Record<StoreRoleCode, readonly ScaleUser[]>>;
  /** this plug-in's own random stream for this store: a function of (seed, store index, plug-in name) only */
  readonly rng: Rng;
  /** the days of the history with seasonality weights; Poisson counts per day */
  readonly calendar: DayCalendar;
  readonly cipher: FieldCipher;
  /** sizing: ≈ vehiclesPerYear vehicles sold or first serviced per year of history (5,000 for a mid-size 4S store) */
  readonly scale: { readonly vehiclesPerYear: number };
  /** this plug-in's prepare() result */
  readonly shared: unknown;
  readonly state: StoreState;
  /** A new deterministic primary key for a row of `table` (its SQL name). */
  id(table: string): string;
  /** Queue rows for loading (property names as in the drizzle table; a missing `id` gets ctx.id). */
  insert(table: PgTable, rows: readonly Record<string, unknown>[]): void;
  /** Rows queued so far for this store, by table. */
  readonly rows: Readonly<Record<string, number>>;
};

export type ScalePlugin = {
  /** Unique; names the plug-in's random stream, so renaming one changes its data. */
  name: string;
  /** The tables it writes: their secondary indexes are dropped during a big load and rebuilt after it. */
  tables: readonly PgTable[];
  /** Read what generate needs from the database, once per run (plain, structured-cloneable data). */
  prepare?(database: Database): Promise<unknown>;
  generate(ctx: StoreContext): void | Promise<void>;
};
