import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { normalizePlate } from '@sifang/shared/validation/plate';
import { isValidResidentId } from '@sifang/shared/validation/resident-id';
import { requireCtx, type RequestContext } from '../../kernel/context.js';
import { fixedSql } from '../../kernel/fixed-sql.js';
import { likePattern } from '../../kernel/list.js';
import { storeScope, storeShortNames } from '../../kernel/store-scope.js';
import { customer, vehicle } from './customers.schema.js';
import { maskPhone } from './personal-data.js';
import { nameContains } from './name-search.js';

const LIMIT = 8;

/**
 * Any part of a plate, from two characters: the plates holding every character pair of the fragment (the pairs
 * index, migration 0008), of which the ILIKE keeps those that hold the fragment itself.
 */
function plateContains(fragment: string): SQL {
  return and(sql`search_bigrams(${vehicle.plate}) @> search_bigrams(${fragment})`, ilike(vehicle.plate, likePattern(fragment)))!;
}

/** What a query typed into the header box can mean (seed 002: the service desk searches by any of these). */
export function classifyQuery(raw: string) {
  const q = raw.trim().replace(/[\s·.-]/g, '');
  const digits = /^\d+$/.test(q);
  const latin = /^[a-z]+$/i.test(q);
  const alnum = /^[0-9a-z]+$/i.test(q);
  return {
    q,
    phoneExact: digits && q.length === 11 ? q : undefined,
    /** a resident ID number is found by exact match only, through its keyed hash */
    residentId: isValidResidentId(q.toUpperCase()) ? q.toUpperCase() : undefined,
    phoneTail: digits && q.length >= 4 && q.length < 11 ? q : undefined,
    pinyin: latin && q.length >= 2 ? q.toLowerCase() : undefined,
    // a full mobile number is not a VIN; a plate has at most one Chinese character (the province, or a suffix)
    vinPart: alnum && q.length >= 6 && !(digits && q.length === 11) ? q.toUpperCase() : undefined,
    platePart:
      /^[\u4e00-\u9fff]?[0-9a-z]{2,}[\u4e00-\u9fff]?$/i.test(q) && !latin && !(digits && q.length === 11) ? normalizePlate(q) : undefined,
    name: /[\u4e00-\u9fff]/.test(q) ? q : undefined,
  };
}

const customerHit = z.object({ id: z.string(), name: z.string(), phone: z.string(), storeName: z.string(), kind: z.string() });
const vehicleHit = z.object({
  id: z.string(),
  vin: z.string(),
  plate: z.string().nullable(),
  ownerId: z.string(),
  ownerName: z.string(),
  storeName: z.string(),
});

/** How each list of hits is returned: one row of JSON arrays. */
const asList = (select: SQL) => sql`(SELECT coalesce(json_agg(x), '[]'::json) FROM (${select}) x)`;
const customerHitColumns = fixedSql(
  sql`${customer.id}, ${customer.name}, ${customer.phone}, ${customer.storeId} AS "storeId", ${customer.kind} FROM ${customer}`,
);
const unmergedCustomer = fixedSql(and(isNull(customer.anonymisedAt), isNull(customer.mergedIntoId))!);
const customerHitOrder = fixedSql(sql`ORDER BY ${customer.namePinyin} LIMIT ${sql.raw(String(LIMIT))}`);
const vehicleHitColumns = fixedSql(
  sql`${vehicle.id}, ${vehicle.vin}, ${vehicle.plate}, ${vehicle.ownerId}, ${vehicle.storeId} FROM ${vehicle}`,
);
const vehicleHitOrder = fixedSql(sql`ORDER BY ${vehicle.plate} LIMIT ${sql.raw(String(LIMIT))}) v
  JOIN ${customer} o ON o.id = v.owner_id
  ORDER BY v.plate`);

/**
 * The search's one statement: both lists come back as JSON arrays of one row. The store names come with the session
 * (no join to plan); a car's owner is looked up for the page's eight cars only. What is the same at every search is
 * rendered once (`fixedSql`).
 */
export function searchStatement(
  ctx: RequestContext,
  k: ReturnType<typeof classifyQuery>,
  storeId: string | undefined,
  hashResidentId: (text: string) => string,
): SQL {
  const customerConds: (SQL | undefined)[] = [];
  if (k.phoneExact) {
    // primary or extra phone, each through its own index
    const ids = sql`(SELECT id FROM customer WHERE phone = ${k.phoneExact} UNION SELECT customer_id FROM customer_phone WHERE phone = ${k.phoneExact})`;
    customerConds.push(inArray(customer.id, ids));
  }
  if (k.residentId) customerConds.push(eq(customer.idNumberHash, hashResidentId(k.residentId)));
  if (k.phoneTail) customerConds.push(sql`reverse(${customer.phone}) LIKE ${[...k.phoneTail].reverse().join('') + '%'}`);
  if (k.pinyin)
    customerConds.push(sql`${customer.nameInitials} LIKE ${k.pinyin + '%'}`, sql`${customer.namePinyin} LIKE ${k.pinyin + '%'}`);
  if (k.name) customerConds.push(nameContains(k.name));
  const vehicleConds: (SQL | undefined)[] = [];
  if (k.vinPart) vehicleConds.push(ilike(vehicle.vin, likePattern(k.vinPart)));
  if (k.platePart) vehicleConds.push(plateContains(k.platePart));

  const customersSql = customerConds.length
    ? asList(sql`SELECT ${customerHitColumns}
        WHERE ${storeScope(ctx, { storeId: customer.storeId }, storeId)} AND ${unmergedCustomer} AND (${or(...customerConds)})
        ${customerHitOrder}`)
    : sql`'[]'::json`;
  const vehiclesSql = vehicleConds.length
    ? asList(sql`SELECT v.id, v.vin, v.plate, v.owner_id AS "ownerId", o.name AS "ownerName", v.store_id AS "storeId"
        FROM (SELECT ${vehicleHitColumns}
               WHERE ${storeScope(ctx, { storeId: vehicle.storeId }, storeId)} AND (${or(...vehicleConds)})
               ${vehicleHitOrder}`)
    : sql`'[]'::json`;
  return sql`SELECT ${customersSql} AS customers, ${vehiclesSql} AS vehicles`;
}

export async function searchRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/search',
    {
      config: { permission: 'customers.search.use' },
      schema: {
        tags: ['search'],
        summary: 'Search as you type: phone (full or tail), plate (any part), VIN (6+ characters), name, pinyin initials or full pinyin',
        querystring: z.strictObject({ q: z.string().max(40).default(''), storeId: z.union([z.uuid(), z.literal('all')]).optional() }),
        response: { 200: z.object({ customers: z.array(customerHit), vehicles: z.array(vehicleHit) }) },
      },
    },
    async (req) => {
      const ctx = requireCtx(req.ctx);
      const k = classifyQuery(req.query.q);
      if (k.q.length < 2) return { customers: [], vehicles: [] };
      const db = app.database.db;
      type Hit<T> = Omit<T, 'storeName'> & { storeId: string };
      const result = (await db.execute(searchStatement(ctx, k, req.query.storeId, (text) => app.fieldCipher.hash(text)))) as unknown as {
        rows: { customers: Hit<z.infer<typeof customerHit>>[]; vehicles: Hit<z.infer<typeof vehicleHit>>[] }[];
      };
      const { customers, vehicles } = result.rows[0]!;
      const names = await storeShortNames(
        db,
        ctx,
        [...customers, ...vehicles].map((x) => x.storeId),
      );
      const storeName = (id: string) => names.get(id) ?? '';
      return {
        customers: customers.map(({ storeId, ...c }) => ({ ...c, phone: maskPhone(c.phone), storeName: storeName(storeId) })),
        vehicles: vehicles.map(({ storeId, ...v }) => ({ ...v, storeName: storeName(storeId) })),
      };
    },
  );
}
