import path from 'node:path';
import { repoRoot } from './kernel/paths.js';

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** PostgreSQL: prepare each statement once per connection (off behind a pooler in transaction mode) */
  preparedStatements: boolean;
  dataDir: string;
  /** the embedded engine's buffer cache (SIFANG_EMBEDDED_SHARED_BUFFERS, e.g. 64MB); unset: EMBEDDED_SHARED_BUFFERS */
  embeddedSharedBuffers: string | undefined;
  production: boolean;
  demo: boolean;
  idleTimeoutMs: number;
  absoluteTimeoutMs: number;
  logLevel: string;
  webDist: string;
  /** password for the administrator created by a production first start */
  adminPassword: string | undefined;
  loginFailuresAllowed: number;
  loginWindowMs: number;
  /** 32-byte key for personal data at rest (base64 in SIFANG_DATA_KEY), else a key file created at first start */
  dataKey: string | undefined;
  dataKeyFile: string;
  /** sign-in attempts per IP and minute, whatever the usernames */
  loginRatePerMinute: number;
  /** how long a loaded session is reused before it is read again (other processes see a change of rights this late) */
  sessionCacheMs: number;
  /** V8's old generation grows to (1 + this/100) × what is alive before it is collected; 0: V8's own heuristics */
  heapGrowingPercent: number;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = process.argv): Config {
  const production = env.NODE_ENV === 'production';
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    preparedStatements: env.DATABASE_PREPARED_STATEMENTS !== 'off',
    dataDir: env.SIFANG_DATA_DIR ?? path.join(repoRoot, 'data', 'pglite'),
    embeddedSharedBuffers: env.SIFANG_EMBEDDED_SHARED_BUFFERS || undefined,
    production,
    demo: !production && !argv.includes('--no-demo'),
    idleTimeoutMs: Number(env.SESSION_IDLE_MINUTES ?? 30) * 60_000,
    absoluteTimeoutMs: Number(env.SESSION_ABSOLUTE_HOURS ?? 12) * 3_600_000,
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    webDist: env.SIFANG_WEB_DIST ?? path.join(repoRoot, 'apps', 'web', 'dist'),
    adminPassword: env.SIFANG_ADMIN_PASSWORD || undefined,
    loginFailuresAllowed: 5,
    loginWindowMs: 15 * 60_000,
    loginRatePerMinute: Number(env.LOGIN_RATE_PER_MINUTE ?? 30),
    sessionCacheMs: Number(env.SESSION_CACHE_MS ?? 5000),
    heapGrowingPercent: Number(env.HEAP_GROWING_PERCENT ?? 50),
    dataKey: env.SIFANG_DATA_KEY || undefined,
    dataKeyFile: env.SIFANG_DATA_KEY_FILE ?? path.join(repoRoot, 'data', 'secret.key'),
  };
}
