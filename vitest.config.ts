import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    // One throwaway PostgreSQL for the run (team mode's engine); see scripts/postgres/throwaway.ts.
    globalSetup: ['test/postgresSetup.ts'],
    // better-sqlite3 is a native module: forks isolate it cleanly between files.
    pool: 'forks',
    // One fork per core (vitest's default leaves one core idle: on CI's 2 cores a single fork).
    maxWorkers: os.availableParallelism(),
    testTimeout: 30_000,
    // Run through Vite so that the fake 'electron' of the shell tests (vi.mock) reaches its import.
    server: { deps: { inline: ['electron-store'] } },
  },
});
