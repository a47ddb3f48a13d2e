// Web performance of the built app (apps/web/dist, built first when missing):
//  - first-screen JavaScript: the entry script and modulepreloads of dist/index.html, gzipped (levels 6 and 9), the
//    whole dist's JS and its largest chunks; then what Chromium really fetches for the login page and the first screen
//    after signing in (lazy route chunks included) — the honest first-screen figure the goal is judged on;
//  - keystroke-to-results: Chromium (Playwright, Debian's chromium, zh-CN) signed in as an advisor types ≈20 queries
//    (phone tails, names, pinyin initials, plate fragments, VIN tails) into the header search box; in the page, from
//    the final keystroke to the first animation frame after that query's results are in the DOM, split into the
//    box's debounce, the request (network + server) and rendering.
// The app runs as bench/lib/server-under-test.ts on the benchmark PostgreSQL database (ctx.databaseUrl).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page, type Response } from 'playwright-core';
import { BENCH_DATA_KEY } from '../lib/data.js';
import { buildBenchEntry, repoRoot, startChild, type Child } from '../lib/processes.js';
import { storeSamples, usersIn } from '../lib/samples.js';
import { login } from '../lib/session.js';
import { latencySummary, round } from '../lib/stats.js';
import type { Goal, Scenario } from '../lib/types.js';

const GOAL_FIRST_SCREEN_KB = 350;
const GOAL_KEYSTROKE_MS = 100;
const SCREENSHOT = '/tmp/bench-web-search.png';
const dist = path.join(repoRoot, 'apps/web/dist');

const kb = (bytes: number) => round(bytes / 1024, 1);
const gz = (buf: Buffer, level: number) => gzipSync(buf, { level }).length;
type Sized = { file: string; raw: number; gzip6: number; gzip9: number };
const sized = (file: string, buf: Buffer): Sized => ({ file, raw: buf.length, gzip6: gz(buf, 6), gzip9: gz(buf, 9) });
const sum = (xs: Sized[], k: 'raw' | 'gzip6' | 'gzip9') => xs.reduce((n, x) => n + x[k], 0);

/** The box's debounce as the source declares it (GlobalSearch.tsx `DEBOUNCE_MS`), for the report. */
function configuredDebounceMs(): number | null {
  try {
    const src = readFileSync(path.join(repoRoot, 'apps/web/src/app/layout/GlobalSearch.tsx'), 'utf8');
    const m = /DEBOUNCE_MS\s*=\s*(\d+)/.exec(src);
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** Static view of the build: what index.html loads before any code runs, and the whole dist. */
function staticBundle() {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const refs = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*type="module"[^>]*\bsrc="([^"]+)"/g)) refs.add(m[1]!);
  for (const m of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*\bhref="([^"]+)"/g)) refs.add(m[1]!);
  const css = [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*\bhref="([^"]+)"/g)].map((m) => m[1]!);
  const read = (ref: string) => readFileSync(path.join(dist, ref.replace(/^\//, '')));
  const entry = [...refs].map((r) => sized(path.basename(r), read(r)));
  const styles = css.map((r) => sized(path.basename(r), read(r)));
  const assets = path.join(dist, 'assets');
  const all = readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .map((f) => sized(f, readFileSync(path.join(assets, f))));
  all.sort((a, b) => b.raw - a.raw);
  return { entry, styles, all };
}

type JsFetch = { phase: string; file: string; status: number; encoding: string; raw: number; gzip6: number; gzip9: number };

/** Every JS response the page receives, with its body gzipped here at level 6 (the goal's measure; the server sends brotli when allowed). */
function recordScripts(page: Page, phase: { name: string }, into: JsFetch[]) {
  const pending: Promise<void>[] = [];
  const onResponse = (res: Response) => {
    const url = new URL(res.url());
    if (!url.pathname.endsWith('.js') && res.request().resourceType() !== 'script') return;
    const at = phase.name;
    pending.push(
      res.body().then(
        (body) => {
          into.push({
            phase: at,
            file: path.basename(url.pathname),
            status: res.status(),
            encoding: res.headers()['content-encoding'] ?? 'none',
            ...sizesOf(body),
          });
        },
        () => undefined,
      ),
    );
  };
  page.on('response', onResponse);
  return async () => {
    page.off('response', onResponse);
    await Promise.all(pending);
  };
}
const sizesOf = (body: Buffer) => ({ raw: body.length, gzip6: gz(body, 6), gzip9: gz(body, 9) });

/** In-page instruments: the final keystroke of an armed query, and the moment its results are in the DOM. */
const INSTRUMENT = `(() => {
  const B = (window.__sfBench = { armed: null });
  let lastKeydown = 0;
  const box = () => document.querySelector('[data-testid="global-search"]');
  document.addEventListener('keydown', () => { lastKeydown = performance.now(); }, true);
  document.addEventListener('input', (e) => {
    const a = B.armed;
    if (!a || e.target !== box()) return;
    const now = performance.now();
    if (e.target.value.trim() === a.query) {
      // keyboard characters: from their keydown; CJK text arrives as one insertText (no keydown), as after an IME
      a.t0 = now - lastKeydown < 100 ? lastKeydown : now;
      a.sawWaiting = false;
      a.done = false;
      check();
    }
  }, true);
  function check() {
    const a = B.armed;
    if (!a || a.t0 == null || a.done) return;
    const input = box();
    if (!input || input.value.trim() !== a.query) return;
    const wrapper = input.closest('.ant-input-affix-wrapper') || input.parentElement;
    if (wrapper.querySelector('.ant-spin')) { a.sawWaiting = true; return; }
    if (!a.sawWaiting) return; // the old list, before React has taken the new text
    const popup = [...document.querySelectorAll('.sf-search-popup')].find((p) => !p.classList.contains('ant-select-dropdown-hidden'));
    if (!popup) return;
    const hits = popup.querySelectorAll('[data-testid="search-result-customer"],[data-testid="search-result-vehicle"]').length;
    const none = popup.querySelector('[data-testid="search-no-results"]');
    if (!hits && !none) return;
    a.done = true;
    a.tDom = performance.now();
    a.hits = hits;
    requestAnimationFrame(() => {
      a.tFrame = performance.now();
      // after the frame is produced (the next task after rAF runs once the frame has been handed over)
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { a.tAfterFrame = performance.now(); };
      ch.port2.postMessage(0);
    });
  }
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['class'] });
  B.arm = (query) => { performance.clearResourceTimings(); B.armed = { query, t0: null }; };
  B.result = () => {
    const a = B.armed;
    const searches = performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname === '/api/search');
    const mine = searches.filter((e) => new URL(e.name).searchParams.get('q') === a.query).pop();
    return {
      query: a.query, hits: a.hits, t0: a.t0, tDom: a.tDom, tFrame: a.tFrame, tAfterFrame: a.tAfterFrame,
      fetchStart: mine ? mine.startTime : null, responseEnd: mine ? mine.responseEnd : null,
      otherSearches: searches.length - (mine ? 1 : 0),
    };
  };
})();`;

type Raw = {
  query: string;
  hits: number;
  t0: number;
  tDom: number;
  tFrame: number;
  tAfterFrame: number | null;
  fetchStart: number | null;
  responseEnd: number | null;
  otherSearches: number;
};
type Keystroke = {
  query: string;
  kind: string;
  hits: number;
  /** final keystroke → first animation frame after the results are in the DOM */
  totalMs: number;
  /** the request leaving (end of the debounce) → that frame */
  afterDebounceMs: number | null;
  /** final keystroke → the request leaving: debounce + React effect + timer slack */
  debounceMs: number | null;
  /** request start → last byte of the answer (network over loopback + server) */
  requestMs: number | null;
  /** last byte → results in the DOM → frame */
  renderMs: number | null;
  otherSearches: number;
};

function keystroke(kind: string, r: Raw): Keystroke {
  const d = (a: number | null, b: number | null) => (a === null || b === null ? null : round(b - a, 1));
  return {
    query: r.query,
    kind,
    hits: r.hits,
    totalMs: round(r.tFrame - r.t0, 1),
    afterDebounceMs: d(r.fetchStart, r.tFrame),
    debounceMs: d(r.t0, r.fetchStart),
    requestMs: d(r.fetchStart, r.responseEnd),
    renderMs: d(r.responseEnd, r.tFrame),
    otherSearches: r.otherSearches,
  };
}

/** ≈20 queries: the brief's fixed ones and the advisor's own store's data (samples drawn from the database). */
async function queries(databaseUrl: string, storeCode: string): Promise<[string, string][]> {
  const out: [string, string][] = [
    ['phone tail', '8000'],
    ['phone tail', '1234'],
    ['name', '王思'],
    ['name', '李晓'],
    ['pinyin initials', 'zs'],
    ['pinyin initials', 'wxm'],
    ['plate fragment', 'A12'],
  ];
  try {
    const s = await storeSamples(databaseUrl, storeCode, 40);
    const pick = <T>(xs: T[], k: number) => xs.filter((_, i) => i % Math.max(1, Math.floor(xs.length / k)) === 0).slice(0, k);
    const cs = pick(s.customers, 3);
    const vs = pick(
      s.vehicles.filter((v) => v.plate),
      3,
    );
    for (const c of cs) out.push(['phone tail', c.phone.slice(-4)]);
    for (const c of cs) out.push(['name', c.name.slice(0, 2)]);
    for (const c of cs.slice(0, 2)) if (c.initials.length >= 2) out.push(['pinyin initials', c.initials.slice(0, 3)]);
    for (const v of vs.slice(0, 2)) out.push(['plate fragment', v.plate!.slice(1, 5)]);
    for (const v of vs) out.push(['VIN tail (6)', v.vin.slice(-6)]);
  } catch {
    out.push(['VIN tail (6)', '654321'], ['plate fragment', '粤A1'], ['name', '张三']);
  }
  const seen = new Set<string>();
  return out.filter(([, q]) => q.length >= 2 && !seen.has(q) && seen.add(q));
}

async function signInUi(page: Page, url: string, username: string) {
  await page.goto(`${url}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('sifang-demo');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('main-menu').waitFor();
}

/** Clears the box, waits for the list to close, then types the query like a person (≈ 60 ms per key). */
async function typeQuery(page: Page, q: string): Promise<Raw> {
  const box = page.getByTestId('global-search');
  await box.fill('');
  await page.waitForTimeout(300);
  await page.evaluate((query) => (window as unknown as { __sfBench: { arm(q: string): void } }).__sfBench.arm(query), q);
  await box.focus();
  await page.keyboard.type(q, { delay: 60 });
  await page.waitForFunction(
    () => (window as unknown as { __sfBench: { armed: { tFrame?: number } } }).__sfBench.armed.tFrame != null,
    null,
    {
      timeout: 15_000,
      polling: 50,
    },
  );
  await page.waitForTimeout(50);
  return page.evaluate(() => (window as unknown as { __sfBench: { result(): Raw } }).__sfBench.result());
}

export const scenario: Scenario = {
  name: 'web',
  title: 'Web: first-screen JavaScript and keystroke-to-results in Chromium',
  standalone: true,
  async run(ctx) {
    const notes: string[] = [];
    if (!existsSync(path.join(dist, 'index.html'))) {
      ctx.log('  apps/web/dist is missing: npm run build -w apps/web');
      execFileSync('npm', ['run', 'build', '-w', 'apps/web'], { cwd: repoRoot, stdio: 'ignore' });
      notes.push('apps/web/dist was missing and was built by the benchmark');
    }
    const builtAt = statSync(path.join(dist, 'index.html')).mtime.toISOString();
    const bundle = staticBundle();

    if ((await usersIn(ctx.databaseUrl)) === 0)
      throw new Error(`${ctx.databaseUrl} holds no users: the web scenario needs a prepared stage`);
    const env = { DATABASE_URL: ctx.databaseUrl, SIFANG_DATA_KEY: BENCH_DATA_KEY, LOGIN_RATE_PER_MINUTE: '1000000', LOG_LEVEL: 'warn' };
    let app: Child | undefined;
    let context: BrowserContext | undefined;
    const profile = mkdtempSync(path.join(os.tmpdir(), 'sifang-bench-chromium-'));
    try {
      app = await startChild({ script: buildBenchEntry('server-under-test'), env, nodeArgs: ['--enable-source-maps'] });
      let username = 'advisor.s001';
      let storeCode = 'S001';
      try {
        await login(app.url, username);
      } catch {
        username = 'advisor.gz01';
        storeCode = 'GZ01';
        notes.push('advisor.s001 does not exist in this database: signed in as advisor.gz01 (demo store 天河店)');
      }
      const qs = await queries(ctx.databaseUrl, storeCode);

      context = await chromium.launchPersistentContext(profile, {
        executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
        headless: true,
        locale: 'zh-CN',
        viewport: { width: 1366, height: 768 },
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
      context.setDefaultTimeout(30_000);
      await context.addInitScript(INSTRUMENT);
      const page = context.pages()[0] ?? (await context.newPage());

      // ---- what Chromium fetches: the login page, then the first screen after signing in --------------------------
      ctx.log(`  Chromium: login page and first screen as ${username}`);
      const fetched: JsFetch[] = [];
      const phase = { name: 'login page' };
      const done = recordScripts(page, phase, fetched);
      await page.goto(`${app.url}/login`, { waitUntil: 'networkidle' });
      await page.getByTestId('login-username').waitFor();
      phase.name = 'first screen after sign-in';
      await page.getByTestId('login-username').fill(username);
      await page.getByTestId('login-password').fill('sifang-demo');
      await page.getByTestId('login-submit').click();
      await page.getByTestId('main-menu').waitFor();
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(500); // any late lazy chunk
      await done();
      const landedOn = new URL(page.url()).pathname;
      const firstScreen = fetched.filter((f) => f.status === 200);
      const fsGzip6 = firstScreen.reduce((n, f) => n + f.gzip6, 0);
      const fsGzip9 = firstScreen.reduce((n, f) => n + f.gzip9, 0);
      const fsRaw = firstScreen.reduce((n, f) => n + f.raw, 0);
      const encodings = [...new Set(firstScreen.map((f) => f.encoding))];

      // ---- keystroke-to-results ----------------------------------------------------------------------------------
      ctx.log(`  Chromium: ${qs.length} queries typed into the header search box`);
      if (!page.url().startsWith(app.url)) await signInUi(page, app.url, username);
      await page.getByTestId('global-search').waitFor();
      for (const q of ['13', 'ab']) await typeQuery(page, q); // warm-up: first request, first render of the list
      const results: Keystroke[] = [];
      let shot = false;
      for (const [kind, q] of qs) {
        const r = keystroke(kind, await typeQuery(page, q));
        results.push(r);
        if (!shot && r.hits >= 3) {
          await page.waitForTimeout(400); // the list's opening animation
          await page.screenshot({ path: SCREENSHOT });
          shot = true;
        }
      }
      if (!shot) await page.screenshot({ path: SCREENSHOT });
      await page.getByTestId('global-search').fill('');

      // ---- report ------------------------------------------------------------------------------------------------
      const debounce = configuredDebounceMs();
      const pick = (k: keyof Keystroke) => results.map((r) => r[k]).filter((x): x is number => typeof x === 'number');
      const total = latencySummary(pick('totalMs'));
      const after = latencySummary(pick('afterDebounceMs'));
      const deb = latencySummary(pick('debounceMs'));
      const reqMs = latencySummary(pick('requestMs'));
      const render = latencySummary(pick('renderMs'));
      const extra = results.reduce((n, r) => n + r.otherSearches, 0);
      if (extra > 0) notes.push(`${extra} intermediate searches left while typing (a keystroke gap beyond the debounce on a busy machine)`);

      const entryRaw = sum(bundle.entry, 'raw');
      const staticRows: (string | number)[][] = [
        ['what', 'files', 'raw KB', 'gzip -6 KB', 'gzip -9 KB'],
        [
          'index.html entry + modulepreloads',
          bundle.entry.length,
          kb(entryRaw),
          kb(sum(bundle.entry, 'gzip6')),
          kb(sum(bundle.entry, 'gzip9')),
        ],
        [
          'index.html stylesheet(s) (not JS)',
          bundle.styles.length,
          kb(sum(bundle.styles, 'raw')),
          kb(sum(bundle.styles, 'gzip6')),
          kb(sum(bundle.styles, 'gzip9')),
        ],
        [
          'all JS in dist/assets',
          bundle.all.length,
          kb(sum(bundle.all, 'raw')),
          kb(sum(bundle.all, 'gzip6')),
          kb(sum(bundle.all, 'gzip9')),
        ],
        ...bundle.all.slice(0, 8).map((f) => [`  largest: ${f.file}`, 1, kb(f.raw), kb(f.gzip6), kb(f.gzip9)]),
      ];
      const fetchedRows: (string | number)[][] = [
        ['phase', 'file', 'raw KB', 'gzip -6 KB', 'gzip -9 KB'],
        ...firstScreen.map((f) => [f.phase, f.file, kb(f.raw), kb(f.gzip6), kb(f.gzip9)]),
        ['total', `${firstScreen.length} files`, kb(fsRaw), kb(fsGzip6), kb(fsGzip9)],
      ];
      const fmt = (s: ReturnType<typeof latencySummary>) => `${s.p50} / ${s.p95} / ${s.max}`;
      const keyRows: (string | number)[][] = [
        ['part (ms)', 'p50 / p95 / max'],
        ['final keystroke → results on screen (incl. debounce)', fmt(total)],
        [`debounce: keystroke → request leaves (configured ${debounce ?? '?'} ms)`, fmt(deb)],
        ['request leaves → results on screen (excl. debounce)', fmt(after)],
        ['  of which request (loopback + server)', fmt(reqMs)],
        ['  of which rendering (answer → DOM → frame)', fmt(render)],
      ];
      const perQuery: (string | number)[][] = [
        ['kind', 'query', 'hits shown', 'total ms', 'excl. debounce ms', 'request ms', 'render ms'],
        ...results.map((r) => [r.kind, r.query, r.hits, r.totalMs, r.afterDebounceMs ?? '—', r.requestMs ?? '—', r.renderMs ?? '—']),
      ];
      notes.push(
        `the server sends JS with content-encoding: ${encodings.join(', ')}; gzip sizes are computed here from the bodies Chromium received ` +
          '(-6 is what an on-the-fly gzip proxy typically sends, -9 a precompressed build)',
        `first screen: ${username} signs in on /login and lands on ${landedOn}; dist built ${builtAt}`,
        'keystrokes: Playwright types each query at ≈60 ms per key into the cleared box (CJK text as one insertion, as after an IME); ' +
          'timed in the page with performance.now() from the final keydown (or input) to the first requestAnimationFrame after ' +
          "the results (or 'no results') for exactly that text are in the list; debounce and request split with Resource Timing",
        `screenshot of the search list: ${SCREENSHOT}`,
      );
      const goals: Goal[] = [
        {
          goal: `first-screen JavaScript ≤ ${GOAL_FIRST_SCREEN_KB} KB gzip`,
          measured: `${kb(fsGzip6)} KB gzip -6 (${kb(fsGzip9)} KB -9; ${kb(fsRaw)} KB raw, ${firstScreen.length} files) fetched by Chromium for login + ${landedOn}; index.html alone preloads ${kb(sum(bundle.entry, 'gzip6'))} KB`,
          met: kb(fsGzip6) <= GOAL_FIRST_SCREEN_KB,
        },
        {
          goal: `keystroke-to-results in Chromium ≤ ${GOAL_KEYSTROKE_MS} ms (p95, after the debounce)`,
          measured: `p95 ${after.p95} ms after the ${debounce ?? '?'} ms debounce (p50 ${after.p50}); from the keystroke incl. debounce p95 ${total.p95} ms (p50 ${total.p50}); ${results.length} queries`,
          met: after.p95 <= GOAL_KEYSTROKE_MS,
        },
      ];
      return {
        tables: [
          { title: 'Build output (apps/web/dist): what index.html loads up front, the whole JS, the largest chunks', rows: staticRows },
          { title: `JS Chromium fetches for the login page and the first screen after sign-in (${landedOn})`, rows: fetchedRows },
          { title: `Keystroke-to-results in Chromium (zh-CN, ${username}, ${results.length} queries)`, rows: keyRows },
          { title: 'Per query', rows: perQuery },
        ],
        goals,
        data: {
          builtAt,
          static: bundle,
          fetched: firstScreen,
          landedOn,
          username,
          debounceConfiguredMs: debounce,
          keystroke: { total, afterDebounce: after, debounce: deb, request: reqMs, render, perQuery: results },
        },
        notes,
      };
    } finally {
      await context?.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
      if (app) {
        await app.stop();
        rmSync(app.logFile, { force: true });
      }
    }
  },
};
