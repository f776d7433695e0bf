import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    // better-sqlite3 is a native module: forks isolate it cleanly between files.
    pool: 'forks',
    testTimeout: 30_000,
  },
});
