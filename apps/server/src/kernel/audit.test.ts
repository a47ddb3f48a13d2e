import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { writeAudit } from './audit.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('audit log', () => {
  it('is append-only: the application cannot update or delete rows', async () => {
    await writeAudit(t.database.db, null, { action: 'test.event', username: 'someone' });
    await expect(t.database.query("UPDATE audit_log SET action = 'x' WHERE action = 'test.event'")).rejects.toThrow(/append-only/);
    await expect(t.database.query("DELETE FROM audit_log WHERE action = 'test.event'")).rejects.toThrow(/append-only/);
    await expect(t.database.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    const rows = await t.database.query("SELECT * FROM audit_log WHERE action = 'test.event'");
    expect(rows).toHaveLength(1);
  });

  it('never stores secrets', async () => {
    await writeAudit(t.database.db, null, {
      action: 'test.secret',
      after: { username: 'a', password: 'p@ss', nested: { csrfToken: 't', passwordHash: 'h' } },
    });
    const [row] = await t.database.query<{ after: Record<string, unknown> }>("SELECT after FROM audit_log WHERE action = 'test.secret'");
    expect(row!.after).toEqual({ username: 'a', password: '[redacted]', nested: { csrfToken: '[redacted]', passwordHash: '[redacted]' } });
  });
});
