import { readFileSync } from 'node:fs';
import path from 'node:path';
import { migrationsFolder } from '../kernel/paths.js';

// The demo database prepared at install time (cli/demo-template.ts builds it; a first embedded start copies it in).
/** The template belongs to one migration sequence: a template built before newer migrations is not used. */
export function demoTemplatePath(config: { dataKeyFile: string }): string {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
  return path.join(path.dirname(config.dataKeyFile), `demo-template-${journal.entries.length}.tar.gz`);
}
