import type { Locale } from '../../shared/api/client';

export type Store = {
  id: string;
  code: string;
  name: string;
  shortName: string;
  province: string | null;
  city: string | null;
  plateProvince: string | null;
  plateLetter: string | null;
  address: string | null;
  phone: string | null;
  timezone: string;
  active: boolean;
};

export type Group = { id?: string; name: string; code: string };

export type Department = { id: string; code: string; name: string; active: boolean };

export type RoleAssignment = { storeId: string; storeName: string; roleId: string; roleCode?: string; roleName: string };

export type User = {
  id: string;
  username: string;
  displayName: string;
  phone: string | null;
  locale: Locale;
  active: boolean;
  departmentId: string | null;
  roles: RoleAssignment[];
};

export type DataScope = 'own' | 'store' | 'stores' | 'group';
export const DATA_SCOPES: readonly DataScope[] = ['own', 'store', 'stores', 'group'];

export type Role = {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  dataScope: DataScope;
  permissions: string[];
  /** Seeded roles */
  system?: boolean;
};

export type Permission = { code: string; module: string; resource: string; action: string };

export type StoreSettings = {
  businessHours: { open: string; close: string };
  labourRates: { repairTypeId: string; rateFen: number }[];
  approvalThresholds: { discountPercent: number; refundFen: number; stockAdjustFen: number; purchaseFen: number };
  printHeader: { title: string; address: string; phone: string; footer: string };
  /** Optional workflow steps switched off in this store; kept as is by this page. */
  disabledSteps?: string[];
};

export const BAY_KINDS = ['general', 'quick', 'body', 'paint', 'wash', 'alignment'] as const;
export type BayKind = (typeof BAY_KINDS)[number];

export type ServiceBay = { id: string; code: string; name: string; kind: BayKind; active: boolean };
export type Team = { id: string; code: string; name: string; active: boolean };

export type AuditLog = {
  id: string;
  at: string;
  username: string | null;
  storeId: string | null;
  storeName: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  success: boolean;
  ip: string | null;
  before: unknown;
  after: unknown;
};
