/**
 * Demo repair types (维修类型) from modules.md §2 and the store's default labour rates.
 * Labour price of an operation = standard hours × labour rate of its repair type (per store; these are defaults).
 */

export type RepairTypeCode =
  | 'MAINT'
  | 'MECH'
  | 'BODY'
  | 'PAINT'
  | 'ACCIDENT'
  | 'WARRANTY'
  | 'INTERNAL'
  | 'REWORK'
  | 'BEAUTY'
  | 'PDI';

export type DemoRepairType = { code: RepairTypeCode; name: string; nameEn: string };

export const demoRepairTypes: DemoRepairType[] = [
  { code: 'MAINT', name: '保养', nameEn: 'Maintenance' },
  { code: 'MECH', name: '机修', nameEn: 'Mechanical repair' },
  { code: 'BODY', name: '钣金', nameEn: 'Body work' },
  { code: 'PAINT', name: '喷漆', nameEn: 'Paint' },
  { code: 'ACCIDENT', name: '事故', nameEn: 'Accident repair' },
  { code: 'WARRANTY', name: '保修/索赔', nameEn: 'Warranty' },
  { code: 'INTERNAL', name: '内部', nameEn: 'Internal' },
  { code: 'REWORK', name: '返修', nameEn: 'Rework' },
  { code: 'BEAUTY', name: '美容', nameEn: 'Beauty/detailing' },
  { code: 'PDI', name: 'PDI', nameEn: 'PDI' },
];

/**
 * Default labour rate per hour in fen, by repair type.
 * Customer-paid work ¥180–¥260/h; warranty and PDI are paid by the OEM at its rate (¥150/h);
 * internal work (used cars, demo cars) is charged internally at cost rate; rework is charged to the
 * workshop internally at the mechanical rate (the customer pays nothing — handled by the payer, not the rate).
 */
export const defaultLabourRatesFen: Record<RepairTypeCode, number> = {
  MAINT: 18_000,
  MECH: 22_000,
  BODY: 22_000,
  PAINT: 24_000,
  ACCIDENT: 26_000,
  WARRANTY: 15_000,
  INTERNAL: 15_000,
  REWORK: 22_000,
  BEAUTY: 18_000,
  PDI: 15_000,
};
