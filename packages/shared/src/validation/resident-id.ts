/**
 * 18-character resident identity card numbers (居民身份证号码, GB 11643):
 * 6-digit region code, birth date YYYYMMDD at positions 7–14, 3-digit sequence
 * (odd for men, even for women) and an ISO 7064 MOD 11-2 check character (0–9 or X).
 * Never return one unmasked to a role without the personal-data permission.
 */

export const residentIdFailureReasons = ['length', 'characters', 'region', 'birth-date', 'check'] as const;
export type ResidentIdFailureReason = (typeof residentIdFailureReasons)[number];

export type ResidentIdValidation =
  { ok: true; birthDate: string; gender: 'male' | 'female' } | { ok: false; reason: ResidentIdFailureReason };

export type ResidentIdOptions = {
  /**
   * "Today" for the not-in-the-future check, as a Date or 'YYYY-MM-DD'.
   * Defaults to the current date in Asia/Shanghai.
   */
  today?: Date | string;
};

/** Valid first two digits (province-level division codes, incl. 71 Taiwan, 81/82 HK/Macao, 83 and 91 as issued). */
export const RESIDENT_ID_PROVINCE_CODES = [
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
  '91',
] as const;

export const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const PROVINCES: ReadonlySet<string> = new Set(RESIDENT_ID_PROVINCE_CODES);
const RESIDENT_ID_PATTERN = /^\d{17}[\dX]$/;

/** Full-width to ASCII, upper-case x, removes whitespace and dashes. Does not validate. */
export function normalizeResidentId(input: string): string {
  return input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-‐-―]/g, '');
}

/**
 * The MOD 11-2 check character for the first 17 digits of `id` (anything after
 * them is ignored). Throws a RangeError unless the first 17 characters are digits.
 */
export function residentIdCheckChar(id: string): string {
  const body = id.slice(0, 17);
  if (!/^\d{17}$/.test(body)) throw new RangeError('a resident ID starts with 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += (body.charCodeAt(i) - 48) * (RESIDENT_ID_WEIGHTS[i] ?? 0);
  }
  return CHECK_CHARS.charAt(sum % 11);
}

/**
 * Checks a normalised resident ID, in this order: length 18, characters
 * (17 digits then a digit or X), province code, birth date (a real calendar date,
 * 1900-01-01 or later and not after today), check character.
 */
export function validateResidentId(s: string, options: ResidentIdOptions = {}): ResidentIdValidation {
  if (s.length !== 18) return { ok: false, reason: 'length' };
  if (!RESIDENT_ID_PATTERN.test(s)) return { ok: false, reason: 'characters' };
  if (!PROVINCES.has(s.slice(0, 2))) return { ok: false, reason: 'region' };

  const year = Number(s.slice(6, 10));
  const month = Number(s.slice(10, 12));
  const day = Number(s.slice(12, 14));
  const birthDate = `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || birthDate > todayString(options.today)) {
    return { ok: false, reason: 'birth-date' };
  }

  if (residentIdCheckChar(s) !== s.charAt(17)) return { ok: false, reason: 'check' };
  const sequence = s.charCodeAt(16) - 48;
  return { ok: true, birthDate, gender: sequence % 2 === 1 ? 'male' : 'female' };
}

/** validateResidentId(s).ok — for a normalised resident ID. */
export function isValidResidentId(s: string, options: ResidentIdOptions = {}): boolean {
  return validateResidentId(s, options).ok;
}

/**
 * "440106199001011234" → "440106********1234": keeps the first 6 and last 4
 * characters. Shorter values keep less: under 11 characters everything is masked.
 */
export function maskResidentId(input: string): string {
  const chars = Array.from(input);
  if (chars.length <= 10) return '*'.repeat(chars.length);
  return `${chars.slice(0, 6).join('')}${'*'.repeat(chars.length - 10)}${chars.slice(-4).join('')}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const shanghaiDate = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

function todayString(today: Date | string | undefined): string {
  if (typeof today === 'string') return today;
  const parts = shanghaiDate.formatToParts(today ?? new Date());
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}
