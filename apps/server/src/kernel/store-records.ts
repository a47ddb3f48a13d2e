import type { Database } from './db.js';
import type { RequestContext } from './context.js';

/**
 * How to tell whether a store-owned record addressed by id is within a user's reach. Routes name the kind in
 * `config.storeRecord`; the auth hook answers 404 for a record outside the user's stores before anything else
 * runs, so no handler can forget to. A table with a `store_id` column needs no registration.
 */
export type StoreRecordKind = {
  visible(database: Database, ctx: RequestContext, id: string): Promise<boolean>;
  /** ids of records that belong to `storeId` only (tooling and the access-matrix test) */
  idsOfStore(database: Database, storeId: string, limit: number): Promise<string[]>;
};

const IDENT = /^[a-z_][a-z0-9_]*$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (s: string) => UUID.test(s);

export function tableWithStoreId(table: string): StoreRecordKind {
  if (!IDENT.test(table)) throw new Error(`bad table name ${table}`);
  return {
    async visible(database, ctx, id) {
      const rows = await database.query(`SELECT 1 FROM ${table} WHERE id = $1 AND store_id = ANY($2::uuid[])`, [id, ctx.visibleStoreIds]);
      return rows.length > 0;
    },
    async idsOfStore(database, storeId, limit) {
      const rows = await database.query<{ id: string }>(`SELECT id FROM ${table} WHERE store_id = $1 ORDER BY id LIMIT ${Number(limit)}`, [
        storeId,
      ]);
      return rows.map((r) => r.id);
    },
  };
}

export type StoreRecordRegistry = {
  register(name: string, kind: StoreRecordKind): void;
  get(name: string): StoreRecordKind;
};

export function createStoreRecordRegistry(): StoreRecordRegistry {
  const kinds = new Map<string, StoreRecordKind>();
  return {
    register(name, kind) {
      kinds.set(name, kind);
    },
    get(name) {
      let kind = kinds.get(name);
      if (!kind) {
        kind = tableWithStoreId(name);
        kinds.set(name, kind);
      }
      return kind;
    },
  };
}
