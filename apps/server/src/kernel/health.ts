import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

export async function healthRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/health/live',
    {
      config: { permission: 'public' },
      logLevel: 'warn',
      schema: { tags: ['health'], summary: 'The process is up', response: { 200: z.object({ status: z.literal('ok') }) } },
    },
    async () => ({ status: 'ok' as const }),
  );
  r.get(
    '/api/health/ready',
    {
      config: { permission: 'public' },
      logLevel: 'warn',
      schema: {
        tags: ['health'],
        summary: 'The database answers within 1 s',
        response: {
          200: z.object({ status: z.literal('ok'), database: z.string() }),
          503: z.object({ status: z.literal('unavailable'), database: z.string() }),
        },
      },
    },
    async (_req, reply) => {
      const ok = await app.database.ping(1000);
      if (ok) return { status: 'ok' as const, database: app.database.kind };
      return reply.code(503).send({ status: 'unavailable' as const, database: app.database.kind });
    },
  );
}
