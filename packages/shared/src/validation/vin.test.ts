import { describe, it, expect } from 'vitest';
import { isValidVin, makeVin, normalizeVin, validateVin, vinCheckDigit, vinModelYear } from './vin';

/**
 * Independent reference for the test: letters paired with their transliterated
 * values (ISO 3779 / GB 16735) and the position weights, written out again here.
 */
const LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const LETTER_VALUES = '12345678123457923456789';
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
function referenceValue(c: string): number {
  return /\d/.test(c) ? Number(c) : Number(LETTER_VALUES[LETTERS.indexOf(c)]);
}
function referenceCheckDigit(vin: string): string {
  let sum = 0;
  [...vin].forEach((c, i) => {
    sum += referenceValue(c) * (WEIGHTS[i] ?? 0);
  });
  return sum % 11 === 10 ? 'X' : String(sum % 11);
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Published VINs used as examples in VIN documentation and decoders.
const REAL_VINS = [
  ['1M8GDM9AXKP042788', '1M8', 'K'], // the classic check-digit worked example
  ['11111111111111111', '111', '1'],
  ['1HGCM82633A004352', '1HG', '3'], // Honda Accord (NHTSA decoder examples)
  ['JH4KA7561PC008269', 'JH4', 'P'], // Acura Legend (NHTSA decoder examples)
  ['5YJ3E1EA7HF000337', '5YJ', 'H'], // Tesla Model 3
  ['LVSHCAMB1CE054249', 'LVS', 'C'], // Changan Ford, example in the vin-decoder project
] as const;

describe('vinCheckDigit', () => {
  it('matches the worked example 1M8GDM9AXKP042788 by hand', () => {
    // 1 M  8 G  D  M  9 A  _ K  P  0 4 2 7 8 8
    // 1 4  8 7  4  4  9 1  _ 2  7  0 4 2 7 8 8  (transliterated)
    // 8+28+48+35+16+12+18+10+0+18+56+0+24+10+28+24+16 = 351; 351 mod 11 = 10 → X
    expect(vinCheckDigit('1M8GDM9AXKP042788')).toBe('X');
  });

  it('matches a Chinese-market VIN (SAIC Volkswagen WMI LSV) by hand', () => {
    // L  S  V  A  U  2  1  8  _  N  2  1  8  3  2  9  4
    // 3  2  5  1  4  2  1  8  _  5  2  1  8  3  2  9  4  (transliterated)
    // 24+14+30+5+16+6+2+80+0+45+16+7+48+15+8+27+8 = 351 → X
    expect(vinCheckDigit('LSVAU2180N2183294')).toBe('X');
  });

  it('ignores the character at position 9', () => {
    expect(vinCheckDigit('1M8GDM9A0KP042788')).toBe('X');
  });

  it('throws on input that is not 17 VIN characters', () => {
    expect(() => vinCheckDigit('1M8GDM9AXKP04278')).toThrow(RangeError);
    expect(() => vinCheckDigit('1M8GDM9AXKP04278O')).toThrow(RangeError);
  });
});

describe('validateVin', () => {
  it.each(REAL_VINS)('accepts %s', (vin, wmi, modelYearCode) => {
    expect(vinCheckDigit(vin)).toBe(referenceCheckDigit(vin));
    expect(validateVin(vin)).toEqual({
      ok: true,
      wmi,
      modelYearCode,
      modelYears: vinModelYear(modelYearCode),
    });
    expect(isValidVin(vin)).toBe(true);
  });

  it('decodes WMI and model year', () => {
    expect(validateVin('1HGCM82633A004352')).toEqual({
      ok: true,
      wmi: '1HG',
      modelYearCode: '3',
      modelYears: [2003, 2033],
    });
    const r = validateVin('LVSHCAMB1CE054249');
    expect(r.ok && r.modelYears).toEqual([1982, 2012]);
  });

  it.each([
    ['1M8GDM9A1KP042788', 'check-digit'],
    ['1HGCM82643A004352', 'check-digit'],
    ['LVSHCAMB2CE054249', 'check-digit'],
    ['11111111111111112', 'check-digit'],
    ['1M8GDM9AXKP04278O', 'characters'], // O
    ['1M8GDM9AXKP0427I8', 'characters'], // I
    ['QM8GDM9AXKP042788', 'characters'], // Q
    ['1m8gdm9axkp042788', 'characters'], // not normalised
    ['1M8GDM9AXKP04278', 'length'], // 16
    ['1M8GDM9AXKP0427888', 'length'], // 18
    ['', 'length'],
  ] as const)('%j fails with %s', (vin, reason) => {
    expect(validateVin(vin)).toEqual({ ok: false, reason });
    expect(isValidVin(vin)).toBe(false);
  });
});

describe('makeVin', () => {
  it.each([
    ['LSVAU218', 'N2183294'], // SAIC Volkswagen
    ['LFV2A21K', 'A4153727'], // FAW-Volkswagen
    ['LVSHCAMB', 'CE054249'], // Changan Ford
    ['LGBH52E0', 'HY123456'], // Dongfeng Nissan
  ])('inserts the check digit for %s…%s', (prefix, suffix) => {
    const vin = makeVin(prefix, suffix);
    expect(vin).toHaveLength(17);
    expect(vin.slice(0, 8)).toBe(prefix);
    expect(vin.slice(9)).toBe(suffix);
    expect(vin.charAt(8)).toBe(referenceCheckDigit(vin));
    expect(isValidVin(vin)).toBe(true);
  });

  it('reproduces published VINs', () => {
    expect(makeVin('LVSHCAMB', 'CE054249')).toBe('LVSHCAMB1CE054249');
    expect(makeVin('1M8GDM9A', 'KP042788')).toBe('1M8GDM9AXKP042788');
    expect(makeVin('LSVAU218', 'N2183294')).toBe('LSVAU218XN2183294');
  });

  it('rejects bad parts', () => {
    expect(() => makeVin('LSVAU21', 'N2183294')).toThrow(RangeError);
    expect(() => makeVin('LSVAU218', 'N218329O')).toThrow(RangeError);
    expect(() => makeVin('lsvau218', 'N2183294')).toThrow(RangeError);
  });

  it('detects every single-character substitution (seeded random VINs)', () => {
    const alphabet = '0123456789ABCDEFGHJKLMNPRSTUVWXYZ';
    const rand = mulberry32(3779);
    const pick = (): string => alphabet.charAt(Math.floor(rand() * alphabet.length));
    for (let n = 0; n < 500; n++) {
      const body = Array.from({ length: 16 }, pick).join('');
      const vin = makeVin(body.slice(0, 8), body.slice(8));
      expect(isValidVin(vin)).toBe(true);
      const pos = [0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15, 16][n % 16] ?? 0;
      const original = vin.charAt(pos);
      const replacement = pick();
      const changed = `${vin.slice(0, pos)}${replacement}${vin.slice(pos + 1)}`;
      // weights 1–10 and value differences 1–9 are never multiples of 11
      if (referenceValue(replacement) !== referenceValue(original)) {
        expect(validateVin(changed)).toEqual({ ok: false, reason: 'check-digit' });
      }
    }
  });
});

describe('vinModelYear', () => {
  it.each([
    ['A', [1980, 2010]],
    ['H', [1987, 2017]],
    ['K', [1989, 2019]],
    ['S', [1995, 2025]],
    ['T', [1996, 2026]],
    ['Y', [2000, 2030]],
    ['1', [2001, 2031]],
    ['9', [2009, 2039]],
    ['U', []],
    ['Z', []],
    ['0', []],
    ['Q', []],
    ['I', []],
    ['', []],
    ['AB', []],
  ] as const)('%j → %j', (code, years) => {
    expect(vinModelYear(code)).toEqual(years);
  });
});

describe('normalizeVin', () => {
  it('upper-cases and strips spaces and dashes', () => {
    expect(normalizeVin(' 1m8gdm9axkp042788 ')).toBe('1M8GDM9AXKP042788');
    expect(normalizeVin('LVSHCAMB1-CE054249')).toBe('LVSHCAMB1CE054249');
    expect(normalizeVin('ＬＶＳ HCAMB1CE054249')).toBe('LVSHCAMB1CE054249');
  });
});
