import { describe, expect, it } from 'vitest';
import { isValidMobile } from '@sifang/shared/validation/phone';
import { validatePlate } from '@sifang/shared/validation/plate';
import { isValidVin } from '@sifang/shared/validation/vin';
import { demoCustomersAndVehicles } from '../demo/data/customers.js';
import { demoStores } from '../demo/data/other.js';
import { createRng } from '../demo/data/rng.js';
import { divisionChainValid } from '../modules/masterdata/index.js';
import { createDayCalendar } from './calendar.js';
import { IDENTITY_SLOTS, PLATE_SLOTS } from './plugins/customers.js';
import { MAX_SCALE_STORES, scaleCities, scaleStore } from './stores.js';

describe('generated stores', () => {
  it('are the same store for an index whatever was asked before', () => {
    const late = scaleStore(57);
    expect(scaleStore(0).code).toBe('S001');
    expect(scaleStore(57)).toBe(late);
    expect(late.code).toBe('S058');
    expect(scaleStore(MAX_SCALE_STORES - 1).code).toBe('S999');
    expect(() => scaleStore(MAX_SCALE_STORES)).toThrow();
  });

  it('are in ≈60 real cities with their division codes and plate prefixes', () => {
    expect(scaleCities.length).toBeGreaterThanOrEqual(60);
    const prefixes = new Set(scaleCities.map((c) => c.plate));
    expect(prefixes.size).toBe(scaleCities.length);
    const cities = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const s = scaleStore(i);
      cities.add(s.city);
      const province = `${s.divisionCode.slice(0, 2)}0000`;
      const city = `${s.divisionCode.slice(0, 4)}00`;
      expect(divisionChainValid(province, city, s.divisionCode), `${s.code} ${s.divisionCode}`).toBe(true);
      expect(s.districts[0]!.code).toBe(s.divisionCode);
      for (const d of s.districts) expect(divisionChainValid(province, city, d.code), `${s.code} ${d.code}`).toBe(true);
      expect(prefixes.has(s.plateProvince + s.plateLetter)).toBe(true);
      expect(s.name).toMatch(/^示例一汽-大众.+店$/);
      expect(s.address.includes(s.district)).toBe(true);
      expect(s.otherPlateLetters.some(([l]) => l === s.plateLetter)).toBe(false);
    }
    // the first 100 stores cover most of the table, and big cities hold several
    expect(cities.size).toBeGreaterThanOrEqual(60);
    const shanghai = Array.from({ length: 100 }, (_, i) => scaleStore(i)).filter((s) => s.city === '上海市');
    expect(shanghai.length).toBeGreaterThan(1);
    expect(new Set(shanghai.map((s) => s.divisionCode)).size).toBe(shanghai.length);
  });

  it('give phones and VINs unique across the group, and valid plates of the store’s province', () => {
    const today = new Date('2026-06-30T04:00:00Z');
    const calendar = createDayCalendar(today, 2);
    const phones = new Set<string>();
    const vins = new Set<string>();
    let generated = 0;
    for (const [i, demo] of demoStores.entries()) {
      const data = demoCustomersAndVehicles(createRng(i), demo, today, { customers: 5000, vehicles: 6000 });
      for (const c of data.customers) for (const p of [c.phone, ...c.extraPhones]) phones.add(p);
      for (const v of data.vehicles) vins.add(v.vin);
    }
    const demoPhones = phones.size;
    const demoVins = vins.size;
    // the first stores, and the last possible ones: every slot stays out of the demo's numbers and each other's
    for (const index of [0, 1, 2, 3, 35, 63, 500, 997, 998]) {
      const def = scaleStore(index);
      const data = demoCustomersAndVehicles(
        createRng(1000 + index),
        def,
        today,
        { customers: 900, vehicles: 1500 },
        {
          arrivalDay: (rng) => calendar.sampleDay(rng, 'sales'),
          districts: def.districts,
          otherPlateLetters: def.otherPlateLetters,
          identity: { slot: def.index, slots: IDENTITY_SLOTS, plateSlot: def.provinceOrdinal % PLATE_SLOTS, plateSlots: PLATE_SLOTS },
        },
      );
      for (const c of data.customers) {
        for (const p of [c.phone, ...c.extraPhones]) {
          expect(isValidMobile(p)).toBe(true);
          phones.add(p);
          generated++;
        }
        expect(c.districtCode.slice(0, 4)).toBe(def.divisionCode.slice(0, 4));
      }
      for (const v of data.vehicles) {
        expect(isValidVin(v.vin), v.vin).toBe(true);
        vins.add(v.vin);
        if (v.plate) {
          expect(validatePlate(v.plate).ok, v.plate).toBe(true);
          expect(v.plate.charAt(0)).toBe(def.plateProvince);
        }
      }
    }
    expect(vins.size).toBe(demoVins + 9 * 1500);
    expect(phones.size).toBe(demoPhones + generated);
  });
});
