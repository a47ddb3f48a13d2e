import { SettingOutlined } from '@ant-design/icons';
import type { WebModule } from '../../app/modules';

// 系统管理 system administration. Pages load on demand.
export const adminModule: WebModule = {
  key: 'admin',
  label: 'menu.admin',
  icon: <SettingOutlined />,
  rank: 10,
  pages: [
    {
      path: '/admin/stores',
      label: 'menu.admin.stores',
      permission: 'admin.store.read',
      load: () => import('./pages/StoresPage').then((m) => m.StoresPage),
    },
    {
      path: '/admin/departments',
      label: 'menu.admin.departments',
      permission: 'admin.department.read',
      load: () => import('./pages/DepartmentsPage').then((m) => m.DepartmentsPage),
    },
    {
      path: '/admin/users',
      label: 'menu.admin.users',
      permission: 'admin.user.read',
      load: () => import('./pages/UsersPage').then((m) => m.UsersPage),
    },
    {
      path: '/admin/roles',
      label: 'menu.admin.roles',
      permission: 'admin.role.read',
      load: () => import('./pages/RolesPage').then((m) => m.RolesPage),
    },
    {
      path: '/admin/settings',
      label: 'menu.admin.settings',
      permission: 'admin.settings.read',
      load: () => import('./pages/StoreSettingsPage').then((m) => m.StoreSettingsPage),
    },
    {
      path: '/admin/service-bays',
      label: 'menu.admin.serviceBays',
      permission: 'admin.service-bay.read',
      load: () => import('./pages/ServiceBaysPage').then((m) => m.ServiceBaysPage),
    },
    {
      path: '/admin/teams',
      label: 'menu.admin.teams',
      permission: 'admin.team.read',
      load: () => import('./pages/TeamsPage').then((m) => m.TeamsPage),
    },
    {
      path: '/admin/audit-logs',
      label: 'menu.admin.auditLogs',
      permission: 'admin.audit.read',
      load: () => import('./pages/AuditLogsPage').then((m) => m.AuditLogsPage),
    },
  ],
};
