// The server once its entry (server.ts) has started the embedded database's thread: the database, the application,
// the demo data of a first start, then serving.
import { performance } from 'node:perf_hooks';
import type { Config } from './config.js';
import { migrateDatabase, openDatabase, threadDatabase, type Database } from './kernel/db.js';
import type { ThreadPglite } from './kernel/embedded-thread.js';
import { buildApp, buildPermissionRegistry } from './app.js';
import { DEMO_PASSWORD, isSeeded, seedDemo, seedProduction } from './demo/seed.js';
import { escalateOverdueComplaints } from './modules/customers/index.js';

export type ServeOptions = {
  config: Config;
  /** performance.now() at the top of the entry */
  started: number;
  /** the embedded database's thread, opening its folder (none on PostgreSQL) */
  embedded: ThreadPglite | undefined;
  /** that thread copies in the demo database prepared at install */
  fromTemplate: boolean;
};

function cannotOpen(e: Error): never {
  console.error(`Sifang DMS cannot open its database: ${e.message}`);
  process.exit(1);
}

export async function serve({ config, started, embedded, fromTemplate }: ServeOptions): Promise<void> {
  let database: Database;
  if (embedded) {
    database = await threadDatabase(embedded);
  } else {
    database = await openDatabase({
      url: config.databaseUrl,
      preparedStatements: config.preparedStatements,
    }).catch(cannotOpen);
    await migrateDatabase(database);
  }
  // built while the embedded thread opens and migrates its folder
  const app = await buildApp({ config, database });
  if (embedded) await embedded.ready.catch(cannotOpen);
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
  log.info(
    `Sifang DMS is serving on http://localhost:${config.port} (${database.kind}) after ${Math.round(performance.now() - started)} ms`,
  );

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
}
