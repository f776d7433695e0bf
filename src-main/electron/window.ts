import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { denyNavigation } from './security';
import { APP_ENTRY_URL } from './trustedOrigin';
import type { WindowBounds } from './preferences';

export function mainWindowOptions(
  preloadPath: string,
  bounds?: WindowBounds,
): BrowserWindowConstructorOptions {
  return {
    width: bounds?.width ?? 1280,
    height: bounds?.height ?? 820,
    ...(bounds?.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
    minWidth: 960,
    minHeight: 600,
    title: 'Portal Access Admin',
    show: false,
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

/** The one window: our renderer from app://portal, nothing else. */
export function createMainWindow(
  preloadPath: string,
  bounds: WindowBounds | undefined,
  onBoundsChanged: (bounds: WindowBounds) => void,
): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath, bounds));
  denyNavigation(window.webContents);
  window.once('ready-to-show', () => window.show());
  window.on('close', () => onBoundsChanged(window.getBounds()));
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
