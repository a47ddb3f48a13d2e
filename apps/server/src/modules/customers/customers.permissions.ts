import type { PermissionDef } from '../../kernel/permissions.js';
import type { RoleCode } from '../../kernel/roles.js';

// Customers and vehicles (客户管理 / 用户档案). Front-line roles read the files; personal data stays masked
// unless the role may reveal it, and every reveal and export is audited.
const front: RoleCode[] = ['service_advisor', 'sales_consultant', 'customer_care'];
const managers: RoleCode[] = ['general_manager', 'service_manager', 'sales_manager', 'group_management'];
const readers: RoleCode[] = [
  ...front,
  ...managers,
  'workshop_manager',
  'team_leader',
  'technician',
  'qc_inspector',
  'warranty_clerk',
  'cashier',
  'accountant',
];

export const customersPermissions: readonly PermissionDef[] = [
  { code: 'customers.search.use', roles: readers },
  { code: 'customers.customer.read', roles: readers },
  { code: 'customers.customer.create', roles: [...front, 'service_manager', 'sales_manager'] },
  { code: 'customers.customer.update', roles: [...front, 'service_manager', 'sales_manager'] },
  { code: 'customers.customer.reveal', roles: [...front, ...managers] },
  { code: 'customers.customer.export', roles: ['general_manager', 'service_manager', 'sales_manager', 'group_management'] },
  { code: 'customers.customer.merge', roles: ['service_manager', 'sales_manager', 'general_manager'] },
  { code: 'customers.customer.assign', roles: ['service_manager', 'sales_manager', 'general_manager'] },
  { code: 'customers.customer.anonymise', roles: ['general_manager'] },
  { code: 'customers.customer.import', roles: ['service_manager', 'sales_manager', 'general_manager'] },
  { code: 'customers.vehicle.read', roles: readers },
  { code: 'customers.vehicle.create', roles: [...front, 'service_manager', 'sales_manager'] },
  { code: 'customers.vehicle.update', roles: [...front, 'service_manager', 'sales_manager', 'workshop_manager'] },
  { code: 'customers.vehicle.unverified-plate', roles: ['service_manager', 'sales_manager'] },
  { code: 'customers.vehicle.export', roles: ['general_manager', 'service_manager', 'sales_manager', 'group_management'] },
  { code: 'customers.follow-up.read', roles: readers },
  { code: 'customers.follow-up.create', roles: [...front, 'service_manager', 'sales_manager'] },
  { code: 'customers.complaint.read', roles: [...front, ...managers] },
  { code: 'customers.complaint.create', roles: [...front, ...managers] },
  { code: 'customers.complaint.resolve', roles: ['customer_care', 'service_manager', 'sales_manager', 'general_manager'] },
  // escalated complaints reach these inboxes (seed 003: customer-care manager and service manager)
  { code: 'customers.complaint.escalation', roles: ['service_manager', 'general_manager'] },
];
