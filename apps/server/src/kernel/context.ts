import type { Locale } from '@sifang/shared/errors';
import type { Database } from './db.js';
import type { DataScope } from './roles.js';
import type { PermissionRegistry, RouteAccess } from './permissions.js';
import type { Config } from '../config.js';
import type { StoreRecordRegistry } from './store-records.js';
import type { FieldCipher } from './field-cipher.js';
import type { SessionCache } from './session.js';

/** Who is acting, in which store, with what rights: passed first to every service function. */
export type RequestContext = {
  user: { id: string; username: string; displayName: string; locale: Locale };
  storeId: string;
  groupId: string;
  permissions: ReadonlySet<string>;
  dataScope: DataScope;
  /** the stores whose records this user may read in the current store context */
  visibleStoreIds: readonly string[];
  /** the stores the user may switch to */
  assignedStoreIds: readonly string[];
  /** short names of the group's stores by id (loaded with the session), so lists need not join the store table */
  storeNames: ReadonlyMap<string, string>;
  sessionTokenHash: string;
  csrfToken: string;
  ip: string;
  locale: Locale;
  now: Date;
};

export type Clock = () => Date;

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    config: Config;
    clock: Clock;
    permissionRegistry: PermissionRegistry;
    storeRecords: StoreRecordRegistry;
    fieldCipher: FieldCipher;
    /** sessions loaded in the last seconds (kernel/session.ts) */
    sessionCache: SessionCache;
    /** every API route with its declared access, for the route-table tests and tooling */
    routeTable: RouteEntry[];
  }
  interface FastifyRequest {
    ctx: RequestContext | null;
    locale: Locale;
  }
  interface FastifyContextConfig {
    /** the permission this route needs, or 'public' / 'authenticated' */
    permission?: string | RouteAccess;
    /** for store-owned records addressed by :id, the table name (used by the access-matrix test) */
    storeRecord?: string;
    /** for group-level records addressed by :id, the table name (used by the fuzz test) */
    recordTable?: string;
  }
}

/** The context of an authenticated request; routes behind a permission always have one. */
export function requireCtx(ctx: RequestContext | null): RequestContext {
  if (!ctx) throw new Error('route without authentication reached a handler that needs it');
  return ctx;
}

export type RouteEntry = {
  method: string;
  url: string;
  permission: string;
  storeRecord?: string;
  recordTable?: string;
  /** the zod body schema, when the route takes JSON */
  body?: unknown;
};
