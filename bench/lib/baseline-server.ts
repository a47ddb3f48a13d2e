// Baselines B1 and B2 of QUALITY.md §4, in a process of their own so they measure Fastify and the pool alone:
//   GET /b1?bytes=N   a bare Fastify route returning a JSON payload of about N bytes;
//   GET /b2           Fastify + `SELECT 1` through the application's pool (kernel openDatabase, same settings).
// Logging as the application does it (pino at info, one line per request).
import Fastify from 'fastify';
import { openDatabase } from '../../apps/server/src/kernel/db.js';

const port = Number(process.env.PORT);
const database = await openDatabase({ url: process.env.DATABASE_URL });
const app = Fastify({ logger: { level: 'info' } });
const payloads = new Map<number, string>();
const payloadOf = (bytes: number) => {
  let p = payloads.get(bytes);
  if (!p) {
    const item = JSON.stringify({ id: '0190a0b2-7c1d-7e3f-8a9b-0c1d2e3f4a5b', name: '张三', phone: '138****8000', storeName: '天河店' });
    const items: string[] = [];
    while (items.join(',').length + item.length + 20 < bytes) items.push(item);
    p = `{"items":[${items.join(',')}],"pad":"${'x'.repeat(Math.max(0, bytes - items.join(',').length - 22))}"}`;
    payloads.set(bytes, p);
  }
  return p;
};
app.get('/b1', async (req, reply) => {
  const bytes = Math.min(1_000_000, Number((req.query as { bytes?: string }).bytes ?? 100));
  return reply.type('application/json; charset=utf-8').send(payloadOf(bytes));
});
app.get('/b2', async () => {
  const rows = await database.query<{ one: number }>('SELECT 1 AS one');
  return { one: rows[0]!.one };
});
await app.listen({ port, host: '127.0.0.1' });
console.log(`ready ${port}`);
process.on('SIGTERM', () => {
  void app.close().then(() => database.close().then(() => process.exit(0)));
});
