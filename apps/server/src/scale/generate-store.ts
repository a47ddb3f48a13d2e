/**
 * Generating one store: a pure function of the job (seed, store index, history, sizing and the group snapshot) —
 * no database, no clock, no Math.random — so it runs the same in the main thread or in a generator thread, and
 * store i is the same whether 1 or 100 stores are generated. The result is the store's rows in COPY format.
 */
import { performance } from 'node:perf_hooks';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { createRng } from '../demo/data/rng.js';
import { createFieldCipher, type FieldCipher } from '../kernel/field-cipher.js';
import { chinaInstant, createDayCalendar, DAY_MS, type DayCalendar } from './calendar.js';
import { createCopyCollector, type CopyTable } from './copy.js';
import { createIdFactory, hash32 } from './ids.js';
import type { GroupSnapshot, ScalePlugin, StoreContext, StoreState } from './plugin.js';
import { storeSetup } from './store-setup.js';
import { scaleStore } from './stores.js';

export type StoreJob = {
  seed: number;
  years: number;
  /** 'YYYY-MM-DD' */
  today: string;
  vehiclesPerYear: number;
  /** 0-based: S001 is 0 */
  index: number;
  group: GroupSnapshot;
  passwordHash: string;
  /** base64 of the 32-byte data key (resident IDs are encrypted with it) */
  dataKey: string;
  /** prepare() results by plug-in name */
  shared: Record<string, unknown>;
};

export type StoreBatch = { index: number; code: string; tables: CopyTable[]; rows: number; generateMs: number };

/** Noon in China of a 'YYYY-MM-DD' day: the `today` instant of a scale run (and of its demo group). */
export const todayInstant = (iso: string): Date => new Date(`${iso}T04:00:00.000Z`);

/** A seed for one stream: a function of the run's seed, the store and the stream's name only. */
export function streamSeed(seed: number, index: number, name: string): number {
  return hash32(`${seed}/${index}/${name}`);
}

const calendars = new Map<string, DayCalendar>();
const ciphers = new Map<string, FieldCipher>();
const idColumns = new WeakMap<PgTable, { name: string; hasId: boolean }>();

function tableInfo(table: PgTable) {
  let info = idColumns.get(table);
  if (!info) {
    const config = getTableConfig(table);
    info = { name: config.name, hasId: config.columns.some((c) => c.name === 'id' && c.primary) };
    idColumns.set(table, info);
  }
  return info;
}

export async function generateStore(job: StoreJob, plugins: readonly ScalePlugin[]): Promise<StoreBatch> {
  const started = performance.now();
  const def = scaleStore(job.index);
  const today = todayInstant(job.today);
  const calendarKey = `${job.today}/${job.years}`;
  let calendar = calendars.get(calendarKey);
  if (!calendar) calendars.set(calendarKey, (calendar = createDayCalendar(today, job.years)));
  let cipher = ciphers.get(job.dataKey);
  if (!cipher) ciphers.set(job.dataKey, (cipher = createFieldCipher(Buffer.from(job.dataKey, 'base64'))));

  const id = createIdFactory(Date.parse(`${job.today}T00:00:00Z`) + DAY_MS, job.index + 1);
  const collector = createCopyCollector();
  const rows: Record<string, number> = {};
  const insert = (table: PgTable, batch: readonly Record<string, unknown>[]) => {
    const info = tableInfo(table);
    if (info.hasId) for (const r of batch) if (r.id === undefined) (r as { id?: string }).id = id(info.name);
    collector.write(table, batch);
    rows[info.name] = (rows[info.name] ?? 0) + batch.length;
  };

  const storeId = id('store');
  const { users, staff } = storeSetup({
    storeId,
    def,
    group: job.group,
    rng: createRng(streamSeed(job.seed, job.index, 'store')),
    passwordHash: job.passwordHash,
    // the store has been open since before the history starts
    openedAt: new Date(chinaInstant(calendar.firstDay - 30, 9 * 3600)),
    id,
    insert,
  });

  const state: StoreState = { customers: [], vehicles: [] };
  for (const plugin of plugins) {
    const ctx: StoreContext = {
      seed: job.seed,
      years: job.years,
      today,
      store: { id: storeId, index: job.index, def },
      group: job.group,
      users,
      staff,
      rng: createRng(streamSeed(job.seed, job.index, plugin.name)),
      calendar,
      cipher,
      scale: { vehiclesPerYear: job.vehiclesPerYear },
      shared: job.shared[plugin.name],
      state,
      id,
      insert,
      rows,
    };
    await plugin.generate(ctx);
  }
  const tables = collector.take();
  return {
    index: job.index,
    code: def.code,
    tables,
    rows: tables.reduce((n, t) => n + t.rows, 0),
    generateMs: performance.now() - started,
  };
}
