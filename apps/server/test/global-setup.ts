import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrateDatabase, openDatabase } from '../src/kernel/db.js';
import { seedDemo } from '../src/demo/seed.js';
import { buildPermissionRegistry } from '../src/app.js';
import { createFieldCipher } from '../src/kernel/field-cipher.js';

/** The data key of the test database and test apps (personal data at rest). */
export const TEST_DATA_KEY = Buffer.alloc(32, 7);

declare module 'vitest' {
  export interface ProvidedContext {
    templateDataDir: string;
    templateDatabase: string;
  }
}

/** Migrate and seed the demo data once; every test file starts from a copy of it. */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `sifang_tpl_${process.pid}`;
    const admin = await openDatabase({ url, poolSize: 1 });
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    const tplUrl = withDatabase(url, name);
    const tpl = await openDatabase({ url: tplUrl, poolSize: 2 });
    await migrateDatabase(tpl);
    await seedDemo(tpl, buildPermissionRegistry(), { cipher: createFieldCipher(TEST_DATA_KEY) });
    await tpl.close();
    project.provide('templateDatabase', name);
    project.provide('templateDataDir', '');
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sifang-test-'));
  const db = await openDatabase({ dataDir: 'memory://' });
  await migrateDatabase(db);
  await seedDemo(db, buildPermissionRegistry(), { cipher: createFieldCipher(TEST_DATA_KEY) });
  const dump = await db.pglite!.dumpDataDir('gzip');
  const file = path.join(dir, 'template.tar.gz');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await db.close();
  project.provide('templateDataDir', file);
  project.provide('templateDatabase', '');
  return () => rmSync(dir, { recursive: true, force: true });
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
