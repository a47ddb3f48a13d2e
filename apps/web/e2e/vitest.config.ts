import { defineConfig } from 'vitest/config';

// Browser journeys: one server process on a fresh embedded database, Debian chromium driven by playwright-core.
export default defineConfig({
  test: {
    root: new URL('.', import.meta.url).pathname,
    include: ['**/*.e2e.ts'],
    globalSetup: ['./global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
