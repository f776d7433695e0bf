/**
 * Electron main process: the thin shell around the core. It only wires the window, the
 * app:// protocol, security guards, preferences and IPC; every decision lives in src-main/core.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, ipcMain, session } from 'electron';
import { createCore, type Core } from '../core/core';
import { pinnedClock, systemClock } from '../core/clock';
import { LaunchArgumentError, parseLaunchArgs, type LaunchOptions } from './args';
import { forwardEvents, registerIpcHandlers } from './ipc';
import { createPreferences } from './preferences';
import { safeStorageSecretStore } from './secrets';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { denyPermissions } from './security';
import { createMainWindow } from './window';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '../renderer');
const preloadPath = path.join(here, '../preload/index.cjs');

/** Our switches, or null after saying what is wrong with them (the app then exits with 2). */
function launchOptions(): LaunchOptions | null {
  try {
    return parseLaunchArgs(process.argv.slice(1));
  } catch (error) {
    if (!(error instanceof LaunchArgumentError)) throw error;
    console.error(`Portal Access Admin: ${error.message}`);
    app.exit(2);
    return null;
  }
}

function dataDirFor(options: LaunchOptions): string {
  if (options.dataDir) return path.resolve(options.dataDir);
  if (options.demo) return fs.mkdtempSync(path.join(os.tmpdir(), 'portal-access-admin-demo-'));
  return path.join(app.getPath('userData'), 'data');
}

async function start(): Promise<void> {
  const options = launchOptions();
  if (!options) return;
  registerAppScheme();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();

  const preferences = createPreferences();
  const dataDir = dataDirFor(options);
  let core: Core;
  try {
    core = createCore({
      dataDir,
      clock: options.today ? pinnedClock(options.today) : systemClock,
      actor: os.userInfo().username,
      preferences: preferences.forCore,
      secrets: safeStorageSecretStore(app.getPath('userData')),
    });
  } catch (error) {
    dialog.showErrorBox(
      'Portal Access Admin',
      `The data store in ${dataDir} could not be opened.\n\n${String(error)}`,
    );
    app.exit(1);
    return;
  }
  if (options.demo) await core.invoke('app.chooseFirstStart', 'demo');

  denyPermissions(session.defaultSession);
  handleAppProtocol(rendererDir);
  registerIpcHandlers(ipcMain, core);

  const window = createMainWindow(preloadPath, preferences.windowBounds(), preferences.saveWindowBounds);
  const stopForwarding = forwardEvents(core, (event, payload) => {
    if (!window.isDestroyed()) window.webContents.send(event, payload);
  });
  app.on('second-instance', () => window.focus());
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    stopForwarding();
    core.close();
  });
}

void start();
