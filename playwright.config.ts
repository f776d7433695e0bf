import { defineConfig } from '@playwright/test';
import type { AppFixtureOptions } from './test/ui/fixtures';

/** UI tests: the built renderer in Chromium with the real core (test/ui/harness.ts), in de and en. */
export default defineConfig<AppFixtureOptions>({
  testDir: 'test/ui',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  projects: [
    { name: 'de', use: { appLocale: 'de' } },
    { name: 'en', use: { appLocale: 'en' } },
  ],
});
