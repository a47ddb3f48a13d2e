export type Brand = { id: string; code: string; name: string; nameEn: string; active: boolean };
export type Series = { id: string; brandId: string; code: string; name: string; nameEn: string; active: boolean };

export const BODY_TYPES = ['sedan', 'suv', 'hatchback', 'mpv', 'wagon', 'coupe', 'pickup'] as const;
export const FUEL_TYPES = ['gasoline', 'diesel', 'hev', 'phev', 'bev', 'erev'] as const;

export type VehicleModel = {
  id: string;
  seriesId: string;
  seriesCode?: string;
  code: string;
  name: string;
  modelYear: number;
  bodyType: (typeof BODY_TYPES)[number];
  fuelType: (typeof FUEL_TYPES)[number];
  active: boolean;
};
export type Configuration = {
  id: string;
  modelId: string;
  code: string;
  name: string;
  msrpFen: number;
  colours: string[];
  active: boolean;
};

export type LabourOperation = {
  id: string;
  code: string;
  name: string;
  repairTypeId: string;
  repairTypeCode?: string;
  standardHours: string;
  /** hours × this store's rate; null when the store has no rate for the repair type */
  priceFen: number | null;
  active: boolean;
};

export type Part = {
  id: string;
  partNo: string;
  name: string;
  unit: string;
  category: string;
  /** null for users without masterdata.part.read-cost */
  costFen: number | null;
  retailFen: number;
  warrantyFen: number;
  storeRetailFen: number | null;
  abcClass: 'A' | 'B' | 'C';
  safetyStock: number;
  reorderPoint: number;
  supersededBy: string | null;
  active: boolean;
};

export type Supplier = {
  id: string;
  code: string;
  name: string;
  contact: string;
  phone: string;
  creditCode: string;
  address: string;
  active: boolean;
};

export type Warehouse = { id: string; code: string; name: string; active: boolean };
export type Bin = { id: string; warehouseId: string; code: string; name: string; active: boolean };

/** Repair types, payment methods, insurers: small bilingual catalogues. */
export type CatalogueItem = { id: string; code: string; name: string; nameEn: string; phone?: string; active: boolean };

export type DictionaryEntry = { id: string; type: string; code: string; label: string; labelEn: string; sort: number; active: boolean };
