import { describe, expect, it } from 'vitest';
import { hashWithOlderCost } from '../../test/fixtures.js';
import { hashPassword, needsRehash, verifyPassword } from './password.js';

describe('password hashes', () => {
  it('are made with scrypt N = 2^15, r = 8, p = 1 (32 MiB), salted, and verify only the same password', async () => {
    const a = await hashPassword('Sifang2026');
    const b = await hashPassword('Sifang2026');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{86}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('Sifang2026', a)).toBe(true);
    expect(await verifyPassword('sifang2026', a)).toBe(false);
    expect(await verifyPassword('Sifang2026', 'bcrypt$whatever')).toBe(false);
    expect(needsRehash(a)).toBe(false);
  });

  it('made with the older cost still verify, and are marked to be made again', async () => {
    const old = hashWithOlderCost('Sifang2026');
    expect(await verifyPassword('Sifang2026', old)).toBe(true);
    expect(await verifyPassword('Sifang2027', old)).toBe(false);
    expect(needsRehash(old)).toBe(true);
  });
});
