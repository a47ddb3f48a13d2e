/** The roles of a 4S store and its group (spec/README.md), seeded at first start and editable afterwards. */
export const roleDefinitions = [
  { code: 'general_manager', name: '总经理', nameEn: 'General manager', dataScope: 'store' },
  { code: 'sales_manager', name: '销售经理', nameEn: 'Sales manager', dataScope: 'store' },
  { code: 'sales_consultant', name: '销售顾问', nameEn: 'Sales consultant', dataScope: 'own' },
  { code: 'service_manager', name: '服务经理', nameEn: 'Service manager', dataScope: 'store' },
  { code: 'service_advisor', name: '服务顾问', nameEn: 'Service advisor', dataScope: 'store' },
  { code: 'workshop_manager', name: '车间主管', nameEn: 'Workshop manager', dataScope: 'store' },
  { code: 'team_leader', name: '班组长', nameEn: 'Team leader', dataScope: 'store' },
  { code: 'technician', name: '维修技师', nameEn: 'Technician', dataScope: 'own' },
  { code: 'qc_inspector', name: '质检员', nameEn: 'QC inspector', dataScope: 'store' },
  { code: 'warranty_clerk', name: '索赔员', nameEn: 'Warranty clerk', dataScope: 'store' },
  { code: 'parts_manager', name: '配件经理', nameEn: 'Parts manager', dataScope: 'store' },
  { code: 'parts_clerk', name: '配件收发员', nameEn: 'Parts clerk', dataScope: 'store' },
  { code: 'customer_care', name: '客服专员', nameEn: 'Customer-care agent', dataScope: 'store' },
  { code: 'cashier', name: '收银员', nameEn: 'Cashier', dataScope: 'store' },
  { code: 'accountant', name: '财务', nameEn: 'Accountant', dataScope: 'store' },
  { code: 'group_management', name: '集团管理', nameEn: 'Group management', dataScope: 'group' },
  { code: 'system_admin', name: '系统管理员', nameEn: 'System administrator', dataScope: 'group' },
] as const;

export type RoleCode = (typeof roleDefinitions)[number]['code'];
export type DataScope = 'own' | 'store' | 'stores' | 'group';
export const dataScopes: readonly DataScope[] = ['own', 'store', 'stores', 'group'];
export const roleCodes = roleDefinitions.map((r) => r.code) as RoleCode[];

/** Group-level roles are assigned once (in the group's first store) and see every store. */
export const groupRoleCodes: readonly RoleCode[] = ['group_management', 'system_admin'];

const scopeRank: Record<DataScope, number> = { own: 0, store: 1, stores: 2, group: 3 };
export function widestScope(scopes: readonly string[]): DataScope {
  let best: DataScope = 'own';
  for (const s of scopes) if (s in scopeRank && scopeRank[s as DataScope] > scopeRank[best]) best = s as DataScope;
  return best;
}
