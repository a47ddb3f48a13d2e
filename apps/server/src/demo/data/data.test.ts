import { describe, it, expect } from 'vitest';
import { createRng } from './rng.js';
import { demoBrand, demoModelRange, demoVinWmi } from './vehicles.js';
import { demoRepairTypes, defaultLabourRatesFen } from './repair-types.js';
import { demoLabourOperations } from './labour-operations.js';
import { demoParts } from './parts.js';
import { chineseName, chinesePerson, mobilePhone } from './people.js';
import {
  demoDictionaries,
  demoInsurers,
  demoPaymentMethods,
  demoStores,
  demoSuppliers,
} from './other.js';

const unique = (values: readonly string[]): boolean => new Set(values).size === values.length;

describe('createRng', () => {
  it('is deterministic per seed and differs between seeds', () => {
    const a = createRng(123);
    const b = createRng(123);
    const c = createRng(124);
    const seqA = Array.from({ length: 20 }, () => a.next());
    const seqB = Array.from({ length: 20 }, () => b.next());
    const seqC = Array.from({ length: 20 }, () => c.next());
    expect(seqA).toEqual(seqB);
    expect(seqA).not.toEqual(seqC);
  });

  it('stays within its ranges', () => {
    const rng = createRng(7);
    const weightedSeen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const x = rng.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      const n = rng.int(3, 6);
      expect(Number.isInteger(n)).toBe(true);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(6);
      expect(['a', 'b', 'c']).toContain(rng.pick(['a', 'b', 'c']));
      weightedSeen.add(rng.weighted([['x', 1], ['never', 0], ['y', 3]] as const));
    }
    expect([...weightedSeen].sort()).toEqual(['x', 'y']);
    expect(createRng(1).chance(0)).toBe(false);
    expect(createRng(1).chance(1)).toBe(true);
  });

  it('covers both ends of int()', () => {
    const rng = createRng(99);
    const seen = new Set<number>();
    for (let i = 0; i < 500; i++) seen.add(rng.int(1, 4));
    expect([...seen].sort()).toEqual([1, 2, 3, 4]);
  });
});

describe('vehicles', () => {
  const range = demoModelRange();

  it('describes the FAW-Volkswagen range', () => {
    expect(demoBrand).toEqual({ code: 'FAW-VW', name: '一汽-大众', nameEn: 'FAW-Volkswagen' });
    expect(demoVinWmi).toBe('LFV');
    expect(range.length).toBeGreaterThanOrEqual(10);
    expect(range.length).toBeLessThanOrEqual(12);
    expect(demoModelRange()).toEqual(range);
  });

  it('has unique ASCII upper-case codes and sane shapes', () => {
    const code = /^[A-Z0-9-]+$/;
    expect(unique(range.map((s) => s.code))).toBe(true);
    for (const s of range) {
      expect(s.code).toMatch(code);
      expect(s.vinVds).toMatch(/^[A-HJ-NPR-Z0-9]{5}$/);
      expect(s.models.length).toBeGreaterThanOrEqual(1);
      expect(s.models.length).toBeLessThanOrEqual(3);
      expect(unique(s.models.map((m) => m.code))).toBe(true);
      for (const m of s.models) {
        expect(m.code).toMatch(code);
        expect([2025, 2026]).toContain(m.modelYear);
        expect(m.configurations.length).toBeGreaterThanOrEqual(2);
        expect(m.configurations.length).toBeLessThanOrEqual(5);
        expect(unique(m.configurations.map((c) => c.code))).toBe(true);
        for (const c of m.configurations) {
          expect(c.code).toMatch(code);
          expect(Number.isInteger(c.msrpFen)).toBe(true);
          expect(c.msrpFen).toBeGreaterThanOrEqual(9_000_000);
          expect(c.msrpFen).toBeLessThanOrEqual(40_000_000);
          expect(c.colours.length).toBeGreaterThanOrEqual(4);
          expect(c.colours.length).toBeLessThanOrEqual(8);
          expect(unique(c.colours)).toBe(true);
        }
      }
    }
  });

  it('has the expected price bands', () => {
    const prices = (series: string): number[] =>
      range.find((s) => s.code === series)?.models.flatMap((m) => m.configurations.map((c) => c.msrpFen)) ?? [];
    expect(Math.min(...prices('BORA'))).toBe(9_980_000);
    expect(Math.max(...prices('BORA'))).toBe(13_980_000);
    expect(Math.min(...prices('MAGOTAN'))).toBe(18_990_000);
    expect(Math.max(...prices('MAGOTAN'))).toBe(27_990_000);
    expect(Math.min(...prices('TALAGON'))).toBe(29_990_000);
    expect(Math.max(...prices('TALAGON'))).toBe(37_990_000);
    expect(Math.min(...prices('ID4'))).toBe(16_990_000);
    expect(Math.max(...prices('ID4'))).toBe(21_990_000);
  });
});

describe('repair types', () => {
  it('lists the ten repair types with a labour rate each', () => {
    expect(demoRepairTypes.map((r) => r.code)).toEqual([
      'MAINT', 'MECH', 'BODY', 'PAINT', 'ACCIDENT', 'WARRANTY', 'INTERNAL', 'REWORK', 'BEAUTY', 'PDI',
    ]);
    for (const r of demoRepairTypes) {
      const rate = defaultLabourRatesFen[r.code];
      expect(Number.isInteger(rate)).toBe(true);
      expect(rate).toBeGreaterThanOrEqual(15_000);
      expect(rate).toBeLessThanOrEqual(26_000);
    }
    expect(defaultLabourRatesFen.WARRANTY).toBe(15_000);
  });
});

describe('labour operations', () => {
  const ops = demoLabourOperations(createRng(2024));

  it('is deterministic', () => {
    expect(demoLabourOperations(createRng(2024))).toEqual(ops);
  });

  it('has ≈300 items with unique codes, known repair types and 2-decimal hours', () => {
    expect(ops.length).toBeGreaterThanOrEqual(270);
    expect(ops.length).toBeLessThanOrEqual(330);
    expect(unique(ops.map((o) => o.code))).toBe(true);
    const types = new Set<string>(demoRepairTypes.map((r) => r.code));
    for (const o of ops) {
      expect(o.code).toMatch(/^LB-[A-Z]+-\d{4}$/);
      expect(types.has(o.repairTypeCode)).toBe(true);
      expect(o.standardHours).toMatch(/^\d+\.\d{2}$/);
      expect(Number(o.standardHours)).toBeGreaterThan(0);
    }
    // Every repair type has at least one operation.
    expect(new Set(ops.map((o) => o.repairTypeCode)).size).toBe(demoRepairTypes.length);
    expect(ops.map((o) => o.name)).toEqual(expect.arrayContaining(['更换机油机滤', '四轮定位', '前保险杠喷漆', '镀晶']));
  });
});

describe('parts', () => {
  const parts = demoParts(createRng(2024));
  const byNo = new Map(parts.map((p) => [p.partNo, p]));

  it('is deterministic', () => {
    expect(demoParts(createRng(2024))).toEqual(parts);
  });

  it('has ≈2000 items with unique VW-style part numbers', () => {
    expect(parts.length).toBeGreaterThanOrEqual(1900);
    expect(parts.length).toBeLessThanOrEqual(2100);
    expect(byNo.size).toBe(parts.length);
    for (const p of parts) expect(p.partNo).toMatch(/^[0-9A-Z]{3}\d{3}\d{3}[A-Z]{0,2}$/);
  });

  it('has consistent prices and stock levels', () => {
    for (const p of parts) {
      expect(Number.isInteger(p.costFen)).toBe(true);
      expect(Number.isInteger(p.retailFen)).toBe(true);
      expect(Number.isInteger(p.warrantyFen)).toBe(true);
      expect(p.costFen).toBeGreaterThan(0);
      expect(p.retailFen).toBeGreaterThan(p.costFen);
      expect(p.retailFen % 100).toBe(0);
      const margin = p.retailFen / p.costFen - 1;
      expect(margin).toBeGreaterThanOrEqual(0.195);
      expect(margin).toBeLessThanOrEqual(0.455);
      expect(Math.abs(p.warrantyFen - p.costFen * 1.1)).toBeLessThanOrEqual(1);
      expect(Number.isInteger(p.safetyStock)).toBe(true);
      expect(p.safetyStock).toBeGreaterThanOrEqual(0);
      expect(p.reorderPoint).toBeGreaterThan(p.safetyStock);
    }
  });

  it('has an ABC split of ≈12 / 25 / 63 %', () => {
    const share = (c: string): number => parts.filter((p) => p.abcClass === c).length / parts.length;
    expect(share('A')).toBeGreaterThanOrEqual(0.1);
    expect(share('A')).toBeLessThanOrEqual(0.15);
    expect(share('B')).toBeGreaterThanOrEqual(0.2);
    expect(share('B')).toBeLessThanOrEqual(0.3);
    expect(byNo.size).toBeGreaterThan(0);
    const oil = parts.find((p) => p.name === '原厂机油 5W-30 4L');
    expect(oil?.abcClass).toBe('A');
  });

  it('supersedes a few parts by parts that exist', () => {
    const superseded = parts.filter((p) => p.supersededBy !== undefined);
    expect(superseded.length).toBeGreaterThan(5);
    expect(superseded.length).toBeLessThan(parts.length * 0.1);
    for (const p of superseded) {
      const next = byNo.get(p.supersededBy ?? '');
      expect(next).toBeDefined();
      expect(next?.partNo).not.toBe(p.partNo);
      expect(next?.supersededBy).toBeUndefined();
    }
  });
});

describe('people', () => {
  it('generates deterministic names of 2–4 Chinese characters', () => {
    const names = Array.from({ length: 500 }, ((rng) => () => chineseName(rng))(createRng(5)));
    const again = Array.from({ length: 500 }, ((rng) => () => chineseName(rng))(createRng(5)));
    expect(again).toEqual(names);
    for (const n of names) expect(n).toMatch(/^[\u4e00-\u9fa5]{2,4}$/);
    expect(new Set(names).size).toBeGreaterThan(300);
    // Common surnames dominate.
    const top = names.filter((n) => ['王', '李', '张', '刘', '陈'].includes(n.charAt(0))).length;
    expect(top / names.length).toBeGreaterThan(0.2);
  });

  it('respects a requested gender', () => {
    const rng = createRng(8);
    for (let i = 0; i < 50; i++) expect(chinesePerson(rng, 'female').gender).toBe('female');
  });

  it('generates valid mainland mobile numbers', () => {
    const rng = createRng(6);
    for (let i = 0; i < 1000; i++) expect(mobilePhone(rng)).toMatch(/^1[3-9]\d{9}$/);
  });
});

describe('other master data', () => {
  it('has unique codes in every list', () => {
    expect(unique(demoSuppliers.map((s) => s.code))).toBe(true);
    expect(unique(demoInsurers.map((s) => s.code))).toBe(true);
    expect(unique(demoPaymentMethods.map((s) => s.code))).toBe(true);
    expect(unique(demoStores.map((s) => s.code))).toBe(true);
    expect(unique(demoDictionaries.map((d) => `${d.type}:${d.code}`))).toBe(true);
  });

  it('has the expected contents', () => {
    expect(demoSuppliers.length).toBeGreaterThanOrEqual(10);
    expect(demoSuppliers[0]?.name).toBe('一汽-大众销售有限责任公司');
    expect(demoInsurers.find((i) => i.code === 'PICC')?.phone).toBe('95518');
    expect(demoPaymentMethods.map((p) => p.code)).toEqual([
      'CASH', 'CARD', 'WECHAT', 'ALIPAY', 'TRANSFER', 'MEMBER_CARD', 'LOAN',
    ]);
    const types = new Set(demoDictionaries.map((d) => d.type));
    expect([...types].sort()).toEqual(
      ['complaint_type', 'customer_source', 'defeat_reason', 'followup_outcome', 'no_show_reason'],
    );
    expect(demoStores.map((s) => [s.code, s.plateProvince + s.plateLetter])).toEqual([
      ['GZ01', '粤A'],
      ['FS01', '粤E'],
    ]);
    for (const s of demoSuppliers) expect(s.phone).toMatch(/^(0\d{2,3}-\d{7,8}|1[3-9]\d{9})$/);
  });
});
