/**
 * Vehicle identification numbers (GB 16735, same transliteration and weights as
 * ISO 3779 / North America): 17 characters without I, O and Q, check digit at
 * position 9, model-year code at position 10, manufacturer (WMI) at positions 1–3.
 */

export const vinFailureReasons = ['length', 'characters', 'check-digit'] as const;
export type VinFailureReason = (typeof vinFailureReasons)[number];

export type VinValidation =
  { ok: true; wmi: string; modelYearCode: string; modelYears: number[] } | { ok: false; reason: VinFailureReason };

const VIN_PATTERN = /^[A-HJ-NPR-Z0-9]{17}$/;
const VIN_PART_PATTERN = /^[A-HJ-NPR-Z0-9]{8}$/;

/** Position weights 1–17; position 9 (the check digit itself) weighs 0. */
export const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2] as const;

const TRANSLITERATION: Readonly<Record<string, number>> = {
  A: 1,
  B: 2,
  C: 3,
  D: 4,
  E: 5,
  F: 6,
  G: 7,
  H: 8,
  J: 1,
  K: 2,
  L: 3,
  M: 4,
  N: 5,
  P: 7,
  R: 9,
  S: 2,
  T: 3,
  U: 4,
  V: 5,
  W: 6,
  X: 7,
  Y: 8,
  Z: 9,
};

/** Model-year codes in order; code k (0-based) stands for 1980 + k and 2010 + k. */
const YEAR_CODES = 'ABCDEFGHJKLMNPRSTVWXY123456789';

/** Upper-cases (full-width to ASCII) and removes whitespace and dashes. Does not validate. */
export function normalizeVin(input: string): string {
  return input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-‐-―]/g, '');
}

/**
 * The check character for a 17-character VIN ('0'–'9' or 'X'); the character
 * currently at position 9 is ignored. Throws a RangeError for a wrong length or
 * a character outside the VIN alphabet.
 */
export function vinCheckDigit(vin: string): string {
  if (!VIN_PATTERN.test(vin)) {
    throw new RangeError(`not a 17-character VIN: ${JSON.stringify(vin)}`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += charValue(vin.charAt(i)) * (VIN_WEIGHTS[i] ?? 0);
  }
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}

/** Checks a normalised VIN: length, then alphabet, then the check digit. */
export function validateVin(s: string): VinValidation {
  if (s.length !== 17) return { ok: false, reason: 'length' };
  if (!VIN_PATTERN.test(s)) return { ok: false, reason: 'characters' };
  if (vinCheckDigit(s) !== s.charAt(8)) return { ok: false, reason: 'check-digit' };
  const modelYearCode = s.charAt(9);
  return { ok: true, wmi: s.slice(0, 3), modelYearCode, modelYears: vinModelYear(modelYearCode) };
}

/** validateVin(s).ok — for a normalised VIN. */
export function isValidVin(s: string): boolean {
  return validateVin(s).ok;
}

/**
 * Builds a VIN from its first 8 and last 8 characters, inserting the check digit
 * at position 9. Throws a RangeError if either part is not 8 VIN characters.
 */
export function makeVin(prefix8: string, suffix8: string): string {
  if (!VIN_PART_PATTERN.test(prefix8) || !VIN_PART_PATTERN.test(suffix8)) {
    throw new RangeError(`makeVin needs two parts of 8 VIN characters, got ${JSON.stringify(prefix8)} and ${JSON.stringify(suffix8)}`);
  }
  return `${prefix8}${vinCheckDigit(`${prefix8}0${suffix8}`)}${suffix8}`;
}

/**
 * Candidate model years for a position-10 code, oldest first. The code repeats
 * every 30 years: letters A–Y (no I, O, Q, U, Z) are 1980–2000 and 2010–2030,
 * digits 1–9 are 2001–2009 and 2031–2039. Any other code gives [].
 */
export function vinModelYear(code: string): number[] {
  if (code.length !== 1) return [];
  const k = YEAR_CODES.indexOf(code.toUpperCase());
  if (k < 0) return [];
  return [1980 + k, 2010 + k];
}

function charValue(c: string): number {
  if (c >= '0' && c <= '9') return c.charCodeAt(0) - 48;
  const v = TRANSLITERATION[c];
  if (v === undefined) throw new RangeError(`not a VIN character: ${JSON.stringify(c)}`);
  return v;
}
