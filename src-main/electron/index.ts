/**
 * Electron main process: the thin shell around the core. It only wires the window, the
 * app:// protocol, security guards, preferences and IPC; every decision lives in src-main/core.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, ipcMain, session } from 'electron';
import { startApp } from '../core/startup/host';
import { LaunchArgumentError, parseLaunchArgs, type LaunchOptions } from './args';
import { forwardEvents, registerIpcHandlers } from './ipc';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { denyPermissions } from './security';
import { electronShell } from './startupShell';
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

async function start(): Promise<void> {
  const options = launchOptions();
  if (!options) return;
  registerAppScheme();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();

  // A data store or preferences file that cannot be opened gives the start-up fault screen (same
  // window, same IPC), never a crash or a silent reset; see core/startup.
  const shell = electronShell(options, app.getPath('userData'));
  const host = startApp(shell);
  const core = host.core;
  if (options.demo && host.ready) await core.invoke('app.chooseFirstStart', 'demo');

  denyPermissions(session.defaultSession);
  handleAppProtocol(rendererDir);
  registerIpcHandlers(ipcMain, core);

  const window = createMainWindow(preloadPath, shell.preferences()?.windowBounds(), (bounds) =>
    shell.preferences()?.saveWindowBounds(bounds),
  );
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
