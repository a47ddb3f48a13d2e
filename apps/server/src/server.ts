import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { demoTemplatePath } from './demo/template.js';
import { loadConfig } from './config.js';
import { migrateDatabase, openDatabase } from './kernel/db.js';
import { limitHeapGrowth } from './kernel/heap.js';
import { buildApp, buildPermissionRegistry } from './app.js';
import { DEMO_PASSWORD, isSeeded, seedDemo, seedProduction } from './demo/seed.js';
import { escalateOverdueComplaints } from './modules/customers/index.js';

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
const database = await openDatabase({
  url: config.databaseUrl,
  dataDir: config.dataDir,
  sharedBuffers: config.embeddedSharedBuffers,
  preparedStatements: config.preparedStatements,
  ...(fromTemplate ? { loadDataDir: new Blob([readFileSync(template)]) } : {}),
}).catch((e: Error) => {
  console.error(`Sifang DMS cannot open its database: ${e.message}`);
  process.exit(1);
});
await migrateDatabase(database);
const app = await buildApp({ config, database });
const log = app.log;

if (fromTemplate) {
  log.info(
    { source: 'the demo database prepared at install' },
    `Demo group 示例汽车集团 created. Every demo user's password is "${DEMO_PASSWORD}".`,
  );
  log.info('Demo users: admin (系统管理员), group (集团管理), and per store e.g. advisor.gz01, gm.gz01, partsmgr.fs01 (see README)');
} else if (!(await isSeeded(database))) {
  const registry = buildPermissionRegistry();
  if (config.demo) {
    const report = await seedDemo(database, registry, { cipher: app.fieldCipher });
    log.info(
      {
        parts: report.parts,
        labourOperations: report.labourOperations,
        configurations: report.configurations,
        customers: report.customers,
        vehicles: report.vehicles,
      },
      `Demo group 示例汽车集团 created. Every demo user's password is "${DEMO_PASSWORD}".`,
    );
    log.info(
      `Demo users: admin (系统管理员), group (集团管理), and per store: ${report.users
        .filter((u) => u.store !== '集团')
        .map((u) => u.username)
        .join(', ')}`,
    );
  } else {
    const { password, generated } = await seedProduction(database, registry, config.adminPassword);
    log.warn(
      generated
        ? `Administrator "admin" created with the one-time password: ${password} — sign in and change it now.`
        : 'Administrator "admin" created with the password from SIFANG_ADMIN_PASSWORD.',
    );
  }
}

await app.listen({ port: config.port, host: config.host });
log.info(`Sifang DMS is serving on http://localhost:${config.port} (${database.kind}) after ${Math.round(performance.now() - started)} ms`);

// Complaints still open 24 h after receipt are escalated every minute (seed 003 zero tolerance); lists and
// inboxes also escalate before they read, so a missed tick is never visible.
let escalating = false;
const escalationTimer = setInterval(() => {
  if (escalating) return;
  escalating = true;
  escalateOverdueComplaints(database, app.clock())
    .then((n) => {
      if (n > 0) log.info({ escalated: n }, 'complaints escalated after 24 h');
    })
    .catch((e: unknown) => log.error({ err: e }, 'complaint escalation failed'))
    .finally(() => {
      escalating = false;
    });
}, 60_000);
escalationTimer.unref();

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  log.info({ signal }, 'shutting down');
  clearInterval(escalationTimer);
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  try {
    await app.close(); // stops accepting, waits for in-flight requests
    await database.close();
    process.exit(0);
  } catch (e) {
    log.error(e);
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
