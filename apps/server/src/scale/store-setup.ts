/**
 * The organisation of a generated store, before any plug-in runs: the store row, its departments, workshop bays,
 * teams, warehouses and bins, settings, and one user per store role (`advisor.s001` …) with the demo password.
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
}): Record<StoreRoleCode, ScaleUser> {
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
  const userRows = [];
  const roleRows = [];
  for (const role of storeRoleCodes) {
    const user: ScaleUser = { id: id('app_user'), username: `${demoUserShortNames[role]}.${def.code.toLowerCase()}`, role };
    users[role] = user;
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
  return users;
}
