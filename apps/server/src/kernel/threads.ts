import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * A worker thread running `entry`: the bundle's compiled module, or a TypeScript source when the server runs from its
 * sources (tsx, the tests), in which case the thread registers tsx before it loads the entry.
 */
export function startThread(entry: URL, options: WorkerOptions = {}): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, options);
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, { ...options, eval: true });
}
