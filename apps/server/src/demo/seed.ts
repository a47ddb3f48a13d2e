import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Database, Executor } from '../kernel/db.js';
import { withTx } from '../kernel/db.js';
import { appUser, dealerGroup, department, docSequence, role, store, storeSetting, userRole } from '../kernel/kernel.schema.js';
import { roleDefinitions, groupRoleCodes, type RoleCode } from '../kernel/roles.js';
import { hashPassword } from '../kernel/password.js';
import type { PermissionRegistry } from '../kernel/permissions.js';
import { serviceBay, team } from '../modules/admin/admin.schema.js';
import {
  bin,
  brand,
  dictionaryItem,
  insurer,
  labourOperation,
  part,
  paymentMethod,
  repairType,
  supplier,
  vehicleConfiguration,
  vehicleModel,
  vehicleSeries,
  warehouse,
} from '../modules/masterdata/masterdata.schema.js';
import { defaultStoreSettings } from '@sifang/shared/contracts/admin/store-settings';
import { createRng } from './data/rng.js';
import { demoBrand, demoModelRange } from './data/vehicles.js';
import { defaultLabourRatesFen, demoRepairTypes } from './data/repair-types.js';
import { demoLabourOperations } from './data/labour-operations.js';
import { demoParts } from './data/parts.js';
import { chineseName, mobilePhone } from './data/people.js';
import { demoDictionaries, demoGroup, demoInsurers, demoPaymentMethods, demoStores, demoSuppliers } from './data/other.js';
import { demoCustomersAndVehicles, type DemoCustomer, type DemoVehicle } from './data/customers.js';
import {
  complaint,
  customer,
  customerPhone,
  followUp,
  vehicle,
  vehicleMileage,
  vehicleOwnership,
} from '../modules/customers/customers.schema.js';
import { namePinyin } from '../modules/customers/pinyin.js';
import type { FieldCipher } from '../kernel/field-cipher.js';
import { uuidv7 } from '../kernel/ids.js';
import { bulkInsert } from '../kernel/bulk.js';
import { businessDay } from '../kernel/doc-number.js';

export const DEMO_PASSWORD = 'sifang-demo';

/** Demo usernames: `<short>.<store code>` for store roles, e.g. `advisor.gz01`. */
export const demoUserShortNames: Record<RoleCode, string> = {
  general_manager: 'gm',
  sales_manager: 'salesmgr',
  sales_consultant: 'sales',
  service_manager: 'servicemgr',
  service_advisor: 'advisor',
  workshop_manager: 'workshop',
  team_leader: 'leader',
  technician: 'tech',
  qc_inspector: 'qc',
  warranty_clerk: 'warranty',
  parts_manager: 'partsmgr',
  parts_clerk: 'parts',
  customer_care: 'care',
  cashier: 'cashier',
  accountant: 'accountant',
  group_management: 'group',
  system_admin: 'admin',
};

export async function isSeeded(database: Database): Promise<boolean> {
  const rows = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM dealer_group');
  return (rows[0]?.n ?? 0) > 0;
}

async function seedRoles(tx: Executor, registry: PermissionRegistry): Promise<Map<RoleCode, string>> {
  const rows = await tx
    .insert(role)
    .values(
      roleDefinitions.map((r) => ({
        code: r.code,
        name: r.name,
        nameEn: r.nameEn,
        dataScope: r.dataScope,
        system: true,
        permissions: registry.forRole(r.code).sort(),
      })),
    )
    .returning({ id: role.id, code: role.code });
  return new Map(rows.map((r) => [r.code as RoleCode, r.id]));
}

export type SeedReport = {
  users: { username: string; role: string; store: string }[];
  parts: number;
  labourOperations: number;
  configurations: number;
  customers: number;
  vehicles: number;
};

/** The demo group: two stores, one user per role per store, the FAW-VW range, labour operations, parts, and per store ≈5,000 customers with ≈6,000 vehicles. */
export async function seedDemo(
  database: Database,
  registry: PermissionRegistry,
  opts: { cipher: FieldCipher; seed?: number; today?: Date },
): Promise<SeedReport> {
  const seed = opts.seed ?? 20261123;
  const rng = createRng(seed);
  const storeRoles = roleDefinitions.filter((r) => !groupRoleCodes.includes(r.code));
  // Hash outside the transaction, in parallel on libuv's pool: each user has their own salt.
  const userCount = storeRoles.length * demoStores.length + groupRoleCodes.length;
  const hashes = await Promise.all(Array.from({ length: userCount }, () => hashPassword(DEMO_PASSWORD)));
  const labour = demoLabourOperations(rng);
  const parts = demoParts(rng);
  const range = demoModelRange();

  return withTx(database.db, async (tx) => {
    const [group] = await tx.insert(dealerGroup).values({ code: demoGroup.code, name: demoGroup.name }).returning();
    const stores = await tx
      .insert(store)
      .values(
        demoStores.map((s) => ({
          groupId: group!.id,
          code: s.code,
          name: s.name,
          shortName: s.shortName,
          province: s.province,
          city: s.city,
          plateProvince: s.plateProvince,
          plateLetter: s.plateLetter,
          address: s.address,
          phone: s.phone,
          timezone: s.timezone,
        })),
      )
      .returning();
    const roleIds = await seedRoles(tx, registry);

    // Master data
    const types = await tx
      .insert(repairType)
      .values(demoRepairTypes.map((t) => ({ code: t.code, name: t.name, nameEn: t.nameEn })))
      .returning();
    const typeId = new Map(types.map((t) => [t.code, t.id]));
    const [b] = await tx.insert(brand).values(demoBrand).returning();
    let configurations = 0;
    for (const s of range) {
      const [series] = await tx.insert(vehicleSeries).values({ brandId: b!.id, code: s.code, name: s.name, nameEn: s.nameEn }).returning();
      for (const m of s.models) {
        const [model] = await tx
          .insert(vehicleModel)
          .values({ seriesId: series!.id, code: m.code, name: m.name, modelYear: m.modelYear, bodyType: m.bodyType, fuelType: m.fuelType })
          .returning();
        await tx
          .insert(vehicleConfiguration)
          .values(
            m.configurations.map((c) => ({ modelId: model!.id, code: c.code, name: c.name, msrpFen: c.msrpFen, colours: c.colours })),
          );
        configurations += m.configurations.length;
      }
    }
    await bulkInsert(
      tx,
      labourOperation,
      labour.map((l) => ({ code: l.code, name: l.name, repairTypeId: typeId.get(l.repairTypeCode)!, standardHours: l.standardHours })),
    );
    await bulkInsert(
      tx,
      part,
      parts.map((p) => ({
        partNo: p.partNo,
        name: p.name,
        unit: p.unit,
        category: p.category,
        costFen: p.costFen,
        retailFen: p.retailFen,
        warrantyFen: p.warrantyFen,
        abcClass: p.abcClass,
        safetyStock: p.safetyStock,
        reorderPoint: p.reorderPoint,
        supersededBy: p.supersededBy ?? null,
      })),
    );
    await tx.insert(supplier).values(demoSuppliers.map((s) => ({ ...s })));
    await tx.insert(insurer).values(demoInsurers.map((i) => ({ ...i })));
    await tx.insert(paymentMethod).values(demoPaymentMethods.map((p) => ({ ...p })));
    await tx.insert(dictionaryItem).values(demoDictionaries.map((d, i) => ({ ...d, sort: i })));

    // Each store's organisation, workshop and warehouses
    const users: SeedReport['users'] = [];
    let h = 0;
    let customers = 0;
    let vehicles = 0;
    for (const [si, st] of stores.entries()) {
      const depts = await tx
        .insert(department)
        .values(storeDepartments.map((d) => ({ storeId: st.id, ...d })))
        .returning();
      const deptOf = (code: RoleCode) => depts.find((x) => x.code === departmentOfRole(code))!.id;
      await tx.insert(serviceBay).values(storeBays.map((b) => ({ storeId: st.id, ...b })));
      await tx.insert(team).values(storeTeams.map((t) => ({ storeId: st.id, ...t })));
      const [main, old] = await tx
        .insert(warehouse)
        .values(storeWarehouses.map((w) => ({ storeId: st.id, ...w })))
        .returning();
      const warehouseIds = new Map([
        [main!.code, main!.id],
        [old!.code, old!.id],
      ]);
      await tx
        .insert(bin)
        .values(storeBins.map(({ warehouseCode, ...b }) => ({ storeId: st.id, warehouseId: warehouseIds.get(warehouseCode)!, ...b })));
      await tx.insert(storeSetting).values({ storeId: st.id, settings: storeSettingsFor(st, typeId) });

      for (const r of storeRoles) {
        const username = `${demoUserShortNames[r.code]}.${st.code.toLowerCase()}`;
        const [u] = await tx
          .insert(appUser)
          .values({
            username,
            displayName: chineseName(rng),
            phone: mobilePhone(rng),
            passwordHash: hashes[h++]!,
            departmentId: deptOf(r.code),
          })
          .returning();
        await tx.insert(userRole).values({ userId: u!.id, storeId: st.id, roleId: roleIds.get(r.code)! });
        users.push({ username, role: r.name, store: st.shortName });
      }
      const staff = await tx.select({ id: appUser.id, username: appUser.username }).from(appUser);
      const advisorId = staff.find((u) => u.username === `advisor.${st.code.toLowerCase()}`)!.id;
      const consultantId = staff.find((u) => u.username === `sales.${st.code.toLowerCase()}`)!.id;
      const counts = await seedCustomers(tx, {
        storeId: st.id,
        demoStore: demoStores[si]!,
        rng,
        today: opts.today ?? new Date(),
        cipher: opts.cipher,
        advisorId,
        consultantId,
        catalogue: await catalogueByCode(tx),
      });
      customers += counts.customers;
      vehicles += counts.vehicles;

      if (si === 0) {
        for (const code of groupRoleCodes) {
          const username = demoUserShortNames[code];
          const [u] = await tx
            .insert(appUser)
            .values({
              username,
              displayName: code === 'system_admin' ? '系统管理员' : chineseName(rng),
              phone: mobilePhone(rng),
              passwordHash: hashes[h++]!,
            })
            .returning();
          await tx.insert(userRole).values({ userId: u!.id, storeId: st.id, roleId: roleIds.get(code)! });
          users.push({ username, role: roleDefinitions.find((d) => d.code === code)!.name, store: '集团' });
        }
      }
    }
    await tx.execute(sql`ANALYZE`);
    return { users, parts: parts.length, labourOperations: labour.length, configurations, customers, vehicles };
  });
}

/** The departments of every store; a user belongs to the department of their role. */
export const storeDepartments: readonly { code: string; name: string }[] = [
  { code: 'SALES', name: '销售部' },
  { code: 'SERVICE', name: '售后服务部' },
  { code: 'PARTS', name: '配件部' },
  { code: 'CARE', name: '客服部' },
  { code: 'FIN', name: '财务部' },
  { code: 'ADMIN', name: '行政人事部' },
];

export function departmentOfRole(code: RoleCode): string {
  return code.startsWith('sales')
    ? 'SALES'
    : code.startsWith('parts')
      ? 'PARTS'
      : code === 'customer_care'
        ? 'CARE'
        : code === 'cashier' || code === 'accountant'
          ? 'FIN'
          : code === 'general_manager'
            ? 'ADMIN'
            : 'SERVICE';
}

const bayKinds = [
  'quick',
  'quick',
  'general',
  'general',
  'general',
  'general',
  'general',
  'alignment',
  'body',
  'body',
  'paint',
  'wash',
] as const;

/** A mid-size 4S workshop: twelve bays, four teams, a parts warehouse with 40 bins and an old-parts store. */
export const storeBays = bayKinds.map((kind, i) => ({ code: `B${String(i + 1).padStart(2, '0')}`, name: `${i + 1}号工位`, kind }));
export const storeTeams: readonly { code: string; name: string }[] = [
  { code: 'T-QS', name: '快保组' },
  { code: 'T-M1', name: '机修一组' },
  { code: 'T-M2', name: '机修二组' },
  { code: 'T-BP', name: '钣喷组' },
];
export const storeWarehouses: readonly { code: string; name: string }[] = [
  { code: 'WH-MAIN', name: '配件主仓' },
  { code: 'WH-OLD', name: '旧件库' },
];
export const storeBins: readonly { warehouseCode: string; code: string; name: string }[] = [
  ...['A', 'B', 'C', 'D'].flatMap((shelf) =>
    Array.from({ length: 10 }, (_, i) => ({
      warehouseCode: 'WH-MAIN',
      code: `${shelf}-${String(i + 1).padStart(2, '0')}`,
      name: `${shelf}排${i + 1}层`,
    })),
  ),
  { warehouseCode: 'WH-OLD', code: 'OLD-01', name: '旧件区' },
];

/** A store's settings: the defaults, the demo labour rates and a print header with the store's name. */
export function storeSettingsFor(st: { name: string; address: string; phone: string }, repairTypeIds: ReadonlyMap<string, string>) {
  return {
    ...defaultStoreSettings(),
    labourRates: demoRepairTypes.map((t) => ({ repairTypeId: repairTypeIds.get(t.code)!, rateFen: defaultLabourRatesFen[t.code] })),
    printHeader: { title: st.name, address: st.address, phone: st.phone, footer: '感谢您的光临，祝您行车平安！' },
  };
}

export type CatalogueEntry = { configurationId: string; configurationCode: string; modelId: string; seriesId: string; brandId: string };

/** Vehicle configurations by code, with their model, series and brand. */
export async function catalogueByCode(exec: Executor): Promise<Map<string, CatalogueEntry>> {
  const rows = await exec
    .select({
      configurationId: vehicleConfiguration.id,
      configurationCode: vehicleConfiguration.code,
      modelId: vehicleModel.id,
      seriesId: vehicleSeries.id,
      brandId: vehicleSeries.brandId,
    })
    .from(vehicleConfiguration)
    .innerJoin(vehicleModel, eq(vehicleModel.id, vehicleConfiguration.modelId))
    .innerJoin(vehicleSeries, eq(vehicleSeries.id, vehicleModel.seriesId));
  return new Map(rows.map((r) => [r.configurationCode, r]));
}

/** ≈5,000 customers and ≈6,000 vehicles with mileage histories for one store, in bulk. */
async function seedCustomers(
  tx: Executor,
  input: {
    storeId: string;
    demoStore: (typeof demoStores)[number];
    rng: ReturnType<typeof createRng>;
    today: Date;
    cipher: FieldCipher;
    advisorId: string;
    consultantId: string;
    catalogue: Awaited<ReturnType<typeof catalogueByCode>>;
  },
): Promise<{ customers: number; vehicles: number }> {
  const data = demoCustomersAndVehicles(input.rng, input.demoStore, input.today);
  // Generated rows reference each other correctly by construction: a superuser skips the per-row foreign-key
  // triggers while loading (about a second of the first start).
  const su = (await tx.execute(sql`SELECT rolsuper FROM pg_roles WHERE rolname = current_user`)) as unknown as {
    rows: { rolsuper: boolean }[];
  };
  if (su.rows[0]?.rolsuper) await tx.execute(sql`SET LOCAL session_replication_role = replica`);
  const rows = customerRows(data, {
    storeId: input.storeId,
    today: input.today,
    cipher: input.cipher,
    catalogue: input.catalogue,
    staffOf: () => ({ advisorId: input.advisorId, consultantId: input.consultantId }),
    customerId: (c) => uuidv7(Date.parse(c.createdAt)),
    vehicleId: () => uuidv7(),
  });
  await bulkInsert(tx, customer, rows.customers);
  await bulkInsert(tx, customerPhone, rows.customerPhones);
  await bulkInsert(tx, vehicle, rows.vehicles);
  await bulkInsert(tx, vehicleMileage, rows.mileage, 2000);
  await bulkInsert(tx, vehicleOwnership, rows.ownership, 2000);
  const care = careRows(input.rng, input, rows.vehicles);
  await bulkInsert(tx, followUp, care.followUps, 5000);
  await bulkInsert(tx, complaint, care.complaints);
  await bulkInsert(tx, docSequence, care.docSequences);
  if (su.rows[0]?.rolsuper) await tx.execute(sql`SET LOCAL session_replication_role = origin`);
  return { customers: data.customers.length, vehicles: data.vehicles.length };
}

export type CustomerRowsInput = {
  storeId: string;
  today: Date;
  cipher: FieldCipher;
  catalogue: ReadonlyMap<string, CatalogueEntry>;
  /** The file's 专属服务顾问 and sales consultant. */
  staffOf: (customer: DemoCustomer) => { advisorId: string | null; consultantId: string | null };
  customerId: (customer: DemoCustomer) => string;
  vehicleId: (vehicle: DemoVehicle) => string;
  /** Ids of the other rows (phones, readings, ownership) by table; default: none given, the table's default applies. */
  rowId?: (table: string) => string;
  /** 张三 → zhangsan / zs (default: the customers module's namePinyin) */
  pinyin?: (name: string) => { full: string; initials: string };
};

type VehicleRow = typeof vehicle.$inferInsert & { id: string; ownerId: string; mileageAt: Date | null };

export type CustomerRows = {
  customers: (typeof customer.$inferInsert)[];
  customerPhones: (typeof customerPhone.$inferInsert)[];
  vehicles: VehicleRow[];
  mileage: (typeof vehicleMileage.$inferInsert)[];
  ownership: (typeof vehicleOwnership.$inferInsert)[];
};

/**
 * The rows of generated customers and vehicles (demoCustomersAndVehicles) for one store: customer files with
 * pinyin and the encrypted resident ID, extra phones, vehicles linked to the catalogue, mileage readings and the
 * owner/user history. Ids come from the caller; rows without an id take the table's default.
 */
export function customerRows(data: { customers: DemoCustomer[]; vehicles: DemoVehicle[] }, input: CustomerRowsInput): CustomerRows {
  const pinyin = input.pinyin ?? namePinyin;
  // readings fall on a few thousand distinct days: one Date per day, shared by the rows
  const days = new Map<string, Date>();
  const dateOf = (iso: string) => {
    let d = days.get(iso);
    if (!d) days.set(iso, (d = new Date(iso)));
    return d;
  };
  const idOf = new Map(data.customers.map((c) => [c.key, input.customerId(c)]));
  const customers = data.customers.map((c) => {
    const py = pinyin(c.name);
    const staff = input.staffOf(c);
    return {
      id: idOf.get(c.key)!,
      storeId: input.storeId,
      kind: c.kind,
      name: c.name,
      namePinyin: py.full,
      nameInitials: py.initials,
      gender: c.gender,
      birthday: c.birthday,
      phone: c.phone,
      provinceCode: c.provinceCode,
      cityCode: c.cityCode,
      districtCode: c.districtCode,
      address: c.address,
      source: c.source,
      tags: c.tags,
      marketingConsent: c.marketingConsent.consented,
      consentAt: c.marketingConsent.at ? new Date(c.marketingConsent.at) : null,
      consentChannel: c.marketingConsent.channel,
      idNumberEnc: c.residentId ? input.cipher.encrypt(c.residentId) : null,
      idNumberHash: c.residentId ? input.cipher.hash(c.residentId) : null,
      creditCode: c.creditCode,
      contactName: c.contactName,
      advisorId: staff.advisorId,
      consultantId: staff.consultantId,
      createdAt: new Date(c.createdAt),
      updatedAt: new Date(c.createdAt),
    };
  });
  const { rowId } = input;
  const customerPhones = data.customers.flatMap((c) =>
    c.extraPhones.map((phone) =>
      rowId
        ? { id: rowId('customer_phone'), customerId: idOf.get(c.key)!, phone, label: '备用' }
        : { customerId: idOf.get(c.key)!, phone, label: '备用' },
    ),
  );
  const vehicles: VehicleRow[] = [];
  const mileage: CustomerRows['mileage'] = [];
  const ownership: CustomerRows['ownership'] = [];
  for (const v of data.vehicles) {
    const id = input.vehicleId(v);
    const cat = input.catalogue.get(v.configurationCode);
    const last = v.mileage.at(-1);
    const lastVisit = v.mileage.filter((m) => m.source === 'service').at(-1);
    vehicles.push({
      id,
      storeId: input.storeId,
      vin: v.vin,
      plate: v.plate,
      engineNo: v.engineNo,
      brandId: cat?.brandId ?? null,
      seriesId: cat?.seriesId ?? null,
      modelId: cat?.modelId ?? null,
      configurationId: cat?.configurationId ?? null,
      colour: v.colour,
      modelYear: v.modelYear,
      saleDate: v.saleDate,
      sellingStoreId: v.soldHere ? input.storeId : null,
      firstRegistration: v.firstRegistration,
      warrantyStart: v.warrantyStart,
      warrantyEnd: v.warrantyEnd,
      insuranceExpiry: v.insuranceExpiry,
      ownerId: idOf.get(v.ownerKey)!,
      userId: v.userKey ? idOf.get(v.userKey)! : null,
      mileageKm: last?.km ?? 0,
      mileageAt: last ? dateOf(last.at) : null,
      // the last workshop visit: churn and effective-customer counts start from it
      lastVisitAt: lastVisit ? dateOf(lastVisit.at) : null,
    });
    for (const m of v.mileage) {
      const at = dateOf(m.at);
      mileage.push(
        rowId
          ? { id: rowId('vehicle_mileage'), vehicleId: id, storeId: input.storeId, at, km: m.km, source: m.source }
          : { vehicleId: id, storeId: input.storeId, at, km: m.km, source: m.source },
      );
    }
    const from = v.saleDate ?? v.firstRegistration ?? v.mileage[0]?.at ?? input.today.toISOString().slice(0, 10);
    const held = (customerKey: string, role: 'owner' | 'user') =>
      rowId
        ? { id: rowId('vehicle_ownership'), vehicleId: id, customerId: idOf.get(customerKey)!, role, fromDate: from }
        : { vehicleId: id, customerId: idOf.get(customerKey)!, role, fromDate: from };
    ownership.push(held(v.ownerKey, 'owner'));
    if (v.userKey) ownership.push(held(v.userKey, 'user'));
  }
  return { customers, customerPhones, vehicles, mileage, ownership };
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
const dayString = (d: Date) => d.toISOString().slice(0, 10);

export type CareVehicle = { id: string; ownerId: string; mileageAt: Date | null };

export type CareInput = {
  storeId: string;
  today: Date;
  /** the service advisor: the demo's follow-ups and complaints are all his */
  advisorId: string;
};

/** A store's whole history of care (the scale generator): rates instead of the demo's fixed numbers. */
export type CareHistory = {
  /** Workshop visits of each vehicle (same order as the vehicles), oldest first, as epoch milliseconds. */
  visits: readonly (readonly number[])[];
  /** Share of visits followed by a call three days later (≈0.25). */
  followUpRate: number;
  /** Complaints per 100 workshop visits (≈0.3–0.5). */
  complaintsPer100Visits: number;
  /** Planned follow-ups due today or overdue: the care inbox (≈40). */
  plannedFollowUps: number;
  /** customer-care agent: makes the calls, records complaints */
  careId: string;
  /** service manager: resolves complaints */
  managerId: string;
  /** ids of follow-ups and complaints (default: the table's) */
  rowId?: (table: string) => string;
};

export type CareRows = {
  followUps: (typeof followUp.$inferInsert)[];
  complaints: (typeof complaint.$inferInsert)[];
  /** the complaint numbers handed out: the store's sequence continues after them */
  docSequences: (typeof docSequence.$inferInsert)[];
};

const FOLLOW_UP_CHANNELS = [
  ['phone', 8],
  ['wechat', 2],
  ['sms', 1],
] as const;
const FOLLOW_UP_CONTENT = ['客户对本次保养满意', '客户表示车辆使用正常', '提醒下次保养时间', '未接通，稍后再联系', '客户反馈等待时间较长'];
const COMPLAINT_SEVERITY = [
  ['low', 3],
  ['medium', 5],
  ['high', 2],
] as const;
const COMPLAINT_CHANNELS = ['phone', 'visit', 'wechat'] as const;
const COMPLAINT_TEXT = [
  '等待时间过长，超出承诺交车时间',
  '保养后仍有异响',
  '结算金额与报价不一致',
  '服务顾问态度不好',
  '洗车不干净',
  '配件缺货需等待一周',
];
const COMPLAINT_RESOLUTION = ['致歉并赠送保养券一张', '重新检修后异响消除', '核对结算单并退还差额', '已对服务顾问进行培训'];

/**
 * Follow-ups and complaints at realistic rates. The demo (no `history`): a 3-day call after ≈25 % of the cars'
 * last readings, 40 planned calls due today or overdue (the care inbox), and 36 complaints of the last half year —
 * mostly resolved within 24 h, three still open. With `history`: calls after a share of every workshop visit, and
 * complaints at a rate per visit over the whole history, numbered per day in the order received.
 */
export function careRows(
  rng: ReturnType<typeof createRng>,
  input: CareInput,
  vehicles: readonly CareVehicle[],
  history?: CareHistory,
): CareRows {
  if (history) return careHistoryRows(rng, input, vehicles, history);
  const { today } = input;
  const outcomes = demoDictionaries.filter((d) => d.type === 'followup_outcome').map((d) => d.code);
  const types = demoDictionaries.filter((d) => d.type === 'complaint_type').map((d) => d.code);
  const followUps: CareRows['followUps'] = [];
  for (const v of vehicles) {
    if (!v.mileageAt || !rng.chance(0.25)) continue;
    const at = new Date(v.mileageAt.getTime() + 3 * DAY);
    if (at > today) continue;
    followUps.push({
      storeId: input.storeId,
      customerId: v.ownerId,
      vehicleId: v.id,
      status: 'done',
      channel: rng.weighted(FOLLOW_UP_CHANNELS),
      purpose: 'after_service',
      outcome: rng.pick(outcomes),
      content: rng.pick(FOLLOW_UP_CONTENT),
      satisfaction: rng.int(3, 5),
      doneAt: at,
      createdBy: input.advisorId,
      createdAt: at,
    });
  }
  followUps.push(...plannedFollowUps(rng, input, vehicles, 40, input.advisorId));

  const complaints: CareRows['complaints'] = [];
  const perDay = new Map<string, number>();
  for (let i = 0; i < 36; i++) {
    const v = rng.pick(vehicles);
    const open = i < 3;
    // one overdue and escalated, two received in the last hours and still within their 24 h; the rest history
    const received =
      open && i > 0
        ? new Date(today.getTime() - rng.int(2, 10) * HOUR)
        : new Date(today.getTime() - rng.int(1, 180) * DAY - rng.int(0, 8) * HOUR);
    const day = businessDay(received, 'Asia/Shanghai');
    const n = (perDay.get(day) ?? 0) + 1;
    perDay.set(day, n);
    const escalated = i === 0 || (!open && rng.chance(0.1));
    const resolvedAt = open ? null : new Date(received.getTime() + (escalated ? rng.int(25, 60) : rng.int(1, 22)) * HOUR);
    complaints.push({
      storeId: input.storeId,
      number: `TS${day}-${String(n).padStart(4, '0')}`,
      customerId: v.ownerId,
      vehicleId: v.id,
      type: rng.pick(types),
      severity: rng.weighted(COMPLAINT_SEVERITY),
      channel: rng.pick(COMPLAINT_CHANNELS),
      description: rng.pick(COMPLAINT_TEXT),
      receivedAt: received,
      dueAt: new Date(received.getTime() + DAY),
      status: open ? (escalated ? 'escalated' : 'open') : 'resolved',
      escalatedAt: escalated ? new Date(received.getTime() + DAY) : null,
      resolution: open ? '' : rng.pick(COMPLAINT_RESOLUTION),
      resolvedAt,
      resolvedBy: resolvedAt ? input.advisorId : null,
      satisfied: resolvedAt ? rng.chance(0.85) : null,
      satisfactionScore: resolvedAt ? rng.int(3, 5) : null,
      createdBy: input.advisorId,
      createdAt: received,
    });
  }
  const docSequences = [...perDay].map(([day, last]) => ({ storeId: input.storeId, docType: COMPLAINT_DOC_TYPE, day, last }));
  return { followUps, complaints, docSequences };
}

/** Planned calls in the care inbox: due today or in the last six days. */
function plannedFollowUps(
  rng: ReturnType<typeof createRng>,
  input: CareInput,
  vehicles: readonly CareVehicle[],
  count: number,
  assignedTo: string,
): CareRows['followUps'] {
  const rows: CareRows['followUps'] = [];
  for (let i = 0; i < count && vehicles.length > 0; i++) {
    const v = rng.pick(vehicles);
    const due = new Date(input.today.getTime() - rng.int(0, 6) * DAY);
    rows.push({
      storeId: input.storeId,
      customerId: v.ownerId,
      vehicleId: v.id,
      status: 'planned',
      channel: 'phone',
      outcome: '',
      content: '',
      purpose: rng.pick(['maintenance_reminder', 'insurance', 'after_service', 'birthday'] as const),
      dueDate: dayString(due),
      assignedTo,
      createdBy: input.advisorId,
      createdAt: new Date(due.getTime() - 7 * DAY),
    });
  }
  return rows;
}

/** Outcome of a call → satisfaction score and what the agent wrote down. */
const CALL_OUTCOMES: readonly (readonly [{ code: string; score: number | null; notes: readonly string[] }, number])[] = [
  [{ code: 'VERY_SATISFIED', score: 5, notes: ['客户对本次保养非常满意', '客户表扬服务顾问专业热情'] }, 30],
  [{ code: 'SATISFIED', score: 4, notes: ['客户对本次保养满意', '客户表示车辆使用正常', '提醒下次保养时间'] }, 36],
  [{ code: 'NEUTRAL', score: 3, notes: ['客户反馈等待时间较长', '客户认为价格偏高'] }, 8],
  [{ code: 'DISSATISFIED', score: 2, notes: ['客户反映问题未彻底解决，已转服务经理', '客户对结算金额有疑问，已解释'] }, 2],
  [{ code: 'NO_ANSWER', score: null, notes: ['未接通，稍后再联系'] }, 12],
  [{ code: 'BUSY_CALLBACK', score: null, notes: ['客户在开车，约定改日回访'] }, 6],
  [{ code: 'POWERED_OFF', score: null, notes: ['关机'] }, 3],
  [{ code: 'WRONG_NUMBER', score: null, notes: ['号码错误，需核实客户电话'] }, 1],
  [{ code: 'REFUSED', score: null, notes: ['客户表示不需要回访'] }, 2],
];

/** What customers complain about, by complaint_type, and how it was settled. */
const COMPLAINTS_BY_TYPE: Readonly<Record<string, { descriptions: readonly string[]; resolutions: readonly string[] }>> = {
  ATTITUDE: {
    descriptions: ['服务顾问态度不好', '前台接待不耐烦，问题没人解答', '电话预约时客服语气生硬'],
    resolutions: ['已对服务顾问进行培训', '服务经理致电道歉，赠送保养券一张'],
  },
  QUALITY: {
    descriptions: ['保养后仍有异响', '维修后故障灯再次点亮', '更换刹车片后刹车仍有抖动'],
    resolutions: ['重新检修后异响消除', '返修后故障排除，免收工时费', '技术经理复检并试车确认'],
  },
  DURATION: {
    descriptions: ['等待时间过长，超出承诺交车时间', '预约到店后仍排队一个多小时'],
    resolutions: ['致歉并赠送保养券一张', '优化预约排班，赠送免费洗车'],
  },
  PRICE: {
    descriptions: ['工时费比其他店贵', '配件价格高于网上报价'],
    resolutions: ['解释厂家指导价并赠送机油滤清器', '按会员价重新结算'],
  },
  PARTS: {
    descriptions: ['配件缺货需等待一周', '订购的配件到货时间一再推迟'],
    resolutions: ['调货后优先安排维修', '提供代步车直至配件到货'],
  },
  FACILITY: {
    descriptions: ['休息区空调不制冷', '洗车不干净', '停车位不足'],
    resolutions: ['已安排维修休息区空调', '重新洗车并致歉'],
  },
  PRODUCT: {
    descriptions: ['车机系统经常死机', '空调有异味', '雨天车门密封条渗水'],
    resolutions: ['升级车机软件后恢复正常', '更换空调滤芯并清洗蒸发箱', '按三包更换密封条'],
  },
  PROMISE: {
    descriptions: ['承诺的免费检测没有兑现', '说好的回电一直没有打来'],
    resolutions: ['补做免费检测并致歉', '服务经理致电道歉并跟进'],
  },
  BILLING: {
    descriptions: ['结算金额与报价不一致', '发票抬头开错'],
    resolutions: ['核对结算单并退还差额', '重新开具发票'],
  },
  DAMAGE: {
    descriptions: ['取车时发现车门有划痕', '车内物品丢失'],
    resolutions: ['免费修复划痕', '调取监控核实后赔偿'],
  },
};

/** The China business day (YYYYMMDD) of an instant: UTC+8 all year, so no time-zone database per row. */
const chinaBusinessDay = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 10).replaceAll('-', '');

function careHistoryRows(
  rng: ReturnType<typeof createRng>,
  input: CareInput,
  vehicles: readonly CareVehicle[],
  history: CareHistory,
): CareRows {
  const now = input.today.getTime();
  const types = demoDictionaries.filter((d) => d.type === 'complaint_type').map((d) => d.code);
  const followUps: CareRows['followUps'] = [];
  const received: { at: number; vehicle: number }[] = [];
  const complaintChance = history.complaintsPer100Visits / 100;
  for (const [vi, v] of vehicles.entries()) {
    for (const visit of history.visits[vi] ?? []) {
      if (rng.chance(history.followUpRate)) {
        // the 3-day call (seed 002), during office hours
        const at = visit + 3 * DAY + rng.int(1, 9) * HOUR + rng.int(0, 59) * 60_000;
        if (at <= now) {
          const outcome = rng.weighted(CALL_OUTCOMES);
          followUps.push({
            id: history.rowId?.('follow_up'),
            storeId: input.storeId,
            customerId: v.ownerId,
            vehicleId: v.id,
            status: 'done',
            channel: rng.weighted(FOLLOW_UP_CHANNELS),
            purpose: 'after_service',
            outcome: outcome.code,
            content: rng.pick(outcome.notes),
            satisfaction: outcome.score,
            doneAt: new Date(at),
            nextContactDate: outcome.code === 'BUSY_CALLBACK' ? dayString(new Date(at + rng.int(1, 3) * DAY)) : null,
            createdBy: history.careId,
            createdAt: new Date(at),
          });
        } else {
          // visits of the last three days: the call is in the inbox, due on its day
          followUps.push({
            id: history.rowId?.('follow_up'),
            storeId: input.storeId,
            customerId: v.ownerId,
            vehicleId: v.id,
            status: 'planned',
            channel: 'phone',
            purpose: 'after_service',
            outcome: '',
            content: '',
            dueDate: dayString(new Date(visit + 3 * DAY)),
            assignedTo: history.careId,
            createdBy: history.careId,
            createdAt: new Date(visit),
          });
        }
      }
      if (rng.chance(complaintChance)) {
        // on the day of the visit or up to three days later, 08:30–20:00 (visits are at 08:00 China time)
        const at = visit + rng.int(0, 3) * DAY + rng.int(30, 719) * 60_000;
        if (at <= now) received.push({ at, vehicle: vi });
      }
    }
  }
  followUps.push(...plannedFollowUps(rng, input, vehicles, history.plannedFollowUps, history.careId));

  // numbered per day in the order received (ties: in vehicle order)
  received.sort((a, b) => a.at - b.at || a.vehicle - b.vehicle);
  const perDay = new Map<string, number>();
  const complaints: CareRows['complaints'] = received.map(({ at, vehicle: vi }) => {
    const v = vehicles[vi]!;
    const day = chinaBusinessDay(at);
    const n = (perDay.get(day) ?? 0) + 1;
    perDay.set(day, n);
    const type = rng.pick(types);
    const text = COMPLAINTS_BY_TYPE[type] ?? { descriptions: COMPLAINT_TEXT, resolutions: COMPLAINT_RESOLUTION };
    const escalated = rng.chance(0.1);
    const resolvedAtMs = at + (escalated ? rng.int(25, 60) : rng.int(1, 22)) * HOUR;
    // still being handled today: open within its 24 h, escalated after
    const pending = resolvedAtMs > now;
    const status = pending ? (now - at > DAY ? 'escalated' : 'open') : 'resolved';
    const resolvedAt = pending ? null : new Date(resolvedAtMs);
    return {
      id: history.rowId?.('complaint'),
      storeId: input.storeId,
      number: `TS${day}-${String(n).padStart(4, '0')}`,
      customerId: v.ownerId,
      vehicleId: v.id,
      type,
      severity: rng.weighted(COMPLAINT_SEVERITY),
      channel: rng.pick(COMPLAINT_CHANNELS),
      againstUserId: type === 'ATTITUDE' ? input.advisorId : null,
      description: rng.pick(text.descriptions),
      receivedAt: new Date(at),
      dueAt: new Date(at + DAY),
      status,
      escalatedAt: (pending ? status === 'escalated' : escalated) ? new Date(at + DAY) : null,
      resolution: resolvedAt ? rng.pick(text.resolutions) : '',
      resolvedAt,
      resolvedBy: resolvedAt ? history.managerId : null,
      satisfied: resolvedAt ? rng.chance(0.85) : null,
      satisfactionScore: resolvedAt ? rng.int(3, 5) : null,
      createdBy: history.careId,
      createdAt: new Date(at),
    };
  });
  const docSequences = [...perDay].map(([day, last]) => ({ storeId: input.storeId, docType: COMPLAINT_DOC_TYPE, day, last }));
  return { followUps, complaints, docSequences };
}

/** The document type complaint numbers are counted under (kernel/doc-number.ts). */
export const COMPLAINT_DOC_TYPE = 'complaint';

/** A production first start: the group, one store and the administrator, nothing else. */
export async function seedProduction(
  database: Database,
  registry: PermissionRegistry,
  adminPassword?: string,
): Promise<{ password: string; generated: boolean }> {
  const password = adminPassword ?? randomBytes(9).toString('base64url') + '7a';
  const passwordHash = await hashPassword(password);
  await withTx(database.db, async (tx) => {
    const [group] = await tx.insert(dealerGroup).values({ code: 'GROUP', name: '集团' }).returning();
    const [st] = await tx.insert(store).values({ groupId: group!.id, code: 'HQ', name: '集团总部', shortName: '总部' }).returning();
    const roleIds = await seedRoles(tx, registry);
    const [u] = await tx.insert(appUser).values({ username: 'admin', displayName: '系统管理员', passwordHash }).returning();
    await tx.insert(userRole).values({ userId: u!.id, storeId: st!.id, roleId: roleIds.get('system_admin')! });
  });
  return { password, generated: !adminPassword };
}
