import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/test-app.js';
import { XLSX_MIME } from '../../kernel/excel.js';

let t: TestApp;
let partsMgr: Client;
beforeAll(async () => {
  t = await createTestApp();
  partsMgr = await t.login('partsmgr.gz01');
});
afterAll(() => t.close());

const lastAudit = async (action: string) =>
  (
    await t.database.query<{
      username: string;
      before: Record<string, unknown>;
      after: Record<string, unknown>;
      detail: Record<string, unknown>;
    }>('SELECT * FROM audit_log WHERE action = $1 ORDER BY at DESC, id DESC LIMIT 1', [action])
  )[0];

async function xlsx(header: string[], rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('parts');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function readXlsx(body: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const out: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return out;
}

describe('parts catalogue', () => {
  it('searches by part number or name, filters by category and pages', async () => {
    const res = await partsMgr.get('/api/parts', { query: { q: '机油', pageSize: '5', sort: '-retailFen' } });
    const body = res.json();
    expect(body.total).toBeGreaterThan(5);
    expect(body.items).toHaveLength(5);
    expect(body.items.every((p: { name: string; partNo: string }) => p.name.includes('机油') || p.partNo.includes('机油'))).toBe(true);
    const prices = body.items.map((p: { retailFen: number }) => p.retailFen);
    expect(prices).toEqual([...prices].sort((a, b) => b - a));
    const cat = await partsMgr.get('/api/parts', { query: { category: '滤清器', pageSize: '200' } });
    expect(cat.json().items.every((p: { category: string }) => p.category === '滤清器')).toBe(true);
    expect((await partsMgr.get('/api/parts', { query: { pageSize: '500' } })).statusCode).toBe(400);
  });

  it('shows cost prices to the parts manager but never to a technician', async () => {
    const mgr = (await partsMgr.get('/api/parts', { query: { pageSize: '3' } })).json();
    expect(mgr.items.every((p: { costFen: number | null }) => typeof p.costFen === 'number')).toBe(true);
    const tech = await t.login('tech.gz01');
    const seen = (await tech.get('/api/parts', { query: { pageSize: '3' } })).json();
    expect(seen.items.every((p: { costFen: number | null }) => p.costFen === null)).toBe(true);
    const one = (await tech.get(`/api/parts/${seen.items[0].id}`)).json();
    expect(one.costFen).toBeNull();
  });

  it('audits a price change with before and after', async () => {
    const p = (await partsMgr.get('/api/parts', { query: { pageSize: '1' } })).json().items[0];
    const res = await partsMgr.patch(`/api/parts/${p.id}`, { retailFen: p.retailFen + 500 });
    expect(res.statusCode).toBe(200);
    expect(res.json().retailFen).toBe(p.retailFen + 500);
    const audit = await lastAudit('part.update');
    expect(audit).toMatchObject({ username: 'partsmgr.gz01', before: { retailFen: p.retailFen }, after: { retailFen: p.retailFen + 500 } });
  });

  it("keeps a store's own retail price apart from the group price, audited", async () => {
    const p = (await partsMgr.get('/api/parts', { query: { pageSize: '1', sort: 'partNo' } })).json().items[0];
    const res = await partsMgr.put(`/api/parts/${p.id}/store-price`, { retailFen: 12_345 });
    expect(res.json()).toEqual({ partId: p.id, storeRetailFen: 12_345 });
    expect((await partsMgr.get(`/api/parts/${p.id}`)).json()).toMatchObject({ retailFen: p.retailFen, storeRetailFen: 12_345 });
    const other = await t.login('partsmgr.fs01');
    expect((await other.get(`/api/parts/${p.id}`)).json().storeRetailFen).toBeNull();
    // the list and a change answer with the price of the store they are made in
    const page = { pageSize: '1', sort: 'partNo' };
    expect((await partsMgr.get('/api/parts', { query: page })).json().items[0]).toMatchObject({ id: p.id, storeRetailFen: 12_345 });
    expect((await other.get('/api/parts', { query: page })).json().items[0]).toMatchObject({ id: p.id, storeRetailFen: null });
    expect((await partsMgr.patch(`/api/parts/${p.id}`, { name: p.name })).json()).toMatchObject({ storeRetailFen: 12_345 });
    expect(await lastAudit('part.store-price')).toMatchObject({ before: { storeRetailFen: null }, after: { storeRetailFen: 12_345 } });
    await partsMgr.put(`/api/parts/${p.id}/store-price`, { retailFen: null });
    expect((await partsMgr.get(`/api/parts/${p.id}`)).json().storeRetailFen).toBeNull();
    expect((await partsMgr.put(`/api/parts/${p.id}/store-price`, { retailFen: -1 })).statusCode).toBe(400);
  });

  it('imports an Excel file: good rows saved or updated, every bad row reported with its reason', async () => {
    const existing = (await partsMgr.get('/api/parts', { query: { pageSize: '1', sort: 'partNo' } })).json().items[0];
    const header = ['配件编号', '配件名称', '单位', '类别', '成本价(分)', '零售价(分)', '索赔价(分)', 'ABC分类', '安全库存', '订货点'];
    const rows: (string | number)[][] = [];
    for (let i = 0; i < 97; i++)
      rows.push([`ZZT${String(100000 + i)}`, `测试配件${i}`, '个', '滤清器', 1000 + i, 1500 + i, 1100 + i, 'B', 2, 4]);
    rows.push(['ZZTBAD0001', '', '个', '滤清器', 1000, 1500, 1100, 'B', 2, 4]); // no name
    rows.push(['ZZTBAD0002', '价格错误', '个', '滤清器', 'abc', 1500, 1100, 'B', 2, 4]); // cost not a number
    rows.push(['ZZT100000', '重复行', '个', '滤清器', 1000, 1500, 1100, 'Z', 2, 4]); // bad class and duplicate
    rows.push([existing.partNo, '改名的配件', existing.unit, existing.category, 2000, 2600, 2200, 'A', 1, 3]);
    const res = await partsMgr.raw('POST', '/api/parts/import', await xlsx(header, rows), { headers: { 'content-type': XLSX_MIME } });
    expect(res.statusCode).toBe(200);
    const result = res.json();
    expect(result).toMatchObject({ total: 101, created: 97, updated: 1 });
    const badRows = [...new Set(result.errors.map((e: { row: number }) => e.row))];
    expect(badRows).toEqual([99, 100, 101]);
    expect(result.errors.find((e: { row: number }) => e.row === 99)).toMatchObject({ column: 'name', message: '必填' });
    expect(result.errors.find((e: { row: number }) => e.row === 100).column).toBe('costFen');
    expect((await partsMgr.get('/api/parts', { query: { q: 'ZZT1', pageSize: '1' } })).json().total).toBe(97);
    // the total comes with the page's rows: a page past the end (none) still tells it, an empty list says 0
    expect((await partsMgr.get('/api/parts', { query: { q: 'ZZT1', pageSize: '10', page: '11' } })).json()).toMatchObject({
      items: [],
      total: 97,
      totalExact: true,
    });
    expect((await partsMgr.get('/api/parts', { query: { q: 'ZZT1', pageSize: '10', page: '10' } })).json().items).toHaveLength(7);
    expect((await partsMgr.get('/api/parts', { query: { q: 'NO-SUCH-PART' } })).json()).toMatchObject({ items: [], total: 0 });
    expect((await partsMgr.get(`/api/parts/${existing.id}`)).json()).toMatchObject({ name: '改名的配件', retailFen: 2600, abcClass: 'A' });
    expect(await lastAudit('part.import')).toMatchObject({ detail: { total: 101, created: 97, updated: 1, rejected: 3 } });
  });

  it('exports what is filtered, with headers in the user language, and audits the export', async () => {
    const res = await partsMgr.get('/api/parts/export', { query: { category: '滤清器' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    const rows = await readXlsx(res.rawPayload);
    expect(rows[0]!.slice(0, 3)).toEqual(['配件编号', '配件名称', '单位']);
    const total = (await partsMgr.get('/api/parts', { query: { category: '滤清器' } })).json().total;
    expect(rows.length - 1).toBe(total);
    expect(await lastAudit('part.export')).toMatchObject({ username: 'partsmgr.gz01', detail: { rows: total } });
  });
});

describe('labour operations', () => {
  it('price = standard hours × the store labour rate of the repair type', async () => {
    const sa = await t.login('advisor.gz01');
    const op = (await sa.get('/api/labour-operations', { query: { pageSize: '1' } })).json().items[0];
    const settings = (await (await t.login('servicemgr.gz01')).get('/api/store-settings')).json();
    const rate = settings.labourRates.find((l: { repairTypeId: string }) => l.repairTypeId === op.repairTypeId).rateFen;
    expect(op.priceFen).toBe(Math.round(Number(op.standardHours) * rate));
  });

  it('rejects an unknown repair type and a badly written number of hours', async () => {
    const sm = await t.login('servicemgr.gz01');
    const bad = await sm.post('/api/labour-operations', {
      code: 'LB-T-1',
      name: '测试',
      repairTypeId: '01900000-0000-7000-8000-000000000000',
      standardHours: '1.5',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().fields.repairTypeId).toBeTruthy();
    const types = (await sm.get('/api/repair-types')).json().items;
    const hours = await sm.post('/api/labour-operations', {
      code: 'LB-T-1',
      name: '测试',
      repairTypeId: types[0].id,
      standardHours: '1.555',
    });
    expect(hours.statusCode).toBe(400);
    expect(hours.json().fields.standardHours).toContain('两位小数');
  });
});

describe('vehicle models and small catalogues', () => {
  it('walks brand → series → model → configuration with MSRP and colours', async () => {
    const sales = await t.login('sales.gz01');
    const brands = (await sales.get('/api/brands')).json().items;
    expect(brands[0].name).toBe('一汽-大众');
    const series = (await sales.get('/api/series', { query: { brandId: brands[0].id, pageSize: '50' } })).json();
    expect(series.total).toBeGreaterThanOrEqual(10);
    const models = (await sales.get('/api/models', { query: { seriesId: series.items[0].id } })).json().items;
    const configs = (await sales.get('/api/configurations', { query: { modelId: models[0].id } })).json().items;
    expect(configs[0].msrpFen).toBeGreaterThan(5_000_000);
    expect(configs[0].colours.length).toBeGreaterThan(2);
    expect((await sales.post('/api/brands', { code: 'X', name: 'X' })).statusCode).toBe(403);
  });

  it('refuses to delete a repair type still used by labour operations', async () => {
    const admin = await t.login('admin');
    const types = (await admin.get('/api/repair-types')).json().items;
    const res = await admin.delete(`/api/repair-types/${types[0].id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('record.in_use');
  });

  it('keeps warehouses and bins per store; a bin must be in a warehouse of the same store', async () => {
    const other = await t.login('partsmgr.fs01');
    const foreignWh = (await other.get('/api/warehouses')).json().items[0];
    const res = await partsMgr.post('/api/bins', { warehouseId: foreignWh.id, code: 'X-01' });
    expect(res.statusCode).toBe(422);
    expect(res.json().fields.warehouseId).toBeTruthy();
    const ownWh = (await partsMgr.get('/api/warehouses')).json().items[0];
    expect((await partsMgr.post('/api/bins', { warehouseId: ownWh.id, code: 'X-01' })).statusCode).toBe(201);
  });
});
