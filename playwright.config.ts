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
    // The axe and keyboard-only checks test structure, not words, so they run in German only: the
    // whole suite must fit CI's 20 minutes on 2 cores. English layout is checked by layout.spec.ts.
    { name: 'en', use: { appLocale: 'en' }, testIgnore: ['**/accessibility.spec.ts', '**/keyboard.spec.ts'] },
  ],
});
