import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The server package's folder (apps/server), found from here whether the code runs from src/ or from the dist/ bundle. */
function findServerRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(path.join(dir, 'migrations', 'meta', '_journal.json'))) return dir;
    dir = path.dirname(dir);
  }
  throw new Error('cannot find the server folder (the one holding migrations/)');
}

export const serverRoot = findServerRoot();
export const repoRoot = path.resolve(serverRoot, '..', '..');
export const migrationsFolder = path.join(serverRoot, 'migrations');
