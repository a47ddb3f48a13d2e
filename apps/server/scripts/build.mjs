// Compiles the server into ES modules under dist/: the entry dist/server.mjs, the embedded database's thread
// dist/embedded-worker.mjs, and the chunks they share or load later (dist/chunks/; dependencies stay in node_modules, the
// shared package is bundled from its TypeScript sources). The entry loads the application as a chunk of its own, after
// it has started the thread. `npm start` runs this first: it rebuilds only when a source file is newer than the
// bundle, so the bundle never lags behind the sources and a restart does not wait for a build.
import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// --entry / --outfile: another entry built the same way (the benchmarks' instrumented server); kept under dist/ so
// that the server finds its folder from the bundle
const arg = (name) => (process.argv.includes(name) ? path.resolve(process.argv[process.argv.indexOf(name) + 1]) : undefined);
const entry = arg('--entry') ?? path.join(root, 'src', 'server.ts');
const outfile = arg('--outfile') ?? path.join(root, 'dist', 'server.mjs');
const sources = [
  path.join(root, 'src'),
  path.join(root, '..', '..', 'packages', 'shared', 'src'),
  fileURLToPath(import.meta.url),
  ...(arg('--entry') ? [path.dirname(entry)] : []),
];

function newest(p) {
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = st.mtimeMs; // a deleted file changes its folder
  for (const e of readdirSync(p)) t = Math.max(t, newest(path.join(p, e)));
  return t;
}

let built = 0;
try {
  built = statSync(outfile).mtimeMs;
} catch {
  // not built yet
}
if (process.argv.includes('--force') || built < Math.max(...sources.map(newest))) {
  const { build } = await import('esbuild');
  const server = !arg('--entry');
  if (server) rmSync(path.join(root, 'dist', 'chunks'), { recursive: true, force: true }); // no chunk of an earlier build is left
  await build({
    ...(server
      ? {
          entryPoints: { server: entry, 'embedded-worker': path.join(root, 'src', 'kernel', 'embedded-worker.ts') },
          outdir: path.dirname(outfile),
          outExtension: { '.js': '.mjs' },
          splitting: true,
          chunkNames: 'chunks/[name]-[hash]',
        }
      : { entryPoints: [entry], outfile }),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    alias: { '@sifang/shared': path.join(root, '..', '..', 'packages', 'shared', 'src') },
    sourcemap: true,
    logLevel: 'warning',
  });
}
