// The server's entry. On the embedded engine it first starts the database's thread, which opens and migrates the data
// folder while this thread loads the application and builds it (serve.ts): the two take about as long, and they run on
// two cores instead of one after the other. This file imports only what that needs.
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadConfig } from './config.js';
import { demoTemplatePath } from './demo/template.js';
import { startEmbeddedThread } from './kernel/embedded-thread.js';
import { limitHeapGrowth } from './kernel/heap.js';

const started = performance.now();
const config = loadConfig();
try {
  limitHeapGrowth(config.heapGrowingPercent);
} catch (e) {
  console.error(`Sifang DMS cannot start: ${(e as Error).message}`);
  process.exit(1);
}
// A first embedded start with demo data copies in the demo database prepared at install time, when there is one.
const template = demoTemplatePath(config);
const fromTemplate = !config.databaseUrl && config.demo && !existsSync(config.dataDir) && existsSync(template);
// the thread's module: the compiled one next to the compiled entry, the TypeScript source when run from the sources
const threadEntry = new URL(import.meta.url.endsWith('.ts') ? './kernel/embedded-worker.ts' : './embedded-worker.mjs', import.meta.url);
const embedded = config.databaseUrl
  ? undefined
  : startEmbeddedThread(threadEntry, {
      dataDir: config.dataDir,
      sharedBuffers: config.embeddedSharedBuffers,
      ...(fromTemplate ? { templatePath: template } : {}),
      migrate: true,
    });
const { serve } = await import('./serve.js');
await serve({ config, started, embedded, fromTemplate });
