import type { PermissionDef } from '../../kernel/permissions.js';

// System administration (系统管理). The system administrator holds every permission; this table says who
// else does in the seeded role set. Managers of a store may read their organisation and settings.
const managers = ['general_manager', 'service_manager', 'sales_manager', 'parts_manager', 'group_management'] as const;

export const adminPermissions: readonly PermissionDef[] = [
  { code: 'admin.group.read', roles: ['general_manager', 'group_management'] },
  { code: 'admin.group.update', roles: [] },
  { code: 'admin.store.read', roles: ['general_manager', 'group_management'] },
  { code: 'admin.store.create', roles: [] },
  { code: 'admin.store.update', roles: [] },
  { code: 'admin.store.export', roles: ['group_management'] },
  { code: 'admin.department.read', roles: [...managers] },
  { code: 'admin.department.create', roles: ['general_manager'] },
  { code: 'admin.department.update', roles: ['general_manager'] },
  { code: 'admin.department.delete', roles: ['general_manager'] },
  { code: 'admin.department.export', roles: ['general_manager'] },
  { code: 'admin.user.read', roles: ['general_manager', 'group_management'] },
  { code: 'admin.user.create', roles: [] },
  { code: 'admin.user.update', roles: [] },
  { code: 'admin.user.disable', roles: [] },
  { code: 'admin.user.reset-password', roles: [] },
  { code: 'admin.user.assign-roles', roles: [] },
  { code: 'admin.user.export', roles: ['general_manager'] },
  { code: 'admin.role.read', roles: ['general_manager', 'group_management'] },
  { code: 'admin.role.create', roles: [] },
  { code: 'admin.role.update', roles: [] },
  { code: 'admin.settings.read', roles: [...managers, 'workshop_manager'] },
  { code: 'admin.settings.update', roles: ['general_manager', 'service_manager'] },
  { code: 'admin.service-bay.read', roles: [...managers, 'workshop_manager', 'service_advisor', 'team_leader'] },
  { code: 'admin.service-bay.create', roles: ['service_manager', 'workshop_manager'] },
  { code: 'admin.service-bay.update', roles: ['service_manager', 'workshop_manager'] },
  { code: 'admin.service-bay.delete', roles: ['service_manager'] },
  { code: 'admin.service-bay.export', roles: ['service_manager'] },
  { code: 'admin.team.read', roles: [...managers, 'workshop_manager', 'service_advisor', 'team_leader'] },
  { code: 'admin.team.create', roles: ['service_manager', 'workshop_manager'] },
  { code: 'admin.team.update', roles: ['service_manager', 'workshop_manager'] },
  { code: 'admin.team.delete', roles: ['service_manager'] },
  { code: 'admin.team.export', roles: ['service_manager'] },
  { code: 'admin.audit.read', roles: ['general_manager', 'group_management'] },
];
