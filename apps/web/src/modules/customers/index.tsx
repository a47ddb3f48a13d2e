import { TeamOutlined } from '@ant-design/icons';
import type { WebModule } from '../../app/modules';

// 客户管理 customers and vehicles: first in the menu, the front desk lives here. Detail pages are matched after
// their list (the list stays selected in the menu while a record is open).
export const customersModule: WebModule = {
  key: 'customers',
  label: 'menu.customers',
  icon: <TeamOutlined />,
  rank: 5,
  pages: [
    {
      path: '/customers',
      label: 'menu.customers.customers',
      permission: 'customers.customer.read',
      load: () => import('./pages/CustomersPage').then((m) => m.CustomersPage),
    },
    {
      path: '/customers/inbox',
      label: 'menu.customers.inbox',
      permission: 'customers.follow-up.read',
      load: () => import('./pages/CareInboxPage').then((m) => m.CareInboxPage),
    },
    {
      path: '/customers/complaints',
      label: 'menu.customers.complaints',
      permission: 'customers.complaint.read',
      load: () => import('./pages/ComplaintsPage').then((m) => m.ComplaintsPage),
    },
    {
      path: '/customers/:id',
      label: 'menu.customers.customer',
      permission: 'customers.customer.read',
      hideInMenu: true,
      load: () => import('./pages/CustomerDetailPage').then((m) => m.CustomerDetailPage),
    },
    {
      path: '/vehicles',
      label: 'menu.customers.vehicles',
      permission: 'customers.vehicle.read',
      load: () => import('./pages/VehiclesPage').then((m) => m.VehiclesPage),
    },
    {
      path: '/vehicles/:id',
      label: 'menu.customers.vehicleFile',
      permission: 'customers.vehicle.read',
      hideInMenu: true,
      load: () => import('./pages/VehicleFilePage').then((m) => m.VehicleFilePage),
    },
  ],
};
