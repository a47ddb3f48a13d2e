import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeVin } from '@sifang/shared/validation/vin';
import { createTestApp, type Client, type TestApp } from '../../../test/test-app.js';
import { XLSX_MIME } from '../../kernel/excel.js';

let t: TestApp;
let manager: Client;
let gzStoreId: string;
beforeAll(async () => {
  t = await createTestApp();
  manager = await t.login('servicemgr.gz01');
  gzStoreId = await t.storeId('GZ01');
});
afterAll(() => t.close());

type Cell = string | number | Date | null;
async function xlsx(header: string[], rows: Cell[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('customers');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
async function headersOf(body: Buffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return (wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1).map(String);
}
const upload = (c: Client, body: Buffer) => c.raw('POST', '/api/customers/import', body, { headers: { 'content-type': XLSX_MIME } });

type ImportError = { row: number; column?: string; message: string };
const ZH = ['姓名', '手机', '性别', '生日', '地址', '来源', 'VIN', '车牌', '车型配置编码', '颜色', '里程'];
const EN = ['Name', 'Mobile', 'Gender', 'Birthday', 'Address', 'Source', 'VIN', 'Plate', 'Configuration code', 'Colour', 'Mileage'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭'];
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超'];

describe('Excel import of customers with their vehicles', () => {
  it('imports 10,000 rows: good rows saved, each of the 300 bad rows reported with its reason', async () => {
    const taken = new Set(
      (await t.database.query<{ phone: string }>('SELECT phone FROM customer UNION SELECT phone FROM customer_phone')).map((r) => r.phone),
    );
    const takenVins = new Set((await t.database.query<{ vin: string }>('SELECT vin FROM vehicle')).map((r) => r.vin));
    const registered = [...takenVins].slice(0, 100);
    const configs = (await t.database.query<{ code: string }>('SELECT code FROM vehicle_configuration ORDER BY code LIMIT 5')).map(
      (r) => r.code,
    );
    let nextPhone = 19_900_000_000;
    const freshPhone = () => {
      while (taken.has(String(nextPhone))) nextPhone++;
      return String(nextPhone++);
    };
    let nextVin = 0;
    const freshVin = () => {
      for (;;) {
        const v = makeVin('LSVXMP01', `K${String(nextVin++).padStart(7, '0')}`);
        if (!takenVins.has(v)) return v;
      }
    };

    const N = 10_000;
    const kinds = ['invalid phone', 'bad VIN check digit', 'bad plate', 'duplicate phone in file', 'VIN already registered'] as const;
    const badAt = new Map<number, (typeof kinds)[number]>();
    for (let k = 0; k < 300; k++) badAt.set(Math.floor(((k + 0.5) * N) / 300), kinds[k % 5]!);

    const rows: Cell[][] = [];
    const goodPhones: string[] = [];
    const goodVins: string[] = [];
    const badPhones: string[] = [];
    const expected = new Map<number, { column: string; message: RegExp }>();
    for (let i = 0; i < N; i++) {
      const rowNumber = i + 2;
      const name = SURNAMES[i % SURNAMES.length]! + GIVEN[(i * 7) % GIVEN.length]!;
      const birthday: Cell = i % 3 === 0 ? new Date(Date.UTC(1960 + (i % 40), i % 12, 1 + (i % 28))) : i % 3 === 1 ? '1985/6/18' : '';
      const withVehicle = i % 10 !== 0;
      let phone = freshPhone();
      let vin = withVehicle ? freshVin() : '';
      let plate = withVehicle ? `粤A${String(i % 100_000).padStart(5, '0')}` : '';
      const kind = badAt.get(i);
      if (kind === 'invalid phone') {
        phone = `12${String(i).padStart(8, '0')}`;
        expected.set(rowNumber, { column: 'phone', message: /11 位手机号/ });
      } else if (kind === 'bad VIN check digit') {
        vin = vin || freshVin();
        vin = vin.slice(0, 8) + (vin[8] === '3' ? '4' : '3') + vin.slice(9);
        expected.set(rowNumber, { column: 'vin', message: /校验码/ });
      } else if (kind === 'bad plate') {
        plate = '粤A1234';
        vin = vin || freshVin();
        expected.set(rowNumber, { column: 'plate', message: /车牌号格式不正确/ });
      } else if (kind === 'duplicate phone in file') {
        phone = String(rows[i - 1]![1]);
        expected.set(rowNumber, { column: 'phone', message: new RegExp(`与文件第 ${rowNumber - 1} 行重复`) });
      } else if (kind === 'VIN already registered') {
        vin = registered[i % registered.length]!;
        expected.set(rowNumber, { column: 'vin', message: /该 VIN 已登记/ });
      }
      if (kind) {
        if (kind !== 'duplicate phone in file') badPhones.push(phone);
      } else {
        goodPhones.push(phone);
        if (vin) goodVins.push(vin);
      }
      const vehicleCols: Cell[] = vin
        ? [vin, plate, configs[i % configs.length]!, i % 2 ? '极地白' : '深海蓝', (i * 37) % 150_000]
        : ['', '', '', '', ''];
      rows.push([
        name,
        phone,
        i % 2 ? '男' : '女',
        birthday,
        `广州市天河区测试路 ${i} 号`,
        i % 4 === 0 ? '到店' : i % 4 === 1 ? 'PHONE' : '',
        ...vehicleCols,
      ]);
    }
    expect(expected.size).toBe(300);
    const file = await xlsx(ZH, rows);

    const started = performance.now();
    const res = await upload(manager, file);
    const ms = performance.now() - started;
    expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
    const result = res.json() as { total: number; created: number; updated: number; vehicles: number; errors: ImportError[] };
    console.log(
      `customer import: ${N} rows (${(file.length / 1024).toFixed(0)} KB) → ${result.created} customers, ${result.vehicles} vehicles, ` +
        `${result.errors.length} errors in ${ms.toFixed(0)} ms on ${t.database.kind}`,
    );
    expect(result).toMatchObject({ total: N, created: 9_700, updated: 0, vehicles: goodVins.length });

    // every bad row reported once, with its column and reason; no good row reported
    expect(result.errors).toHaveLength(300);
    expect(new Set(result.errors.map((e) => e.row))).toEqual(new Set(expected.keys()));
    for (const e of result.errors) {
      const want = expected.get(e.row)!;
      expect(e.column, `row ${e.row}`).toBe(want.column);
      expect(e.message, `row ${e.row}`).toMatch(want.message);
    }

    // the good rows are in the database, in the current store; the bad ones are not
    const saved = await t.database.query<{ n: number; stores: string[] }>(
      'SELECT count(*)::int AS n, array_agg(DISTINCT store_id::text) AS stores FROM customer WHERE phone = ANY($1::text[])',
      [goodPhones],
    );
    expect(saved[0]).toEqual({ n: 9_700, stores: [gzStoreId] });
    const count = async (text: string) => (await t.database.query<{ n: number }>(text, [goodVins]))[0]!.n;
    expect(await count('SELECT count(*)::int AS n FROM vehicle WHERE vin = ANY($1::text[])')).toBe(goodVins.length);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM vehicle v JOIN customer c ON c.id = v.owner_id
          WHERE v.vin = ANY($1::text[]) AND c.store_id = v.store_id AND c.created_at = v.created_at`,
      ),
    ).toBe(goodVins.length);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM vehicle_ownership o JOIN vehicle v ON v.id = o.vehicle_id
          WHERE v.vin = ANY($1::text[]) AND o.customer_id = v.owner_id AND o.role = 'owner'`,
      ),
    ).toBe(goodVins.length);
    expect(
      await count('SELECT count(*)::int AS n FROM vehicle_mileage m JOIN vehicle v ON v.id = m.vehicle_id WHERE v.vin = ANY($1::text[])'),
    ).toBe(goodVins.length);
    const leaked = await t.database.query('SELECT 1 FROM customer WHERE phone = ANY($1::text[])', [badPhones]);
    expect(leaked).toHaveLength(0);

    // one row in detail: pinyin, gender, birthday from a date cell, source code from its label, vehicle model data
    const [first] = await t.database.query<Record<string, unknown>>(
      `SELECT c.name, c.name_initials, c.gender, c.birthday::text, c.source, c.created_by IS NOT NULL AS by_user, c.advisor_id,
              v.plate, v.configuration_id IS NOT NULL AS configured, v.series_id IS NOT NULL AS series, v.mileage_km
         FROM customer c LEFT JOIN vehicle v ON v.owner_id = c.id WHERE c.phone = $1`,
      [String(rows[3]![1])],
    );
    expect(first).toMatchObject({
      name: rows[3]![0],
      gender: 'male',
      birthday: '1963-04-04',
      source: '',
      by_user: true,
      advisor_id: null,
      plate: '粤A00003',
      configured: true,
      series: true,
      mileage_km: 111,
    });
    expect(first!.name_initials).toMatch(/^[a-z]{2,3}$/);
    const [second] = await t.database.query<{ birthday: string; source: string }>(
      'SELECT birthday::text, source FROM customer WHERE phone = $1',
      [String(rows[4]![1])],
    );
    expect(second).toEqual({ birthday: '1985-06-18', source: 'WALK_IN' });

    const [audit] = await t.database.query<{ username: string; detail: Record<string, unknown> }>(
      "SELECT username, detail FROM audit_log WHERE action = 'customer.import' ORDER BY at DESC, id DESC LIMIT 1",
    );
    expect(audit).toMatchObject({
      username: 'servicemgr.gz01',
      detail: { total: N, created: 9_700, vehicles: goodVins.length, rejected: 300 },
    });
    expect(JSON.stringify(audit)).not.toContain(goodPhones[0]!);
  });

  it('reads English headers, answers in English and reports unknown codes, missing VINs and group duplicates', async () => {
    const c = await t.login('gm.gz01');
    expect((await c.put('/api/auth/locale', { locale: 'en-US' })).statusCode).toBeLessThan(300);
    const fsPhone = (
      await t.database.query<{ phone: string }>("SELECT phone FROM customer WHERE store_id = $1 AND phone <> '' LIMIT 1", [
        await t.storeId('FS01'),
      ])
    )[0]!.phone;
    const vin = makeVin('LSVXMP02', 'K0000001');
    const rows: Cell[][] = [
      ['Li Lei', '197 0000 0001', 'male', '1990-01-02', '', 'Walk-in', '', '', '', '', ''],
      ['Han Meimei', '19700000002', 'F', '', '', '', '', '粤A12345', '', '', ''],
      ['Wang Wu', '19700000003', '', '', '', '', makeVin('LSVXMP02', 'K0000002'), '粤B12345', 'NOPE-001', '', ''],
      ['Zhao Liu', '19700000004', 'x', '1990-02-30', '', '', '', '', '', '', ''],
      ['Qian Qi', fsPhone, '', '', '', '', '', '', '', '', ''],
      ['Sun Ba', '19700000006', '', '', '', 'Billboard', '', '', '', '', ''],
      ['', '19700000007', '', '', '', '', '', '', '', '', ''],
      ['周九', '+86 197-0000-0008', '女', '1988年5月6日', '', '', vin.toLowerCase(), '粤a·d12345', '', '', '12,345'],
    ];
    const res = await upload(c, await xlsx(EN, rows));
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json() as { created: number; vehicles: number; errors: ImportError[] };
    expect(result).toMatchObject({ total: 8, created: 2, vehicles: 1 });
    const at = (row: number, column: string) => result.errors.find((e) => e.row === row && e.column === column)?.message;
    expect(at(3, 'vin')).toBe('Required');
    expect(at(4, 'configurationCode')).toBe('Unknown configuration code "NOPE-001"');
    expect(at(5, 'gender')).toBe('Please choose a valid option');
    expect(at(5, 'birthday')).toBe('Wrong format');
    expect(at(6, 'phone')).toMatch(/already exists/);
    expect(at(7, 'source')).toBe('Please choose a valid option');
    expect(at(8, 'name')).toBe('Required');
    expect(result.errors.map((e) => e.row)).toEqual([3, 4, 5, 5, 6, 7, 8]);
    const [zhou] = await t.database.query<Record<string, unknown>>(
      `SELECT c.birthday::text, c.gender, c.name_initials, v.vin, v.plate, v.mileage_km FROM customer c JOIN vehicle v ON v.owner_id = c.id
        WHERE c.phone = '19700000008'`,
    );
    expect(zhou).toMatchObject({
      birthday: '1988-05-06',
      gender: 'female',
      name_initials: 'zj',
      vin,
      plate: '粤AD12345',
      mileage_km: 12_345,
    });

    // the same file again: everything it created is now a duplicate
    const again = (await upload(c, await xlsx(EN, rows))).json() as { created: number; errors: ImportError[] };
    expect(again.created).toBe(0);
    expect(again.errors.filter((e) => e.row === 9).map((e) => e.column)).toEqual(['phone', 'vin']);
    expect(again.errors.find((e) => e.row === 2)).toMatchObject({ column: 'phone' });
    await c.put('/api/auth/locale', { locale: 'zh-CN' });
  });

  it('gives the template with headers in the user language, and refuses garbage and roles without the permission', async () => {
    const zh = await manager.get('/api/customers/import-template');
    expect(zh.statusCode).toBe(200);
    expect(zh.headers['content-type']).toBe(XLSX_MIME);
    expect(await headersOf(zh.rawPayload)).toEqual(ZH);
    // the template's own headers are read back by the import (an empty file imports nothing)
    expect((await upload(manager, zh.rawPayload)).json()).toMatchObject({ total: 0, created: 0, errors: [] });

    const c = await t.login('sales.gz01');
    expect((await c.get('/api/customers/import-template')).statusCode).toBe(403);
    const en = await t.login('gm.gz01');
    await en.put('/api/auth/locale', { locale: 'en-US' });
    expect(await headersOf((await en.get('/api/customers/import-template')).rawPayload)).toEqual(EN);
    await en.put('/api/auth/locale', { locale: 'zh-CN' });

    const garbage = await upload(manager, Buffer.from('not an xlsx file'));
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().code).toBe('import.invalid_file');
    const json = await manager.post('/api/customers/import', { rows: [] });
    expect(json.statusCode).toBe(400);
    const advisor = await t.login('advisor.gz01');
    expect((await upload(advisor, await xlsx(ZH, []))).statusCode).toBe(403);
  });
});
