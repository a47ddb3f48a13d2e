import type { PermissionDef } from '../../kernel/permissions.js';
import type { RoleCode } from '../../kernel/roles.js';

// Master data (基础数据): group-wide catalogues. Everyone who quotes, repairs or sells reads them; the parts
// manager keeps the parts side, the service manager the labour side; the system administrator holds all.
const sales: RoleCode[] = ['sales_manager', 'sales_consultant'];
const service: RoleCode[] = [
  'service_manager',
  'service_advisor',
  'workshop_manager',
  'team_leader',
  'technician',
  'qc_inspector',
  'warranty_clerk',
];
const parts: RoleCode[] = ['parts_manager', 'parts_clerk'];
const money: RoleCode[] = ['cashier', 'accountant'];
const managers: RoleCode[] = ['general_manager', 'group_management'];
const everyone: RoleCode[] = [...managers, ...sales, ...service, ...parts, ...money, 'customer_care'];

const crud = (resource: string, read: RoleCode[], write: RoleCode[], extra: Partial<Record<string, RoleCode[]>> = {}): PermissionDef[] => [
  { code: `masterdata.${resource}.read`, roles: read },
  { code: `masterdata.${resource}.create`, roles: write },
  { code: `masterdata.${resource}.update`, roles: write },
  { code: `masterdata.${resource}.delete`, roles: write },
  { code: `masterdata.${resource}.export`, roles: [...new Set([...write, ...managers])] },
  ...Object.entries(extra).map(([action, roles]) => ({ code: `masterdata.${resource}.${action}` as const, roles: roles ?? [] })),
];

export const masterdataPermissions: readonly PermissionDef[] = [
  ...crud('vehicle-model', everyone, [], { import: [] }),
  ...crud('repair-type', everyone, []),
  ...crud('labour-operation', everyone, ['service_manager'], { import: ['service_manager'] }),
  // Cost prices are for the parts and finance side and management only (a technician never sees them).
  ...crud('part', everyone, ['parts_manager'], {
    import: ['parts_manager'],
    'read-cost': ['parts_manager', 'parts_clerk', 'accountant', 'general_manager', 'group_management'],
    'store-price': ['parts_manager', 'general_manager'],
  }),
  ...crud('supplier', [...parts, ...managers, 'accountant'], ['parts_manager']),
  ...crud('warehouse', [...parts, ...managers, 'service_manager'], ['parts_manager']),
  ...crud('bin', [...parts, ...managers], ['parts_manager']),
  ...crud('payment-method', everyone, []),
  ...crud('insurer', everyone, []),
  ...crud('dictionary', everyone, []),
];
