/**
 * Runs the built renderer in Chromium with the real core attached, the way the Electron main
 * process attaches it (ARCHITECTURE.md §4): same `window.api` shape, same `core.invoke`, same CSP.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { buildSync } from 'esbuild';
import type { AppError } from '../../shared/errors';
import type { Channel, Response } from '../../shared/ipc';
import { pinnedClock, systemClock } from '../../src-main/core/clock';
import { filePreferenceStore } from '../../src-main/core/preferences';
import { startApp } from '../../src-main/core/startup/host';
import { rendererFile, rendererHeaders } from '../../src-main/electron/rendererFiles';
import { chromiumArgs, chromiumExecutable } from '../../scripts/chromium';
import { ok, refused, type PayloadOf } from '../invoke';

export const APP_URL = 'http://app.test/';
/** RENDERER_DIR lets parallel work build into its own folder; CI uses the default build output. */
const rendererDir = path.resolve(
  process.env.RENDERER_DIR ?? path.join(import.meta.dirname, '../../out/renderer'),
);

export interface LaunchOptions {
  today?: string;
  locale?: 'de' | 'en';
  dataDir?: string;
  demo?: boolean;
  /** What the folder dialog of "open another data dir" answers on the start-up fault screen (null: cancel). */
  chooseDataDir?: string | null;
}

/** What the start-up fault screen asked of the shell (Electron: folder dialog, remembered folder, quit). */
export interface RecordedShell {
  folderDialogs: number;
  /** The files the save dialog answered for exports (each a new file in a folder of its own). */
  savedFiles: string[];
  dataDirsUsed: string[];
  quitRequested: boolean;
}

export interface LaunchedApp {
  page: Page;
  /** Calls the core directly (not through the page): a request that must succeed; its value. */
  invoke<C extends Channel>(channel: C, ...payload: PayloadOf<C>): Promise<Response<C>>;
  /** Calls the core directly: a request that must be refused; its error. */
  refused<C extends Channel>(channel: C, ...payload: PayloadOf<C>): Promise<AppError>;
  dataDir: string;
  shell: RecordedShell;
  close(): Promise<void>;
}

/** The typed call of the core that specs and steps pass around. */
export type Invoke = LaunchedApp['invoke'];

/**
 * The browser side: `window.api` from the preload's own module (src-main/electron/windowApi.ts),
 * bundled for the page, over the `__portalInvoke` binding and `__portalEmit` events instead of
 * ipcRenderer. Built once per test worker.
 */
let windowApiBundle: string | null = null;

function windowApiScript(): string {
  windowApiBundle ??= buildSync({
    stdin: {
      contents: `
      import { createWindowApi } from './windowApi';
      const listeners = new Map();
      window.__portalEmit = (event, payload) => listeners.get(event)?.forEach((listener) => listener(payload));
      window.api = createWindowApi({
        invoke: (channel, payload) => window.__portalInvoke(channel, payload),
        subscribe(event, listener) {
          const set = listeners.get(event) ?? new Set();
          set.add(listener);
          listeners.set(event, set);
          return () => set.delete(listener);
        },
      });`,
      resolveDir: path.join(import.meta.dirname, '../../src-main/electron'),
      loader: 'js',
    },
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    minify: true,
  }).outputFiles[0]!.text;
  return windowApiBundle;
}

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
  // The same start-up path as the Electron shell: a data dir that cannot be opened shows the fault screen.
  const shell: RecordedShell = { folderDialogs: 0, savedFiles: [], dataDirsUsed: [], quitRequested: false };
  const exportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-ui-export-'));
  // Outside the data dir, as Electron keeps them in userData (one profile per data dir, so that a
  // relaunch on it finds them): set even when that data dir is missing or broken.
  const profile = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16);
  const preferences = filePreferenceStore(
    path.join(os.tmpdir(), `portal-ui-profile-${profile}`, 'preferences.json'),
  );
  if (options.locale) preferences.write({ language: options.locale });
  const host = startApp({
    options: () => ({
      dataDir: shell.dataDirsUsed.at(-1) ?? dataDir,
      dataDirChosen: options.dataDir !== undefined || shell.dataDirsUsed.length > 0,
      clock: options.today ? pinnedClock(options.today) : systemClock,
      actor: 'ui-test',
      preferences,
      // The system's save dialog: "the user chose" the suggested name in a folder of this run.
      saveDialog: {
        choose: ({ suggestedName }) => {
          const file = path.join(exportDir, `${shell.savedFiles.length + 1}-${suggestedName}`);
          shell.savedFiles.push(file);
          return Promise.resolve(file);
        },
      },
    }),
    chooseDataDir: () => {
      shell.folderDialogs += 1;
      return Promise.resolve(options.chooseDataDir ?? null);
    },
    useDataDir: (chosen) => shell.dataDirsUsed.push(chosen),
    quit: () => {
      shell.quitRequested = true;
    },
  });
  const core = host.core;
  if (host.ready && options.demo && (await ok(core, 'app.status')).needsFirstStartChoice) {
    await ok(core, 'app.chooseFirstStart', 'demo');
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
  await page.addInitScript(windowApiScript());
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
    shell,
    invoke: (channel, ...payload) => ok(core, channel, ...payload),
    refused: (channel, ...payload) => refused(core, channel, ...payload),
    async close() {
      stopEvents();
      await context.close();
      core.close();
    },
  };
}
