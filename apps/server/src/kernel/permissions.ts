import type { RoleCode } from './roles.js';

/**
 * A permission is `module.resource.action`. Each module declares its own as a table a manager can review:
 * the action, and the roles that get it in the seeded role set.
 */
export type PermissionDef = {
  code: `${string}.${string}.${string}`;
  roles: readonly RoleCode[];
};

/** Route-level markers that are not permissions. */
export type RouteAccess = 'public' | 'authenticated';

export type PermissionRegistry = {
  all(): PermissionDef[];
  has(code: string): boolean;
  forRole(role: RoleCode): string[];
};

export function createPermissionRegistry(...tables: (readonly PermissionDef[])[]): PermissionRegistry {
  const byCode = new Map<string, PermissionDef>();
  for (const table of tables) {
    for (const def of table) {
      if (byCode.has(def.code)) throw new Error(`Permission ${def.code} is declared twice`);
      byCode.set(def.code, def);
    }
  }
  return {
    all: () => [...byCode.values()],
    has: (code) => byCode.has(code),
    forRole: (role) => [...byCode.values()].filter((d) => d.roles.includes(role) || role === 'system_admin').map((d) => d.code),
  };
}

export function splitPermission(code: string): { module: string; resource: string; action: string } {
  const [module = '', resource = '', ...rest] = code.split('.');
  return { module, resource, action: rest.join('.') };
}
