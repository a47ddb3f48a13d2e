import { describe, it, expect } from 'vitest';
import { isValidMobile, maskPhone, normalizePhone } from './phone';

describe('normalizePhone', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['+8613812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['0086 138-1234-5678', '13812345678'],
    ['(+86) 138 1234 5678', '13812345678'],
    ['１３８ １２３４ ５６７８', '13812345678'],
    ['\t13812345678 ', '13812345678'],
  ])('%j → %j', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
    expect(isValidMobile(normalizePhone(input))).toBe(true);
  });

  it('does not cut a bare 86 from numbers that are not 13 digits', () => {
    expect(normalizePhone('86123456789')).toBe('86123456789');
  });
});

describe('isValidMobile', () => {
  it.each(['13012345678', '15912345678', '17712345678', '18612345678', '19912345678'])('accepts %s', (s) =>
    expect(isValidMobile(s)).toBe(true),
  );
  it.each([
    '12812345678', // second digit 2
    '10012345678',
    '1381234567', // 10 digits
    '138123456789', // 12 digits
    '23812345678',
    '138 1234 5678', // not normalised
    '+8613812345678',
    '1381234567a',
    '',
  ])('rejects %j', (s) => expect(isValidMobile(s)).toBe(false));
});

describe('maskPhone', () => {
  it('keeps the first 3 and last 4 digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138-1234-5678')).toBe('138****5678');
  });
  it('never shows a short value in full', () => {
    expect(maskPhone('12345')).toBe('*****');
    expect(maskPhone('')).toBe('');
    expect(maskPhone('02012345678')).toBe('020****5678');
  });
});
