import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import type { RequestContext } from './context.js';
import { storeShortNames } from './store-scope.js';
import { hashWithOlderCost } from '../../test/fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers });

async function auditCount(action: string, username: string, success: boolean) {
  const rows = await t.database.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM audit_log WHERE action = $1 AND username = $2 AND success = $3',
    [action, username, success],
  );
  return rows[0]!.n;
}

describe('demo users', () => {
  it('every demo user can sign in with the demo password', async () => {
    const users = await t.database.query<{ username: string }>('SELECT username FROM app_user ORDER BY username');
    expect(users.length).toBe(32);
    for (const { username } of users) {
      const res = await login(username, 'sifang-demo');
      expect(res.statusCode, username).toBe(200);
    }
  });
});

describe('login', () => {
  it('makes a hash of the older cost again at sign-in, and the password still signs in', async () => {
    const [user] = await t.database.query<{ id: string; password_changed_at: unknown }>(
      "SELECT id, password_changed_at FROM app_user WHERE username = 'care.gz01'",
    );
    await t.database.query('UPDATE app_user SET password_hash = $1 WHERE id = $2', [hashWithOlderCost('sifang-demo'), user!.id]);
    expect((await login('care.gz01', 'sifang-demo')).statusCode).toBe(200);
    const [after] = await t.database.query<{ password_hash: string; password_changed_at: unknown }>(
      'SELECT password_hash, password_changed_at FROM app_user WHERE id = $1',
      [user!.id],
    );
    expect(after!.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(after!.password_changed_at).toEqual(user!.password_changed_at); // the password is the same
    expect((await login('care.gz01', 'sifang-demo')).statusCode).toBe(200);
    expect((await login('care.gz01', 'sifang-dem0')).statusCode).toBe(401);
  });

  it('signs in with the demo password, sets an HttpOnly SameSite=Lax cookie and audits it', async () => {
    const before = await auditCount('auth.login', 'advisor.gz01', true);
    const res = await login('advisor.gz01', 'sifang-demo');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'sifang_sid')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(Buffer.from(cookie.value, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(await auditCount('auth.login', 'advisor.gz01', true)).toBe(before + 1);
  });

  it('answers a wrong password and an unknown user the same way, in the caller language, and audits both', async () => {
    const wrong = await login('parts.gz01', 'nope-12345', { 'accept-language': 'en-US' });
    const unknown = await login('nobody.gz01', 'nope-12345', { 'accept-language': 'en-US' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().message).toBe('Wrong username or password');
    const zh = await login('nobody.gz01', 'x', { 'accept-language': 'zh-CN' });
    expect(zh.json().message).toBe('用户名或密码错误');
    expect(await auditCount('auth.login', 'parts.gz01', false)).toBe(1);
    expect(await auditCount('auth.login', 'nobody.gz01', false)).toBe(2);
  });

  it('throttles a user+IP after 5 failures in 15 minutes, without affecting other users', async () => {
    for (let i = 0; i < 5; i++) expect((await login('cashier.gz01', 'wrong-pass1')).statusCode).toBe(401);
    const blocked = await login('cashier.gz01', 'sifang-demo');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('auth.throttled');
    expect((await login('cashier.fs01', 'sifang-demo')).statusCode).toBe(200);
    t.clock.advance(16 * 60_000);
    expect((await login('cashier.gz01', 'sifang-demo')).statusCode).toBe(200);
    t.clock.now = new Date();
  });

  it('issues a new session id at every login (fixation fails) and logout ends the session', async () => {
    const a = await t.login('care.gz01');
    const b = await t.login('care.gz01');
    expect(a.cookie).not.toBe(b.cookie);
    expect((await a.get('/api/auth/me')).statusCode).toBe(200);
    const out = await a.post('/api/auth/logout');
    expect(out.statusCode).toBe(204);
    expect((await a.get('/api/auth/me')).statusCode).toBe(401);
    expect((await b.get('/api/auth/me')).statusCode).toBe(200);
    // a made-up cookie is not a session
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: 'sifang_sid=planted-by-attacker' } })).statusCode,
    ).toBe(401);
  });

  it('enforces the idle timeout (30 min) and the absolute timeout (12 h)', async () => {
    const c = await t.login('qc.gz01');
    t.clock.advance(29 * 60_000);
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    t.clock.advance(31 * 60_000);
    const idle = await c.get('/api/auth/me');
    expect(idle.statusCode).toBe(401);
    expect(idle.json().code).toBe('auth.session_expired');
    t.clock.now = new Date();

    const d = await t.login('qc.gz01');
    for (let h = 0; h < 12; h++) {
      t.clock.advance(25 * 60_000);
      expect((await d.get('/api/auth/me')).statusCode).toBe(200);
    }
    t.clock.advance(25 * 60_000 * 5);
    expect((await d.get('/api/auth/me')).statusCode).toBe(401);
    t.clock.now = new Date();
  });

  it('disabling a user ends their sessions', async () => {
    const admin = await t.login('admin');
    const tech = await t.login('tech.fs01');
    const users = await admin.get('/api/users', { query: { q: 'tech.fs01' } });
    const id = users.json().items[0].id as string;
    expect((await admin.post(`/api/users/${id}/disable`)).statusCode).toBe(200);
    expect((await tech.get('/api/auth/me')).statusCode).toBe(401);
    expect((await login('tech.fs01', 'sifang-demo')).statusCode).toBe(401);
    expect((await admin.post(`/api/users/${id}/enable`)).statusCode).toBe(200);
    expect((await login('tech.fs01', 'sifang-demo')).statusCode).toBe(200);
  });
});

describe('session cache', () => {
  it('applies a change of rights made through this server at once, and one made elsewhere within seconds', async () => {
    const admin = await t.login('admin');
    const advisor = await t.login('advisor.gz01');
    const search = async () => (await advisor.get('/api/search', { query: { q: 'zs' } })).statusCode;
    const role = (await admin.get('/api/roles', { query: { pageSize: '100' } }))
      .json()
      .items.find((r: { code: string }) => r.code === 'service_advisor') as { id: string; permissions: string[] };
    expect(await search()).toBe(200);

    // through the API: the next request already sees it
    const without = role.permissions.filter((p) => p !== 'customers.search.use');
    expect((await admin.patch(`/api/roles/${role.id}`, { permissions: without })).statusCode).toBe(200);
    expect(await search()).toBe(403);
    expect((await admin.patch(`/api/roles/${role.id}`, { permissions: role.permissions })).statusCode).toBe(200);
    expect(await search()).toBe(200);

    // as another server process would change it, straight in the database: seen once the cached session is older
    // than the cache time
    await t.database.query(`UPDATE role SET permissions = array_remove(permissions, 'customers.search.use') WHERE id = $1`, [role.id]);
    expect(await search()).toBe(200);
    t.clock.advance(t.config.sessionCacheMs + 1);
    expect(await search()).toBe(403);
    await t.database.query(`UPDATE role SET permissions = $2 WHERE id = $1`, [role.id, role.permissions]);
    t.clock.advance(t.config.sessionCacheMs + 1);
    expect(await search()).toBe(200);
    t.clock.now = new Date();
  });

  it('ends a session at logout at once, even while it is cached', async () => {
    const advisor = await t.login('advisor.gz01');
    expect((await advisor.get('/api/auth/me')).statusCode).toBe(200);
    expect((await advisor.post('/api/auth/logout')).statusCode).toBeLessThan(300);
    expect((await advisor.get('/api/auth/me')).statusCode).toBe(401);
  });
});

describe('store names with the session', () => {
  it('names every store of the group; a store the session does not know is read from the database', async () => {
    const gz = await t.storeId('GZ01');
    const fs = await t.storeId('FS01');
    const ctx = { storeNames: new Map([[gz, '天河店']]) } as unknown as RequestContext;
    // known: no query, the session's own map
    expect(await storeShortNames(t.database.db, ctx, [gz])).toBe(ctx.storeNames);
    const both = await storeShortNames(t.database.db, ctx, [gz, fs]);
    expect(both.get(fs)).toBe('南海店');
    expect(both.get(gz)).toBe('天河店');
  });
});

describe('me and store switching', () => {
  it('returns the user, roles, permissions, current store and the stores to switch to', async () => {
    const c = await t.login('advisor.gz01');
    const me = (await c.get('/api/auth/me')).json();
    expect(me.user.username).toBe('advisor.gz01');
    expect(me.roles.map((r: { code: string }) => r.code)).toEqual(['service_advisor']);
    expect(me.permissions).toContain('masterdata.part.read');
    expect(me.permissions).not.toContain('admin.user.create');
    expect(me.currentStore.code).toBe('GZ01');
    expect(me.stores.map((s: { code: string }) => s.code)).toEqual(['GZ01']);
  });

  it('lets a group user switch stores and refuses a store the user has no role in', async () => {
    const group = await t.login('group');
    const fs = await t.storeId('FS01');
    const switched = await group.post('/api/auth/switch-store', { storeId: fs });
    expect(switched.statusCode).toBe(200);
    expect(switched.json().currentStore.code).toBe('FS01');
    expect((await group.get('/api/auth/me')).json().currentStore.code).toBe('FS01');

    const advisor = await t.login('advisor.gz01');
    const refused = await advisor.post('/api/auth/switch-store', { storeId: fs });
    expect(refused.statusCode).toBe(403);
    expect((await advisor.get('/api/auth/me')).json().currentStore.code).toBe('GZ01');
  });

  it('remembers the language per user and answers errors in it', async () => {
    const c = await t.login('parts.fs01');
    expect((await c.put('/api/auth/locale', { locale: 'en-US' })).statusCode).toBe(204);
    const again = await t.login('parts.fs01');
    expect((await again.get('/api/auth/me')).json().user.locale).toBe('en-US');
    const bad = await again.post('/api/suppliers', { code: 'X' });
    expect(bad.statusCode).toBe(403);
    expect(bad.json().message).toBe('You are not allowed to do this');
  });
});

describe('web layer', () => {
  it('limits sign-in attempts per IP and minute, whatever the usernames', async () => {
    const limited = await createTestApp({ loginRatePerMinute: 3 });
    const codes = [];
    for (let i = 0; i < 5; i++)
      codes.push(
        (await limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `u${i}`, password: 'x' } })).statusCode,
      );
    expect(codes).toEqual([401, 401, 401, 429, 429]);
    await limited.close();
  });

  it('refuses a cookie-authenticated write without the CSRF token or from another origin', async () => {
    const c = await t.login('partsmgr.gz01');
    const body = JSON.stringify({ code: 'SUP-CSRF', name: '测试供应商' });
    const noToken = await t.app.inject({
      method: 'POST',
      url: '/api/suppliers',
      payload: body,
      headers: { cookie: c.cookie!, 'content-type': 'application/json' },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe('auth.csrf');
    const crossSite = await c.post(
      '/api/suppliers',
      { code: 'SUP-CSRF', name: '测试供应商' },
      { headers: { origin: 'https://evil.example' } },
    );
    expect(crossSite.statusCode).toBe(403);
    const ok = await c.post('/api/suppliers', { code: 'SUP-CSRF', name: '测试供应商' }, { headers: { origin: 'http://localhost:80' } });
    expect(ok.statusCode).toBe(201);
  });

  it('sends security headers on every response and no stack traces', async () => {
    const res = await t.anonymous().get('/api/health/live');
    expect(res.headers['content-security-policy']).toBe(
      "default-src 'self';base-uri 'self';font-src 'self' data:;form-action 'self';frame-ancestors 'none';img-src 'self' data: blob:;" +
        "object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline';connect-src 'self'",
    );
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'same-origin',
      'x-frame-options': 'SAMEORIGIN',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'x-permitted-cross-domain-policies': 'none',
    });
    expect(res.headers['strict-transport-security']).toBeUndefined(); // HTTPS only: set in production
    const notFound = await t.anonymous().get('/api/no-such-thing');
    expect(notFound.statusCode).toBe(404);
    expect(notFound.headers['x-content-type-options']).toBe('nosniff');
    expect(notFound.json().code).toBe('request.not_found');
  });

  it('health: live and ready; ready is 503 when the database does not answer', async () => {
    expect((await t.anonymous().get('/api/health/live')).json()).toEqual({ status: 'ok' });
    const ready = await t.anonymous().get('/api/health/ready');
    expect(ready.json()).toMatchObject({ status: 'ok' });
    expect(ready.headers['x-request-id']).toBeTruthy();
    const other = await createTestApp();
    await other.database.close();
    const started = Date.now();
    const down = await other.app.inject({ method: 'GET', url: '/api/health/ready' });
    expect(down.statusCode).toBe(503);
    expect(Date.now() - started).toBeLessThan(5000);
    expect((await other.app.inject({ method: 'GET', url: '/api/health/live' })).statusCode).toBe(200);
    await other.close();
  });

  it('publishes OpenAPI 3 for every API route', async () => {
    const doc = (await t.anonymous().get('/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/users', '/api/parts/{id}']));
  });
});
