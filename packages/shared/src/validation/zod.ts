/**
 * Zod 4 field schemas for the local rules. Each schema normalises its input
 * (via .overwrite, so the schema stays a plain ZodString / ZodNumber and can be
 * turned into JSON Schema) and then validates it. Error messages are i18n codes,
 * never prose: the server and web translate them. The more precise failure
 * reason, where there is one, is in the issue's `params.reason`
 * (e.g. { code: 'custom', message: 'validation.plate', params: { reason: 'province' } }).
 * A missing value (undefined) gives 'validation.required'.
 */
import { z } from 'zod';
import { isValidMobile, normalizePhone } from './phone';
import { normalizePlate, validatePlate } from './plate';
import { normalizeVin, validateVin } from './vin';
import { normalizeResidentId, validateResidentId } from './resident-id';
import { normalizeCreditCode, validateCreditCode } from './credit-code';

export const validationMessageCodes = [
  'validation.required',
  'validation.phone',
  'validation.plate',
  'validation.vin',
  'validation.residentId',
  'validation.creditCode',
  'validation.fen',
  'validation.signedFen',
] as const;
export type ValidationMessageCode = (typeof validationMessageCodes)[number];

/** Error map for the base type check: undefined → 'validation.required', anything else → `code`. */
function typeError(code: ValidationMessageCode) {
  return (issue: { input?: unknown }): ValidationMessageCode => (issue.input === undefined ? 'validation.required' : code);
}

function reasonCheck<R extends string>(code: ValidationMessageCode, validate: (s: string) => { ok: true } | { ok: false; reason: R }) {
  return (value: string, ctx: z.RefinementCtx<string>): void => {
    const result = validate(value);
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: code, params: { reason: result.reason }, input: value });
    }
  };
}

/** Mainland mobile number; output normalised ("13812345678"). */
export const zPhone = z
  .string({ error: typeError('validation.phone') })
  .overwrite(normalizePhone)
  .refine(isValidMobile, { error: 'validation.phone' });

/** Licence plate; output normalised ("粤BD12345"); params.reason is a PlateFailureReason. */
export const zPlate = z
  .string({ error: typeError('validation.plate') })
  .overwrite(normalizePlate)
  .superRefine(reasonCheck('validation.plate', validatePlate));

/** VIN; output normalised; params.reason is a VinFailureReason. */
export const zVin = z
  .string({ error: typeError('validation.vin') })
  .overwrite(normalizeVin)
  .superRefine(reasonCheck('validation.vin', validateVin));

/** Resident ID (身份证); output normalised (upper-case X); params.reason is a ResidentIdFailureReason. */
export const zResidentId = z
  .string({ error: typeError('validation.residentId') })
  .overwrite(normalizeResidentId)
  .superRefine(reasonCheck('validation.residentId', (s) => validateResidentId(s)));

/** Unified social credit code; output normalised; params.reason is a CreditCodeFailureReason. */
export const zCreditCode = z
  .string({ error: typeError('validation.creditCode') })
  .overwrite(normalizeCreditCode)
  .superRefine(reasonCheck('validation.creditCode', validateCreditCode));

/** Non-negative amount in fen (safe integer). */
export const zFen = z.int({ error: typeError('validation.fen') }).min(0, { error: 'validation.fen' });

/** Signed amount in fen (safe integer), e.g. adjustments and credit notes. */
export const zSignedFen = z.int({ error: typeError('validation.signedFen') });
