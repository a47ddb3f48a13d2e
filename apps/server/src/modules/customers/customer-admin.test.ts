import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { makeVin } from '@sifang/shared/validation/vin';
import { createTestApp, type Client, type TestApp } from '../../../test/test-app.js';
import { createUserWithRole, databaseChecksum } from '../../../test/fixtures.js';
import { hashPassword } from '../../kernel/password.js';
import { customer } from './customers.schema.js';
import { ANONYMISED_NAME, notMerged } from './customer-admin.routes.js';

let t: TestApp;
let advisor: Client;
let manager: Client;
let gm: Client;
let gzStoreId: string;
beforeAll(async () => {
  t = await createTestApp();
  advisor = await t.login('advisor.gz01');
  manager = await t.login('servicemgr.gz01');
  gm = await t.login('gm.gz01');
  gzStoreId = await t.storeId('GZ01');
});
afterAll(() => t.close());

type AuditRow = { username: string; detail: Record<string, unknown>; entity_id: string };
const lastAudit = async (action: string) =>
  (await t.database.query<AuditRow>('SELECT * FROM audit_log WHERE action = $1 ORDER BY at DESC, id DESC LIMIT 1', [action]))[0];
const auditCount = async (action: string) =>
  (await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE action = $1', [action]))[0]!.n;

let serial = 1;
const vin = () => makeVin('LSVAD2BM', `M${String(serial++).padStart(7, '0')}`);
let phoneSerial = 1;
const phone = () => `1970000${String(phoneSerial++).padStart(4, '0')}`;

async function newCustomer(c: Client, body: Record<string, unknown>): Promise<{ id: string; storeId: string }> {
  const res = await c.post('/api/customers', { kind: 'person', phone: phone(), confirmDuplicate: true, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
async function newVehicle(c: Client, body: Record<string, unknown>): Promise<{ id: string }> {
  const res = await c.post('/api/vehicles', { vin: vin(), ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
async function followUpAndComplaint(customerId: string, vehicleId: string | null, storeId = gzStoreId) {
  await t.database.query(
    `INSERT INTO follow_up (id, store_id, customer_id, vehicle_id, content) VALUES (gen_random_uuid(), $1, $2, $3, '保养后回访')`,
    [storeId, customerId, vehicleId],
  );
  await t.database.query(
    `INSERT INTO complaint (id, store_id, number, customer_id, vehicle_id, type, description, received_at, due_at)
     VALUES (gen_random_uuid(), $1, 'TS' || floor(random() * 1e6)::text, $2, $3, 'SERVICE', '等待时间过长', now(), now() + interval '1 day')`,
    [storeId, customerId, vehicleId],
  );
}
const one = async <T>(text: string, params: unknown[]) => (await t.database.query<T>(text, params))[0]!;

describe('merging duplicate customer files', () => {
  it('moves vehicles, ownership, follow-ups, complaints and phones to the survivor, fills its blanks and audits the counts', async () => {
    const keepPhone = phone();
    const sharedExtra = phone();
    const sourceExtra = phone();
    const sourcePhone = phone();
    const survivor = await newCustomer(advisor, { name: '刘备', phone: keepPhone, extraPhones: [sharedExtra] });
    const source = await newCustomer(advisor, {
      name: '刘备',
      phone: sourcePhone,
      extraPhones: [sharedExtra, sourceExtra],
      birthday: '1980-03-04',
      tags: ['VIP'],
    });
    const owned = await newVehicle(advisor, { ownerId: source.id });
    const shared = await newVehicle(advisor, { ownerId: survivor.id, userId: source.id });
    await followUpAndComplaint(source.id, owned.id);

    const res = await manager.post(`/api/customers/${survivor.id}/merge`, { sourceId: source.id });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.moved).toEqual({ vehicles: 2, ownerships: 2, followUps: 1, complaints: 1, phones: 2 });
    expect(body.filled).toEqual(expect.arrayContaining(['birthday', 'tags']));
    expect(body.customer).toMatchObject({ id: survivor.id, birthday: '1980-03-04', tags: ['VIP'], vehicleCount: 2 });

    // the database, not the response
    const v1 = await one<{ owner_id: string; user_id: string | null }>('SELECT owner_id, user_id FROM vehicle WHERE id = $1', [owned.id]);
    expect(v1).toEqual({ owner_id: survivor.id, user_id: null });
    const v2 = await one<{ owner_id: string; user_id: string | null }>('SELECT owner_id, user_id FROM vehicle WHERE id = $1', [shared.id]);
    expect(v2).toEqual({ owner_id: survivor.id, user_id: null });
    for (const table of ['vehicle_ownership', 'follow_up', 'complaint', 'customer_phone']) {
      const left = await one<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE customer_id = $1`, [source.id]);
      expect(left.n, table).toBe(0);
    }
    const phones = await t.database.query<{ phone: string }>('SELECT phone FROM customer_phone WHERE customer_id = $1 ORDER BY phone', [
      survivor.id,
    ]);
    expect(phones.map((p) => p.phone)).toEqual([sharedExtra, sourceExtra, sourcePhone].sort());
    const src = await one<{ merged_into_id: string; name: string }>('SELECT merged_into_id, name FROM customer WHERE id = $1', [source.id]);
    expect(src.merged_into_id).toBe(survivor.id);

    const audit = await lastAudit('customer.merge');
    expect(audit).toMatchObject({
      username: 'servicemgr.gz01',
      entity_id: survivor.id,
      detail: { sourceId: source.id, moved: body.moved },
    });
    expect(JSON.stringify(audit)).not.toContain(sourcePhone);
    expect(JSON.stringify(audit)).not.toContain('1980-03-04');

    // `notMerged` (for the lists and search) leaves the merged file out
    const visible = await t.database.db
      .select({ id: customer.id })
      .from(customer)
      .where(and(eq(customer.id, source.id), notMerged));
    expect(visible).toEqual([]);

    // merging an already-merged file, or into one: 409
    const third = await newCustomer(advisor, { name: '刘玄德' });
    const again = await manager.post(`/api/customers/${survivor.id}/merge`, { sourceId: source.id });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('customer.already_merged');
    expect((await manager.post(`/api/customers/${source.id}/merge`, { sourceId: third.id })).statusCode).toBe(409);
  });

  it('refuses a self-merge (422), a file of another store (404 / 422) and a role without the permission (403)', async () => {
    const a = await newCustomer(advisor, { name: '关羽' });
    const self = await manager.post(`/api/customers/${a.id}/merge`, { sourceId: a.id });
    expect(self.statusCode).toBe(422);
    expect(self.json().code).toBe('customer.merge_self');

    const fsAdvisor = await t.login('advisor.fs01');
    const foreign = await newCustomer(fsAdvisor, { name: '张飞' });
    await newVehicle(fsAdvisor, { ownerId: foreign.id });
    await createUserWithRole(t, {
      username: 'merge.group',
      roleCode: 'merge_group',
      permissions: ['customers.customer.merge', 'customers.customer.read'],
      dataScope: 'group',
      storeCodes: ['GZ01'],
    });
    const groupUser = await t.login('merge.group');
    const before = await databaseChecksum(t);
    expect((await manager.post(`/api/customers/${a.id}/merge`, { sourceId: foreign.id })).statusCode).toBe(404);
    expect((await manager.post(`/api/customers/${foreign.id}/merge`, { sourceId: a.id })).statusCode).toBe(404);
    // a user who sees both stores still cannot merge across them
    const cross = await groupUser.post(`/api/customers/${a.id}/merge`, { sourceId: foreign.id });
    expect(cross.statusCode, cross.body).toBe(422);
    expect(cross.json().code).toBe('customer.merge_other_store');
    expect((await advisor.post(`/api/customers/${a.id}/merge`, { sourceId: foreign.id })).statusCode).toBe(403);
    expect(await databaseChecksum(t)).toEqual(before);
  });
});

describe('assignment to service advisors', () => {
  let second: string;
  let firstAdvisor: string;
  beforeAll(async () => {
    firstAdvisor = (await one<{ id: string }>("SELECT id FROM app_user WHERE username = 'advisor.gz01'", [])).id;
    const u = await one<{ id: string }>(
      `INSERT INTO app_user (id, username, display_name, password_hash) VALUES (gen_random_uuid(), 'advisor2.gz01', '第二顾问', $1) RETURNING id`,
      [await hashPassword('sifang-demo')],
    );
    await t.database.query(
      `INSERT INTO user_role (user_id, store_id, role_id) SELECT $1, $2, id FROM role WHERE code = 'service_advisor'`,
      [u.id, gzStoreId],
    );
    second = u.id;
  });

  it('reassigns in bulk, with one history row per customer that changes and one audit row per batch', async () => {
    const ids = (
      await t.database.query<{ id: string }>(
        'SELECT id FROM customer WHERE store_id = $1 AND advisor_id = $2 AND merged_into_id IS NULL ORDER BY id LIMIT 10',
        [gzStoreId, firstAdvisor],
      )
    ).map((r) => r.id);
    const loadBefore = (await manager.get('/api/customers/assignment-load')).json();
    const firstBefore = loadBefore.items.find((i: { userId: string }) => i.userId === firstAdvisor).customers;
    expect(loadBefore.items.find((i: { userId: string }) => i.userId === second)).toMatchObject({ customers: 0, displayName: '第二顾问' });

    const audits = await auditCount('customer.assign');
    const partial = await manager.post('/api/customers/assign', {
      customerIds: ids.slice(0, 4),
      role: 'advisor',
      toUserId: second,
      reason: '均衡工作量',
    });
    expect(partial.json()).toEqual({ requested: 4, changed: 4, unchanged: 0 });
    t.clock.advance(60_000);
    const all = await manager.post('/api/customers/assign', {
      customerIds: [...ids, ids[0]],
      role: 'advisor',
      toUserId: second,
      reason: '顾问调岗',
    });
    expect(all.json()).toEqual({ requested: 10, changed: 6, unchanged: 4 });
    const history = await t.database.query<{ customer_id: string; from_user_id: string; to_user_id: string; by_user_id: string }>(
      'SELECT * FROM customer_assignment WHERE customer_id = ANY($1::uuid[])',
      [ids],
    );
    expect(history).toHaveLength(10);
    expect(new Set(history.map((h) => h.customer_id)).size).toBe(10);
    expect(history.every((h) => h.from_user_id === firstAdvisor && h.to_user_id === second)).toBe(true);
    const rows = await t.database.query<{ advisor_id: string }>('SELECT advisor_id FROM customer WHERE id = ANY($1::uuid[])', [ids]);
    expect(rows.every((r) => r.advisor_id === second)).toBe(true);

    // nothing changes → no history, but the batch is still audited
    const same = await manager.post('/api/customers/assign', { customerIds: ids, role: 'advisor', toUserId: second, reason: '重复提交' });
    expect(same.json()).toEqual({ requested: 10, changed: 0, unchanged: 10 });
    expect((await t.database.query('SELECT 1 FROM customer_assignment WHERE customer_id = ANY($1::uuid[])', [ids])).length).toBe(10);
    expect(await auditCount('customer.assign')).toBe(audits + 3);
    expect(await lastAudit('customer.assign')).toMatchObject({
      username: 'servicemgr.gz01',
      detail: { role: 'advisor', toUserId: second, requested: 10, changed: 0 },
    });

    const log = (await advisor.get(`/api/customers/${ids[5]}/assignments`)).json();
    expect(log.items).toHaveLength(1);
    expect(log.items[0]).toMatchObject({
      role: 'advisor',
      fromUserId: firstAdvisor,
      toUserId: second,
      toUserName: '第二顾问',
      reason: '顾问调岗',
    });

    // back to the first advisor: newest first
    t.clock.advance(60_000);
    await manager.post('/api/customers/assign', { customerIds: [ids[5]], role: 'advisor', toUserId: firstAdvisor, reason: '客户要求' });
    const log2 = (await advisor.get(`/api/customers/${ids[5]}/assignments`)).json();
    expect(log2.items.map((i: { reason: string }) => i.reason)).toEqual(['客户要求', '顾问调岗']);

    const loadAfter = (await manager.get('/api/customers/assignment-load')).json();
    expect(loadAfter.items.find((i: { userId: string }) => i.userId === second).customers).toBe(9);
    expect(loadAfter.items.find((i: { userId: string }) => i.userId === firstAdvisor).customers).toBe(firstBefore - 9);
    const active = await one<{ n: number }>(
      'SELECT count(*)::int AS n FROM customer WHERE store_id = $1 AND merged_into_id IS NULL AND anonymised_at IS NULL',
      [gzStoreId],
    );
    const sum = loadAfter.items.reduce((s: number, i: { customers: number }) => s + i.customers, 0) + loadAfter.unassigned;
    expect(sum).toBe(active.n);
    const consultants = (await manager.get('/api/customers/assignment-load', { query: { role: 'consultant' } })).json();
    expect(consultants.items.some((i: { username: string }) => i.username === 'sales.gz01')).toBe(true);
  });

  it('refuses a target without a role in the store, customers of another store, and a role without the permission', async () => {
    const ids = (
      await t.database.query<{ id: string }>('SELECT id FROM customer WHERE store_id = $1 ORDER BY id LIMIT 3', [gzStoreId])
    ).map((r) => r.id);
    const fsAdvisor = await one<{ id: string }>("SELECT id FROM app_user WHERE username = 'advisor.fs01'", []);
    const fsCustomer = await one<{ id: string }>('SELECT id FROM customer WHERE store_id = $1 LIMIT 1', [await t.storeId('FS01')]);
    const before = await databaseChecksum(t);
    const noRole = await manager.post('/api/customers/assign', {
      customerIds: ids,
      role: 'advisor',
      toUserId: fsAdvisor.id,
      reason: '测试',
    });
    expect(noRole.statusCode).toBe(422);
    expect(noRole.json().fields.toUserId).toBeTruthy();
    const foreign = await manager.post('/api/customers/assign', {
      customerIds: [...ids, fsCustomer.id],
      role: 'advisor',
      toUserId: second,
      reason: '测试',
    });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().code).toBe('customer.assign_outside_store');
    expect(foreign.json().message).toContain('1');
    const tooMany = Array.from({ length: 5001 }, () => ids[0]);
    expect(
      (await manager.post('/api/customers/assign', { customerIds: tooMany, role: 'advisor', toUserId: second, reason: '测试' })).statusCode,
    ).toBe(400);
    expect(
      (await advisor.post('/api/customers/assign', { customerIds: ids, role: 'advisor', toUserId: second, reason: '测试' })).statusCode,
    ).toBe(403);
    expect(await databaseChecksum(t)).toEqual(before);
  });
  it('moves a whole store (≈5,000 customers) to another advisor in one batch', async () => {
    const ids = (
      await t.database.query<{ id: string }>(
        'SELECT id FROM customer WHERE store_id = $1 AND merged_into_id IS NULL ORDER BY id LIMIT 5000',
        [gzStoreId],
      )
    ).map((r) => r.id);
    const already = (
      await one<{ n: number }>('SELECT count(*)::int AS n FROM customer WHERE id = ANY($1::uuid[]) AND advisor_id = $2', [ids, second])
    ).n;
    const historyBefore = (await one<{ n: number }>('SELECT count(*)::int AS n FROM customer_assignment', [])).n;
    const started = performance.now();
    const res = await manager.post('/api/customers/assign', {
      customerIds: ids,
      role: 'advisor',
      toUserId: second,
      reason: '顾问离职，整体移交',
    });
    const ms = performance.now() - started;
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ requested: ids.length, changed: ids.length - already, unchanged: already });
    console.log(
      `customer reassignment: ${ids.length} customers (${ids.length - already} changed) in ${ms.toFixed(0)} ms on ${t.database.kind}`,
    );
    expect((await one<{ n: number }>('SELECT count(*)::int AS n FROM customer_assignment', [])).n).toBe(
      historyBefore + ids.length - already,
    );
    const load = (await manager.get('/api/customers/assignment-load')).json();
    expect(load.items.find((i: { userId: string }) => i.userId === second).customers).toBeGreaterThanOrEqual(ids.length);
  });
});

describe('anonymisation on a deletion request (PIPL)', () => {
  it('removes the personal data, keeps the business records linked, and audits without personal values', async () => {
    const personal = {
      name: '曹孟德',
      phone: phone(),
      extraPhones: [phone()],
      gender: 'male',
      birthday: '1975-07-07',
      idNumber: '11010519491231002X',
      provinceCode: '440000',
      cityCode: '440100',
      districtCode: '440106',
      address: '广州市天河区天河路 385 号 1808 室',
      tags: ['VIP'],
      notes: '喜欢周末来店',
      marketingConsent: true,
      consentChannel: 'sms',
    };
    const c = await newCustomer(advisor, personal);
    const car = await newVehicle(advisor, { ownerId: c.id, plate: '粤A8M888', mileageKm: 12_000 });
    await followUpAndComplaint(c.id, car.id);
    // a duplicate file merged into it earlier is the same person: it goes too
    const dupPhone = phone();
    const dup = await newCustomer(advisor, { name: '曹操', phone: dupPhone });
    expect((await manager.post(`/api/customers/${c.id}/merge`, { sourceId: dup.id })).statusCode).toBe(200);

    expect((await manager.post(`/api/customers/${c.id}/anonymise`, { reason: '客户书面申请删除' })).statusCode).toBe(403);
    const res = await gm.post(`/api/customers/${c.id}/anonymise`, { reason: '客户书面申请删除' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: ANONYMISED_NAME, phone: '', anonymised: true, extraPhones: [], vehicleCount: 1 });

    const row = await one<Record<string, unknown>>('SELECT * FROM customer WHERE id = $1', [c.id]);
    expect(row).toMatchObject({
      name: ANONYMISED_NAME,
      name_pinyin: '',
      name_initials: '',
      gender: null,
      birthday: null,
      phone: '',
      province_code: '',
      city_code: '',
      district_code: '',
      address: '',
      tags: [],
      notes: '',
      id_number_enc: null,
      id_number_hash: null,
      credit_code: null,
      contact_name: null,
      marketing_consent: false,
      consent_channel: null,
    });
    expect(row.anonymised_at).toBeTruthy();
    const dupRow = await one<Record<string, unknown>>('SELECT name, phone, anonymised_at FROM customer WHERE id = $1', [dup.id]);
    expect(dupRow).toMatchObject({ name: ANONYMISED_NAME, phone: '' });
    expect(dupRow.anonymised_at).toBeTruthy();
    expect((await t.database.query('SELECT 1 FROM customer_phone WHERE customer_id = ANY($1::uuid[])', [[c.id, dup.id]])).length).toBe(0);
    // the business records stay, linked to the anonymous file
    expect(await one('SELECT owner_id FROM vehicle WHERE id = $1', [car.id])).toEqual({ owner_id: c.id });
    expect((await one<{ n: number }>('SELECT count(*)::int AS n FROM follow_up WHERE customer_id = $1', [c.id])).n).toBe(1);
    expect((await one<{ n: number }>('SELECT count(*)::int AS n FROM complaint WHERE customer_id = $1', [c.id])).n).toBe(1);
    expect((await one<{ n: number }>('SELECT count(*)::int AS n FROM vehicle_ownership WHERE customer_id = $1', [c.id])).n).toBe(1);
    // nobody finds the person any more
    expect((await advisor.get('/api/search', { query: { q: personal.phone } })).json().customers).toEqual([]);

    const audit = await lastAudit('customer.anonymise');
    expect(audit).toMatchObject({ username: 'gm.gz01', entity_id: c.id, detail: { reason: '客户书面申请删除', mergedFiles: [dup.id] } });
    const text = JSON.stringify(audit);
    for (const value of [personal.name, personal.phone, personal.extraPhones[0]!, personal.birthday, personal.idNumber, '1808', dupPhone])
      expect(text).not.toContain(value);

    const twice = await gm.post(`/api/customers/${c.id}/anonymise`, { reason: '重复申请' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('customer.anonymised');
    // an anonymised file cannot take part in a merge
    const other = await newCustomer(advisor, { name: '夏侯惇' });
    expect((await manager.post(`/api/customers/${other.id}/merge`, { sourceId: c.id })).statusCode).toBe(409);
  });
});

describe('churn and effective customers', () => {
  it('counts on the seeded store with the default rules', async () => {
    const res = await manager.get('/api/customers/churn-summary');
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s).toMatchObject({ churnMonths: 12, effectiveMonths: 24 });
    expect(s.vehicles).toBeGreaterThan(5000);
    expect(s.churnedVehicles).toBeGreaterThan(0);
    expect(s.churnedVehicles).toBeLessThan(s.vehicles);
    expect(s.effectiveCustomers).toBeLessThanOrEqual(s.customers);
  });

  it('counts a hand-made set in SQL with the store rules and the clock', async () => {
    await t.database.query(
      `INSERT INTO store (id, group_id, code, name, short_name) SELECT gen_random_uuid(), group_id, 'TST1', '流失测试店', '测试' FROM store WHERE code = 'GZ01'`,
    );
    const storeId = await t.storeId('TST1');
    await createUserWithRole(t, {
      username: 'churn.reader',
      roleCode: 'churn_reader',
      permissions: ['customers.customer.read'],
      storeCodes: ['TST1'],
    });
    const reader = await t.login('churn.reader');
    const owners: string[] = [];
    for (let i = 1; i <= 4; i++) {
      const [c] = await t.database.query<{ id: string }>(
        `INSERT INTO customer (id, store_id, name, phone) VALUES (gen_random_uuid(), $1, $2, $3) RETURNING id`,
        [storeId, `流失${i}`, phone()],
      );
      owners.push(c!.id);
    }
    // now: 2026-06-15 12:00 in Shanghai; churn cut 2025-06-15 12:00, effective cut 2024-06-15 12:00
    t.clock.now = new Date('2026-06-15T04:00:00Z');
    const cars: [owner: number, lastVisit: string | null, saleDate: string | null, createdAt: string][] = [
      [0, '2026-03-01T02:00:00Z', '2022-05-01', '2022-05-01T02:00:00Z'], // visited 3 months ago
      [0, '2025-05-01T02:00:00Z', '2021-01-01', '2021-01-01T02:00:00Z'], // 13½ months: churned, still effective
      [1, null, '2024-01-10', '2024-01-10T02:00:00Z'], // never visited, sold 29 months ago: churned, not effective
      [2, null, null, '2026-01-01T02:00:00Z'], // never visited, registered 5½ months ago
      [3, '2023-12-01T02:00:00Z', '2023-01-01', '2023-01-01T02:00:00Z'], // 30 months: churned, not effective
      [3, '2025-06-15T05:00:00Z', '2020-01-01', '2020-01-01T02:00:00Z'], // one hour inside the 12 months
    ];
    for (const [owner, lastVisit, saleDate, createdAt] of cars) {
      await t.database.query(
        `INSERT INTO vehicle (id, store_id, vin, owner_id, last_visit_at, sale_date, created_at) VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6)`,
        [storeId, vin(), owners[owner], lastVisit, saleDate, createdAt],
      );
    }
    const summary = async () => (await reader.get('/api/customers/churn-summary')).json();
    expect(await summary()).toMatchObject({
      asOf: '2026-06-15T04:00:00.000Z',
      vehicles: 6,
      churnedVehicles: 3,
      neverVisitedVehicles: 2,
      effectiveVehicles: 4,
      customers: 4,
      effectiveCustomers: 3,
      churnRate: 0.5,
    });
    // two hours later the last car has been away for more than 12 months
    t.clock.advance(2 * 3600_000);
    expect(await summary()).toMatchObject({ churnedVehicles: 4, effectiveVehicles: 4 });
    // the store's own rules
    await t.database.query(`INSERT INTO store_setting (store_id, settings) VALUES ($1, $2::jsonb)`, [
      storeId,
      JSON.stringify({ customerRules: { churnMonths: 24, effectiveMonths: 12 } }),
    ]);
    expect(await summary()).toMatchObject({
      churnMonths: 24,
      effectiveMonths: 12,
      churnedVehicles: 2,
      effectiveVehicles: 2,
      effectiveCustomers: 2,
    });
    t.clock.now = new Date();
  });
});
