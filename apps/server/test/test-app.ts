import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.js';
import { loadConfig, type Config } from '../src/config.js';
import { openDatabase, type Database } from '../src/kernel/db.js';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { TEST_DATA_KEY, withDatabase } from './global-setup.js';

export type TestApp = {
  app: FastifyInstance;
  database: Database;
  config: Config;
  /** the controllable clock the server reads */
  clock: { now: Date; advance(ms: number): void };
  login(username: string, password?: string): Promise<Client>;
  anonymous(): Client;
  storeId(code: string): Promise<string>;
  close(): Promise<void>;
};

export type RequestOptions = { headers?: Record<string, string>; query?: Record<string, string> };
export type Client = {
  cookie: string | undefined;
  csrf: string | undefined;
  get(url: string, opts?: RequestOptions): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, opts?: RequestOptions): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown, opts?: RequestOptions): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown, opts?: RequestOptions): Promise<LightMyRequestResponse>;
  delete(url: string, opts?: RequestOptions): Promise<LightMyRequestResponse>;
  raw(method: string, url: string, payload?: string | Buffer, opts?: RequestOptions): Promise<LightMyRequestResponse>;
};

/**
 * A fresh copy of the seeded demo database and an app on it (PGlite, or PostgreSQL when DATABASE_URL is set).
 * `poolSize` (PostgreSQL): connections in the app's pool; 1 lets a test read what its one connection prepared.
 */
export async function createTestApp(
  overrides: Partial<Config> = {},
  { poolSize = 20, logger = false as boolean | object } = {},
): Promise<TestApp> {
  let database: Database;
  let dropDatabase: (() => Promise<void>) | undefined;
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `sifang_t_${randomBytes(6).toString('hex')}`;
    const admin = await openDatabase({ url, poolSize: 1 });
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('templateDatabase')}`);
    database = await openDatabase({ url: withDatabase(url, name), poolSize });
    dropDatabase = async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    };
  } else {
    const blob = new Blob([readFileSync(inject('templateDataDir'))]);
    database = await openDatabase({ dataDir: 'memory://', loadDataDir: blob });
  }
  // a test may close the database itself (the health check of a database that is down): close() then still drops it
  const closeDatabase = database.close;
  let databaseClosed: Promise<void> | undefined;
  database.close = () => (databaseClosed ??= closeDatabase());
  const config: Config = {
    ...loadConfig({ NODE_ENV: 'test' }, []),
    webDist: '/nonexistent',
    loginRatePerMinute: 10_000,
    dataKey: TEST_DATA_KEY.toString('base64'),
    ...overrides,
  };
  const clock = {
    now: new Date(),
    advance(ms: number) {
      this.now = new Date(this.now.getTime() + ms);
    },
  };
  const app = await buildApp({ config, database, clock: () => clock.now, logger });
  await app.ready();

  const client = (cookie?: string, csrf?: string): Client => {
    const send = (method: string, url: string, payload: unknown, opts: RequestOptions = {}, raw = false) =>
      app.inject({
        method: method as 'GET',
        url,
        query: opts.query,
        headers: {
          ...(cookie ? { cookie } : {}),
          ...(csrf && method !== 'GET' ? { 'x-csrf-token': csrf } : {}),
          ...(payload !== undefined && !raw ? { 'content-type': 'application/json' } : {}),
          ...opts.headers,
        },
        ...(payload !== undefined ? { payload: raw ? (payload as string) : JSON.stringify(payload) } : {}),
      });
    return {
      cookie,
      csrf,
      get: (u, o) => send('GET', u, undefined, o),
      post: (u, b, o) => send('POST', u, b, o),
      put: (u, b, o) => send('PUT', u, b, o),
      patch: (u, b, o) => send('PATCH', u, b, o),
      delete: (u, o) => send('DELETE', u, undefined, o),
      raw: (m, u, p, o) => send(m, u, p, o, true),
    };
  };

  return {
    app,
    database,
    config,
    clock,
    anonymous: () => client(),
    async login(username, password = DEMO_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const sid = res.cookies.find((c) => c.name === 'sifang_sid')!;
      const cookie = `sifang_sid=${sid.value}`;
      const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
      return client(cookie, (me.json() as { csrfToken: string }).csrfToken);
    },
    async storeId(code) {
      const rows = await database.query<{ id: string }>('SELECT id FROM store WHERE code = $1', [code]);
      return rows[0]!.id;
    },
    async close() {
      await app.close();
      await database.close();
      await dropDatabase?.();
    },
  };
}
