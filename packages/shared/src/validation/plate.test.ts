import { describe, it, expect } from 'vitest';
import { isValidPlate, normalizePlate, PLATE_PROVINCES, validatePlate } from './plate';

describe('normalizePlate', () => {
  it.each([
    ['京A12345', '京A12345'],
    ['京a12345', '京A12345'],
    ['粤B·D12345', '粤BD12345'],
    ['粤b.d12345', '粤BD12345'],
    ['沪A-12345', '沪A12345'],
    [' 苏E 1234学 ', '苏E1234学'],
    ['京Ａ１２３４５', '京A12345'],
    ['粤B•12345D', '粤B12345D'],
  ])('%j → %j', (input, expected) => {
    expect(normalizePlate(input)).toBe(expected);
  });
});

describe('validatePlate', () => {
  it.each([
    ['京A12345', 'standard'],
    ['沪C9Z8Y7', 'standard'],
    ['京AHX999', 'standard'],
    ['粤BD12345', 'new-energy-small'],
    ['沪AD12345', 'new-energy-small'],
    ['沪AFA1234', 'new-energy-small'],
    ['粤B12345D', 'new-energy-large'],
    ['京A12345F', 'new-energy-large'],
    ['苏E1234学', 'special'],
    ['京A1234警', 'special'],
    ['沪A1234领', 'special'],
    ['鲁B1234挂', 'special'],
    ['粤Z1234港', 'special'],
    ['粤Z1234澳', 'special'],
  ] as const)('%s is %s', (plate, kind) => {
    expect(validatePlate(plate)).toEqual({ ok: true, kind });
    expect(isValidPlate(plate)).toBe(true);
  });

  it('accepts the separator form once normalised', () => {
    expect(validatePlate(normalizePlate('粤B·D12345'))).toEqual({ ok: true, kind: 'new-energy-small' });
  });

  it('knows all 31 province abbreviations', () => {
    expect(PLATE_PROVINCES).toHaveLength(31);
    for (const p of PLATE_PROVINCES) expect(validatePlate(`${p}A12345`).ok).toBe(true);
  });

  it.each([
    ['无A12345', 'province'],
    ['A12345', 'province'],
    ['使123456', 'province'],
    ['京I12345', 'letter'],
    ['京112345', 'letter'],
    ['京a12345', 'letter'],
    ['京A1234', 'length'],
    ['京A1234567', 'length'],
    ['京A12345学', 'length'],
    ['京A', 'length'],
    ['', 'length'],
    ['京AO1234', 'characters'],
    ['京A1I234', 'characters'],
    ['京A1234甲', 'characters'],
    ['京A12O4学', 'characters'],
    ['粤B·D12345', 'length'],
    ['粤B1234·', 'characters'],
    ['沪A123456', 'new-energy-position'],
    ['沪AD1234A', 'new-energy-position'],
    ['沪ADA123B', 'new-energy-position'],
    ['沪A1234D5', 'new-energy-position'],
  ] as const)('%j fails with %s', (plate, reason) => {
    expect(validatePlate(plate)).toEqual({ ok: false, reason });
    expect(isValidPlate(plate)).toBe(false);
  });
});
