import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/test-app.js';
import { createUserWithRole } from '../../../test/fixtures.js';
import { escalateOverdueComplaints } from './complaints.routes.js';

// Follow-ups, the customer-care inbox and complaints with the 24-hour clock. The clock is the server's
// controllable clock: every test moves it forward only, and computes its dates from where it stands.
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let t: TestApp;
let advisor: Client;
let care: Client;
let serviceManager: Client;
let clerk: Client;
let clerkId: string;
let advisorId: string;
let gzStoreId: string;

beforeAll(async () => {
  // sessions would expire while the clock jumps days ahead
  t = await createTestApp({ idleTimeoutMs: 3_650 * DAY, absoluteTimeoutMs: 3_650 * DAY });
  advisor = await t.login('advisor.gz01');
  care = await t.login('care.gz01');
  serviceManager = await t.login('servicemgr.gz01');
  // seed 002 R1: a dedicated follow-up clerk (跟踪业务员); their own inbox is free of demo rows
  clerkId = await createUserWithRole(t, {
    username: 'clerk.gz01',
    roleCode: 'test_follow_up_clerk',
    permissions: ['customers.customer.read', 'customers.follow-up.read', 'customers.follow-up.create'],
    storeCodes: ['GZ01'],
  });
  clerk = await t.login('clerk.gz01');
  advisorId = (await t.database.query<{ id: string }>("SELECT id FROM app_user WHERE username = 'advisor.gz01'"))[0]!.id;
  gzStoreId = await t.storeId('GZ01');
});
afterAll(() => t.close());

/** The business day (YYYY-MM-DD) in the demo stores' time zone, `days` after the server clock. */
const dayOf = (at: Date, days = 0) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(at.getTime() + days * DAY),
  );

let phoneSerial = 0;
async function newCustomer(name: string) {
  const phone = `1371234${String(phoneSerial++).padStart(4, '0')}`;
  const res = await advisor.post('/api/customers', { kind: 'person', name, phone, confirmDuplicate: true });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; name: string; phone: string };
}

async function newComplaint(c: Client, customerId: string, extra: Record<string, unknown> = {}) {
  const res = await c.post('/api/complaints', {
    customerId,
    type: 'ATTITUDE',
    severity: 'high',
    channel: 'phone',
    description: '客户反映接待时服务顾问态度冷淡',
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

type Inbox = {
  followUps: { items: { id: string }[]; total: number };
  complaints: { items: { id: string; status: string }[]; total: number };
};
const inbox = async (c: Client, query: Record<string, string> = {}): Promise<Inbox> => {
  const res = await c.get('/api/care/inbox', { query: { pageSize: '200', ...query } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const ids = (list: { items: { id: string }[] }) => list.items.map((x) => x.id);

const auditRows = (action: string, entityId: string) =>
  t.database.query<{ user_id: string | null; store_id: string; detail: Record<string, unknown> }>(
    'SELECT user_id, store_id, detail FROM audit_log WHERE action = $1 AND entity_id = $2',
    [action, entityId],
  );

describe('follow-up records and the care inbox', () => {
  it('plans the next contact: in the inbox on its day and not before; completing it takes it out', async () => {
    const c = await newCustomer('回访甲');
    const due = dayOf(t.clock.now, 2);
    const res = await clerk.post(`/api/customers/${c.id}/follow-ups`, {
      channel: 'phone',
      purpose: 'after_service',
      outcome: 'SATISFIED',
      content: '保养后三日回访，客户对服务满意',
      satisfaction: 5,
      nextContactDate: due,
      nextContactNote: '第二次回访：询问用车情况',
    });
    expect(res.statusCode, res.body).toBe(201);
    const { followUp, next } = res.json();
    expect(followUp).toMatchObject({ status: 'done', outcome: 'SATISFIED', outcomeLabel: '满意', satisfaction: 5, nextContactDate: due });
    expect(next).toMatchObject({ status: 'planned', dueDate: due, assignedTo: clerkId, content: '第二次回访：询问用车情况' });

    expect(ids((await inbox(clerk, { mine: 'true' })).followUps)).not.toContain(next.id);
    t.clock.advance(DAY);
    expect(ids((await inbox(clerk, { mine: 'true' })).followUps)).not.toContain(next.id);
    t.clock.advance(DAY);
    const box = await inbox(clerk, { mine: 'true' });
    expect(box.followUps.items.find((x) => x.id === next.id)).toMatchObject({
      customerName: '回访甲',
      customerPhone: `${c.phone.slice(0, 3)}****${c.phone.slice(-4)}`,
      dueDate: due,
    });
    // the whole store sees it too (mine=false); a technician's inbox has no complaints part
    expect(ids((await inbox(care)).followUps)).toContain(next.id);
    expect((await inbox(await t.login('tech.gz01'))).complaints).toEqual({ items: [], total: 0, totalExact: true });

    const done = await clerk.post(`/api/follow-ups/${next.id}/complete`, { outcome: 'VERY_SATISFIED', content: '客户用车正常，无问题' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      followUp: { id: next.id, status: 'done', channel: 'phone', outcome: 'VERY_SATISFIED' },
      next: null,
    });
    expect(ids((await inbox(clerk, { mine: 'true' })).followUps)).not.toContain(next.id);
    const again = await clerk.post(`/api/follow-ups/${next.id}/complete`, { outcome: 'SATISFIED', content: '重复' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('customer.follow_up_not_planned');

    const history = (await advisor.get(`/api/customers/${c.id}/follow-ups`)).json();
    expect(history.total).toBe(2);
    expect(history.items.map((x: { id: string }) => x.id)).toEqual([next.id, followUp.id]);
    expect(await auditRows('follow_up.complete', next.id)).toHaveLength(1);
  });

  it('completing a planned follow-up can plan the one after', async () => {
    const c = await newCustomer('回访乙');
    const first = (
      await clerk.post(`/api/customers/${c.id}/follow-ups`, {
        channel: 'phone',
        purpose: 'maintenance_reminder',
        outcome: 'NO_ANSWER',
        content: '未接通',
        nextContactDate: dayOf(t.clock.now),
      })
    ).json();
    expect(ids((await inbox(clerk, { mine: 'true' })).followUps)).toContain(first.next.id);
    const res = await clerk.post(`/api/follow-ups/${first.next.id}/complete`, {
      channel: 'sms',
      outcome: 'BUSY_CALLBACK',
      content: '客户在开会，约后天再联系',
      nextContactDate: dayOf(t.clock.now, 2),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().followUp).toMatchObject({ channel: 'sms', status: 'done' });
    expect(res.json().next).toMatchObject({ status: 'planned', purpose: 'maintenance_reminder', dueDate: dayOf(t.clock.now, 2) });
    const box = ids((await inbox(clerk, { mine: 'true' })).followUps);
    expect(box).not.toContain(first.next.id);
    expect(box).not.toContain(res.json().next.id);
  });

  it('rejects an unknown outcome code, a vehicle of another customer and a next contact in the past, with field messages', async () => {
    const c = await newCustomer('回访丙');
    const base = { channel: 'phone', purpose: 'other', outcome: 'SATISFIED', content: '回访' };
    const badOutcome = await clerk.post(`/api/customers/${c.id}/follow-ups`, { ...base, outcome: 'HAPPY' });
    expect(badOutcome.statusCode).toBe(400);
    expect(badOutcome.json().fields).toEqual({ outcome: '请选择有效的回访结果' });

    const [foreignVehicle] = await t.database.query<{ id: string }>(
      'SELECT id FROM vehicle WHERE store_id = $1 AND owner_id <> $2 AND (user_id IS NULL OR user_id <> $2) LIMIT 1',
      [gzStoreId, c.id],
    );
    const badVehicle = await clerk.post(`/api/customers/${c.id}/follow-ups`, { ...base, vehicleId: foreignVehicle!.id });
    expect(badVehicle.statusCode).toBe(422);
    expect(badVehicle.json().fields.vehicleId).toBe('该车辆不属于此客户');

    const past = await clerk.post(`/api/customers/${c.id}/follow-ups`, { ...base, nextContactDate: dayOf(t.clock.now, -1) });
    expect(past.statusCode).toBe(400);
    expect(past.json().fields.nextContactDate).toBe('下次联系日期不能早于今天');

    const garbage = await clerk.post(`/api/customers/${c.id}/follow-ups`, { channel: 'fax', purpose: 'other', satisfaction: 6 });
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().message).toBe('提交的内容有误，请检查标红的字段');
    expect(garbage.json().fields).toMatchObject({
      channel: '请选择有效的选项',
      outcome: '必填',
      content: '必填',
      satisfaction: '不能大于 5',
    });
    expect((await advisor.get(`/api/customers/${c.id}/follow-ups`)).json().total).toBe(0);
  });
});

describe('complaints and the 24-hour clock', () => {
  it('escalates a complaint left unresolved for 24 h into the service manager inbox, with an audit row — not at 23 h 59 min', async () => {
    const c = await newCustomer('投诉甲');
    const created = await newComplaint(care, c.id, { againstUserId: advisorId, againstText: '接待顾问' });
    const day = dayOf(t.clock.now).replaceAll('-', '');
    expect(created.number).toMatch(new RegExp(`^TS${day}-\\d{4}$`));
    expect(created).toMatchObject({ status: 'open', overdue: false, againstUserName: expect.any(String), typeLabel: '服务态度' });
    expect(new Date(created.dueAt).getTime() - new Date(created.receivedAt).getTime()).toBe(DAY);
    expect(await auditRows('complaint.create', created.id)).toHaveLength(1);
    // the customer-care clerk follows the open case; the service manager sees only escalations
    expect(ids((await inbox(care)).complaints)).toContain(created.id);
    expect(ids((await inbox(serviceManager)).complaints)).not.toContain(created.id);

    t.clock.advance(DAY - 60_000);
    expect(ids((await inbox(serviceManager)).complaints)).not.toContain(created.id);
    expect((await care.get(`/api/complaints/${created.id}`)).json()).toMatchObject({ status: 'open', escalatedAt: null });
    expect(await auditRows('complaint.escalate', created.id)).toHaveLength(0);

    t.clock.advance(60_000);
    const box = await inbox(serviceManager);
    expect(box.complaints.items.find((x) => x.id === created.id)).toMatchObject({
      status: 'escalated',
      overdue: true,
      escalatedAt: t.clock.now.toISOString(),
      customerName: '投诉甲',
    });
    const audit = await auditRows('complaint.escalate', created.id);
    expect(audit).toEqual([{ user_id: null, store_id: gzStoreId, detail: { number: created.number, dueAt: created.dueAt } }]);
    // still in the clerk's inbox until resolved, and in the list filtered by status
    expect(ids((await inbox(care)).complaints)).toContain(created.id);
    const escalated = (await care.get('/api/complaints', { query: { status: 'escalated', customerId: c.id } })).json();
    expect(escalated.items.map((x: { id: string }) => x.id)).toEqual([created.id]);

    const resolved = await care.post(`/api/complaints/${created.id}/resolve`, {
      resolution: '店长致电道歉，赠送保养一次',
      satisfied: true,
      satisfactionScore: 4,
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json()).toMatchObject({ status: 'resolved', overdue: false, allowedActions: [] });
    expect(ids((await inbox(serviceManager)).complaints)).not.toContain(created.id);
  });

  it('never escalates a complaint resolved within 24 h; resolving twice is a conflict', async () => {
    const c = await newCustomer('投诉乙');
    const created = await newComplaint(care, c.id, { type: 'DURATION', severity: 'medium' });
    expect(created.allowedActions).toEqual(['resolve']);
    t.clock.advance(23 * HOUR);
    const res = await care.post(`/api/complaints/${created.id}/resolve`, {
      resolution: '已说明延误原因并致歉',
      satisfied: true,
      satisfactionScore: 5,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'resolved', resolvedByName: expect.any(String), satisfactionScore: 5 });
    t.clock.advance(2 * HOUR);
    expect(ids((await inbox(serviceManager)).complaints)).not.toContain(created.id);
    expect(ids((await inbox(care)).complaints)).not.toContain(created.id);
    expect((await care.get(`/api/complaints/${created.id}`)).json()).toMatchObject({ status: 'resolved', escalatedAt: null });
    expect(await auditRows('complaint.escalate', created.id)).toHaveLength(0);

    const twice = await care.post(`/api/complaints/${created.id}/resolve`, {
      resolution: '再次处理',
      satisfied: false,
      satisfactionScore: 1,
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toBe('该投诉已处理结案，不能重复处理');
    expect(await auditRows('complaint.resolve', created.id)).toHaveLength(1);
    // only roles that may resolve get the action
    expect((await advisor.get(`/api/complaints/${created.id}`)).json().allowedActions).toEqual([]);
    expect(
      (await advisor.post(`/api/complaints/${created.id}/resolve`, { resolution: 'x', satisfied: true, satisfactionScore: 5 })).statusCode,
    ).toBe(403);
  });

  it('escalates in one pass: a second run finds nothing more', async () => {
    const c = await newCustomer('投诉丙');
    const created = await newComplaint(care, c.id);
    const later = new Date(t.clock.now.getTime() + DAY);
    expect(await escalateOverdueComplaints(t.database, later)).toBeGreaterThanOrEqual(1);
    expect(await escalateOverdueComplaints(t.database, later)).toBe(0);
    expect(await auditRows('complaint.escalate', created.id)).toHaveLength(1);
    t.clock.advance(DAY);
    expect((await care.get(`/api/complaints/${created.id}`)).json()).toMatchObject({
      status: 'escalated',
      escalatedAt: later.toISOString(),
    });
  });

  it('starts the clock at the time received: a case logged late is escalated at once; a future time is refused', async () => {
    const c = await newCustomer('投诉丁');
    const late = await newComplaint(care, c.id, { receivedAt: new Date(t.clock.now.getTime() - 25 * HOUR).toISOString() });
    expect(late).toMatchObject({ status: 'escalated', overdue: true });
    const future = await care.post('/api/complaints', {
      customerId: c.id,
      type: 'PRICE',
      severity: 'low',
      channel: 'visit',
      description: '收费不透明',
      receivedAt: new Date(t.clock.now.getTime() + HOUR).toISOString(),
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().fields).toEqual({ receivedAt: '受理时间不能晚于当前时间' });
  });

  it('keeps store-1 complaints and follow-ups away from a store-2 user (404), and out of their lists', async () => {
    const c = await newCustomer('投诉戊');
    const created = await newComplaint(care, c.id);
    const planned = (
      await clerk.post(`/api/customers/${c.id}/follow-ups`, {
        channel: 'phone',
        purpose: 'complaint',
        outcome: 'DISSATISFIED',
        content: '客户仍不满意',
        nextContactDate: dayOf(t.clock.now),
      })
    ).json().next;
    const other = await t.login('care.fs01');
    expect((await other.get(`/api/complaints/${created.id}`)).statusCode).toBe(404);
    const resolve = await other.post(`/api/complaints/${created.id}/resolve`, {
      resolution: '越权处理',
      satisfied: true,
      satisfactionScore: 5,
    });
    expect(resolve.statusCode).toBe(404);
    expect(resolve.json().code).toBe('record.not_found');
    expect((await other.post(`/api/follow-ups/${planned.id}/complete`, { outcome: 'SATISFIED', content: '越权' })).statusCode).toBe(404);
    expect((await other.get(`/api/customers/${c.id}/follow-ups`)).statusCode).toBe(404);
    expect(
      (await other.post(`/api/customers/${c.id}/follow-ups`, { channel: 'phone', purpose: 'other', outcome: 'SATISFIED', content: 'x' }))
        .statusCode,
    ).toBe(404);
    const theirs = await inbox(other);
    expect(ids(theirs.followUps)).not.toContain(planned.id);
    expect(ids(theirs.complaints)).not.toContain(created.id);
    expect((await other.get('/api/complaints', { query: { customerId: c.id } })).json().total).toBe(0);
    // nor may they log a complaint against a store-1 customer
    const foreign = await other.post('/api/complaints', {
      customerId: c.id,
      type: 'PRICE',
      severity: 'low',
      channel: 'phone',
      description: 'x',
    });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().fields.customerId).toBeTruthy();
    expect((await care.get(`/api/complaints/${created.id}`)).json().status).toBe('open');
  });

  it('names the wrong fields in zh-CN', async () => {
    const res = await care.post('/api/complaints', {
      customerId: 'abc',
      type: '',
      severity: 'urgent',
      channel: 'phone',
      description: '',
      extra: 1,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('提交的内容有误，请检查标红的字段');
    expect(res.json().fields).toMatchObject({
      customerId: '无效的编号',
      type: '必填',
      severity: '请选择有效的选项',
      description: '必填',
      extra: '不允许的字段',
    });
    const c = await newCustomer('投诉己');
    const badType = await care.post('/api/complaints', {
      customerId: c.id,
      type: 'RUDE',
      severity: 'low',
      channel: 'phone',
      description: '态度',
    });
    expect(badType.statusCode).toBe(400);
    expect(badType.json().fields).toEqual({ type: '请选择有效的投诉类型' });
    const badAgainst = await care.post('/api/complaints', {
      customerId: c.id,
      type: 'ATTITUDE',
      severity: 'low',
      channel: 'phone',
      description: '态度',
      againstUserId: (await t.database.query<{ id: string }>("SELECT id FROM app_user WHERE username = 'advisor.fs01'"))[0]!.id,
    });
    expect(badAgainst.statusCode).toBe(422);
    expect(badAgainst.json().fields.againstUserId).toBe('引用的数据不存在或不属于当前门店');
    const created = await newComplaint(care, c.id);
    const badResolve = await care.post(`/api/complaints/${created.id}/resolve`, { resolution: '', satisfied: 'yes', satisfactionScore: 6 });
    expect(badResolve.statusCode).toBe(400);
    expect(badResolve.json().fields).toMatchObject({
      resolution: '至少 2 个字符',
      satisfied: '格式不正确',
      satisfactionScore: '不能大于 5',
    });
    expect((await care.get('/api/complaints/stats', { query: { from: '2026-02-30' } })).json().fields.from).toBe('格式不正确');
    expect((await (await t.login('tech.gz01')).get('/api/complaints')).statusCode).toBe(403);
  });
});

describe('complaint statistics', () => {
  it('counts received, resolved within 24 h, escalated, satisfied share and average score of a hand-made day', async () => {
    // a day of its own, far from the other tests' cases
    t.clock.advance(30 * DAY);
    const c = await newCustomer('统计甲');
    const day = dayOf(t.clock.now);
    const [a, b, cc, d] = [
      await newComplaint(care, c.id),
      await newComplaint(care, c.id),
      await newComplaint(care, c.id),
      await newComplaint(care, c.id),
    ];
    // logged today, but received two days ago: another day, outside the window
    await newComplaint(care, c.id, { receivedAt: new Date(t.clock.now.getTime() - 2 * DAY).toISOString() });
    t.clock.advance(2 * HOUR);
    await care.post(`/api/complaints/${a.id}/resolve`, { resolution: '当场处理', satisfied: true, satisfactionScore: 5 });
    await care.post(`/api/complaints/${d.id}/resolve`, { resolution: '解释说明', satisfied: false, satisfactionScore: 3 });
    t.clock.advance(28 * HOUR);
    // b is resolved late (escalated first), cc stays open and escalated
    const late = await care.post(`/api/complaints/${b.id}/resolve`, { resolution: '补救处理', satisfied: true, satisfactionScore: 4 });
    expect(late.json()).toMatchObject({ status: 'resolved', escalatedAt: expect.any(String) });
    expect((await care.get(`/api/complaints/${cc.id}`)).json().status).toBe('escalated');

    const stats = await serviceManager.get('/api/complaints/stats', { query: { from: day, to: day } });
    expect(stats.statusCode, stats.body).toBe(200);
    expect(stats.json()).toEqual({
      from: day,
      to: day,
      received: 4,
      resolved: 3,
      resolvedWithin24h: 2,
      escalated: 2,
      satisfiedShare: 0.6667,
      averageScore: 4,
    });
    // another store sees none of them
    const fs = (await (await t.login('gm.fs01')).get('/api/complaints/stats', { query: { from: day, to: day } })).json();
    expect(fs.received).toBe(0);
    expect(fs.satisfiedShare).toBeNull();
    // the default period is the current month; an inverted one is refused
    const month = (await care.get('/api/complaints/stats')).json();
    expect(month.to).toBe(dayOf(t.clock.now));
    expect(month.from).toBe(`${dayOf(t.clock.now).slice(0, 8)}01`);
    const inverted = await care.get('/api/complaints/stats', { query: { from: day, to: dayOf(t.clock.now, -40) } });
    expect(inverted.statusCode).toBe(400);
    expect(inverted.json().fields.to).toBe('结束日期不能早于开始日期');
  });
});
