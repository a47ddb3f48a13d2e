import { describe, it, expect } from 'vitest';
import { isValidResidentId, maskResidentId, normalizeResidentId, residentIdCheckChar, validateResidentId } from './resident-id';

const TODAY = { today: '2025-06-01' };
const withCheck = (body17: string): string => `${body17}${residentIdCheckChar(body17)}`;

describe('residentIdCheckChar', () => {
  it('matches the GB 11643 example 11010519491231002X by hand', () => {
    // digits   1 1  0 1 0 5  1 9 4 9 1 2  3 1 0 0 2
    // weights  7 9 10 5 8 4  2 1 6 3 7 9 10 5 8 4 2
    // 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167; 167 mod 11 = 2 → 'X'
    expect(residentIdCheckChar('11010519491231002X')).toBe('X');
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
  });
});

describe('validateResidentId', () => {
  it('accepts the GB 11643 example', () => {
    expect(validateResidentId('11010519491231002X', TODAY)).toEqual({
      ok: true,
      birthDate: '1949-12-31',
      gender: 'female',
    });
  });

  it.each([
    // widely published validator sample
    ['11010219840406970X', '1984-04-06', 'female'],
    // generated with a computed check character
    [withCheck('44010619900101123'), '1990-01-01', 'male'],
    [withCheck('31011520000229004'), '2000-02-29', 'female'],
    [withCheck('51010719000101001'), '1900-01-01', 'male'],
    [withCheck('65010220250601005'), '2025-06-01', 'male'],
    [withCheck('81000019851231008'), '1985-12-31', 'female'],
  ] as const)('accepts %s', (id, birthDate, gender) => {
    expect(validateResidentId(id, TODAY)).toEqual({ ok: true, birthDate, gender });
    expect(isValidResidentId(id, TODAY)).toBe(true);
  });

  it.each([
    ['11010519491231002', 'length'],
    ['110105491231002', 'length'], // 15-digit first-generation number
    ['11010519491231002X1', 'length'],
    ['', 'length'],
    ['11010519491231002x', 'characters'], // not normalised
    ['1101051949123100XX', 'characters'],
    ['A1010519491231002X', 'characters'],
    ['110105 9491231002X', 'characters'],
    [withCheck('00010519491231002'), 'region'],
    [withCheck('16010519491231002'), 'region'],
    [withCheck('99010519491231002'), 'region'],
    // GB 11643 example from Shantou: check character is right, but born in 1880
    ['440524188001010014', 'birth-date'],
    [withCheck('11010518991231002'), 'birth-date'],
    [withCheck('11010519490231002'), 'birth-date'], // 31 February
    [withCheck('11010519000229002'), 'birth-date'], // 1900 was not a leap year
    [withCheck('11010519491301002'), 'birth-date'],
    [withCheck('11010519490000002'), 'birth-date'],
    [withCheck('11010520250602002'), 'birth-date'], // tomorrow
    ['110105194912310021', 'check'],
    ['110102198404069701', 'check'],
  ] as const)('%j fails with %s', (id, reason) => {
    expect(validateResidentId(id, TODAY)).toEqual({ ok: false, reason });
    expect(isValidResidentId(id, TODAY)).toBe(false);
  });

  it('takes today as a Date and defaults to the current date', () => {
    const id = withCheck('11010520250602002');
    expect(validateResidentId(id, { today: new Date('2025-06-01T15:59:00Z') }).ok).toBe(false);
    // 16:00 UTC is already 2 June in Asia/Shanghai
    expect(validateResidentId(id, { today: new Date('2025-06-01T16:00:00Z') }).ok).toBe(true);
    expect(validateResidentId('11010519491231002X').ok).toBe(true);
    expect(validateResidentId(withCheck('11010530000101002')).ok).toBe(false);
  });
});

describe('normalizeResidentId', () => {
  it('upper-cases x and strips spaces', () => {
    expect(normalizeResidentId(' 110105 19491231 002x ')).toBe('11010519491231002X');
    expect(normalizeResidentId('１１０１０５１９４９１２３１００２ｘ')).toBe('11010519491231002X');
  });
});

describe('maskResidentId', () => {
  it('keeps the first 6 and last 4 characters', () => {
    expect(maskResidentId('440106199001011234')).toBe('440106********1234');
    expect(maskResidentId('11010519491231002X')).toBe('110105********002X');
  });
  it('masks short values completely', () => {
    expect(maskResidentId('1234567890')).toBe('**********');
    expect(maskResidentId('')).toBe('');
  });
});
