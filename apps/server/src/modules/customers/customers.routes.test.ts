import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { makeVin } from '@sifang/shared/validation/vin';
import { COUNT_LIMIT } from '../../kernel/list.js';
import { createTestApp, type Client, type TestApp } from '../../../test/test-app.js';
import { subSelectRuns } from '../../../test/plans.js';
import { customerListPage } from './customers.routes.js';

let t: TestApp;
let advisor: Client;
beforeAll(async () => {
  t = await createTestApp();
  advisor = await t.login('advisor.gz01');
});
afterAll(() => t.close());

const lastAudit = async (action: string) =>
  (
    await t.database.query<{ username: string; detail: Record<string, unknown>; entity_id: string }>(
      'SELECT * FROM audit_log WHERE action = $1 ORDER BY at DESC, id DESC LIMIT 1',
      [action],
    )
  )[0];

let serial = 100;
const vin = () => makeVin('LFV2A2BS', `T${String(serial++).padStart(7, '0')}`.replace('T', 'N'));

async function newCustomer(c: Client, body: Record<string, unknown>) {
  const res = await c.post('/api/customers', { kind: 'person', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('customers', () => {
  it('creates a person with validated, normalised phone and encrypted ID number; the list masks personal data', async () => {
    const c = await newCustomer(advisor, {
      name: '赵敏',
      gender: 'female',
      phone: '+86 139 1111 2222',
      idNumber: '11010519491231002X',
      address: '广州市天河区体育西路 101 号 3 栋 1202 室',
    });
    expect(c.phone).toBe('139****2222');
    expect(c.idNumber).toBe('110105********002X');
    expect(c.address).not.toContain('1202');
    const [row] = await t.database.query<{ phone: string; id_number_enc: string; name_initials: string }>(
      'SELECT phone, id_number_enc, name_initials FROM customer WHERE id = $1',
      [c.id],
    );
    expect(row!.phone).toBe('13911112222');
    expect(row!.id_number_enc).not.toContain('11010519491231002X');
    expect(row!.name_initials).toBe('zm');
    // a list row carries what the list shows, the phone masked; the file's other personal data stays in the file
    const listed = (await advisor.get('/api/customers', { query: { q: '赵敏' } })).json().items.find((x: { id: string }) => x.id === c.id);
    expect(listed).toMatchObject({ name: '赵敏', phone: '139****2222', storeName: c.storeName, vehicleCount: 0, anonymised: false });
    for (const field of ['idNumber', 'address', 'extraPhones', 'birthday', 'notes']) expect(listed).not.toHaveProperty(field);
  });

  it('takes the address from the national division codes, which must chain up', async () => {
    const ok = await newCustomer(advisor, {
      name: '黄蓉',
      phone: '13600001111',
      provinceCode: '440000',
      cityCode: '440100',
      districtCode: '440106',
    });
    expect(ok.districtCode).toBe('440106');
    const bad = await advisor.post('/api/customers', {
      kind: 'person',
      name: '郭靖',
      phone: '13600002222',
      provinceCode: '440000',
      cityCode: '440100',
      districtCode: '440605',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.districtCode).toBe('省、市、区县不匹配');
    const tree = (await advisor.get('/api/divisions')).json();
    expect(tree.find((p: { code: string }) => p.code === '440000').name).toBe('广东省');
  });

  it('rejects an invalid phone, ID number and credit code with field messages in the user language', async () => {
    const res = await advisor.post('/api/customers', { kind: 'person', name: '错误', phone: '1231234', idNumber: '110105194912310021' });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields.phone).toContain('手机号');
    expect(res.json().fields.idNumber).toContain('身份证');
  });

  it('warns on a duplicate phone, and creates it when the clerk confirms', async () => {
    await newCustomer(advisor, { name: '钱多多', phone: '13622223333' });
    const dup = await advisor.post('/api/customers', { kind: 'person', name: '钱多多', phone: '13622223333' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('customer.duplicate_phone');
    expect(dup.json().duplicates[0]).toMatchObject({ name: '钱多多', visible: true });
    const ok = await advisor.post('/api/customers', { kind: 'person', name: '钱多多', phone: '13622223333', confirmDuplicate: true });
    expect(ok.statusCode).toBe(201);
  });

  it('masks for a technician and reveals, with an audit row, for a role that may', async () => {
    const c = await newCustomer(advisor, { name: '孙悟空', phone: '13533334444', idNumber: '11010519491231002X' });
    const tech = await t.login('tech.gz01');
    const seen = (await tech.get(`/api/customers/${c.id}`)).json();
    expect(seen.phone).toBe('135****4444');
    expect((await tech.post(`/api/customers/${c.id}/reveal`, { reason: '回访' })).statusCode).toBe(403);
    const revealed = await advisor.post(`/api/customers/${c.id}/reveal`, { reason: '预约保养需联系客户' });
    expect(revealed.json()).toMatchObject({ phone: '13533334444', idNumber: '11010519491231002X', revealed: true });
    expect(await lastAudit('customer.reveal')).toMatchObject({
      username: 'advisor.gz01',
      entity_id: c.id,
      detail: { reason: '预约保养需联系客户' },
    });
  });

  it('keeps store-1 customers away from a store-2 advisor (list, id, search) and shows them to group management', async () => {
    const c = await newCustomer(advisor, { name: '周芷若', phone: '13744445555' });
    const other = await t.login('advisor.fs01');
    expect((await other.get(`/api/customers/${c.id}`)).statusCode).toBe(404);
    expect((await other.get('/api/customers', { query: { q: '周芷若' } })).json().total).toBe(0);
    expect((await other.get('/api/search', { query: { q: '13744445555' } })).json().customers).toEqual([]);
    const group = await t.login('group');
    expect((await group.get(`/api/customers/${c.id}`)).statusCode).toBe(200);
    expect((await group.get('/api/customers', { query: { q: '周芷若', storeId: 'all' } })).json().total).toBe(1);
  });

  it('counts a long list up to 1,000 ("1,000+"), exactly when asked, and every filter exactly below that', async () => {
    const storeId = (await advisor.get('/api/auth/me')).json().currentStore.id;
    const dbCount = async (where: string, params: unknown[] = []) =>
      Number(
        (
          await t.database.query<{ n: string }>(
            `SELECT count(*)::text AS n FROM customer WHERE store_id = $1 AND merged_into_id IS NULL AND ${where}`,
            [storeId, ...params],
          )
        )[0]!.n,
      );
    const all = await dbCount('true');
    expect(all).toBeGreaterThan(COUNT_LIMIT);
    const page = (await advisor.get('/api/customers', { query: { page: '3' } })).json();
    expect(page).toMatchObject({ total: COUNT_LIMIT, totalExact: false });
    expect(page.items).toHaveLength(20);
    expect((await advisor.get('/api/customers', { query: { count: 'exact' } })).json()).toMatchObject({ total: all, totalExact: true });
    expect((await advisor.get('/api/customers', { query: { count: 'all' } })).statusCode).toBe(400);

    // each filter: the same customers as the database holds, through the list's own indexes
    const companies = await dbCount(`kind = 'company'`);
    expect(companies).toBeGreaterThan(0);
    expect((await advisor.get('/api/customers', { query: { kind: 'company' } })).json()).toMatchObject({
      total: companies,
      totalExact: true,
    });
    // the total comes with the page's rows; a page past the end has none, and still tells the total
    const pastTheEnd = (
      await advisor.get('/api/customers', { query: { kind: 'company', page: String(companies + 1), pageSize: '1' } })
    ).json();
    expect(pastTheEnd).toMatchObject({ items: [], total: companies, totalExact: true });
    expect((await advisor.get('/api/customers', { query: { q: '不存在的客户名' } })).json()).toMatchObject({
      items: [],
      total: 0,
      totalExact: true,
    });
    const { tag } = (
      await t.database.query<{ tag: string }>(
        `SELECT t AS tag FROM customer, unnest(tags) t WHERE store_id = $1 GROUP BY t ORDER BY count(*) LIMIT 1`,
        [storeId],
      )
    )[0]!;
    const tagged = await dbCount('$2 = ANY(tags)', [tag]);
    expect((await advisor.get('/api/customers', { query: { tag } })).json()).toMatchObject({
      total: Math.min(tagged, COUNT_LIMIT),
      totalExact: tagged <= COUNT_LIMIT,
    });
  });

  it('finds customers by one character of their name (a surname) as by any longer part', async () => {
    const c = await newCustomer(advisor, { name: '鞠婧祎', phone: '13766667777' });
    for (const q of ['鞠', '婧祎', '鞠婧祎', '祎']) {
      const ids = (await advisor.get('/api/customers', { query: { q, pageSize: '200' } })).json().items.map((x: { id: string }) => x.id);
      expect(ids, q).toContain(c.id);
    }
    const surname = (await advisor.get('/api/customers', { query: { q: '张', count: 'exact', pageSize: '200' } })).json();
    const { n } = (
      await t.database.query<{ n: string }>(
        `SELECT count(*)::text AS n FROM customer WHERE store_id = $1 AND merged_into_id IS NULL AND (name LIKE '%张%')`,
        [c.storeId],
      )
    )[0]!;
    expect(surname.total).toBe(Number(n));
    expect(surname.items.every((x: { name: string }) => x.name.includes('张'))).toBe(true);
  });

  it('reads the customer, vehicle and complaint lists in their default order from an index, without sorting the store', async () => {
    const storeId = await t.storeId('GZ01');
    // with sorting made the last resort, a plan sorts only when no index gives the order
    const plan = (statement: string) =>
      t.database.db.transaction(async (tx) => {
        await tx.execute(sql`SET LOCAL enable_sort = off`);
        const rows = (await tx.execute(sql.raw(`EXPLAIN ${statement.replace('$1', `'${storeId}'`)}`))) as unknown as {
          rows: { 'QUERY PLAN': string }[];
        };
        return rows.rows.map((r) => r['QUERY PLAN']).join('\n');
      });
    const customers = await plan(
      'SELECT id FROM customer WHERE store_id = $1 AND merged_into_id IS NULL ORDER BY created_at DESC, id LIMIT 20 OFFSET 40',
    );
    expect(customers).toContain('customer_store_list_idx');
    expect(customers).not.toMatch(/Sort/);
    const vehicles = await plan('SELECT id FROM vehicle WHERE store_id = $1 ORDER BY created_at DESC, id LIMIT 20 OFFSET 40');
    expect(vehicles).toContain('vehicle_store_list_idx');
    expect(vehicles).not.toMatch(/Sort/);
    const complaints = await plan('SELECT id FROM complaint WHERE store_id = $1 ORDER BY received_at DESC, id DESC LIMIT 20 OFFSET 40');
    expect(complaints).toContain('complaint_store_list_idx');
    expect(complaints).not.toMatch(/Sort/);
  });

  it('counts the cars and reads the staff names of the page’s customers only, however deep the page, and keeps the order asked for', async () => {
    const storeId = await t.storeId('GZ01');
    const where = sql`${sql.identifier('customer')}.${sql.identifier('store_id')} = ${storeId}`;
    // PostgreSQL runs a select's sub-selects (and joins) for the rows OFFSET skips and a filter matches too: the car
    // count and the advisor's and consultant's names must come after the page is chosen, 20 runs each
    const perRowRuns = (page: number) =>
      subSelectRuns(t.database, customerListPage(where, { sort: undefined, paging: { page, pageSize: 20 } }));
    expect(await perRowRuns(1)).toEqual([20, 20, 20]);
    expect(await perRowRuns(8)).toEqual([20, 20, 20]);
    // the same customers, in the same order, with the same cars and staff, as sorting the store's whole list by each key
    for (const sort of [undefined, 'name', '-name', 'createdAt']) {
      const res = await advisor.get('/api/customers', { query: { page: '3', pageSize: '20', ...(sort ? { sort } : {}) } });
      const items = (
        res.json() as { items: { id: string; vehicleCount: number; advisorName: string | null; consultantName: string | null }[] }
      ).items;
      const column = sort?.includes('name') ? 'name_pinyin' : 'created_at';
      const dir = sort === undefined || sort.startsWith('-') ? 'DESC' : 'ASC';
      const expected = await t.database.query<{ id: string; cars: number; advisor: string | null; consultant: string | null }>(
        `SELECT c.id, (SELECT count(*) FROM vehicle v WHERE v.owner_id = c.id)::int AS cars, a.display_name AS advisor,
                s.display_name AS consultant
         FROM customer c LEFT JOIN app_user a ON a.id = c.advisor_id LEFT JOIN app_user s ON s.id = c.consultant_id
         WHERE c.store_id = $1 AND c.merged_into_id IS NULL ORDER BY c.${column} ${dir}, c.id LIMIT 20 OFFSET 40`,
        [storeId],
      );
      expect(expected.some((x) => x.advisor !== null)).toBe(true);
      expect(items.map((x) => [x.id, x.vehicleCount, x.advisorName, x.consultantName])).toEqual(
        expected.map((x) => [x.id, x.cars, x.advisor, x.consultant]),
      );
    }
  });

  it('exports the filtered list with an audit row; personal data in full only for a role that may reveal', async () => {
    const gm = await t.login('gm.gz01');
    const res = await gm.get('/api/customers/export', { query: { q: '周芷若' } });
    expect(res.statusCode).toBe(200);
    expect(await lastAudit('customer.export')).toMatchObject({ username: 'gm.gz01', detail: { rows: 1, personalData: true } });
    expect((await advisor.get('/api/customers/export')).statusCode).toBe(403);
    // another store's manager exports nothing of store 1
    const other = await t.login('gm.fs01');
    expect((await other.get('/api/customers/export', { query: { q: '周芷若' } })).statusCode).toBe(200);
    expect(await lastAudit('customer.export')).toMatchObject({ username: 'gm.fs01', detail: { rows: 0 } });
  });
});

describe('vehicles and the customer file', () => {
  it('registers a vehicle bought elsewhere, with model data from the configuration and a first mileage reading', async () => {
    const owner = await newCustomer(advisor, { name: '张无忌', phone: '13855556666' });
    const config = (await advisor.get('/api/configurations', { query: { pageSize: '1' } })).json().items[0];
    const v = vin();
    const res = await advisor.post('/api/vehicles', {
      ownerId: owner.id,
      vin: v.toLowerCase(),
      plate: '粤A·D12345',
      configurationId: config.id,
      colour: '极地白',
      mileageKm: 32_000,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      vin: v,
      plate: '粤AD12345',
      plateVerified: true,
      configurationName: config.name,
      ownerName: '张无忌',
      mileageKm: 32000,
    });
    expect(res.json().seriesName).toBeTruthy();
    const file = (await advisor.get(`/api/vehicles/${res.json().id}`)).json();
    expect(file.mileage).toHaveLength(1);
    expect(file.ownership).toEqual([expect.objectContaining({ name: '张无忌', role: 'owner' })]);
    expect(Object.keys(file.sections)).toEqual(expect.arrayContaining(['serviceRecords', 'appointments', 'followUps']));
  });

  it('rejects a bad VIN check digit, a duplicate VIN and an invalid plate; an unusual plate needs the permission', async () => {
    const owner = await newCustomer(advisor, { name: '殷素素', phone: '13866667777' });
    const good = vin();
    const bad = `${good.slice(0, 8)}${good[8] === '0' ? '1' : '0'}${good.slice(9)}`;
    const badVin = await advisor.post('/api/vehicles', { ownerId: owner.id, vin: bad });
    expect(badVin.statusCode).toBe(400);
    expect(badVin.json().fields.vin).toContain('VIN');
    expect((await advisor.post('/api/vehicles', { ownerId: owner.id, vin: good })).statusCode).toBe(201);
    const dup = await advisor.post('/api/vehicles', { ownerId: owner.id, vin: good });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().fields.vin).toBeTruthy();
    const badPlate = await advisor.post('/api/vehicles', { ownerId: owner.id, vin: vin(), plate: '京I1234' });
    expect(badPlate.statusCode).toBe(400);
    expect(badPlate.json().fields.plate).toContain('车牌');
    const notAllowed = await advisor.post('/api/vehicles', {
      ownerId: owner.id,
      vin: vin(),
      plate: '使123456',
      allowUnverifiedPlate: true,
    });
    expect(notAllowed.statusCode).toBe(403);
    const sm = await t.login('servicemgr.gz01');
    const flagged = await sm.post('/api/vehicles', { ownerId: owner.id, vin: vin(), plate: '使123456', allowUnverifiedPlate: true });
    expect(flagged.statusCode).toBe(201);
    expect(flagged.json()).toMatchObject({ plate: '使123456', plateVerified: false });
  });

  it('refuses a lower mileage without an explanation', async () => {
    const owner = await newCustomer(advisor, { name: '谢逊', phone: '13877778888' });
    const v = (await advisor.post('/api/vehicles', { ownerId: owner.id, vin: vin(), mileageKm: 50_000 })).json();
    const lower = await advisor.post(`/api/vehicles/${v.id}/mileage`, { km: 40_000 });
    expect(lower.statusCode).toBe(422);
    expect(lower.json().fields.note).toContain('50000');
    expect((await advisor.post(`/api/vehicles/${v.id}/mileage`, { km: 40_000, note: '更换仪表' })).statusCode).toBe(201);
    expect((await advisor.post(`/api/vehicles/${v.id}/mileage`, { km: 45_000 })).statusCode).toBe(201);
    const file = (await advisor.get(`/api/vehicles/${v.id}`)).json();
    expect(file.mileage.map((m: { km: number }) => m.km)).toEqual([45000, 40000, 50000]);
  });

  it('exports the filtered vehicles (owner phone masked) with an audit row', async () => {
    const gm = await t.login('gm.gz01');
    const res = await gm.get('/api/vehicles/export', { query: { q: '654321' } });
    expect(res.statusCode).toBe(200);
    const audit = (
      await t.database.query<{ detail: { rows: number } }>(
        "SELECT detail FROM audit_log WHERE action = 'vehicle.export' ORDER BY at DESC LIMIT 1",
      )
    )[0];
    expect(audit!.detail.rows).toBe(1);
    expect((await advisor.get('/api/vehicles/export')).statusCode).toBe(403);
  });

  it('refuses an owner from another store', async () => {
    const other = await t.login('advisor.fs01');
    const foreign = await newCustomer(other, { name: '灭绝师太', phone: '13899990000' });
    const res = await advisor.post('/api/vehicles', { ownerId: foreign.id, vin: vin() });
    expect(res.statusCode).toBe(422);
    expect(res.json().fields.ownerId).toBeTruthy();
  });
});

describe('search as you type', () => {
  it('finds by pinyin initials, full pinyin, name part, phone tail, plate part and VIN tail', async () => {
    const c = await newCustomer(advisor, { name: '张翠山', phone: '13912348765' });
    const v = vin();
    await advisor.post('/api/vehicles', { ownerId: c.id, vin: v, plate: '粤A8K9Z1' });
    const s = async (q: string) => (await advisor.get('/api/search', { query: { q } })).json();
    expect((await s('zcs')).customers.map((x: { name: string }) => x.name)).toContain('张翠山');
    expect((await s('zhangcui')).customers.map((x: { name: string }) => x.name)).toContain('张翠山');
    expect((await s('翠山')).customers.map((x: { name: string }) => x.name)).toContain('张翠山');
    expect((await s('8765')).customers.map((x: { name: string }) => x.name)).toContain('张翠山');
    expect((await s('8K9Z')).vehicles.map((x: { vin: string }) => x.vin)).toContain(v);
    expect((await s(v.slice(-6))).vehicles.map((x: { vin: string }) => x.vin)).toEqual([v]);
    expect((await s('13912348765')).customers[0]).toMatchObject({ name: '张翠山', phone: '139****8765' });
  });

  it('finds a plate from two characters, only plates that hold the fragment, with owner and store names', async () => {
    const me = (await advisor.get('/api/auth/me')).json();
    const c = await newCustomer(advisor, { name: '殷素素', phone: '13912341111' });
    const [a, b] = [vin(), vin()];
    // 京 sorts before the store's own 粤 plates, so these come first among the matches
    await advisor.post('/api/vehicles', { ownerId: c.id, vin: a, plate: '京AQ75K1' });
    // holds both pairs of "Q75" (Q7, 75) but not the fragment itself
    await advisor.post('/api/vehicles', { ownerId: c.id, vin: b, plate: '京AQ7X75' });
    const s = async (q: string) =>
      ((await advisor.get('/api/search', { query: { q } })).json().vehicles as { vin: string }[]).map((x) => x.vin);
    // what a plain scan of the store's plates finds, in the same order
    const scan = async (fragment: string) =>
      (
        await t.database.query<{ vin: string }>('SELECT vin FROM vehicle WHERE store_id = $1 AND plate ILIKE $2 ORDER BY plate LIMIT 8', [
          me.currentStore.id,
          `%${fragment}%`,
        ])
      ).map((x) => x.vin);
    const pair = await s('Q7');
    expect(pair).toEqual(await scan('Q7'));
    expect(pair).toEqual(expect.arrayContaining([a, b]));
    expect(await s('q7')).toEqual(pair);
    const three = await s('Q75');
    expect(three).toEqual(await scan('Q75'));
    expect(three).toContain(a);
    expect(three).not.toContain(b);
    const hit = (await advisor.get('/api/search', { query: { q: 'Q75K' } })).json().vehicles[0];
    expect(hit).toMatchObject({ vin: a, plate: '京AQ75K1', ownerId: c.id, ownerName: '殷素素', storeName: me.currentStore.shortName });
    const found = (await advisor.get('/api/search', { query: { q: '1111' } })).json().customers;
    expect(found).toContainEqual(expect.objectContaining({ name: '殷素素', storeName: me.currentStore.shortName }));
  });

  it("shows a store's new short name as soon as it is renamed (the names come with the cached session)", async () => {
    const admin = await t.login('admin');
    const storeId = await t.storeId('GZ01');
    const before = (await admin.get(`/api/stores/${storeId}`)).json().shortName;
    await newCustomer(advisor, { name: '纪晓芙', phone: '13912342222' });
    const storeNameOf = async () =>
      (await advisor.get('/api/search', { query: { q: '纪晓芙' } })).json().customers[0]?.storeName as string | undefined;
    expect(await storeNameOf()).toBe(before);
    expect((await admin.patch(`/api/stores/${storeId}`, { shortName: '天河旗舰店' })).statusCode).toBe(200);
    try {
      expect(await storeNameOf()).toBe('天河旗舰店');
    } finally {
      await admin.patch(`/api/stores/${storeId}`, { shortName: before });
    }
  });

  it('finds a customer by the exact resident ID number (stored encrypted, matched by its keyed hash)', async () => {
    await newCustomer(advisor, { name: '杨过', phone: '13933332222', idNumber: '11010219840406970X' });
    const found = (await advisor.get('/api/search', { query: { q: '11010219840406970x' } })).json();
    expect(found.customers.map((c: { name: string }) => c.name)).toEqual(['杨过']);
    expect((await advisor.get('/api/search', { query: { q: '110102198404069' } })).json().customers).toEqual([]);
  });
});

describe('a customer created with their car', () => {
  it('saves both in one go, or neither when the plate is wrong (error on the vehicle plate field)', async () => {
    const v = vin();
    const bad = await advisor.post('/api/customers', {
      kind: 'person',
      name: '韦一笑',
      phone: '13611112222',
      vehicle: { vin: v, plate: '粤A1234' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields['vehicle.plate']).toContain('车牌号格式不正确');
    expect((await advisor.get('/api/search', { query: { q: '13611112222' } })).json().customers).toEqual([]);
    const ok = await advisor.post('/api/customers', {
      kind: 'person',
      name: '韦一笑',
      phone: '13611112222',
      vehicle: { vin: v, plate: '粤A12346' },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().vehicleCount).toBe(1);
  });
});

describe("a customer's churn status", () => {
  it('counts their vehicles as churned after 12 months without a visit, and effective for 24 months', async () => {
    const c = await newCustomer(advisor, { name: '小龙女', phone: '13955554444', vehicle: { vin: vin() } });
    // each look signs in afresh: the clock jumps months, far past the session timeouts
    const status = async () =>
      (await (await t.login('advisor.gz01')).get('/api/customers/churn-summary', { query: { customerId: c.id } })).json();
    expect(await status()).toMatchObject({ vehicles: 1, churnedVehicles: 0, effectiveCustomers: 1 });
    t.clock.advance(13 * 31 * 86_400_000);
    expect(await status()).toMatchObject({ vehicles: 1, churnedVehicles: 1, effectiveCustomers: 1 });
    t.clock.advance(12 * 31 * 86_400_000);
    expect(await status()).toMatchObject({ vehicles: 1, churnedVehicles: 1, effectiveCustomers: 0 });
    t.clock.now = new Date();
  });
});
