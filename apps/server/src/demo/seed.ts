import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Database, Executor } from '../kernel/db.js';
import { withTx } from '../kernel/db.js';
import { appUser, dealerGroup, department, role, store, storeSetting, userRole } from '../kernel/kernel.schema.js';
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
import { demoCustomersAndVehicles } from './data/customers.js';
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
        .values([
          { storeId: st.id, code: 'SALES', name: '销售部' },
          { storeId: st.id, code: 'SERVICE', name: '售后服务部' },
          { storeId: st.id, code: 'PARTS', name: '配件部' },
          { storeId: st.id, code: 'CARE', name: '客服部' },
          { storeId: st.id, code: 'FIN', name: '财务部' },
          { storeId: st.id, code: 'ADMIN', name: '行政人事部' },
        ])
        .returning();
      const deptOf = (code: RoleCode) => {
        const d = code.startsWith('sales')
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
        return depts.find((x) => x.code === d)!.id;
      };
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
      await tx
        .insert(serviceBay)
        .values(bayKinds.map((kind, i) => ({ storeId: st.id, code: `B${String(i + 1).padStart(2, '0')}`, name: `${i + 1}号工位`, kind })));
      await tx.insert(team).values([
        { storeId: st.id, code: 'T-QS', name: '快保组' },
        { storeId: st.id, code: 'T-M1', name: '机修一组' },
        { storeId: st.id, code: 'T-M2', name: '机修二组' },
        { storeId: st.id, code: 'T-BP', name: '钣喷组' },
      ]);
      const [main, old] = await tx
        .insert(warehouse)
        .values([
          { storeId: st.id, code: 'WH-MAIN', name: '配件主仓' },
          { storeId: st.id, code: 'WH-OLD', name: '旧件库' },
        ])
        .returning();
      const bins = [];
      for (const shelf of ['A', 'B', 'C', 'D'])
        for (let level = 1; level <= 10; level++)
          bins.push({
            storeId: st.id,
            warehouseId: main!.id,
            code: `${shelf}-${String(level).padStart(2, '0')}`,
            name: `${shelf}排${level}层`,
          });
      bins.push({ storeId: st.id, warehouseId: old!.id, code: 'OLD-01', name: '旧件区' });
      await tx.insert(bin).values(bins);
      await tx.insert(storeSetting).values({
        storeId: st.id,
        settings: {
          ...defaultStoreSettings(),
          labourRates: demoRepairTypes.map((t) => ({ repairTypeId: typeId.get(t.code)!, rateFen: defaultLabourRatesFen[t.code] })),
          printHeader: { title: st.name, address: st.address, phone: st.phone, footer: '感谢您的光临，祝您行车平安！' },
        },
      });

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

async function catalogueByCode(exec: Executor) {
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
  const idOf = new Map(data.customers.map((c) => [c.key, uuidv7(Date.parse(c.createdAt))]));
  await bulkInsert(
    tx,
    customer,
    data.customers.map((c) => {
      const py = namePinyin(c.name);
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
        advisorId: input.advisorId,
        consultantId: input.consultantId,
        createdAt: new Date(c.createdAt),
        updatedAt: new Date(c.createdAt),
      };
    }),
  );
  await bulkInsert(
    tx,
    customerPhone,
    data.customers.flatMap((c) => c.extraPhones.map((phone) => ({ customerId: idOf.get(c.key)!, phone, label: '备用' }))),
  );
  const vehicleRows = [];
  const mileageRows = [];
  const ownershipRows = [];
  for (const v of data.vehicles) {
    const id = uuidv7();
    const cat = input.catalogue.get(v.configurationCode);
    const last = v.mileage.at(-1);
    const lastVisit = v.mileage.filter((m) => m.source === 'service').at(-1);
    vehicleRows.push({
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
      mileageAt: last ? new Date(last.at) : null,
      // the last workshop visit: churn and effective-customer counts start from it
      lastVisitAt: lastVisit ? new Date(lastVisit.at) : null,
    });
    for (const m of v.mileage) mileageRows.push({ vehicleId: id, storeId: input.storeId, at: new Date(m.at), km: m.km, source: m.source });
    const from = v.saleDate ?? v.firstRegistration ?? v.mileage[0]?.at ?? input.today.toISOString().slice(0, 10);
    ownershipRows.push({ vehicleId: id, customerId: idOf.get(v.ownerKey)!, role: 'owner', fromDate: from });
    if (v.userKey) ownershipRows.push({ vehicleId: id, customerId: idOf.get(v.userKey)!, role: 'user', fromDate: from });
  }
  await bulkInsert(tx, vehicle, vehicleRows);
  await bulkInsert(tx, vehicleMileage, mileageRows, 2000);
  await bulkInsert(tx, vehicleOwnership, ownershipRows, 2000);
  await seedCare(tx, input, vehicleRows);
  if (su.rows[0]?.rolsuper) await tx.execute(sql`SET LOCAL session_replication_role = origin`);
  return { customers: data.customers.length, vehicles: data.vehicles.length };
}

const DAY = 86_400_000;
const dayString = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Follow-ups and complaints at realistic rates: a 3-day call after most recent visits, some planned calls due
 * today or overdue (the care inbox), and a few complaints — mostly resolved within 24 h, some still open.
 */
async function seedCare(
  tx: Executor,
  input: { storeId: string; rng: ReturnType<typeof createRng>; today: Date; advisorId: string },
  vehicles: { id: string; ownerId: string; mileageAt: Date | null }[],
) {
  const { rng, today } = input;
  const outcomes = demoDictionaries.filter((d) => d.type === 'followup_outcome').map((d) => d.code);
  const types = demoDictionaries.filter((d) => d.type === 'complaint_type').map((d) => d.code);
  const followUps = [];
  for (const v of vehicles) {
    if (!v.mileageAt || !rng.chance(0.25)) continue;
    const at = new Date(v.mileageAt.getTime() + 3 * DAY);
    if (at > today) continue;
    followUps.push({
      storeId: input.storeId,
      customerId: v.ownerId,
      vehicleId: v.id,
      status: 'done',
      channel: rng.weighted([
        ['phone', 8],
        ['wechat', 2],
        ['sms', 1],
      ] as const),
      purpose: 'after_service',
      outcome: rng.pick(outcomes),
      content: rng.pick(['客户对本次保养满意', '客户表示车辆使用正常', '提醒下次保养时间', '未接通，稍后再联系', '客户反馈等待时间较长']),
      satisfaction: rng.int(3, 5),
      doneAt: at,
      createdBy: input.advisorId,
      createdAt: at,
    });
  }
  for (let i = 0; i < 40; i++) {
    const v = rng.pick(vehicles);
    const due = new Date(today.getTime() - rng.int(0, 6) * DAY);
    followUps.push({
      storeId: input.storeId,
      customerId: v.ownerId,
      vehicleId: v.id,
      status: 'planned',
      channel: 'phone',
      outcome: '',
      content: '',
      purpose: rng.pick(['maintenance_reminder', 'insurance', 'after_service', 'birthday'] as const),
      dueDate: dayString(due),
      assignedTo: input.advisorId,
      createdBy: input.advisorId,
      createdAt: new Date(due.getTime() - 7 * DAY),
    });
  }
  await bulkInsert(tx, followUp, followUps, 5000);

  const complaints = [];
  const perDay = new Map<string, number>();
  for (let i = 0; i < 36; i++) {
    const v = rng.pick(vehicles);
    const open = i < 3;
    // one overdue and escalated, two received in the last hours and still within their 24 h; the rest history
    const received =
      open && i > 0
        ? new Date(today.getTime() - rng.int(2, 10) * 3_600_000)
        : new Date(today.getTime() - rng.int(1, 180) * DAY - rng.int(0, 8) * 3_600_000);
    const day = businessDay(received, 'Asia/Shanghai');
    const n = (perDay.get(day) ?? 0) + 1;
    perDay.set(day, n);
    const escalated = i === 0 || (!open && rng.chance(0.1));
    const resolvedAt = open ? null : new Date(received.getTime() + (escalated ? rng.int(25, 60) : rng.int(1, 22)) * 3_600_000);
    complaints.push({
      storeId: input.storeId,
      number: `TS${day}-${String(n).padStart(4, '0')}`,
      customerId: v.ownerId,
      vehicleId: v.id,
      type: rng.pick(types),
      severity: rng.weighted([
        ['low', 3],
        ['medium', 5],
        ['high', 2],
      ] as const),
      channel: rng.pick(['phone', 'visit', 'wechat'] as const),
      description: rng.pick([
        '等待时间过长，超出承诺交车时间',
        '保养后仍有异响',
        '结算金额与报价不一致',
        '服务顾问态度不好',
        '洗车不干净',
        '配件缺货需等待一周',
      ]),
      receivedAt: received,
      dueAt: new Date(received.getTime() + DAY),
      status: open ? (escalated ? 'escalated' : 'open') : 'resolved',
      escalatedAt: escalated ? new Date(received.getTime() + DAY) : null,
      resolution: open ? '' : rng.pick(['致歉并赠送保养券一张', '重新检修后异响消除', '核对结算单并退还差额', '已对服务顾问进行培训']),
      resolvedAt,
      resolvedBy: resolvedAt ? input.advisorId : null,
      satisfied: resolvedAt ? rng.chance(0.85) : null,
      satisfactionScore: resolvedAt ? rng.int(3, 5) : null,
      createdBy: input.advisorId,
      createdAt: received,
    });
  }
  await bulkInsert(tx, complaint, complaints);
  // the numbers handed out stay taken: the store's sequence continues after them
  for (const [day, last] of perDay) {
    await tx.execute(
      sql`INSERT INTO doc_sequence (store_id, doc_type, day, last) VALUES (${input.storeId}, ${COMPLAINT_DOC_TYPE}, ${day}, ${last})`,
    );
  }
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
