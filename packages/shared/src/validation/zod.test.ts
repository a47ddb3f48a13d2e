import { describe, it, expect } from 'vitest';
import { z } from 'zod';
import { validationMessageCodes, zCreditCode, zFen, zPhone, zPlate, zResidentId, zSignedFen, zVin } from './zod';

function issuesOf(schema: z.ZodType, input: unknown): { message: string; reason?: unknown }[] {
  const r = schema.safeParse(input);
  if (r.success) return [];
  return r.error.issues.map((i) => ({
    message: i.message,
    ...(i.code === 'custom' && i.params?.reason !== undefined ? { reason: i.params.reason } : {}),
  }));
}

describe('field schemas normalise their output', () => {
  it.each([
    [zPhone, '+86 138-1234-5678', '13812345678'],
    [zPlate, '粤b·d12345', '粤BD12345'],
    [zVin, ' 1m8gdm9axkp042788 ', '1M8GDM9AXKP042788'],
    [zResidentId, '11010519491231002x', '11010519491231002X'],
    [zCreditCode, '91350100m000100y43', '91350100M000100Y43'],
  ] as const)('%#: %j → %j', (schema, input, output) => {
    expect(schema.parse(input)).toBe(output);
  });
});

describe('errors are i18n codes', () => {
  it('phone', () => {
    expect(issuesOf(zPhone, '12345')).toEqual([{ message: 'validation.phone' }]);
    expect(issuesOf(zPhone, 13812345678)).toEqual([{ message: 'validation.phone' }]);
  });
  it('plate, with the reason', () => {
    expect(issuesOf(zPlate, '无A12345')).toEqual([{ message: 'validation.plate', reason: 'province' }]);
    expect(issuesOf(zPlate, '沪A123456')).toEqual([{ message: 'validation.plate', reason: 'new-energy-position' }]);
  });
  it('vin, with the reason', () => {
    expect(issuesOf(zVin, '1M8GDM9A1KP042788')).toEqual([{ message: 'validation.vin', reason: 'check-digit' }]);
    expect(issuesOf(zVin, '1M8GDM9AXKP04278')).toEqual([{ message: 'validation.vin', reason: 'length' }]);
  });
  it('resident ID, with the reason', () => {
    expect(issuesOf(zResidentId, '110105194912310021')).toEqual([{ message: 'validation.residentId', reason: 'check' }]);
  });
  it('credit code, with the reason', () => {
    expect(issuesOf(zCreditCode, '91350100M000100Y44')).toEqual([{ message: 'validation.creditCode', reason: 'check' }]);
  });
  it('a missing value is validation.required', () => {
    for (const schema of [zPhone, zPlate, zVin, zResidentId, zCreditCode, zFen, zSignedFen]) {
      expect(issuesOf(schema, undefined)).toEqual([{ message: 'validation.required' }]);
    }
    const form = z.object({ phone: zPhone, plate: zPlate.optional() });
    expect(form.safeParse({ phone: '13812345678' }).success).toBe(true);
    const r = form.safeParse({});
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['phone', 'validation.required']]);
  });
  it('every message used is in validationMessageCodes', () => {
    const seen = new Set<string>();
    const inputs: [z.ZodType, unknown][] = [
      [zPhone, 'x'],
      [zPlate, 'x'],
      [zVin, 'x'],
      [zResidentId, 'x'],
      [zCreditCode, 'x'],
      [zFen, -1],
      [zSignedFen, 0.5],
      [zFen, undefined],
    ];
    for (const [schema, input] of inputs) for (const i of issuesOf(schema, input)) seen.add(i.message);
    expect([...seen].sort()).toEqual([...validationMessageCodes].sort());
  });
});

describe('zFen / zSignedFen', () => {
  it('accepts safe integers', () => {
    expect(zFen.parse(0)).toBe(0);
    expect(zFen.parse(123456)).toBe(123456);
    expect(zFen.parse(Number.MAX_SAFE_INTEGER)).toBe(Number.MAX_SAFE_INTEGER);
    expect(zSignedFen.parse(-500)).toBe(-500);
  });
  it.each([-1, 0.5, Number.NaN, Infinity, Number.MAX_SAFE_INTEGER + 1, '100', null])('zFen rejects %j', (v) => {
    expect(issuesOf(zFen, v).map((i) => i.message)).toContain('validation.fen');
  });
  it.each([0.5, Number.MIN_SAFE_INTEGER - 1, '-1'])('zSignedFen rejects %j', (v) => {
    expect(issuesOf(zSignedFen, v)).toEqual([{ message: 'validation.signedFen' }]);
  });
});

describe('JSON Schema', () => {
  it('the schemas stay representable (for OpenAPI)', () => {
    const schema = z.toJSONSchema(z.object({ phone: zPhone, plate: zPlate, amount: zFen }));
    expect(schema).toMatchObject({
      type: 'object',
      properties: {
        phone: { type: 'string' },
        plate: { type: 'string' },
        amount: { type: 'integer', minimum: 0 },
      },
    });
  });
});
