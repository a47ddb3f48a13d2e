// First-screen JavaScript of the build in dist/, gzip level 6 (what `npm run size -w apps/web` prints):
// what index.html loads (entry script + modulepreloads) for the login page, plus the lazy chunks of the first screen
// after signing in — the '/' route's AppLayout and HomePage with everything they import statically. Chromium fetches
// the same files (bench/scenarios/web.ts measures it in the browser). Exits with 1 above the budget (KB, --max).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const assets = path.join(dist, 'assets');
const maxArg = process.argv.indexOf('--max');
const budgetKb = maxArg > 0 ? Number(process.argv[maxArg + 1]) : 350;
const say = (line) => process.stdout.write(`${line}\n`);
const FIRST_SCREEN = /^(AppLayout|HomePage)-[\w-]+\.js$/;

const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const entry = [
  ...html.matchAll(/<script\b[^>]*type="module"[^>]*\bsrc="\/assets\/([^"]+)"/g),
  ...html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*\bhref="\/assets\/([^"]+)"/g),
].map((m) => m[1]);

/** A chunk and the chunks it imports statically (`import … from "./x.js"`), transitively. */
function withStaticImports(files) {
  const seen = new Set();
  const visit = (f) => {
    if (seen.has(f)) return;
    seen.add(f);
    const code = readFileSync(path.join(assets, f), 'utf8');
    for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["']\.\/([^"']+\.js)["']/g)) visit(m[1]);
  };
  files.forEach(visit);
  return seen;
}

const login = withStaticImports(entry);
const lazy = [...withStaticImports(readdirSync(assets).filter((f) => FIRST_SCREEN.test(f)))].filter((f) => !login.has(f));
const rows = [...[...login].map((f) => ['login page', f]), ...lazy.map((f) => ['first screen', f])].map(([phase, file]) => {
  const buf = readFileSync(path.join(assets, file));
  return { phase, file, raw: buf.length, gzip: gzipSync(buf, { level: 6 }).length };
});
const kb = (n) => (n / 1024).toFixed(1);
rows.sort((a, b) => (a.phase === b.phase ? b.gzip - a.gzip : a.phase === 'login page' ? -1 : 1));
for (const r of rows) say(`${r.phase.padEnd(13)} ${r.file.padEnd(42)} ${kb(r.raw).padStart(8)} KB ${kb(r.gzip).padStart(7)} KB gzip`);
const total = rows.reduce((n, r) => n + r.gzip, 0);
const totalRaw = rows.reduce((n, r) => n + r.raw, 0);
const loginGz = rows.filter((r) => r.phase === 'login page').reduce((n, r) => n + r.gzip, 0);
say(
  `first screen: ${rows.length} files, ${kb(totalRaw)} KB raw, ${kb(total)} KB gzip -6 (index.html alone: ${kb(loginGz)} KB); budget ${budgetKb} KB`,
);
if (total / 1024 > budgetKb) {
  process.stderr.write(`over budget by ${kb(total - budgetKb * 1024)} KB\n`);
  process.exitCode = 1;
}
