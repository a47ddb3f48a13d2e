import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { RequestContext } from './context.js';
import { AppError } from './errors.js';

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
