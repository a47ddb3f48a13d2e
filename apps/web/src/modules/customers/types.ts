// Shapes of the customers module's API (apps/server/src/modules/customers/*.routes.ts).

export const CUSTOMER_KINDS = ['person', 'company'] as const;
export type CustomerKind = (typeof CUSTOMER_KINDS)[number];
export const GENDERS = ['male', 'female'] as const;
export const CONSENT_CHANNELS = ['sms', 'phone', 'wechat', 'paper'] as const;

/** GET /api/customers/:id (phone, extra phones, address and ID number masked unless `revealed`). */
export type Customer = {
  id: string;
  storeId: string;
  storeName: string;
  kind: CustomerKind;
  name: string;
  gender: (typeof GENDERS)[number] | null;
  birthday: string | null;
  phone: string;
  extraPhones: string[];
  provinceCode: string;
  cityCode: string;
  districtCode: string;
  address: string;
  source: string;
  tags: string[];
  marketingConsent: boolean;
  consentAt: string | null;
  consentChannel: (typeof CONSENT_CHANNELS)[number] | null;
  notes: string;
  idNumber: string | null;
  creditCode: string | null;
  contactName: string | null;
  advisorId: string | null;
  advisorName: string | null;
  consultantId: string | null;
  consultantName: string | null;
  vehicleCount: number;
  revealed: boolean;
  anonymised: boolean;
  createdAt: string;
};

/** A row of the customer list (GET /api/customers): the columns the list shows; the whole file is a `Customer`. */
export type CustomerRow = Pick<
  Customer,
  | 'id'
  | 'storeId'
  | 'storeName'
  | 'kind'
  | 'name'
  | 'phone'
  | 'source'
  | 'tags'
  | 'advisorId'
  | 'advisorName'
  | 'consultantId'
  | 'consultantName'
  | 'vehicleCount'
  | 'anonymised'
  | 'createdAt'
>;

/** 409 customer.duplicate_phone: who already has the number (names only where the caller may look). */
export type DuplicateCustomer = { id: string; name: string; visible: boolean };

export type Vehicle = {
  id: string;
  storeId: string;
  storeName: string;
  vin: string;
  plate: string | null;
  plateVerified: boolean;
  engineNo: string;
  brandName: string | null;
  seriesName: string | null;
  modelName: string | null;
  configurationName: string | null;
  brandId: string | null;
  seriesId: string | null;
  modelId: string | null;
  configurationId: string | null;
  colour: string;
  modelYear: number | null;
  saleDate: string | null;
  sellingStoreId: string | null;
  firstRegistration: string | null;
  warrantyStart: string | null;
  warrantyEnd: string | null;
  insuranceExpiry: string | null;
  ownerId: string;
  ownerName: string;
  /** masked */
  ownerPhone: string;
  userId: string | null;
  mileageKm: number;
  mileageAt: string | null;
  createdAt: string;
};

export type MileageReading = { id: string; at: string; km: number; source: string; note: string };
export type Ownership = { customerId: string; name: string; role: 'owner' | 'user' | string; fromDate: string; toDate: string | null };

/** GET /api/vehicles/:id — the customer file of a vehicle (用户档案). */
export type VehicleFile = {
  vehicle: Vehicle;
  mileage: MileageReading[];
  ownership: Ownership[];
  /** record sections later modules fill (serviceRecords, maintenanceRecords, appointments, followUps …) */
  sections: Record<string, unknown[]>;
};

/** GET /api/search?q= */
export type SearchResult = {
  customers: { id: string; name: string; phone: string; storeName: string; kind: string }[];
  vehicles: { id: string; vin: string; plate: string | null; ownerId: string; ownerName: string; storeName: string }[];
};

export type Division = { code: string; name: string; children?: Division[] };
