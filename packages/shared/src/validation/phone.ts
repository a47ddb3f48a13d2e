/**
 * Mainland China mobile numbers. Stored normalised: 11 ASCII digits, no
 * spaces, dashes or country code. Shown masked (138****5678) to roles without
 * the personal-data permission.
 */

export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

/**
 * Normalises user input: full-width characters to ASCII, removes whitespace,
 * dashes and brackets, and a leading +86 / 0086 / 86 country code
 * ("86" only when 11 digits remain, so a bare number is never cut).
 * The result is not validated; use isValidMobile on it.
 */
export function normalizePhone(input: string): string {
  let s = input.normalize('NFKC').replace(/[\s\-‐-―()]/g, '');
  if (s.startsWith('+86')) s = s.slice(3);
  else if (s.startsWith('0086')) s = s.slice(4);
  else if (s.length === 13 && s.startsWith('86')) s = s.slice(2);
  return s;
}

/** True for a normalised mainland mobile number (`^1[3-9]\d{9}$`). Does not normalise. */
export function isValidMobile(s: string): boolean {
  return MOBILE_PATTERN.test(s);
}

/**
 * "13812345678" → "138****5678". Normalises first. Anything that is not 11
 * characters long keeps at most its first 3 and last 4 characters visible, and
 * short values are masked completely.
 */
export function maskPhone(input: string): string {
  const s = normalizePhone(input);
  const chars = Array.from(s);
  if (chars.length >= 8) {
    return `${chars.slice(0, 3).join('')}${'*'.repeat(Math.max(4, chars.length - 7))}${chars.slice(-4).join('')}`;
  }
  return '*'.repeat(chars.length);
}
