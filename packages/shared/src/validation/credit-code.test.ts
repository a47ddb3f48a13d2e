import { describe, it, expect } from 'vitest';
import { creditCodeCheckChar, isValidCreditCode, normalizeCreditCode, validateCreditCode } from './credit-code';

const REAL_CODES = [
  ['91350100M000100Y43', 'commonly cited GB 32100 sample'],
  ['914403001922038216', '华为技术有限公司'],
  ['91440300708461136T', '腾讯科技（深圳）有限公司'],
  ['91330100799655058B', '阿里巴巴（中国）有限公司'],
  ['91110108551385082Q', '小米科技有限责任公司'],
  ['91440300192317458F', '比亚迪股份有限公司'],
  ['91520000214434146R', '中航重机股份有限公司'],
] as const;

describe('creditCodeCheckChar', () => {
  it('matches 91350100M000100Y43 by hand', () => {
    // chars    9  1  3  5  0  1  0  0  M  0  0  0  1  0  0  Y  4
    // values   9  1  3  5  0  1  0  0 21  0  0  0  1  0  0 30  4
    // weights  1  3  9 27 19 26 16 17 20 29 25 13  8 24 10 30 28
    // 9+3+27+135+0+26+0+0+420+0+0+0+8+0+0+900+112 = 1640; 1640 mod 31 = 28; 31 − 28 = 3 → '3'
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });
  it('throws on characters outside the alphabet', () => {
    expect(() => creditCodeCheckChar('91350100M000100I4')).toThrow(RangeError);
    expect(() => creditCodeCheckChar('9135')).toThrow(RangeError);
  });
});

describe('validateCreditCode', () => {
  it.each(REAL_CODES)('accepts %s (%s)', (code) => {
    expect(validateCreditCode(code)).toEqual({ ok: true });
    expect(isValidCreditCode(code)).toBe(true);
  });

  it('maps a remainder of 0 to the check character 0', () => {
    // find a body whose sum is a multiple of 31 and check the rule 31 → 0
    const body = '91350100M000100Y';
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const withZero = [...alphabet].map((c) => `${body}${c}`).find((b) => creditCodeCheckChar(b) === '0');
    expect(withZero).toBeDefined();
    expect(validateCreditCode(`${withZero ?? ''}0`)).toEqual({ ok: true });
  });

  it.each([
    ['91350100M000100Y44', 'check'],
    ['914403001922038217', 'check'],
    ['91440300708461136A', 'check'],
    ['91350100M000100Y4', 'length'],
    ['91350100M000100Y433', 'length'],
    ['', 'length'],
    ['91350100M000100I43', 'characters'], // I
    ['91350100M000100O43', 'characters'], // O
    ['91350100M000100S43', 'characters'], // S
    ['91350100M000100V43', 'characters'], // V
    ['91350100M000100Z43', 'characters'], // Z
    ['91350100m000100y43', 'characters'], // not normalised
  ] as const)('%j fails with %s', (code, reason) => {
    expect(validateCreditCode(code)).toEqual({ ok: false, reason });
    expect(isValidCreditCode(code)).toBe(false);
  });
});

describe('normalizeCreditCode', () => {
  it('upper-cases and strips spaces', () => {
    expect(normalizeCreditCode(' 91350100m000100y43 ')).toBe('91350100M000100Y43');
    expect(normalizeCreditCode('9135 0100 M000 100Y 43')).toBe('91350100M000100Y43');
  });
});
