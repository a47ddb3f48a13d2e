import { describe, it, expect } from 'vitest';
import { isValidMobile } from '@sifang/shared/validation/phone';
import { validatePlate } from '@sifang/shared/validation/plate';
import { validateVin, vinModelYear } from '@sifang/shared/validation/vin';
import { validateResidentId } from '@sifang/shared/validation/resident-id';
import { validateCreditCode } from '@sifang/shared/validation/credit-code';
import { createRng } from './rng.js';
import { demoDictionaries, demoStores, type DemoStore } from './other.js';
import { demoModelRange, demoVinWmi } from './vehicles.js';
import {
  demoCustomerDefaults,
  demoCustomersAndVehicles,
  demoNamedCustomers,
  vinYearCode,
  type DemoCustomer,
  type DemoMileageReading,
  type DemoVehicle,
} from './customers.js';

const TODAY = new Date('2026-03-15T04:00:00Z');
const TODAY_ISO = '2026-03-15';
const DAY_MS = 86_400_000;
const dayOf = (iso: string): number => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS;
const todayDay = dayOf(TODAY_ISO);

type Generated = { store: DemoStore; customers: DemoCustomer[]; vehicles: DemoVehicle[] };

// Both stores are generated from the same rng sequence on purpose: they must still never collide.
const generated: Generated[] = demoStores.map((store) => ({
  store,
  ...demoCustomersAndVehicles(createRng(20_240_601), store, TODAY),
}));
const allCustomers = generated.flatMap((g) => g.customers);
const allVehicles = generated.flatMap((g) => g.vehicles);

const range = demoModelRange();
const seriesByCode = new Map(range.map((s) => [s.code, s]));
const modelByCode = new Map(range.flatMap((s) => s.models.map((m) => [m.code, m] as const)));

/** Collects failures so that 20,000 records need one expect instead of hundreds of thousands. */
const problems = () => {
  const list: string[] = [];
  const add = (key: string, what: string, ...values: unknown[]): void => {
    if (list.length < 20) list.push(`${key} ${what} ${JSON.stringify(values)}`);
  };
  return { list, add, check: (ok: boolean, key: string, what: string, ...values: unknown[]): void => (ok ? undefined : add(key, what, ...values)) };
};

const expectUnique = (values: readonly string[]): void => {
  const seen = new Set<string>();
  const dupes = values.filter((v) => (seen.has(v) ? true : (seen.add(v), false)));
  expect(dupes).toEqual([]);
};

describe('demoCustomersAndVehicles', () => {
  it('is deterministic', () => {
    for (const g of generated) {
      const again = demoCustomersAndVehicles(createRng(20_240_601), g.store, TODAY);
      expect(JSON.stringify(again)).toBe(JSON.stringify({ customers: g.customers, vehicles: g.vehicles }));
    }
    const other = demoCustomersAndVehicles(createRng(7), demoStores[1] as DemoStore, TODAY, { customers: 50, vehicles: 60 });
    expect(other.customers.map((c) => c.phone)).not.toEqual(generated[1]?.customers.slice(0, 50).map((c) => c.phone));
  });

  it('generates the requested counts with unique keys', () => {
    for (const { store, customers, vehicles } of generated) {
      expect(customers).toHaveLength(demoCustomerDefaults.customers);
      expect(vehicles).toHaveLength(demoCustomerDefaults.vehicles);
      expectUnique(customers.map((c) => c.key));
      expectUnique(vehicles.map((v) => v.key));
      for (const c of customers) expect(c.key).toMatch(new RegExp(`^${store.code}-C\\d{6}$`));
      for (const v of vehicles) expect(v.key).toMatch(new RegExp(`^${store.code}-V\\d{6}$`));
    }
    const small = demoCustomersAndVehicles(createRng(1), demoStores[0] as DemoStore, TODAY, { customers: 40, vehicles: 55 });
    expect(small.customers).toHaveLength(40);
    expect(small.vehicles).toHaveLength(55);
  });

  it('gives every customer a valid phone, unique across both stores', () => {
    const phones = allCustomers.flatMap((c) => [c.phone, ...c.extraPhones]);
    expect(phones.filter((p) => !isValidMobile(p))).toEqual([]);
    expectUnique(phones);
    const withExtra = allCustomers.filter((c) => c.extraPhones.length > 0).length / allCustomers.length;
    expect(withExtra).toBeGreaterThan(0.1);
    expect(withExtra).toBeLessThan(0.2);
  });

  it('spreads phone tails and VIN serials as in life: a tail search finds a few files, not hundreds', () => {
    // 5,000 phones over 10,000 four-digit tails: ≈3,900 different ones if uniform; 6,000 VIN serials of a million: all but a few.
    const spreadOf = (values: readonly string[]) => new Set(values).size / values.length;
    const generatedStore = demoCustomersAndVehicles(createRng(3), demoStores[0] as DemoStore, TODAY, {
      customers: 5000,
      vehicles: 6000,
    }, { identity: { slot: 7, slots: 1000, plateSlot: 7, plateSlots: 64 } });
    for (const { customers, vehicles } of [...generated, generatedStore]) {
      expect(spreadOf(customers.map((c) => c.phone.slice(-4)))).toBeGreaterThan(0.7);
      expect(spreadOf(vehicles.map((v) => v.vin.slice(-6)))).toBeGreaterThan(0.97);
      expect(spreadOf(vehicles.map((v) => v.vin.slice(-4)))).toBeGreaterThan(0.5);
    }
  });

  it('has ≈92 % persons and realistic companies with valid credit codes', () => {
    const bad = problems();
    for (const { store, customers } of generated) {
      const companies = customers.filter((c) => c.kind === 'company');
      expect(companies.length / customers.length).toBeGreaterThan(0.05);
      expect(companies.length / customers.length).toBeLessThan(0.12);
      for (const c of companies) {
        bad.check(/^[\u4e00-\u9fa5]+有限公司$/.test(c.name), c.key, 'company name', c.name);
        bad.check(c.name.startsWith(store.city) || c.name.startsWith('广东'), c.key, 'company city', c.name);
        bad.check(validateCreditCode(c.creditCode ?? '').ok, c.key, 'credit code', c.creditCode);
        bad.check(c.creditCode?.slice(2, 8) === c.districtCode, c.key, 'credit code region', c.creditCode);
        bad.check(/^[\u4e00-\u9fa5]{2,4}$/.test(c.contactName ?? ''), c.key, 'contact', c.contactName);
        bad.check(c.gender === null && c.birthday === null && c.residentId === null, c.key, 'company with personal data');
      }
      for (const c of customers.filter((x) => x.kind === 'person')) {
        bad.check(/^[\u4e00-\u9fa5]{2,4}$/.test(c.name), c.key, 'person name', c.name);
        bad.check(c.gender === 'male' || c.gender === 'female', c.key, 'gender', c.gender);
        bad.check(c.creditCode === null && c.contactName === null, c.key, 'person with company data');
      }
    }
    expect(bad.list).toEqual([]);
    expectUnique(allCustomers.flatMap((c) => (c.creditCode === null ? [] : [c.creditCode])));
  });

  it('has birthdays for ≈70 % of persons, aged 22–70', () => {
    const bad = problems();
    const persons = allCustomers.filter((c) => c.kind === 'person');
    const known = persons.filter((c) => c.birthday !== null);
    expect(known.length / persons.length).toBeGreaterThan(0.65);
    expect(known.length / persons.length).toBeLessThan(0.75);
    for (const c of known) {
      const b = c.birthday ?? '';
      let age = Number(TODAY_ISO.slice(0, 4)) - Number(b.slice(0, 4));
      if (TODAY_ISO.slice(5) < b.slice(5)) age--;
      bad.check(/^\d{4}-\d{2}-\d{2}$/.test(b) && age >= 22 && age <= 70, c.key, 'birthday', b);
    }
    expect(bad.list).toEqual([]);
  });

  it('gives ≈30 % of persons a valid resident ID consistent with birthday, gender and store', () => {
    const bad = problems();
    for (const { store, customers } of generated) {
      const persons = customers.filter((c) => c.kind === 'person');
      const withId = persons.filter((c) => c.residentId !== null);
      expect(withId.length / persons.length).toBeGreaterThan(0.25);
      expect(withId.length / persons.length).toBeLessThan(0.35);
      for (const c of withId) {
        const id = c.residentId ?? '';
        const r = validateResidentId(id, { today: TODAY_ISO });
        bad.check(r.ok && r.birthDate === c.birthday && r.gender === c.gender, c.key, 'resident ID', id, c.birthday, c.gender);
        bad.check(id.slice(0, 6) === store.divisionCode, c.key, 'resident ID region', id);
      }
    }
    expect(bad.list).toEqual([]);
    expectUnique(allCustomers.flatMap((c) => (c.residentId === null ? [] : [c.residentId])));
  });

  it('places customers in the districts of the store city', () => {
    const bad = problems();
    for (const { store, customers } of generated) {
      const city = store.divisionCode.slice(0, 4);
      for (const c of customers) {
        bad.check(c.provinceCode === `${store.divisionCode.slice(0, 2)}0000`, c.key, 'province', c.provinceCode);
        bad.check(c.cityCode === `${city}00`, c.key, 'city', c.cityCode);
        bad.check(c.districtCode.startsWith(city) && c.districtCode.length === 6, c.key, 'district', c.districtCode);
        bad.check(/^[\u4e00-\u9fa5]+[路街道][东南西北中]? \d+ 号/.test(c.address), c.key, 'address', c.address);
      }
      const own = customers.filter((c) => c.districtCode === store.divisionCode).length / customers.length;
      expect(own).toBeGreaterThan(0.35);
      expect(own).toBeLessThan(0.6);
      expect(new Set(customers.map((c) => c.districtCode)).size).toBeGreaterThanOrEqual(5);
    }
    expect(bad.list).toEqual([]);
  });

  it('uses customer_source codes, at most two tags, ≈65 % marketing consent and past creation dates', () => {
    const bad = problems();
    const sources = new Set(demoDictionaries.filter((d) => d.type === 'customer_source').map((d) => d.code));
    const tags = new Set(['VIP', '老客户', '车队', '价格敏感', '新能源车主']);
    const sixYearsAgo = Date.parse('2020-03-15T00:00:00Z');
    const now = TODAY.getTime();
    for (const c of allCustomers) {
      bad.check(sources.has(c.source), c.key, 'source', c.source);
      bad.check(c.tags.length <= 2 && new Set(c.tags).size === c.tags.length, c.key, 'tag count', c.tags);
      bad.check(
        c.tags.every((t) => tags.has(t)),
        c.key,
        'tags',
        c.tags,
      );
      const created = Date.parse(c.createdAt);
      bad.check(c.createdAt === new Date(created).toISOString(), c.key, 'createdAt format', c.createdAt);
      bad.check(created <= now && created >= sixYearsAgo - DAY_MS, c.key, 'createdAt range', c.createdAt);
      const mc = c.marketingConsent;
      if (mc.consented) {
        const at = Date.parse(mc.at ?? '');
        bad.check(mc.channel !== null && ['sms', 'phone', 'wechat', 'paper'].includes(mc.channel), c.key, 'channel', mc.channel);
        bad.check(at >= created && at <= now, c.key, 'consent date', mc.at);
      } else {
        bad.check(mc.at === null && mc.channel === null, c.key, 'refused consent with details', mc);
      }
    }
    expect(bad.list).toEqual([]);
    const consent = allCustomers.filter((c) => c.marketingConsent.consented).length / allCustomers.length;
    expect(consent).toBeGreaterThan(0.6);
    expect(consent).toBeLessThan(0.7);
    // More recent customers are more likely.
    const lastYear = allCustomers.filter((c) => Date.parse(c.createdAt) > now - 365 * DAY_MS).length;
    const sixthYear = allCustomers.filter((c) => Date.parse(c.createdAt) < now - 5 * 365 * DAY_MS).length;
    expect(lastYear).toBeGreaterThan(sixthYear * 3);
    expect(new Set(allCustomers.map((c) => c.source)).size).toBe(sources.size);
  });

  it('builds valid VINs, unique across both stores, matching series and model year', () => {
    const bad = problems();
    for (const v of allVehicles) {
      const series = seriesByCode.get(v.seriesCode);
      bad.check(validateVin(v.vin).ok, v.key, 'VIN', v.vin);
      bad.check(v.vin.slice(0, 8) === demoVinWmi + (series?.vinVds ?? '?'), v.key, 'VIN prefix', v.vin, v.seriesCode);
      bad.check(vinModelYear(v.vin.charAt(9)).includes(v.modelYear), v.key, 'VIN model year', v.vin, v.modelYear);
      bad.check(v.vin.charAt(9) === vinYearCode(v.modelYear), v.key, 'VIN year code', v.vin);
      bad.check(/^\d{6}$/.test(v.vin.slice(11)), v.key, 'VIN serial', v.vin);
      bad.check(v.modelYear >= 2019 && v.modelYear <= 2026, v.key, 'model year', v.modelYear);
    }
    expect(bad.list).toEqual([]);
    expectUnique(allVehicles.map((v) => v.vin));
    expect(allVehicles.filter((v) => v.vin.endsWith('654321'))).toHaveLength(1);
  });

  it('uses models, configurations and colours from the range', () => {
    const bad = problems();
    for (const v of allVehicles) {
      const model = modelByCode.get(v.modelCode);
      const config = model?.configurations.find((c) => c.code === v.configurationCode);
      bad.check(model !== undefined && seriesByCode.get(v.seriesCode)?.models.includes(model) === true, v.key, 'model', v.modelCode);
      bad.check(config?.colours.includes(v.colour) === true, v.key, 'configuration/colour', v.configurationCode, v.colour);
      bad.check(/^[A-Z]{3}\d{6}$/.test(v.engineNo), v.key, 'engine number', v.engineNo);
    }
    expect(bad.list).toEqual([]);
    expect(new Set(allVehicles.map((v) => v.seriesCode)).size).toBe(range.length);
  });

  it('gives ≈97 % of the cars valid, unique plates of the store city', () => {
    const bad = problems();
    for (const { store, vehicles } of generated) {
      const plated = vehicles.filter((v) => v.plate !== null);
      const missing = (vehicles.length - plated.length) / vehicles.length;
      expect(missing).toBeGreaterThan(0.01);
      expect(missing).toBeLessThan(0.06);
      let local = 0;
      let newEnergyCount = 0;
      for (const v of plated) {
        const plate = v.plate ?? '';
        const result = validatePlate(plate);
        bad.check(result.ok, v.key, 'plate', plate);
        bad.check(plate.startsWith(store.plateProvince), v.key, 'plate province', plate);
        if (plate.charAt(1) === store.plateLetter) local++;
        const fuel = modelByCode.get(v.modelCode)?.fuelType;
        const newEnergy = result.ok && result.kind.startsWith('new-energy');
        if (newEnergy) newEnergyCount++;
        bad.check(newEnergy === (fuel === 'bev' || fuel === 'phev'), v.key, 'new-energy plate', plate, v.modelCode);
        if (newEnergy) bad.check(plate.charAt(2) === (fuel === 'bev' ? 'D' : 'F'), v.key, 'D/F', plate, fuel);
      }
      expect(newEnergyCount).toBeGreaterThan(0);
      expect(local / plated.length).toBeGreaterThan(0.93);
      expect(local / plated.length).toBeLessThan(1);
      // Not yet registered: recent sales only.
      for (const v of vehicles.filter((x) => x.plate === null)) {
        bad.check(v.soldHere && v.firstRegistration === null, v.key, 'unregistered car');
        bad.check(todayDay - dayOf(v.saleDate ?? '') <= 14, v.key, 'unregistered too long', v.saleDate);
      }
    }
    expect(bad.list).toEqual([]);
    expectUnique(allVehicles.flatMap((v) => (v.plate === null ? [] : [v.plate])));
  });

  it('has consistent sale, registration, warranty and insurance dates', () => {
    const bad = problems();
    const elsewhere = allVehicles.filter((v) => !v.soldHere).length / allVehicles.length;
    expect(elsewhere).toBeGreaterThan(0.08);
    expect(elsewhere).toBeLessThan(0.16);
    for (const v of allVehicles) {
      if (v.soldHere) {
        bad.check(/^\d{4}-\d{2}-\d{2}$/.test(v.saleDate ?? ''), v.key, 'sale date', v.saleDate);
        bad.check(v.warrantyStart === v.saleDate, v.key, 'warranty start', v.warrantyStart);
        bad.check(v.firstRegistration === null || v.firstRegistration >= (v.saleDate ?? ''), v.key, 'registered before sale');
      } else {
        bad.check(v.saleDate === null && v.firstRegistration !== null, v.key, 'bought elsewhere', v.saleDate);
        bad.check(v.warrantyStart === v.firstRegistration, v.key, 'warranty start', v.warrantyStart);
      }
      const start = v.warrantyStart ?? '';
      const end = v.warrantyEnd ?? '';
      bad.check(dayOf(start) <= todayDay, v.key, 'warranty starts in the future', start);
      bad.check(Number(end.slice(0, 4)) - Number(start.slice(0, 4)) === 3, v.key, 'warranty years', start, end);
      bad.check(start.slice(5) === '02-29' || end.slice(5) === start.slice(5), v.key, 'warranty end', start, end);
      if (v.firstRegistration === null) {
        bad.check(v.insuranceExpiry === null, v.key, 'insurance without registration');
      } else {
        bad.check(Math.abs(dayOf(v.insuranceExpiry ?? '') - todayDay) <= 366, v.key, 'insurance expiry', v.insuranceExpiry);
        // Expires the day before an anniversary of the first registration.
        const next = new Date(Date.parse(`${v.insuranceExpiry}T00:00:00Z`) + DAY_MS).toISOString();
        bad.check(next.slice(0, 4) > v.firstRegistration.slice(0, 4), v.key, 'insurance year', v.insuranceExpiry);
        bad.check(
          v.firstRegistration.slice(5) === '02-29' || next.slice(5, 10) === v.firstRegistration.slice(5),
          v.key,
          'insurance anniversary',
          v.firstRegistration,
          v.insuranceExpiry,
        );
      }
    }
    expect(bad.list).toEqual([]);
  });

  it('records mileage ascending by date and never decreasing', () => {
    const bad = problems();
    let totalRate = 0;
    let rated = 0;
    for (const v of allVehicles) {
      const m = v.mileage;
      const first = m[0];
      const last = m[m.length - 1];
      if (first === undefined || last === undefined) {
        bad.add(v.key, 'no mileage');
        continue;
      }
      if (v.soldHere) bad.check(first.at === v.saleDate && first.km === 0 && first.source === 'sale', v.key, 'sale reading', first);
      else bad.check(first.source === 'service', v.key, 'first reading', first);
      for (let i = 1; i < m.length; i++) {
        const prev = m[i - 1] as DemoMileageReading;
        const cur = m[i] as DemoMileageReading;
        const gap = dayOf(cur.at) - dayOf(prev.at);
        bad.check(cur.km >= prev.km && gap >= 120 && gap <= 240, v.key, 'reading', prev, cur);
        bad.check(cur.source === 'service' || cur.source === 'customer', v.key, 'reading source', cur.source);
      }
      bad.check(dayOf(last.at) <= todayDay, v.key, 'reading in the future', last.at);
      bad.check(
        m.every((r) => Number.isInteger(r.km)),
        v.key,
        'integer km',
      );
      if (v.soldHere && m.length >= 3) {
        totalRate += (last.km / (dayOf(last.at) - dayOf(v.saleDate ?? ''))) * 365;
        rated++;
      }
    }
    expect(bad.list).toEqual([]);
    const meanRate = totalRate / rated;
    expect(meanRate).toBeGreaterThan(12_000);
    expect(meanRate).toBeLessThan(20_000);
  });

  it('links every vehicle to an owner (and user) of the same store', () => {
    const bad = problems();
    for (const { customers, vehicles } of generated) {
      const keys = new Set(customers.map((c) => c.key));
      const created = new Map(customers.map((c) => [c.key, c.createdAt.slice(0, 10)]));
      const owned = new Map<string, number>();
      for (const v of vehicles) {
        bad.check(keys.has(v.ownerKey), v.key, 'owner', v.ownerKey);
        owned.set(v.ownerKey, (owned.get(v.ownerKey) ?? 0) + 1);
        if (v.userKey !== null) bad.check(keys.has(v.userKey) && v.userKey !== v.ownerKey, v.key, 'user', v.userKey);
        // A sale here happens after the customer was created.
        if (v.saleDate !== null) bad.check(v.saleDate >= (created.get(v.ownerKey) ?? ''), v.key, 'sold before created', v.saleDate);
      }
      expect(owned.size).toBe(customers.length);
      const multi = [...owned.values()].filter((n) => n >= 2).length;
      expect(multi).toBeGreaterThan(300);
      const withUser = vehicles.filter((v) => v.userKey !== null).length / vehicles.length;
      expect(withUser).toBeGreaterThan(0.07);
      expect(withUser).toBeLessThan(0.13);
      // New-energy owners are tagged as such more often than not, and only they are.
      const ne = new Set(
        vehicles.filter((v) => ['bev', 'phev'].includes(modelByCode.get(v.modelCode)?.fuelType ?? '')).map((v) => v.ownerKey),
      );
      const tagged = customers.filter((c) => c.tags.includes('新能源车主'));
      for (const c of tagged) bad.check(ne.has(c.key), c.key, 'new-energy tag without a new-energy car');
      expect(tagged.length).toBeGreaterThan(ne.size * 0.6);
    }
    expect(bad.list).toEqual([]);
  });

  it('includes the named customers in the first store only', () => {
    const [first, second] = generated;
    for (const named of demoNamedCustomers) {
      const matches = allCustomers.filter((c) => c.name === named.name);
      expect(matches).toHaveLength(1);
      const c = matches[0] as DemoCustomer;
      expect(c.key.startsWith(`${first?.store.code}-`)).toBe(true);
      expect(c).toMatchObject({ kind: 'person', phone: named.phone, gender: named.gender, birthday: named.birthday });
      const vehicles = first?.vehicles.filter((v) => v.ownerKey === c.key) ?? [];
      expect(vehicles).toHaveLength(1);
      expect(vehicles[0]).toMatchObject({
        plate: named.vehicle.plate,
        vin: named.vehicle.vin,
        modelCode: named.vehicle.modelCode,
        configurationCode: named.vehicle.configurationCode,
        modelYear: named.vehicle.modelYear,
        soldHere: true,
      });
      expect(second?.customers.some((x) => x.phone === named.phone)).toBe(false);
    }
    const zhang = first?.customers.find((c) => c.name === '张三');
    expect(zhang?.phone).toBe('13800138000');
    expect(validateResidentId(zhang?.residentId ?? '', { today: TODAY_ISO })).toMatchObject({ ok: true, gender: 'male' });
    const car = first?.vehicles.find((v) => v.ownerKey === zhang?.key);
    expect(car?.plate).toBe('粤A12345');
    expect(car?.vin.slice(-6)).toBe('654321');
    expect(validateVin(car?.vin ?? '').ok).toBe(true);
    expect(first?.customers.find((c) => c.phone === '13900139000')?.name).toBe('李四');
    expect(first?.customers.find((c) => c.phone === '13700137000')?.name).toBe('王小明');
    expect(first?.vehicles.find((v) => v.plate === '粤AD12345')?.seriesCode).toBe('ID4');
  });
});
