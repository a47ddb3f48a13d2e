import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, type Client, type TestApp } from './test-app.js';
import { databaseChecksum, fillId } from './fixtures.js';
import type { RouteEntry } from '../src/kernel/context.js';

// Every write route gets malformed and hostile input: always a 4xx with a clear message, never a 500,
// and nothing written. Generated from the route table, so new routes are fuzzed without editing this file.
let t: TestApp;
let admin: Client;
let writes: RouteEntry[];
const ANY_ID = '01900000-0000-7000-8000-000000000000';
const HAS_CJK = /[\u4e00-\u9fff]/;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  writes = t.app.routeTable.filter((r) => r.method !== 'GET' && r.permission !== 'public' && r.url !== '/api/auth/logout');
});
afterAll(() => t.close());

async function idFor(r: RouteEntry): Promise<string> {
  if (r.storeRecord) return (await t.app.storeRecords.get(r.storeRecord).idsOfStore(t.database, await t.storeId('GZ01'), 1))[0] ?? ANY_ID;
  if (r.recordTable)
    return (await t.database.query<{ id: string }>(`SELECT id FROM ${r.recordTable} ORDER BY id LIMIT 1`))[0]?.id ?? ANY_ID;
  return ANY_ID;
}

function fieldsOf(body: unknown): string[] {
  return body instanceof z.ZodObject ? Object.keys(body.shape) : [];
}

const wrongValues: unknown[] = [{ nested: { deep: [1, 2, 3] } }, [{}], 1e308, -1, true, null, 'x'.repeat(20_000)];
const hostile = ["'; DROP TABLE part; --", '<script>alert(1)</script>', '\u0000\u202e', '１２３', '${7*7}{{7*7}}'];

describe('fuzzing every write route', () => {
  it('has write routes to fuzz', () => {
    expect(writes.length).toBeGreaterThan(30);
  });

  it('rejects malformed JSON, non-object bodies, wrong types, huge strings and prototype keys with a 4xx and changes nothing', async () => {
    const before = await databaseChecksum(t);
    for (const r of writes) {
      const url = fillId(r.url, await idFor(r));
      const send = (payload: string) => admin.raw(r.method, url, payload, { headers: { 'content-type': 'application/json' } });
      const label = `${r.method} ${r.url}`;
      const payloads = [
        '{"a":',
        '{"__proto__":{"admin":true}}',
        '{"constructor":{"prototype":{"admin":true}}}',
        'x'.repeat(2 * 1024 * 1024),
      ];
      if (r.body) {
        payloads.push('[]', '123', '"text"', 'null');
        for (const v of wrongValues) payloads.push(JSON.stringify(Object.fromEntries(fieldsOf(r.body).map((f) => [f, v]))));
        payloads.push(JSON.stringify({ unexpectedField: 1, storeId: ANY_ID }));
      }
      for (const payload of payloads) {
        const res = await send(payload);
        expect(res.statusCode, `${label} ← ${payload.slice(0, 60)}`).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, `${label} ← ${payload.slice(0, 60)}`).toBeLessThan(500);
        const body = res.json();
        expect(body.message, label).toBeTruthy();
        expect(JSON.stringify(body)).not.toMatch(/at .*\.(ts|js):\d+/);
      }
    }
    expect(await databaseChecksum(t)).toEqual(before);
  });

  it('never answers 500 to SQL and script payloads in text fields', async () => {
    for (const r of writes.filter((x) => x.body && x.url !== '/api/users/:id/reset-password')) {
      const url = fillId(r.url, await idFor(r));
      for (const h of hostile) {
        const res = await admin.raw(r.method, url, JSON.stringify(Object.fromEntries(fieldsOf(r.body).map((f) => [f, h]))), {
          headers: { 'content-type': 'application/json' },
        });
        expect(res.statusCode, `${r.method} ${r.url} ← ${h}`).toBeLessThan(500);
      }
    }
    const parts = await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM part');
    expect(parts[0]!.n).toBeGreaterThan(1000);
  });

  it('rejects garbage instead of an Excel file on every import route', async () => {
    for (const r of t.app.routeTable.filter((x) => x.url.endsWith('/import'))) {
      const res = await admin.raw('POST', r.url, Buffer.from('not an xlsx file'), {
        headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      });
      expect(res.statusCode, r.url).toBe(400);
      expect(res.json().code).toBe('import.invalid_file');
    }
  });

  it('names the wrong fields in the caller language (zh-CN by default, en-US when the user chose it)', async () => {
    const zh = await admin.post('/api/suppliers', { code: '', name: 12, creditCode: '91350100M000100Y44' });
    expect(zh.statusCode).toBe(400);
    const body = zh.json();
    expect(body.message).toMatch(HAS_CJK);
    expect(Object.keys(body.fields)).toEqual(expect.arrayContaining(['code', 'name', 'creditCode']));
    expect(body.fields.creditCode).toContain('统一社会信用代码');
    expect(body.fields.name).toBe('格式不正确');
    expect(body.fields.code).toBe('必填');

    await admin.put('/api/auth/locale', { locale: 'en-US' });
    const en = await admin.post('/api/suppliers', { code: '', name: 12, creditCode: '91350100M000100Y44' });
    expect(en.json().fields.creditCode).toContain('unified social credit code');
    expect(en.json().message).not.toMatch(HAS_CJK);
    await admin.put('/api/auth/locale', { locale: 'zh-CN' });
  });

  it('rejects unknown keys (no mass assignment of store, balances or creators)', async () => {
    const res = await admin.post('/api/warehouses', { code: 'WH-X', name: '测试仓', storeId: await t.storeId('FS01') });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields.storeId).toBeTruthy();
  });
});
