// Signing in (scrypt, a new session) and /api/auth/me (what every screen loads first); the admin lists: users of
// the group (系统管理员) and the parts catalogue (配件主数据) as a parts manager sees it.
import type { Req } from '../lib/load.js';
import { endpointHeader, endpointRow } from '../lib/report.js';
import type { Scenario } from '../lib/types.js';

export const scenario: Scenario = {
  name: 'auth-admin',
  title: 'Sign-in, /api/auth/me, admin lists (users, parts catalogue)',
  async run(ctx) {
    const admin = await ctx.login('admin');
    const parts = await ctx.login('partsmgr.s001');
    const advisor = await ctx.login('advisor.s001');
    const loginReq: Req[] = ['advisor', 'sales', 'care', 'cashier'].map((u) => ({
      method: 'POST',
      path: '/api/auth/login',
      body: { username: `${u}.s001`, password: 'sifang-demo' },
    }));
    const me: Req[] = [{ path: '/api/auth/me', headers: advisor.headers }];
    const users: Req[] = [
      { path: '/api/users?page=1&pageSize=20', headers: admin.headers },
      { path: '/api/users?page=3&pageSize=20', headers: admin.headers },
      { path: '/api/users?page=1&pageSize=20&q=advisor', headers: admin.headers },
    ];
    const partList: Req[] = [
      { path: '/api/parts?page=1&pageSize=20', headers: parts.headers },
      { path: '/api/parts?page=10&pageSize=20', headers: parts.headers },
      { path: `/api/parts?page=1&pageSize=20&q=${encodeURIComponent('滤')}`, headers: parts.headers },
      { path: '/api/parts?page=1&pageSize=20&q=06L', headers: parts.headers },
    ];
    // scrypt costs ≈50 ms of CPU per sign-in: a short closed loop is enough, and open loop is skipped
    const signIn = await ctx.measure('sign-in', loginReq, { samples: ctx.quick ? 10 : 30, pipelined: false, openLoop: false });
    const meResult = await ctx.measure('/api/auth/me', me);
    const usersResult = await ctx.measure('users list', users);
    const partsResult = await ctx.measure('parts catalogue', partList);
    return {
      data: { signIn, me: meResult, users: usersResult, parts: partsResult },
      tables: [
        {
          title: 'Per endpoint',
          rows: [
            endpointHeader,
            endpointRow('POST /api/auth/login', signIn),
            endpointRow('GET /api/auth/me', meResult),
            endpointRow('users list (admin)', usersResult),
            endpointRow('parts catalogue (parts manager)', partsResult),
          ],
        },
      ],
      goals: [
        {
          goal: 'admin lists throughput ≥ 0.5 × B2',
          measured: `users ${usersResult.ratioToB2}, parts ${partsResult.ratioToB2} × B2`,
          met: Math.min(usersResult.ratioToB2, partsResult.ratioToB2) >= 0.5,
        },
      ],
    };
  },
};
