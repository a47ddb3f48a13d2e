/**
 * Unified social credit codes (统一社会信用代码, GB 32100-2015): 18 characters
 * from a 31-character alphabet (digits and upper-case letters without I, O, Z, S, V),
 * the last being a check character. Used for company customers and invoices.
 */

export const creditCodeFailureReasons = ['length', 'characters', 'check'] as const;
export type CreditCodeFailureReason = (typeof creditCodeFailureReasons)[number];

export type CreditCodeValidation = { ok: true } | { ok: false; reason: CreditCodeFailureReason };

/** The alphabet in value order: '0' = 0 … 'Y' = 30. */
export const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

const CREDIT_CODE_PATTERN = /^[0-9A-HJ-NP-RTUW-Y]{18}$/;

/** Full-width to ASCII, upper-case, removes whitespace and dashes. Does not validate. */
export function normalizeCreditCode(input: string): string {
  return input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-‐-―]/g, '');
}

/**
 * The check character for the first 17 characters of `code` (anything after them
 * is ignored). Throws a RangeError if one of those is outside the alphabet.
 */
export function creditCodeCheckChar(code: string): string {
  const body = code.slice(0, 17);
  if (body.length !== 17) throw new RangeError('a credit code has 17 characters before its check character');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_CHARS.indexOf(body.charAt(i));
    if (v < 0) throw new RangeError(`not a credit-code character: ${JSON.stringify(body.charAt(i))}`);
    sum += v * (CREDIT_CODE_WEIGHTS[i] ?? 0);
  }
  return CREDIT_CODE_CHARS.charAt((31 - (sum % 31)) % 31);
}

/** Checks a normalised credit code: length 18, alphabet, check character. */
export function validateCreditCode(s: string): CreditCodeValidation {
  if (s.length !== 18) return { ok: false, reason: 'length' };
  if (!CREDIT_CODE_PATTERN.test(s)) return { ok: false, reason: 'characters' };
  if (creditCodeCheckChar(s) !== s.charAt(17)) return { ok: false, reason: 'check' };
  return { ok: true };
}

/** validateCreditCode(s).ok — for a normalised credit code. */
export function isValidCreditCode(s: string): boolean {
  return validateCreditCode(s).ok;
}
