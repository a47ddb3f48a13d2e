import type { Rule } from 'antd/es/form';
import { translate } from '@sifang/shared/i18n/messages';
import { isValidCreditCode, normalizeCreditCode } from '@sifang/shared/validation/credit-code';
import { isValidMobile, normalizePhone } from '@sifang/shared/validation/phone';
import { isValidPlate, normalizePlate } from '@sifang/shared/validation/plate';
import { isValidResidentId, normalizeResidentId } from '@sifang/shared/validation/resident-id';
import { isValidVin, normalizeVin } from '@sifang/shared/validation/vin';
import type { Locale } from '../api/client';

/** China rules (spec/china.md) checked in the browser for early feedback; the server stays authoritative. */
export type LocalCheck = 'mobile' | 'creditCode' | 'plate' | 'vin' | 'residentId';

const checks: Record<LocalCheck, { valid: (s: string) => boolean; message: string }> = {
  mobile: { valid: (s) => isValidMobile(normalizePhone(s)), message: 'validation.phone' },
  creditCode: { valid: (s) => isValidCreditCode(normalizeCreditCode(s)), message: 'validation.creditCode' },
  plate: { valid: (s) => isValidPlate(normalizePlate(s)), message: 'validation.plate' },
  vin: { valid: (s) => isValidVin(normalizeVin(s)), message: 'validation.vin' },
  residentId: { valid: (s) => isValidResidentId(normalizeResidentId(s)), message: 'validation.residentId' },
};

export function localRule(check: LocalCheck, locale: Locale): Rule {
  const c = checks[check];
  return {
    validator: async (_rule, value: unknown) => {
      if (typeof value !== 'string' || value.trim() === '') return;
      if (!c.valid(value)) throw new Error(translate(locale, c.message));
    },
  };
}
