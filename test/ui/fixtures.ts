import { test as base } from '@playwright/test';
import type { MessageKey } from '../../src-renderer/src/i18n/resources';
import { loadMessages, message } from '../messages';
import { launchApp, type LaunchedApp, type LaunchOptions } from './harness';

export interface AppFixtureOptions {
  /** Set per Playwright project: every UI test runs in German and in English (axe and keyboard checks in German only). */
  appLocale: 'de' | 'en';
}

/** A fixed day so that every run sees the same portfolio situations. */
export const TEST_TODAY = '2026-11-27';

interface AppFixtures {
  /** Launches the app in the project's language; every app launched is closed after the test. */
  launch(options?: LaunchOptions): Promise<LaunchedApp>;
  /** The UI text for a key in the project's language, e.g. `t('app.save')`. */
  t(key: MessageKey, params?: Record<string, string | number>): string;
}

/** The UI text for a key in the project's language (the `t` fixture). */
export type T = AppFixtures['t'];

export const test = base.extend<AppFixtureOptions & AppFixtures>({
  appLocale: ['de', { option: true }],
  launch: async ({ appLocale }, use) => {
    const launched: LaunchedApp[] = [];
    await use(async (options = {}) => {
      const app = await launchApp({ today: TEST_TODAY, locale: appLocale, ...options });
      launched.push(app);
      return app;
    });
    for (const app of launched) await app.close();
  },
  t: async ({ appLocale }, use) => {
    const messages = loadMessages(appLocale);
    await use((key, params) => message(messages, key, params, appLocale));
  },
});

export { expect } from '@playwright/test';
