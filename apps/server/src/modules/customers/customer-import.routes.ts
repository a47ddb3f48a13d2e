import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Locale } from '@sifang/shared/errors';
import { translate, type MessageCode } from '@sifang/shared/i18n/messages';
import { zPlate } from '@sifang/shared/validation/zod';
import { store } from '../../kernel/kernel.schema.js';
import { requireCtx } from '../../kernel/context.js';
import { withTx, type Executor } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { writeAudit } from '../../kernel/audit.js';
import { issueMessage } from '../../kernel/http.js';
import { readXlsx, sendXlsx, toXlsx, XLSX_MIME } from '../../kernel/excel.js';
import { bilingual, importHeaders } from '../../kernel/i18n-headers.js';
import { importResult } from '../../kernel/crud.js';
import { bulkInsert } from '../../kernel/bulk.js';
import { uuidv7 } from '../../kernel/ids.js';
import { masterdataSchema } from '../masterdata/index.js';
import { customer, vehicle, vehicleMileage, vehicleOwnership } from './customers.schema.js';
import { customerFields, vehicleFields } from './customers.contracts.js';
import { namePinyin } from './pinyin.js';

const { vehicleConfiguration, vehicleModel, vehicleSeries, dictionaryItem } = masterdataSchema;

/** The columns of the customer import, `[key, 中文标题, English header]`; the template is written from them. */
export const customerImportColumns = [
  ['name', '姓名', 'Name'],
  ['phone', '手机', 'Mobile'],
  ['gender', '性别', 'Gender'],
  ['birthday', '生日', 'Birthday'],
  ['address', '地址', 'Address'],
  ['source', '来源', 'Source'],
  ['vin', 'VIN', 'VIN'],
  ['plate', '车牌', 'Plate'],
  ['configurationCode', '车型配置编码', 'Configuration code'],
  ['colour', '颜色', 'Colour'],
  ['mileageKm', '里程', 'Mileage'],
] as const;

/** Header texts also accepted (the customer export's headers and common variants). */
const aliases: Record<string, readonly string[]> = {
  name: ['姓名/名称', '客户姓名', '名称'],
  phone: ['手机号', '手机号码', '电话', 'Phone', 'Mobile phone'],
  gender: [],
  birthday: ['出生日期', 'Date of birth'],
  address: [],
  source: ['客户来源'],
  vin: ['车架号', 'VIN码'],
  plate: ['车牌号', 'Licence plate', 'License plate'],
  configurationCode: ['配置编码', '车型配置', 'Configuration'],
  colour: ['车身颜色', 'Color'],
  mileageKm: ['里程(km)', '里程（km）', '行驶里程', 'Mileage (km)'],
};
const headers: Record<string, readonly string[]> = Object.fromEntries(
  Object.entries(importHeaders(customerImportColumns)).map(([key, names]) => [key, [...names, ...(aliases[key] ?? [])]]),
);

/** One row: a customer with the API's field rules, and optionally one vehicle (VIN check digit, plate rules). */
const rowSchema = z.strictObject({
  name: customerFields.name,
  phone: customerFields.phone,
  gender: customerFields.gender,
  birthday: customerFields.birthday,
  address: customerFields.address,
  source: customerFields.source,
  vin: vehicleFields.vin.nullable(),
  plate: zPlate.nullable(),
  configurationCode: z.string().trim().max(40).nullable(),
  colour: vehicleFields.colour,
  mileageKm: vehicleFields.mileageKm,
});
type ImportRow = z.output<typeof rowSchema>;

const GENDERS: Record<string, 'male' | 'female'> = { 男: 'male', 女: 'female', male: 'male', female: 'female', m: 'male', f: 'female' };

/** 1985-6-18, 1985/06/18, 1985年6月18日, 19850618 or an Excel date cell → 1985-06-18; anything else is left for the schema. */
export function importDate(text: string): string {
  const t = text.trim();
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(t);
  if (m) return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  // a date cell reaches us as the JavaScript date text ("Tue Jun 18 1985 00:00:00 GMT+0000 …"); Excel dates are UTC
  if (/^[A-Z][a-z]{2} [A-Z][a-z]{2} \d{2} \d{4} /.test(t)) {
    const d = new Date(t);
    if (!Number.isNaN(d.getTime())) return d.toISOString().slice(0, 10);
  }
  return t;
}

function toRaw(values: Record<string, string>, sources: Map<string, string>): Record<string, unknown> {
  const v = (key: string) => (values[key] ?? '').trim();
  const mileage = v('mileageKm').replace(/[,，\s]|km$/gi, '');
  const source = v('source');
  return {
    name: v('name'),
    phone: v('phone'),
    gender: v('gender') ? (GENDERS[v('gender').toLowerCase()] ?? v('gender')) : null,
    birthday: v('birthday') ? importDate(v('birthday')) : null,
    address: v('address'),
    source: source ? (sources.get(source.toLowerCase()) ?? source) : '',
    vin: v('vin') || null,
    plate: v('plate') || null,
    configurationCode: v('configurationCode') || null,
    colour: v('colour'),
    mileageKm: mileage === '' ? 0 : /^-?\d+(\.\d+)?$/.test(mileage) ? Number(mileage) : mileage,
  };
}

type RowError = { row: number; column?: string; message: string };

/**
 * One text[] parameter (`{"a","b"}`). The planner sees its length (a JSON list or a subquery looks like 100 rows), so
 * a long list is hash-joined or scanned instead of probed one value at a time through the trigram phone index.
 */
const textArray = (values: readonly string[]) => `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

/** Phones already in the group's files, as primary or extra phone (merged files left out). */
async function existingPhones(exec: Executor, groupId: string, phones: string[]): Promise<Set<string>> {
  if (phones.length === 0) return new Set();
  const list = textArray(phones);
  const rows = (await exec.execute(sql`
    SELECT c.phone FROM customer c JOIN store s ON s.id = c.store_id
     WHERE s.group_id = ${groupId} AND c.merged_into_id IS NULL AND c.phone = ANY(${list}::text[])
    UNION
    SELECT p.phone FROM customer_phone p JOIN customer c ON c.id = p.customer_id JOIN store s ON s.id = c.store_id
     WHERE s.group_id = ${groupId} AND c.merged_into_id IS NULL AND p.phone = ANY(${list}::text[])`)) as unknown as {
    rows: { phone: string }[];
  };
  return new Set(rows.rows.map((r) => r.phone));
}

/** VINs already registered (unique in the whole database). */
async function existingVins(exec: Executor, vins: string[]): Promise<Set<string>> {
  if (vins.length === 0) return new Set();
  const rows = (await exec.execute(sql`SELECT vin FROM vehicle WHERE vin = ANY(${textArray(vins)}::text[])`)) as unknown as {
    rows: { vin: string }[];
  };
  return new Set(rows.rows.map((r) => r.vin));
}

const message = (locale: Locale, code: MessageCode, params: Record<string, unknown> = {}) => translate(locale, code, params);

export async function customerImportRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['customer'];

  r.get(
    '/api/customers/import-template',
    { config: { permission: 'customers.customer.import' }, schema: { tags, summary: 'An empty .xlsx with the import headers' } },
    async (req, reply) => {
      const ctx = requireCtx(req.ctx);
      const body = await toXlsx('customers', bilingual(ctx.locale, customerImportColumns), []);
      return sendXlsx(reply, ctx.locale === 'en-US' ? 'customer-import.xlsx' : '客户导入模板.xlsx', body);
    },
  );

  r.post(
    '/api/customers/import',
    {
      config: { permission: 'customers.customer.import' },
      bodyLimit: 10 * 1024 * 1024,
      schema: {
        tags,
        summary: `Import customers, each with an optional vehicle, from an .xlsx file (body: the file, content-type ${XLSX_MIME}); every bad row is reported`,
        response: { 200: importResult.extend({ vehicles: z.number() }) },
      },
    },
    async (req) => {
      const ctx = requireCtx(req.ctx);
      if (!Buffer.isBuffer(req.body)) throw new AppError('invalid', 'import.invalid_file');
      const started = Date.now();
      const rows = await readXlsx(req.body, headers);
      const db = app.database.db;
      const locale = ctx.locale;

      const [configs, sourceItems, [st]] = await Promise.all([
        db
          .select({
            code: vehicleConfiguration.code,
            configurationId: vehicleConfiguration.id,
            modelId: vehicleModel.id,
            seriesId: vehicleSeries.id,
            brandId: vehicleSeries.brandId,
          })
          .from(vehicleConfiguration)
          .innerJoin(vehicleModel, eq(vehicleModel.id, vehicleConfiguration.modelId))
          .innerJoin(vehicleSeries, eq(vehicleSeries.id, vehicleModel.seriesId)),
        db
          .select({ code: dictionaryItem.code, label: dictionaryItem.label, labelEn: dictionaryItem.labelEn })
          .from(dictionaryItem)
          .where(eq(dictionaryItem.type, 'customer_source')),
        db.select({ timezone: store.timezone }).from(store).where(eq(store.id, ctx.storeId)),
      ]);
      const configByCode = new Map(configs.map((c) => [c.code.toUpperCase(), c]));
      // a source may be written as its code or its label in either language
      const sources = new Map<string, string>();
      for (const s of sourceItems) for (const k of [s.code, s.label, s.labelEn]) if (k) sources.set(k.toLowerCase(), s.code);

      // 1. each row on its own: the field rules
      const errors: RowError[] = [];
      const candidates: { rowNumber: number; data: ImportRow }[] = [];
      for (const { rowNumber, values } of rows) {
        const parsed = rowSchema.safeParse(toRaw(values, sources));
        const rowErrors: RowError[] = [];
        if (!parsed.success) {
          for (const i of parsed.error.issues) {
            const column = i.path.map(String).join('.') || undefined;
            if (rowErrors.some((e) => e.column === column)) continue;
            rowErrors.push({
              row: rowNumber,
              column,
              message: issueMessage(locale, {
                keyword: i.code,
                instancePath: '',
                message: i.message,
                params: i as unknown as Record<string, unknown>,
              }),
            });
          }
        } else {
          const d = parsed.data;
          const vehicleGiven = d.plate !== null || d.configurationCode !== null || d.colour !== '' || d.mileageKm > 0;
          if (!d.vin && vehicleGiven) rowErrors.push({ row: rowNumber, column: 'vin', message: message(locale, 'validation.required') });
          if (d.configurationCode && !configByCode.has(d.configurationCode.toUpperCase()))
            rowErrors.push({
              row: rowNumber,
              column: 'configurationCode',
              message: message(locale, 'vehicle.configuration_unknown', { code: d.configurationCode }),
            });
          if (d.source && sourceItems.length && !sourceItems.some((s) => s.code === d.source))
            rowErrors.push({ row: rowNumber, column: 'source', message: message(locale, 'validation.enum') });
        }
        if (rowErrors.length || !parsed.success) errors.push(...rowErrors);
        else candidates.push({ rowNumber, data: parsed.data });
      }

      // 2. duplicates: in the group's files, in the registered vehicles, and within the file
      const [takenPhones, takenVins] = await Promise.all([
        existingPhones(
          db,
          ctx.groupId,
          candidates.map((c) => c.data.phone),
        ),
        existingVins(
          db,
          candidates.flatMap((c) => (c.data.vin ? [c.data.vin] : [])),
        ),
      ]);
      const phoneRow = new Map<string, number>();
      const vinRow = new Map<string, number>();
      const good: { rowNumber: number; data: ImportRow }[] = [];
      for (const c of candidates) {
        const { phone, vin } = c.data;
        const rowErrors: RowError[] = [];
        if (takenPhones.has(phone))
          rowErrors.push({ row: c.rowNumber, column: 'phone', message: message(locale, 'customer.duplicate_phone') });
        else if (phoneRow.has(phone))
          rowErrors.push({
            row: c.rowNumber,
            column: 'phone',
            message: message(locale, 'import.duplicate_in_file', { row: phoneRow.get(phone) }),
          });
        if (vin && takenVins.has(vin))
          rowErrors.push({ row: c.rowNumber, column: 'vin', message: message(locale, 'vehicle.duplicate_vin') });
        else if (vin && vinRow.has(vin))
          rowErrors.push({
            row: c.rowNumber,
            column: 'vin',
            message: message(locale, 'import.duplicate_in_file', { row: vinRow.get(vin) }),
          });
        if (rowErrors.length) {
          errors.push(...rowErrors);
          continue;
        }
        phoneRow.set(phone, c.rowNumber);
        if (vin) vinRow.set(vin, c.rowNumber);
        good.push(c);
      }

      // 3. the good rows, in bulk, in one transaction (all of them or, on a database error, none)
      const now = ctx.now;
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: st?.timezone ?? 'Asia/Shanghai' }).format(now);
      const customerRows: Record<string, unknown>[] = [];
      const vehicleRows: Record<string, unknown>[] = [];
      const ownershipRows: Record<string, unknown>[] = [];
      const mileageRows: Record<string, unknown>[] = [];
      for (const { data: d } of good) {
        const id = uuidv7(now.getTime());
        const py = namePinyin(d.name);
        customerRows.push({
          id,
          storeId: ctx.storeId,
          kind: 'person',
          name: d.name,
          namePinyin: py.full,
          nameInitials: py.initials,
          gender: d.gender,
          birthday: d.birthday,
          phone: d.phone,
          address: d.address,
          source: d.source,
          createdBy: ctx.user.id,
          createdAt: now,
          updatedAt: now,
        });
        if (!d.vin) continue;
        const vehicleId = uuidv7(now.getTime());
        const cat = d.configurationCode ? configByCode.get(d.configurationCode.toUpperCase()) : undefined;
        vehicleRows.push({
          id: vehicleId,
          storeId: ctx.storeId,
          vin: d.vin,
          plate: d.plate,
          plateVerified: true,
          brandId: cat?.brandId ?? null,
          seriesId: cat?.seriesId ?? null,
          modelId: cat?.modelId ?? null,
          configurationId: cat?.configurationId ?? null,
          colour: d.colour,
          ownerId: id,
          mileageKm: d.mileageKm,
          mileageAt: d.mileageKm ? now : null,
          createdBy: ctx.user.id,
          createdAt: now,
          updatedAt: now,
        });
        ownershipRows.push({ vehicleId, customerId: id, role: 'owner', fromDate: today, createdAt: now });
        if (d.mileageKm)
          mileageRows.push({ vehicleId, storeId: ctx.storeId, at: now, km: d.mileageKm, source: 'registration', createdBy: ctx.user.id });
      }
      await withTx(db, async (tx) => {
        await bulkInsert(tx, customer, customerRows, 2000);
        await bulkInsert(tx, vehicle, vehicleRows, 2000);
        await bulkInsert(tx, vehicleOwnership, ownershipRows, 2000);
        await bulkInsert(tx, vehicleMileage, mileageRows, 2000);
        // counts only: the rows themselves are personal data
        await writeAudit(tx, ctx, {
          action: 'customer.import',
          entityType: 'customer',
          detail: {
            total: rows.length,
            created: customerRows.length,
            vehicles: vehicleRows.length,
            rejected: rows.length - good.length,
            ms: Date.now() - started,
          },
        });
      });
      errors.sort((a, b) => a.row - b.row);
      return { total: rows.length, created: customerRows.length, updated: 0, vehicles: vehicleRows.length, errors };
    },
  );
}
