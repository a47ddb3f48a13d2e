import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, count, eq, getTableColumns, getTableName, inArray, sql, type DriverValueDecoder, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Locale } from '@sifang/shared/errors';
import { translate } from '@sifang/shared/i18n/messages';
import { issueMessage } from './http.js';
import { requireCtx, type RequestContext } from './context.js';
import { withTx, type Executor, type Tx } from './db.js';
import { AppError, notFound } from './errors.js';
import { changedFields, writeAudit } from './audit.js';
import { listQuery, listResponse, MAX_EXPORT_ROWS, orderBy, pageTotal, readStatement, searchCondition, type Paging } from './list.js';
import { fixedSelect } from './fixed-sql.js';
import { readXlsx, sendXlsx, toXlsx, XLSX_MIME, type ExcelColumn } from './excel.js';
import { recordScope, storeScope } from './store-scope.js';

type AnyTable = PgTable & { id: PgColumn; storeId?: PgColumn };
type Row = Record<string, unknown> & { id: string };
type ZObj = z.ZodObject<z.ZodRawShape>;
/** A field computed in SQL (`CrudDefinition.columns`), and how its value is read from the driver. */
export type ComputedColumn = { sql: SQL; decoder?: DriverValueDecoder<unknown, unknown> };
const asIs: DriverValueDecoder<unknown, unknown> = { mapFromDriverValue: (value) => value };

/** A reference from a field to another table; store-owned targets must be in the caller's current store. */
export type Reference = { field: string; table: AnyTable; storeOwned?: boolean };

export type ImportSpec = {
  /** column key → header texts accepted (zh-CN and en-US) */
  headers: Record<string, readonly string[]>;
  /** natural key: existing rows with the same value are updated */
  keyField: string;
  /** turns one sheet row into a create body, resolving codes to ids (may throw AppError with fields) */
  toInput: (values: Record<string, string>, lookups: Map<string, Map<string, string>>) => Record<string, unknown>;
  /** code → id maps the rows need, loaded once per import */
  lookups?: (exec: Executor) => Promise<Map<string, Map<string, string>>>;
};

export type CrudDefinition = {
  /** URL segment, e.g. `suppliers` → /api/suppliers */
  resource: string;
  /** audit entity type and OpenAPI tag */
  entity: string;
  /** permission prefix: `<prefix>.read|create|update|delete|export|import` */
  permission: string;
  table: AnyTable;
  storeOwned?: boolean;
  create: ZObj;
  update: ZObj;
  item: ZObj;
  filters?: ZObj;
  filterWhere?: (filters: Record<string, unknown>) => (SQL | undefined)[];
  search: readonly PgColumn[];
  sortable: Record<string, PgColumn>;
  defaultSort: SQL;
  references?: readonly Reference[];
  /**
   * Computed fields read with each row, in the same statement (e.g. this store's price as a sub-select): cheaper than
   * a second query in `decorate`. `decoder` converts what the driver hands over (e.g. a bigint column).
   */
  columns?: (ctx: RequestContext) => Record<string, ComputedColumn>;
  /** extra or computed fields for the current user (field rules, masking), from the rows read */
  decorate?: (exec: Executor, ctx: RequestContext, rows: Row[]) => Promise<Record<string, unknown>[]>;
  exportColumns: (locale: Locale) => ExcelColumn<Record<string, unknown>>[];
  import?: ImportSpec;
  /** values set by the server on create (never by the client), e.g. the group a store belongs to */
  createDefaults?: (ctx: RequestContext) => Record<string, unknown>;
  canDelete?: boolean;
};

const idParams = z.object({ id: z.uuid() });

async function checkReferences(tx: Executor, ctx: RequestContext, refs: readonly Reference[] = [], input: Record<string, unknown>) {
  for (const ref of refs) {
    const value = input[ref.field];
    if (value === undefined || value === null) continue;
    const conds: SQL[] = [eq(ref.table.id, value as string)];
    if (ref.storeOwned && ref.table.storeId) conds.push(eq(ref.table.storeId, ctx.storeId));
    const found = await tx
      .select({ id: ref.table.id })
      .from(ref.table as PgTable)
      .where(and(...conds))
      .limit(1);
    if (found.length === 0)
      throw new AppError('unprocessable', 'record.reference_invalid', {}, { [ref.field]: 'record.reference_invalid' });
  }
}

/** List, read, create, update, delete, export (and optionally import) routes for one catalogue table. */
export function registerCrud(app: FastifyInstance, def: CrudDefinition): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = `/api/${def.resource}`;
  const table = def.table;
  const tableName = getTableName(table);
  const filters = (def.filters ?? z.object({})).extend(listQuery.shape);
  const storeFilter = def.storeOwned ? z.object({ storeId: z.union([z.uuid(), z.literal('all')]).optional() }) : z.object({});
  const query = filters.extend(storeFilter.shape).strict();
  const tag = [def.entity];

  const where = (ctx: RequestContext, q: Record<string, unknown>): SQL | undefined => {
    const conds: (SQL | undefined)[] = [searchCondition(q.q as string | undefined, def.search)];
    if (def.storeOwned) conds.push(storeScope(ctx, { storeId: table.storeId! }, q.storeId as string | undefined));
    if (def.filterWhere) conds.push(...def.filterWhere(q));
    return and(...conds.filter(Boolean));
  };
  const byId = (ctx: RequestContext, id: string): SQL =>
    def.storeOwned ? and(eq(table.id, id), recordScope(ctx, { storeId: table.storeId! }))! : eq(table.id, id);
  const decorate = async (exec: Executor, ctx: RequestContext, rows: Row[]) => (def.decorate ? def.decorate(exec, ctx, rows) : rows);
  /** the table's rows with the computed columns */
  const selectRows = (exec: Executor, ctx: RequestContext) =>
    exec
      .select({
        ...getTableColumns(table as PgTable),
        ...Object.fromEntries(Object.entries(def.columns?.(ctx) ?? {}).map(([key, c]) => [key, c.sql.mapWith(c.decoder ?? asIs)])),
      })
      .from(table as PgTable);
  /**
   * A page of the list and the list's total (`totalColumn`): the rows `selectRows` reads, in one statement of which
   * the table's columns are rendered once (`fixedSelect`) and only the computed columns, the filter, the order and the
   * page at each request. The rows are converted as drizzle converts a select's rows: each value by its column, or by
   * its computed column's `decoder`.
   */
  const tableRead = fixedSelect(getTableColumns(table as PgTable) as Record<string, PgColumn>, sql`${table}`);
  const listPage = async (exec: Executor, ctx: RequestContext, w: SQL | undefined, order: SQL, paging: Paging, exact: boolean) => {
    const computed = Object.entries(def.columns?.(ctx) ?? {});
    const statement = readStatement(tableRead, w, [order, table.id], {
      paging,
      total: { table, exact },
      more: computed.length
        ? sql.join(
            computed.map(([key, c]) => sql`${c.sql} AS ${sql.identifier(key)}`),
            sql`, `,
          )
        : undefined,
    });
    const { rows } = (await exec.execute(statement)) as unknown as { rows: (Record<string, unknown> & { list_total: number })[] };
    const total = await pageTotal(rows, paging, { exec, table, where: w, exact });
    const items = rows.map((raw) => {
      const row: Record<string, unknown> = tableRead.read(raw);
      for (const [key, c] of computed) {
        const value = raw[key];
        row[key] = value === null || value === undefined ? null : (c.decoder ?? asIs).mapFromDriverValue(value);
      }
      return row as Row;
    });
    return { rows: items, total };
  };
  /** a row just written, as the list shows it */
  const reread = async (exec: Executor, ctx: RequestContext, row: Row): Promise<Row> =>
    def.columns ? ((await selectRows(exec, ctx).where(eq(table.id, row.id)))[0] as Row) : row;

  r.get(
    base,
    {
      config: { permission: `${def.permission}.read` },
      schema: { tags: tag, querystring: query, response: { 200: listResponse(def.item) } },
    },
    async (req) => {
      const ctx = requireCtx(req.ctx);
      const q = req.query as Record<string, unknown> & { page: number; pageSize: number; sort?: string; count?: 'exact' };
      const db = app.database.db;
      const w = where(ctx, q);
      const { rows, total } = await listPage(db, ctx, w, orderBy(q.sort, def.sortable, def.defaultSort), q, q.count === 'exact');
      return { items: (await decorate(db, ctx, rows)) as never[], ...total };
    },
  );

  r.get(
    `${base}/export`,
    { config: { permission: `${def.permission}.export` }, schema: { tags: tag, querystring: query.omit({ page: true, pageSize: true }) } },
    async (req, reply) => {
      const ctx = requireCtx(req.ctx);
      const q = req.query as Record<string, unknown> & { sort?: string };
      const db = app.database.db;
      const w = where(ctx, q);
      const [total] = await db
        .select({ n: count() })
        .from(table as PgTable)
        .where(w);
      if ((total?.n ?? 0) > MAX_EXPORT_ROWS) throw new AppError('invalid', 'export.too_many_rows', { max: MAX_EXPORT_ROWS });
      const rows = await selectRows(db, ctx)
        .where(w)
        .orderBy(orderBy(q.sort, def.sortable, def.defaultSort), table.id);
      const items = await decorate(db, ctx, rows as Row[]);
      await writeAudit(db, ctx, { action: `${def.entity}.export`, entityType: def.entity, detail: { rows: items.length, filter: q } });
      const body = await toXlsx(def.entity, def.exportColumns(ctx.locale), items);
      return sendXlsx(reply, `${def.resource}.xlsx`, body);
    },
  );

  r.get(
    `${base}/:id`,
    {
      config: { permission: `${def.permission}.read`, ...(def.storeOwned ? { storeRecord: tableName } : { recordTable: tableName }) },
      schema: { tags: tag, params: idParams, response: { 200: def.item } },
    },
    async (req) => {
      const ctx = requireCtx(req.ctx);
      const db = app.database.db;
      const rows = await selectRows(db, ctx).where(byId(ctx, req.params.id));
      if (!rows[0]) throw notFound();
      return (await decorate(db, ctx, rows as Row[]))[0] as never;
    },
  );

  r.post(
    base,
    { config: { permission: `${def.permission}.create` }, schema: { tags: tag, body: def.create.strict(), response: { 201: def.item } } },
    async (req, reply) => {
      const ctx = requireCtx(req.ctx);
      const input = req.body as Record<string, unknown>;
      const created = await withTx(app.database.db, async (tx) => {
        await checkReferences(tx, ctx, def.references, input);
        const values = { ...input, ...(def.createDefaults?.(ctx) ?? {}), ...(def.storeOwned ? { storeId: ctx.storeId } : {}) };
        const [row] = await tx
          .insert(table)
          .values(values as never)
          .returning();
        await writeAudit(tx, ctx, { action: `${def.entity}.create`, entityType: def.entity, entityId: (row as Row).id, after: row });
        return (await decorate(tx, ctx, [await reread(tx, ctx, row as Row)]))[0];
      });
      return reply.code(201).send(created as never);
    },
  );

  r.patch(
    `${base}/:id`,
    {
      config: { permission: `${def.permission}.update`, ...(def.storeOwned ? { storeRecord: tableName } : { recordTable: tableName }) },
      schema: { tags: tag, params: idParams, body: def.update.strict(), response: { 200: def.item } },
    },
    async (req) => {
      const ctx = requireCtx(req.ctx);
      const input = req.body as Record<string, unknown>;
      return (await withTx(app.database.db, async (tx) => {
        const [before] = await tx
          .select()
          .from(table as PgTable)
          .where(byId(ctx, req.params.id))
          .for('update');
        if (!before) throw notFound();
        await checkReferences(tx, ctx, def.references, input);
        const [row] = await tx
          .update(table)
          .set(input as never)
          .where(eq(table.id, req.params.id))
          .returning();
        const diff = changedFields(before as Record<string, unknown>, input);
        await writeAudit(tx, ctx, { action: `${def.entity}.update`, entityType: def.entity, entityId: req.params.id, ...diff });
        return (await decorate(tx, ctx, [await reread(tx, ctx, row as Row)]))[0];
      })) as never;
    },
  );

  if (def.canDelete !== false) {
    r.delete(
      `${base}/:id`,
      {
        config: { permission: `${def.permission}.delete`, ...(def.storeOwned ? { storeRecord: tableName } : { recordTable: tableName }) },
        schema: { tags: tag, params: idParams, response: { 204: z.null() } },
      },
      async (req, reply) => {
        const ctx = requireCtx(req.ctx);
        await withTx(app.database.db, async (tx) => {
          const [before] = await tx
            .select()
            .from(table as PgTable)
            .where(byId(ctx, req.params.id))
            .for('update');
          if (!before) throw notFound();
          await tx.delete(table).where(eq(table.id, req.params.id));
          await writeAudit(tx, ctx, { action: `${def.entity}.delete`, entityType: def.entity, entityId: req.params.id, before });
        });
        return reply.code(204).send(null);
      },
    );
  }

  if (def.import) registerImport(app, def, def.import);
}

export const importResult = z.object({
  total: z.number(),
  created: z.number(),
  updated: z.number(),
  errors: z.array(z.object({ row: z.number(), column: z.string().optional(), message: z.string() })),
});

type ZodIssueShape = { path: PropertyKey[]; message: string; code: string } & Record<string, unknown>;

function rowErrors(locale: Locale, rowNumber: number, issues: readonly ZodIssueShape[]) {
  return issues.map((i) => ({
    row: rowNumber,
    column: i.path.map(String).join('.') || undefined,
    message: issueMessage(locale, { keyword: i.code, instancePath: '', message: i.message, params: i }),
  }));
}

function registerImport(app: FastifyInstance, def: CrudDefinition, spec: ImportSpec): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const table = def.table;
  const keyColumn = (table as unknown as Record<string, PgColumn>)[spec.keyField]!;
  r.post(
    `/api/${def.resource}/import`,
    {
      config: { permission: `${def.permission}.import` },
      bodyLimit: 10 * 1024 * 1024,
      schema: {
        tags: [def.entity],
        summary: `Import ${def.resource} from an .xlsx file (body: the file, content-type ${XLSX_MIME}); rows with the same ${spec.keyField} are updated`,
        response: { 200: importResult },
      },
    },
    async (req) => {
      const ctx = requireCtx(req.ctx);
      if (!Buffer.isBuffer(req.body)) throw new AppError('invalid', 'import.invalid_file');
      const rows = await readXlsx(req.body, spec.headers);
      const db = app.database.db;
      const lookups = spec.lookups ? await spec.lookups(db) : new Map<string, Map<string, string>>();
      const errors: z.infer<typeof importResult>['errors'] = [];
      const valid: { rowNumber: number; input: Record<string, unknown> }[] = [];
      const seen = new Set<string>();
      for (const { rowNumber, values } of rows) {
        let raw: Record<string, unknown>;
        try {
          raw = spec.toInput(values, lookups);
        } catch (e) {
          if (e instanceof AppError) {
            for (const [column, code] of Object.entries(e.fields))
              errors.push({ row: rowNumber, column, message: translate(ctx.locale, code) });
            continue;
          }
          throw e;
        }
        const parsed = def.create.strict().safeParse(raw);
        if (!parsed.success) {
          errors.push(...rowErrors(ctx.locale, rowNumber, parsed.error.issues as ZodIssueShape[]));
          continue;
        }
        const key = String(parsed.data[spec.keyField]);
        if (seen.has(key)) {
          errors.push({ row: rowNumber, column: spec.keyField, message: translate(ctx.locale, 'record.duplicate') });
          continue;
        }
        seen.add(key);
        valid.push({ rowNumber, input: parsed.data });
      }
      let created = 0;
      let updated = 0;
      await withTx(db, async (tx: Tx) => {
        for (let i = 0; i < valid.length; i += 500) {
          const chunk = valid.slice(i, i + 500);
          const keys = chunk.map((v) => String(v.input[spec.keyField]));
          const existing = await tx
            .select({ id: table.id, key: keyColumn })
            .from(table as PgTable)
            .where(inArray(keyColumn, keys));
          const idByKey = new Map(existing.map((e) => [String(e.key), e.id as string]));
          const inserts = chunk.filter((v) => !idByKey.has(String(v.input[spec.keyField]))).map((v) => v.input);
          if (inserts.length) await tx.insert(table).values(inserts as never);
          for (const v of chunk) {
            const id = idByKey.get(String(v.input[spec.keyField]));
            if (id)
              await tx
                .update(table)
                .set(v.input as never)
                .where(eq(table.id, id));
          }
          created += inserts.length;
          updated += chunk.length - inserts.length;
        }
        await writeAudit(tx, ctx, {
          action: `${def.entity}.import`,
          entityType: def.entity,
          detail: { total: rows.length, created, updated, rejected: rows.length - valid.length },
        });
      });
      return { total: rows.length, created, updated, errors };
    },
  );
}

/** The PATCH body of a create shape: every field optional, and no defaults (an absent field stays as it is). */
export function patchOf<T extends z.ZodRawShape>(shape: T): z.ZodObject<{ [K in keyof T]: z.ZodOptional<z.ZodType<z.output<T[K]>>> }> {
  const out: Record<string, z.ZodType> = {};
  for (const [k, v] of Object.entries(shape)) {
    const field = v instanceof z.ZodDefault ? (v.unwrap() as z.ZodType) : (v as z.ZodType);
    out[k] = field.optional();
  }
  return z.object(out) as never;
}
