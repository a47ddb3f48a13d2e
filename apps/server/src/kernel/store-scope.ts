import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { RequestContext } from './context.js';
import type { Executor } from './db.js';
import { AppError } from './errors.js';
import { store } from './kernel.schema.js';

/** How a table is owned: its store column, and for 'own' data scope, the column naming the owning user. */
export type StoreOwned = { storeId: PgColumn; ownerId?: PgColumn };

/**
 * The stores a list shows. By default the current store; a user whose data scope reaches further may ask for
 * `all` (every store they may see) or one of those stores by id. Asking for any other store is refused.
 */
export function listStoreIds(ctx: RequestContext, requested?: string): readonly string[] {
  if (!requested || requested === ctx.storeId) return [ctx.storeId];
  if (requested === 'all') return ctx.visibleStoreIds;
  if (ctx.visibleStoreIds.includes(requested)) return [requested];
  throw new AppError('forbidden', 'auth.store_not_allowed');
}

/** The WHERE condition that every query of store-owned rows goes through. */
export function storeScope(ctx: RequestContext, table: StoreOwned, requested?: string): SQL {
  const ids = listStoreIds(ctx, requested);
  const byStore = ids.length === 1 ? eq(table.storeId, ids[0]!) : inArray(table.storeId, [...ids]);
  if (ctx.dataScope === 'own' && table.ownerId) return and(byStore, eq(table.ownerId, ctx.user.id))!;
  return byStore;
}

/** For reading or changing one record by id: any store the user may see (others → 404, never 403). */
export function recordScope(ctx: RequestContext, table: StoreOwned): SQL {
  const ids = ctx.visibleStoreIds;
  const byStore = ids.length === 1 ? eq(table.storeId, ids[0]!) : inArray(table.storeId, [...ids]);
  if (ctx.dataScope === 'own' && table.ownerId) return and(byStore, eq(table.ownerId, ctx.user.id))!;
  return byStore;
}

/** A store id sent by a client is honoured only when the user may act in that store. */
export function assertStoreAllowed(ctx: RequestContext, storeId: string): void {
  if (!ctx.visibleStoreIds.includes(storeId)) throw new AppError('forbidden', 'auth.store_not_allowed');
}

/**
 * Short names of stores, for lists that show each record's store without joining the store table: from the session
 * (every store of the group when it was loaded); a store it does not know yet (created since, by another server
 * process) is read from the database.
 */
export async function storeShortNames(
  exec: Executor,
  ctx: RequestContext,
  storeIds: Iterable<string>,
): Promise<ReadonlyMap<string, string>> {
  const missing = [...new Set(storeIds)].filter((id) => !ctx.storeNames.has(id));
  if (missing.length === 0) return ctx.storeNames;
  const rows = await exec.select({ id: store.id, shortName: store.shortName }).from(store).where(inArray(store.id, missing));
  return new Map([...ctx.storeNames, ...rows.map((r) => [r.id, r.shortName] as const)]);
}
