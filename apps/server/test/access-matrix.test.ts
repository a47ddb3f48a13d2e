import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from './test-app.js';
import { createUserWithRole, databaseChecksum, fillId } from './fixtures.js';
import type { RouteEntry } from '../src/kernel/context.js';

// Route × role × store, generated from the registered route table: a new route is covered without editing this file.
let t: TestApp;
let routes: RouteEntry[];
let nobody: Client;
let storeOneAll: Client;
let fsStoreId: string;
let gzStoreId: string;
const ANY_ID = '01900000-0000-7000-8000-000000000000';

beforeAll(async () => {
  t = await createTestApp();
  routes = t.app.routeTable.filter((r) => r.url.startsWith('/api/') && r.permission !== 'public');
  const all = t.app.permissionRegistry.all().map((p) => p.code);
  await createUserWithRole(t, { username: 'matrix.nobody', roleCode: 'matrix_nobody', permissions: [], storeCodes: ['GZ01'] });
  await createUserWithRole(t, {
    username: 'matrix.all',
    roleCode: 'matrix_all',
    permissions: all,
    dataScope: 'store',
    storeCodes: ['GZ01'],
  });
  nobody = await t.login('matrix.nobody');
  storeOneAll = await t.login('matrix.all');
  fsStoreId = await t.storeId('FS01');
  gzStoreId = await t.storeId('GZ01');
});
afterAll(() => t.close());

const call = (c: Client, method: string, url: string) =>
  method === 'GET'
    ? c.get(url)
    : method === 'DELETE'
      ? c.delete(url)
      : c.raw(method, url, '{}', { headers: { 'content-type': 'application/json' } });

describe('every API route', () => {
  it('declares a permission (the server refuses to start otherwise) and there are routes to check', () => {
    expect(routes.length).toBeGreaterThan(60);
    for (const r of t.app.routeTable) expect(r.permission, `${r.method} ${r.url}`).toBeTruthy();
  });

  it('answers 401 to an anonymous caller', async () => {
    for (const r of routes) {
      const res = await call(t.anonymous(), r.method, fillId(r.url, ANY_ID));
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.json().code).toBe('auth.required');
    }
  });

  it('answers 403 to a signed-in user without the permission, and audits the refusal', async () => {
    const before = await t.database.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'access.denied'");
    let checked = 0;
    for (const r of routes.filter((x) => x.permission !== 'authenticated')) {
      const res = await call(nobody, r.method, fillId(r.url, ANY_ID));
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(403);
      checked++;
    }
    const after = await t.database.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'access.denied'");
    expect(after[0]!.n - before[0]!.n).toBe(checked);
  });

  it('answers 404 to a store-1 user on a store-2 record, for every method, and changes nothing', async () => {
    const storeRoutes = routes.filter((r) => r.storeRecord);
    expect(storeRoutes.length).toBeGreaterThan(10);
    const before = await databaseChecksum(t);
    for (const r of storeRoutes) {
      const kind = t.app.storeRecords.get(r.storeRecord!);
      const [foreign] = await kind.idsOfStore(t.database, fsStoreId, 1);
      expect(foreign, `demo data has a store-2 record for ${r.storeRecord}`).toBeTruthy();
      const res = await call(storeOneAll, r.method, fillId(r.url, foreign!));
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(404);
      expect(res.json().code).toBe('record.not_found');
    }
    expect(await databaseChecksum(t)).toEqual(before);
  });

  it('serves the same user their own store records and every list (the 404 above is about the store)', async () => {
    for (const r of routes.filter((x) => x.method === 'GET')) {
      let url = r.url;
      if (url.includes(':id')) {
        if (!r.storeRecord) continue;
        const [own] = await t.app.storeRecords.get(r.storeRecord).idsOfStore(t.database, gzStoreId, 1);
        url = fillId(url, own!);
      }
      const res = await storeOneAll.get(url);
      expect(res.statusCode, `GET ${url}`).toBe(200);
    }
  });

  it('lists only the current store rows of store-owned lists, and refuses another store by filter', async () => {
    const res = await storeOneAll.get('/api/warehouses', { query: { pageSize: '200' } });
    expect(res.json().items.length).toBeGreaterThan(0);
    expect(res.json().items.every((w: { storeId: string }) => w.storeId === gzStoreId)).toBe(true);
    expect((await storeOneAll.get('/api/warehouses', { query: { storeId: fsStoreId } })).statusCode).toBe(403);
    const all = await storeOneAll.get('/api/warehouses', { query: { storeId: 'all' } });
    expect(all.json().items.every((w: { storeId: string }) => w.storeId === gzStoreId)).toBe(true);
    const exported = await storeOneAll.get('/api/bins/export');
    expect(exported.statusCode).toBe(200);
  });

  it('lets group management see every store', async () => {
    const group = await t.login('group');
    const all = await group.get('/api/warehouses', { query: { storeId: 'all', pageSize: '200' } });
    const stores = new Set(all.json().items.map((w: { storeId: string }) => w.storeId));
    expect(stores).toEqual(new Set([gzStoreId, fsStoreId]));
    const [foreign] = await t.app.storeRecords.get('warehouse').idsOfStore(t.database, fsStoreId, 1);
    expect((await group.get(`/api/warehouses/${foreign}`)).statusCode).toBe(200);
  });
});
