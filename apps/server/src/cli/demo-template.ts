// Builds the demo database once, at install time, so that a first `npm start` copies it in (≈2 s) instead of
// creating and seeding a new database (≈13 s). Run by the root postinstall; harmless to run again.
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../config.js';
import { migrateDatabase, openDatabase } from '../kernel/db.js';
import { createFieldCipher, loadDataKey } from '../kernel/field-cipher.js';
import { buildPermissionRegistry } from '../app.js';
import { seedDemo } from '../demo/seed.js';
import { demoTemplatePath } from '../demo/template.js';

async function main() {
  const config = loadConfig();
  if (config.production || process.env.SIFANG_SKIP_DEMO_TEMPLATE) return;
  const file = demoTemplatePath(config);
  if (existsSync(file) && !process.argv.includes('--force')) return;
  const started = performance.now();
  const database = await openDatabase({ dataDir: 'memory://' });
  await migrateDatabase(database);
  await seedDemo(database, buildPermissionRegistry(), { cipher: createFieldCipher(loadDataKey(config)) });
  const dump = await database.pglite!.dumpDataDir('gzip');
  await database.close();
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(`${file}.partial`, Buffer.from(await dump.arrayBuffer()));
  renameSync(`${file}.partial`, file);
  console.log(`Demo database prepared in ${Math.round(performance.now() - started)} ms (${file})`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e: unknown) => {
    // Not fatal: without the template the first start seeds the demo itself.
    console.warn(`Demo database not prepared: ${e instanceof Error ? e.message : String(e)}`);
  });
}
