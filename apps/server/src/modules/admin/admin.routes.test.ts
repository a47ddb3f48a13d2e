import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/test-app.js';
import { createUserWithRole } from '../../../test/fixtures.js';
import { subSelectRuns } from '../../../test/plans.js';
import { usersPage } from './users.routes.js';

let t: TestApp;
let admin: Client;
let roleId: (code: string) => Promise<string>;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  roleId = async (code) => (await t.database.query<{ id: string }>('SELECT id FROM role WHERE code = $1', [code]))[0]!.id;
});
afterAll(() => t.close());

const lastAudit = async (action: string) =>
  (
    await t.database.query<{ username: string; before: unknown; after: unknown; entity_id: string; store_id: string | null }>(
      'SELECT * FROM audit_log WHERE action = $1 ORDER BY at DESC, id DESC LIMIT 1',
      [action],
    )
  )[0];

describe('users', () => {
  it('an administrator creates a service advisor in store 2, who signs in there with the advisor rights', async () => {
    const fs = await t.storeId('FS01');
    const res = await admin.post('/api/users', {
      username: 'li.na',
      displayName: '李娜',
      phone: '138 1234 5678',
      password: 'Advisor2026',
      assignments: [{ storeId: fs, roleId: await roleId('service_advisor') }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().phone).toBe('13812345678');
    expect(res.json().roles).toEqual([expect.objectContaining({ storeId: fs, roleCode: 'service_advisor' })]);
    const audit = await lastAudit('user.create');
    expect(audit).toMatchObject({ username: 'admin', entity_id: res.json().id });
    expect(JSON.stringify(audit!.after)).not.toContain('Advisor2026');

    const advisor = await t.login('li.na', 'Advisor2026');
    const me = (await advisor.get('/api/auth/me')).json();
    expect(me.currentStore.code).toBe('FS01');
    expect(me.permissions).toContain('masterdata.labour-operation.read');
    expect(me.permissions).not.toContain('admin.user.read');
    expect((await advisor.get('/api/users')).statusCode).toBe(403);
  });

  it('rejects a weak password, a bad phone and a duplicate username with field messages', async () => {
    const fs = await t.storeId('FS01');
    const weak = await admin.post('/api/users', {
      username: 'weak.one',
      displayName: '弱',
      phone: '12345',
      password: 'short',
      assignments: [{ storeId: fs, roleId: await roleId('cashier') }],
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().fields.password).toContain('8');
    expect(weak.json().fields.phone).toContain('手机号');
    const dup = await admin.post('/api/users', {
      username: 'advisor.gz01',
      displayName: '重复',
      password: 'Password123',
      assignments: [{ storeId: fs, roleId: await roleId('cashier') }],
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('record.duplicate');
    const users = await t.database.query("SELECT 1 FROM app_user WHERE username = 'weak.one'");
    expect(users).toHaveLength(0);
  });

  it('refuses to grant a role with rights the granting user does not hold (no escalation)', async () => {
    const userAdminPerms = ['admin.user.read', 'admin.user.create', 'admin.user.assign-roles', 'masterdata.part.read'];
    await createUserWithRole(t, {
      username: 'store.useradmin',
      roleCode: 'store_user_admin',
      permissions: userAdminPerms,
      storeCodes: ['GZ01'],
    });
    const storeAdmin = await t.login('store.useradmin');
    const gz = await t.storeId('GZ01');
    const res = await storeAdmin.post('/api/users', {
      username: 'sneaky',
      displayName: '越权',
      password: 'Password123',
      assignments: [{ storeId: gz, roleId: await roleId('system_admin') }],
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().fields['assignments.0.roleId']).toBeTruthy();
    const other = await storeAdmin.post('/api/users', {
      username: 'sneaky',
      displayName: '越店',
      password: 'Password123',
      assignments: [{ storeId: await t.storeId('FS01'), roleId: await roleId('store_user_admin') }],
    });
    expect(other.statusCode).toBe(422);
    expect((await t.database.query("SELECT 1 FROM app_user WHERE username = 'sneaky'")).length).toBe(0);
  });

  it('resets a password (old sessions end) and reassigns roles with an audit of before and after', async () => {
    const target = (await admin.get('/api/users', { query: { q: 'care.fs01' } })).json().items[0];
    const care = await t.login('care.fs01');
    expect((await admin.post(`/api/users/${target.id}/reset-password`, { password: 'NewPass2026' })).statusCode).toBe(204);
    expect((await care.get('/api/auth/me')).statusCode).toBe(401);
    const fresh = await t.login('care.fs01', 'NewPass2026');
    expect((await fresh.get('/api/auth/me')).statusCode).toBe(200);

    const fs = await t.storeId('FS01');
    const res = await admin.put(`/api/users/${target.id}/roles`, { assignments: [{ storeId: fs, roleId: await roleId('cashier') }] });
    expect(res.json().roles.map((r: { roleCode: string }) => r.roleCode)).toEqual(['cashier']);
    const audit = await lastAudit('user.assign-roles');
    expect(JSON.stringify(audit!.before)).toContain('customer_care');
    expect(JSON.stringify(audit!.after)).toContain('cashier');
  });

  it('cannot disable oneself', async () => {
    const me = (await admin.get('/api/auth/me')).json();
    const res = await admin.post(`/api/users/${me.user.id}/disable`);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('user.cannot_disable_self');
  });

  it('reads the roles of the page’s users only, however deep the page, in the order asked for', async () => {
    // PostgreSQL runs a select's sub-selects for the rows OFFSET skips too: the roles must be read after the page
    expect(await subSelectRuns(t.database, usersPage(undefined, undefined, { page: 4, pageSize: 5 }))).toEqual([5]);
    for (const sort of [undefined, 'displayName', '-username', 'createdAt']) {
      const res = await admin.get('/api/users', { query: { page: '2', pageSize: '5', ...(sort ? { sort } : {}) } });
      const items = (res.json() as { items: { id: string; roles: { roleCode: string }[] }[] }).items;
      const column = { displayName: 'display_name', username: 'username', createdAt: 'created_at' }[sort?.replace('-', '') ?? 'username']!;
      const expected = await t.database.query<{ id: string; roles: string[] }>(
        `SELECT u.id, ARRAY(SELECT r.code FROM user_role ur JOIN role r ON r.id = ur.role_id JOIN store s ON s.id = ur.store_id
           WHERE ur.user_id = u.id ORDER BY s.code, r.code) AS roles
         FROM app_user u ORDER BY u.${column} ${sort?.startsWith('-') ? 'DESC' : 'ASC'}, u.id LIMIT 5 OFFSET 5`,
      );
      expect(items.map((u) => [u.id, u.roles.map((r) => r.roleCode)])).toEqual(expected.map((u) => [u.id, u.roles]));
    }
  });

  it('lists, filters and exports users with an audit row', async () => {
    const fs = await t.storeId('FS01');
    const list = await admin.get('/api/users', { query: { storeId: fs, pageSize: '100' } });
    expect(list.json().items.every((u: { roles: { storeId: string }[] }) => u.roles.some((r) => r.storeId === fs))).toBe(true);
    const gm = await t.login('gm.gz01');
    const gmList = (await gm.get('/api/users', { query: { pageSize: '200' } })).json();
    expect(gmList.items.every((u: { roles: { storeName: string }[] }) => u.roles.some((r) => r.storeName === '天河店'))).toBe(true);
    const exported = await gm.get('/api/users/export');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
    expect(await lastAudit('user.export')).toMatchObject({ username: 'gm.gz01' });
  });
});

describe('roles and permissions', () => {
  it('lists the permission catalogue and the seeded roles of spec/README.md', async () => {
    const perms = (await admin.get('/api/permissions')).json();
    expect(perms).toEqual(expect.arrayContaining([{ code: 'admin.user.create', module: 'admin', resource: 'user', action: 'create' }]));
    const roles = (await admin.get('/api/roles')).json().items.map((r: { code: string }) => r.code);
    expect(roles).toEqual(
      expect.arrayContaining([
        'general_manager',
        'service_advisor',
        'technician',
        'qc_inspector',
        'warranty_clerk',
        'parts_clerk',
        'customer_care',
        'cashier',
        'accountant',
        'group_management',
        'system_admin',
      ]),
    );
  });

  it('edits a role, refuses unknown permissions, and audits the change; holders get the new rights', async () => {
    const id = await roleId('cashier');
    const bad = await admin.patch(`/api/roles/${id}`, { permissions: ['masterdata.part.read', 'made.up.permission'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields['permissions.1']).toContain('made.up.permission');

    const before = (await admin.get(`/api/roles/${id}`)).json().permissions as string[];
    const res = await admin.patch(`/api/roles/${id}`, { permissions: [...before, 'masterdata.supplier.read'] });
    expect(res.statusCode).toBe(200);
    const audit = await lastAudit('role.update');
    expect(JSON.stringify(audit!.after)).toContain('masterdata.supplier.read');
    const cashier = await t.login('cashier.gz01');
    expect((await cashier.get('/api/suppliers')).statusCode).toBe(200);
  });
});

describe('store settings', () => {
  it('reads and saves the current store settings; a labour-rate change is audited with before and after', async () => {
    const sm = await t.login('servicemgr.gz01');
    const settings = (await sm.get('/api/store-settings')).json();
    expect(settings.labourRates.length).toBeGreaterThan(5);
    const changed = {
      ...settings,
      labourRates: settings.labourRates.map((l: { rateFen: number }, i: number) => (i === 0 ? { ...l, rateFen: l.rateFen + 1000 } : l)),
    };
    expect((await sm.put('/api/store-settings', changed)).statusCode).toBe(200);
    const audit = await lastAudit('store-settings.update');
    expect(JSON.stringify(audit!.before)).toContain(String(settings.labourRates[0].rateFen));
    expect(JSON.stringify(audit!.after)).toContain(String(settings.labourRates[0].rateFen + 1000));
    // the other store is untouched
    const fsm = await t.login('servicemgr.fs01');
    expect((await fsm.get('/api/store-settings')).json().labourRates[0].rateFen).toBe(settings.labourRates[0].rateFen);
  });

  it('rejects a bad time and an unknown repair type with field messages', async () => {
    const sm = await t.login('servicemgr.gz01');
    const settings = (await sm.get('/api/store-settings')).json();
    const badTime = await sm.put('/api/store-settings', { ...settings, businessHours: { open: '25:00', close: '18:00' } });
    expect(badTime.statusCode).toBe(400);
    expect(badTime.json().fields['businessHours.open']).toContain('HH:mm');
    const badRef = await sm.put('/api/store-settings', {
      ...settings,
      labourRates: [{ repairTypeId: '01900000-0000-7000-8000-000000000000', rateFen: 100 }],
    });
    expect(badRef.statusCode).toBe(422);
  });
});

describe('stores, organisation and audit viewer', () => {
  it('creates a store in the group and service bays in the current store', async () => {
    const res = await admin.post('/api/stores', {
      code: 'SZ01',
      name: '示例一汽-大众深圳南山店',
      shortName: '南山店',
      plateProvince: '粤',
      plateLetter: 'B',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().groupId).toBeTruthy();
    const sm = await t.login('servicemgr.gz01');
    const bay = await sm.post('/api/service-bays', { code: 'B99', name: '99号工位', kind: 'quick' });
    expect(bay.statusCode).toBe(201);
    expect(bay.json().storeId).toBe(await t.storeId('GZ01'));
    const dup = await sm.post('/api/service-bays', { code: 'B99', name: '重复' });
    expect(dup.statusCode).toBe(409);
  });

  it('shows audit rows filtered by action; a store manager sees only their stores', async () => {
    const list = (await admin.get('/api/audit-logs', { query: { action: 'auth.login', success: 'false', pageSize: '50' } })).json();
    expect(list.items.every((r: { action: string; success: boolean }) => r.action === 'auth.login' && !r.success)).toBe(true);
    const gm = await t.login('gm.fs01');
    const fs = await t.storeId('FS01');
    const own = (await gm.get('/api/audit-logs', { query: { pageSize: '200' } })).json();
    expect(own.total).toBeGreaterThan(0);
    expect(own.items.every((r: { storeId: string }) => r.storeId === fs)).toBe(true);
  });
});
