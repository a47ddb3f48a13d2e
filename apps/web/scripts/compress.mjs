// After `vite build`: a .br and a .gz next to every text asset of dist/, so the server sends them precompressed
// (@fastify/static `preCompressed` in apps/server/src/app.ts picks the sibling the request's Accept-Encoding allows).
// A sibling that would not be smaller is not written; the server then sends the plain file.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const TEXT = /\.(js|mjs|css|html|svg|json|txt|map)$/;
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(p);
    else if (TEXT.test(entry.name)) yield p;
  }
}

async function compress(file) {
  const raw = await readFile(file);
  const [br, gz] = await Promise.all([
    brotli(raw, {
      params: {
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    }),
    gzip(raw, { level: zlib.constants.Z_BEST_COMPRESSION }),
  ]);
  const out = { file, raw: raw.length, br: 0, gz: 0 };
  if (br.length < raw.length) await writeFile(`${file}.br`, br).then(() => (out.br = br.length));
  if (gz.length < raw.length) await writeFile(`${file}.gz`, gz).then(() => (out.gz = gz.length));
  return out;
}

await stat(path.join(dist, 'index.html')); // fails loudly when there is no build
const files = [];
for await (const f of walk(dist)) files.push(f);
const results = await Promise.all(files.map(compress));
const sum = (k) => results.reduce((n, r) => n + r[k], 0);
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
process.stdout.write(
  `compressed ${results.length} files in dist: ${kb(sum('raw'))} → brotli ${kb(sum('br'))}, gzip ${kb(sum('gz'))}` +
    ` (${results.filter((r) => !r.br).length} left plain)\n`,
);
