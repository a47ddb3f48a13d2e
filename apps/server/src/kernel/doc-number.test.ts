import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { businessDay, nextDocNumber } from './doc-number.js';
import { withTx } from './db.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('document numbers', () => {
  it('use the business day of the store time zone', () => {
    // 2026-11-23 17:30 UTC is already the 24th in Shanghai
    expect(businessDay(new Date('2026-11-23T17:30:00Z'), 'Asia/Shanghai')).toBe('20261124');
    expect(businessDay(new Date('2026-11-23T15:59:59Z'), 'Asia/Shanghai')).toBe('20261123');
  });

  it('count per store, type and day', async () => {
    const gz = await t.storeId('GZ01');
    const fs = await t.storeId('FS01');
    const at = new Date('2026-11-23T02:00:00Z');
    const n = (storeId: string, docType = 'work_order', when = at) =>
      nextDocNumber(t.database.db, { storeId, docType, prefix: 'WO', at: when, timeZone: 'Asia/Shanghai' });
    expect(await n(gz)).toBe('WO20261123-0001');
    expect(await n(gz)).toBe('WO20261123-0002');
    expect(await n(fs)).toBe('WO20261123-0001');
    expect(await n(gz, 'settlement')).toBe('WO20261123-0001');
    expect(await n(gz, 'work_order', new Date('2026-11-24T02:00:00Z'))).toBe('WO20261124-0001');
  });

  it('a number taken in a rolled-back transaction is not reused by a committed one', async () => {
    const gz = await t.storeId('GZ01');
    const at = new Date('2026-12-01T02:00:00Z');
    await expect(
      withTx(t.database.db, async (tx) => {
        await nextDocNumber(tx, { storeId: gz, docType: 'rollback', prefix: 'RB', at, timeZone: 'Asia/Shanghai' });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await nextDocNumber(t.database.db, { storeId: gz, docType: 'rollback', prefix: 'RB', at, timeZone: 'Asia/Shanghai' })).toBe(
      'RB20261201-0001',
    );
  });

  it('stay unique under 500 concurrent requests in one store', async () => {
    const gz = await t.storeId('GZ01');
    const at = new Date('2026-11-25T02:00:00Z');
    const numbers = await Promise.all(
      Array.from({ length: 500 }, () =>
        withTx(t.database.db, (tx) =>
          nextDocNumber(tx, { storeId: gz, docType: 'concurrent', prefix: 'WO', at, timeZone: 'Asia/Shanghai' }),
        ),
      ),
    );
    expect(new Set(numbers).size).toBe(500);
    expect(numbers.sort().at(-1)).toBe('WO20261125-0500');
  });
});
