import { DatabaseOutlined } from '@ant-design/icons';
import type { WebModule } from '../../app/modules';

// 基础数据 master data: group-wide catalogues and the store's warehouses.
export const masterdataModule: WebModule = {
  key: 'masterdata',
  label: 'menu.masterdata',
  icon: <DatabaseOutlined />,
  rank: 20,
  pages: [
    {
      path: '/masterdata/vehicle-models',
      label: 'menu.masterdata.vehicleModels',
      permission: 'masterdata.vehicle-model.read',
      load: () => import('./pages/VehicleModelsPage').then((m) => m.VehicleModelsPage),
    },
    {
      path: '/masterdata/labour-operations',
      label: 'menu.masterdata.labourOperations',
      permission: 'masterdata.labour-operation.read',
      load: () => import('./pages/LabourOperationsPage').then((m) => m.LabourOperationsPage),
    },
    {
      path: '/masterdata/parts',
      label: 'menu.masterdata.parts',
      permission: 'masterdata.part.read',
      load: () => import('./pages/PartsPage').then((m) => m.PartsPage),
    },
    {
      path: '/masterdata/suppliers',
      label: 'menu.masterdata.suppliers',
      permission: 'masterdata.supplier.read',
      load: () => import('./pages/SuppliersPage').then((m) => m.SuppliersPage),
    },
    {
      path: '/masterdata/warehouses',
      label: 'menu.masterdata.warehouses',
      permission: 'masterdata.warehouse.read',
      load: () => import('./pages/WarehousesPage').then((m) => m.WarehousesPage),
    },
    {
      path: '/masterdata/repair-types',
      label: 'menu.masterdata.repairTypes',
      permission: 'masterdata.repair-type.read',
      load: () => import('./pages/SimpleCataloguePages').then((m) => m.RepairTypesPage),
    },
    {
      path: '/masterdata/payment-methods',
      label: 'menu.masterdata.paymentMethods',
      permission: 'masterdata.payment-method.read',
      load: () => import('./pages/SimpleCataloguePages').then((m) => m.PaymentMethodsPage),
    },
    {
      path: '/masterdata/insurers',
      label: 'menu.masterdata.insurers',
      permission: 'masterdata.insurer.read',
      load: () => import('./pages/SimpleCataloguePages').then((m) => m.InsurersPage),
    },
    {
      path: '/masterdata/dictionaries',
      label: 'menu.masterdata.dictionaries',
      permission: 'masterdata.dictionary.read',
      load: () => import('./pages/DictionariesPage').then((m) => m.DictionariesPage),
    },
  ],
};
