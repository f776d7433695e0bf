/**
 * Runs the built renderer in Chromium with the real core attached, the way the Electron main
 * process attaches it (ARCHITECTURE.md §4): same `window.api` shape, same `core.invoke`, same CSP.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { createCore } from '../../src-main/core/core';
import { pinnedClock, systemClock } from '../../src-main/core/clock';
import { rendererFile, rendererHeaders } from '../../src-main/electron/rendererFiles';
import { chromiumArgs, chromiumExecutable } from '../../scripts/chromium';

export const APP_URL = 'http://app.test/';
/** RENDERER_DIR lets parallel work build into its own folder; CI uses the default build output. */
const rendererDir = path.resolve(process.env.RENDERER_DIR ?? path.join(import.meta.dirname, '../../out/renderer'));

export interface LaunchOptions {
  today?: string;
  locale?: 'de' | 'en';
  dataDir?: string;
  demo?: boolean;
}

export interface LaunchedApp {
  page: Page;
  invoke(channel: string, payload?: unknown): Promise<unknown>;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * The browser side of `window.api`, as the preload exposes it in Electron. Plain source text, not a
 * function, so that no transpiler helper (tsx adds `__name`) leaks into the page.
 */
const WINDOW_API_SHIM = `(() => {
  const listeners = new Map();
  window.__portalEmit = (event, payload) => listeners.get(event)?.forEach((listener) => listener(payload));
  window.api = Object.freeze({
    invoke: (channel, payload) => window.__portalInvoke(channel, payload),
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  });
})();`;

let browser: Promise<Browser> | null = null;

function sharedBrowser(): Promise<Browser> {
  browser ??= chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
  return browser;
}

export async function launchApp(options: LaunchOptions = {}): Promise<LaunchedApp> {
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error('out/renderer is missing: run `npm run build` first.');
  }
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'portal-ui-'));
  const core = createCore({
    dataDir,
    clock: options.today ? pinnedClock(options.today) : systemClock,
    actor: 'ui-test',
  });
  if (options.locale) await core.invoke('preferences.update', { language: options.locale });
  if (options.demo) {
    const status = await core.invoke('app.status');
    if (status.ok && (status.value as { needsFirstStartChoice: boolean }).needsFirstStartChoice) {
      await core.invoke('app.chooseFirstStart', 'demo');
    }
  }

  const context = await (
    await sharedBrowser()
  ).newContext({
    locale: options.locale === 'en' ? 'en-GB' : 'de-DE',
    timezoneId: 'Europe/Berlin',
    viewport: { width: 1280, height: 820 },
  });
  const page = await context.newPage();

  // The same check as the Electron IPC guard: only our top frame may call the core.
  await page.exposeBinding('__portalInvoke', (source, channel: unknown, payload: unknown) =>
    source.frame === source.page.mainFrame()
      ? core.invoke(channel, payload)
      : { ok: false, error: { code: 'FORBIDDEN_SENDER', params: {} } },
  );
  await page.addInitScript(WINDOW_API_SHIM);
  const stopEvents = core.events.onAny((event, payload) => {
    page
      .evaluate(`window.__portalEmit(${JSON.stringify(event)}, ${JSON.stringify(payload)})`)
      .catch(() => undefined); // the page may be navigating or closed
  });

  await page.route('http://app.test/**', async (route) => {
    const file = rendererFile(rendererDir, new URL(route.request().url()).pathname);
    if (!file || !fs.existsSync(file)) return route.fulfill({ status: 404, body: 'Not found' });
    return route.fulfill({ status: 200, body: fs.readFileSync(file), headers: rendererHeaders(file) });
  });
  await page.goto(APP_URL);

  return {
    page,
    dataDir,
    async invoke(channel, payload) {
      return core.invoke(channel, payload);
    },
    async close() {
      stopEvents();
      await context.close();
      core.close();
    },
  };
}
