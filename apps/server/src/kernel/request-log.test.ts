import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';

type Line = { level: number; msg: string; req?: { method: string; url: string }; res?: { statusCode: number }; responseTime?: number };

// What an operator reads in the server's log: one line per request, written when it is answered.
let t: TestApp;
const lines: Line[] = [];

beforeAll(async () => {
  t = await createTestApp({}, { logger: { level: 'info', stream: { write: (l: string) => lines.push(JSON.parse(l) as Line) } } });
});
afterAll(() => t?.close());

describe('the request log', () => {
  it('has one line per request with the method, address, status and time taken', async () => {
    lines.length = 0;
    await t.anonymous().get('/api/customers?page=1');
    await t.anonymous().post('/api/auth/login', { username: 'nobody', password: 'wrong-password1' });
    const requests = lines.filter((l) => l.req);
    expect(requests).toHaveLength(2);
    expect(requests[0]).toMatchObject({
      msg: 'request completed',
      req: { method: 'GET', url: '/api/customers?page=1' },
      res: { statusCode: 401 },
    });
    expect(requests[1]).toMatchObject({ req: { method: 'POST', url: '/api/auth/login' }, res: { statusCode: 401 } });
    expect(typeof requests[0]!.responseTime).toBe('number');
  });

  it('leaves out the health probes', async () => {
    lines.length = 0;
    await t.anonymous().get('/api/health/ready');
    await t.anonymous().get('/api/health/live');
    expect(lines.filter((l) => l.req)).toHaveLength(0);
  });
});
