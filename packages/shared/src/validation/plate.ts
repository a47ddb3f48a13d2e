/**
 * Mainland China licence plates (GA 36). Stored upper-case without the separator dot.
 *
 *  standard          京A12345   province + issuing letter + 5 of [A-HJ-NP-Z0-9]
 *  new-energy-small  粤BD12345  province + letter + D|F + [A-HJ-NP-Z0-9] + 4 digits
 *  new-energy-large  粤B12345D  province + letter + 5 digits + D|F
 *  special           苏E1234学  province + letter + 4 of [A-HJ-NP-Z0-9] + 学|警|挂|领|港|澳
 *
 * The issuing letter may be any of A–Z except I (O is the police/public-security code).
 * Anything else (military, embassy 使, armed police WJ) is "unusual": it can only be
 * saved by a user with the right permission and is flagged as unverified.
 */

export const PLATE_PROVINCES = [
  '京',
  '津',
  '沪',
  '渝',
  '冀',
  '豫',
  '云',
  '辽',
  '黑',
  '湘',
  '皖',
  '鲁',
  '新',
  '苏',
  '浙',
  '赣',
  '鄂',
  '桂',
  '甘',
  '晋',
  '蒙',
  '陕',
  '吉',
  '闽',
  '贵',
  '粤',
  '青',
  '藏',
  '川',
  '宁',
  '琼',
] as const;

export const PLATE_SUFFIXES = ['学', '警', '挂', '领', '港', '澳'] as const;

export const plateKinds = ['standard', 'new-energy-small', 'new-energy-large', 'special'] as const;
export type PlateKind = (typeof plateKinds)[number];

export const plateFailureReasons = ['province', 'letter', 'length', 'characters', 'new-energy-position'] as const;
export type PlateFailureReason = (typeof plateFailureReasons)[number];

export type PlateValidation = { ok: true; kind: PlateKind } | { ok: false; reason: PlateFailureReason };

const PROVINCE_SET: ReadonlySet<string> = new Set(PLATE_PROVINCES);
const SUFFIX_SET: ReadonlySet<string> = new Set(PLATE_SUFFIXES);
const ISSUING_LETTER = /^[A-HJ-Z]$/;
const SERIAL_CHAR = /^[A-HJ-NP-Z0-9]$/;
const NEW_ENERGY_SMALL = /^[DF][A-HJ-NP-Z0-9]\d{4}$/;
const NEW_ENERGY_LARGE = /^\d{5}[DF]$/;

/**
 * Upper-cases (full-width letters and digits become ASCII) and removes whitespace
 * and the separator: "粤b·d12345" → "粤BD12345", "京A-12345" → "京A12345".
 */
export function normalizePlate(input: string): string {
  return input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s·•・.\-‐-―]/g, '');
}

/**
 * Checks a normalised plate (see normalizePlate; a lower-case letter or a separator
 * dot is reported as "characters" or "letter"). Reasons are checked in order:
 * province, issuing letter, length, characters, new-energy D/F position.
 */
export function validatePlate(s: string): PlateValidation {
  const chars = Array.from(s);
  if (chars.length === 0) return { ok: false, reason: 'length' };
  if (!PROVINCE_SET.has(chars[0] ?? '')) return { ok: false, reason: 'province' };
  if (!ISSUING_LETTER.test(chars[1] ?? '')) return { ok: false, reason: 'letter' };

  const body = chars.slice(2);
  if (body.length !== 5 && body.length !== 6) return { ok: false, reason: 'length' };

  const last = body[body.length - 1] ?? '';
  if (body.length === 5 && SUFFIX_SET.has(last)) {
    return body.slice(0, 4).every((c) => SERIAL_CHAR.test(c)) ? { ok: true, kind: 'special' } : { ok: false, reason: 'characters' };
  }
  // A suffix replaces the last serial character, so a suffix after 5 characters is one too many.
  if (SUFFIX_SET.has(last)) return { ok: false, reason: 'length' };
  if (!body.every((c) => SERIAL_CHAR.test(c))) return { ok: false, reason: 'characters' };
  if (body.length === 5) return { ok: true, kind: 'standard' };

  const serial = body.join('');
  if (NEW_ENERGY_SMALL.test(serial)) return { ok: true, kind: 'new-energy-small' };
  if (NEW_ENERGY_LARGE.test(serial)) return { ok: true, kind: 'new-energy-large' };
  return { ok: false, reason: 'new-energy-position' };
}

/** validatePlate(s).ok — for a normalised plate. */
export function isValidPlate(s: string): boolean {
  return validatePlate(s).ok;
}
