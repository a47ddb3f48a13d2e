import { z } from 'zod';
import { zCreditCode, zPhone, zResidentId, zVin } from '@sifang/shared/validation/zod';

const division = z.string().regex(/^(\d{6})?$/, { message: 'validation.format' });
const dateOnly = z.iso.date({ message: 'validation.format' });

export const customerFields = {
  kind: z.enum(['person', 'company']).default('person'),
  name: z.string().trim().min(1).max(60),
  gender: z.enum(['male', 'female']).nullable().default(null),
  birthday: dateOnly.nullable().default(null),
  phone: zPhone,
  extraPhones: z.array(zPhone).max(5).default([]),
  provinceCode: division.default(''),
  cityCode: division.default(''),
  districtCode: division.default(''),
  address: z.string().trim().max(200).default(''),
  source: z.string().trim().max(40).default(''),
  tags: z.array(z.string().trim().min(1).max(20)).max(20).default([]),
  marketingConsent: z.boolean().default(false),
  consentChannel: z.enum(['sms', 'phone', 'wechat', 'paper']).nullable().default(null),
  notes: z.string().trim().max(2000).default(''),
  idNumber: zResidentId.nullable().default(null),
  creditCode: zCreditCode.nullable().default(null),
  contactName: z.string().trim().max(40).nullable().default(null),
  advisorId: z.uuid().nullable().default(null),
  consultantId: z.uuid().nullable().default(null),
};

export const customerItem = z.object({
  id: z.string(),
  storeId: z.string(),
  storeName: z.string(),
  kind: z.string(),
  name: z.string(),
  gender: z.string().nullable(),
  birthday: z.string().nullable(),
  phone: z.string(),
  extraPhones: z.array(z.string()),
  provinceCode: z.string(),
  cityCode: z.string(),
  districtCode: z.string(),
  address: z.string(),
  source: z.string(),
  tags: z.array(z.string()),
  marketingConsent: z.boolean(),
  consentAt: z.date().nullable(),
  consentChannel: z.string().nullable(),
  notes: z.string(),
  idNumber: z.string().nullable(),
  creditCode: z.string().nullable(),
  contactName: z.string().nullable(),
  advisorId: z.string().nullable(),
  advisorName: z.string().nullable(),
  consultantId: z.string().nullable(),
  consultantName: z.string().nullable(),
  vehicleCount: z.number(),
  /** true when phone, ID number and address are shown in full */
  revealed: z.boolean(),
  anonymised: z.boolean(),
  createdAt: z.date(),
});
export type CustomerItem = z.infer<typeof customerItem>;

/**
 * A row of the customer list (the list screen and the customer pickers): what the list shows, with the phone masked.
 * The whole file — address, ID number, extra phones, notes — comes from `GET /api/customers/:id`.
 */
export const customerListItem = customerItem.pick({
  id: true,
  storeId: true,
  storeName: true,
  kind: true,
  name: true,
  phone: true,
  source: true,
  tags: true,
  advisorId: true,
  advisorName: true,
  consultantId: true,
  consultantName: true,
  vehicleCount: true,
  anonymised: true,
  createdAt: true,
});
export type CustomerListItem = z.infer<typeof customerListItem>;

export const vehicleFields = {
  ownerId: z.uuid(),
  userId: z.uuid().nullable().default(null),
  vin: zVin,
  plate: z.string().trim().max(12).nullable().default(null),
  /** keep a plate that fails the rules, flagged as unverified (needs customers.vehicle.unverified-plate) */
  allowUnverifiedPlate: z.boolean().default(false),
  engineNo: z.string().trim().toUpperCase().max(30).default(''),
  configurationId: z.uuid().nullable().default(null),
  modelId: z.uuid().nullable().default(null),
  colour: z.string().trim().max(20).default(''),
  modelYear: z.number().int().min(1980).max(2100).nullable().default(null),
  saleDate: dateOnly.nullable().default(null),
  soldHere: z.boolean().default(false),
  firstRegistration: dateOnly.nullable().default(null),
  warrantyStart: dateOnly.nullable().default(null),
  warrantyEnd: dateOnly.nullable().default(null),
  insuranceExpiry: dateOnly.nullable().default(null),
  mileageKm: z.number().int().min(0).max(2_000_000).default(0),
};

export const customerCreate = z.strictObject({
  ...customerFields,
  /** a first vehicle registered with the customer (the car at the service desk) */
  vehicle: z.strictObject(vehicleFields).omit({ ownerId: true }).optional(),
  /** create even though a customer with this phone exists (the clerk saw the warning) */
  confirmDuplicate: z.boolean().default(false),
});
