import type { Session } from './types.js';

/** Signs in over HTTP like the web app does: the session cookie, and the CSRF token writes must carry. */
export async function login(base: string, username: string, password = 'sifang-demo'): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const me = (await (await fetch(`${base}/api/auth/me`, { headers: { cookie } })).json()) as {
    csrfToken: string;
    currentStore: { id: string };
  };
  return {
    username,
    cookie,
    csrf: me.csrfToken,
    storeId: me.currentStore.id,
    headers: { cookie, 'x-csrf-token': me.csrfToken },
  };
}
