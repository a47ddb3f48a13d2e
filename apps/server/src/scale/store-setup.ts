/**
 * The organisation of a generated store, before any plug-in runs: the store row, its departments, workshop bays,
 * teams, warehouses and bins, settings, and its staff with the demo password: one user per store role
 * (`advisor.s001` …), and as many service advisors and sales consultants as a mid-size 4S store has
 * (`advisor2.s001` … `advisor6.s001`, `sales2.s001` … `sales8.s001`), who share the store's customers between them.
 * Built from the same definitions as the demo stores (demo/seed.ts).
 */
import { appUser, department, store, storeSetting, userRole } from '../kernel/kernel.schema.js';
import { groupRoleCodes, roleDefinitions } from '../kernel/roles.js';
import { serviceBay, team } from '../modules/admin/admin.schema.js';
import { bin, warehouse } from '../modules/masterdata/masterdata.schema.js';
import {
  demoUserShortNames,
  departmentOfRole,
  storeBays,
  storeBins,
  storeDepartments,
  storeSettingsFor,
  storeTeams,
  storeWarehouses,
} from '../demo/seed.js';
import { chineseName, mobilePhone } from '../demo/data/people.js';
import type { Rng } from '../demo/data/rng.js';
import type { ScaleUser, StoreRoleCode } from './plugin.js';
import type { GroupSnapshot } from './plugin.js';
import type { ScaleStoreDef } from './stores.js';
import type { PgTable } from 'drizzle-orm/pg-core';

/** Users of a role in a generated store where a mid-size 4S store has more than one (every other role: one). */
export const STAFF_PER_ROLE: Partial<Record<StoreRoleCode, number>> = { service_advisor: 6, sales_consultant: 8 };

/** A generated store's users: the first of each role (`users`), and every user of each role (`staff`). */
export type StoreStaff = {
  users: Record<StoreRoleCode, ScaleUser>;
  staff: Record<StoreRoleCode, ScaleUser[]>;
};

export const storeRoleCodes = roleDefinitions.map((r) => r.code).filter((c) => !groupRoleCodes.includes(c)) as StoreRoleCode[];

/** The tables the store set-up writes. */
export const storeSetupTables: readonly PgTable[] = [store, department, appUser, userRole, serviceBay, team, warehouse, bin, storeSetting];

export function storeSetup(input: {
  storeId: string;
  def: ScaleStoreDef;
  group: GroupSnapshot;
  rng: Rng;
  /** one scrypt hash of the demo password, shared by every generated user */
  passwordHash: string;
  openedAt: Date;
  id: (table: string) => string;
  insert: (table: PgTable, rows: readonly Record<string, unknown>[]) => void;
}): StoreStaff {
  const { def, storeId, id, insert } = input;
  insert(store, [
    {
      id: storeId,
      groupId: input.group.groupId,
      code: def.code,
      name: def.name,
      shortName: def.shortName,
      province: def.province,
      city: def.city,
      plateProvince: def.plateProvince,
      plateLetter: def.plateLetter,
      address: def.address,
      phone: def.phone,
      timezone: def.timezone,
      createdAt: input.openedAt,
    },
  ]);
  const departments = storeDepartments.map((d) => ({ id: id('department'), storeId, ...d, createdAt: input.openedAt }));
  insert(department, departments);
  insert(
    serviceBay,
    storeBays.map((b) => ({ id: id('service_bay'), storeId, ...b })),
  );
  insert(
    team,
    storeTeams.map((t) => ({ id: id('team'), storeId, ...t })),
  );
  const warehouses = storeWarehouses.map((w) => ({ id: id('warehouse'), storeId, ...w }));
  insert(warehouse, warehouses);
  insert(
    bin,
    storeBins.map(({ warehouseCode, ...b }) => ({
      id: id('bin'),
      storeId,
      warehouseId: warehouses.find((w) => w.code === warehouseCode)!.id,
      ...b,
    })),
  );
  insert(storeSetting, [
    { storeId, settings: storeSettingsFor(def, new Map(Object.entries(input.group.repairTypeIds))), updatedAt: input.openedAt },
  ]);

  const users = {} as Record<StoreRoleCode, ScaleUser>;
  const staff = Object.fromEntries(storeRoleCodes.map((role) => [role, [] as ScaleUser[]])) as Record<StoreRoleCode, ScaleUser[]>;
  const userRows = [];
  const roleRows = [];
  // the first user of every role, then the other advisors and consultants (the first users keep their rows)
  const seats = [
    ...storeRoleCodes.map((role) => ({ role, n: 1 })),
    ...storeRoleCodes.flatMap((role) => Array.from({ length: (STAFF_PER_ROLE[role] ?? 1) - 1 }, (_, i) => ({ role, n: i + 2 }))),
  ];
  for (const { role, n } of seats) {
    const user: ScaleUser = {
      id: id('app_user'),
      username: `${demoUserShortNames[role]}${n > 1 ? n : ''}.${def.code.toLowerCase()}`,
      role,
    };
    if (n === 1) users[role] = user;
    staff[role].push(user);
    userRows.push({
      id: user.id,
      username: user.username,
      displayName: chineseName(input.rng),
      phone: mobilePhone(input.rng),
      passwordHash: input.passwordHash,
      departmentId: departments.find((d) => d.code === departmentOfRole(role))!.id,
      passwordChangedAt: input.openedAt,
      createdAt: input.openedAt,
      updatedAt: input.openedAt,
    });
    const roleId = input.group.roleIds[role];
    if (!roleId) throw new Error(`scale: role ${role} is not seeded`);
    roleRows.push({ userId: user.id, storeId, roleId });
  }
  insert(appUser, userRows);
  insert(userRole, roleRows);
  return { users, staff };
}
