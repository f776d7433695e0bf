/** The thin Electron shell, against a fake 'electron' module (no Electron binary needed). */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { channels } from '../../../shared/ipc';

type Handler = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const state = {
    handled: new Map<string, Handler>(),
    exposed: new Map<string, unknown>(),
    windows: [] as { options: Record<string, unknown>; contents: FakeContents; url?: string }[],
    invoked: [] as [string, unknown][],
  };
  class FakeContents {
    listeners = new Map<string, Handler>();
    openHandler: Handler | null = null;
    on(event: string, listener: Handler) {
      this.listeners.set(event, listener);
      return this;
    }
    setWindowOpenHandler(handler: Handler) {
      this.openHandler = handler;
    }
  }
  class BrowserWindow {
    webContents = new FakeContents();
    constructor(readonly options: Record<string, unknown>) {
      state.windows.push({ options, contents: this.webContents });
    }
    once() {}
    on() {}
    getBounds() {
      return { x: 0, y: 0, width: 1280, height: 820 };
    }
    loadURL(url: string) {
      state.windows.at(-1)!.url = url;
      return Promise.resolve();
    }
  }
  const electron = {
    BrowserWindow,
    ipcMain: {
      handle: (channel: string, handler: Handler) => state.handled.set(channel, handler),
      removeHandler: (channel: string) => state.handled.delete(channel),
    },
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => state.exposed.set(key, api) },
    ipcRenderer: {
      invoke: (channel: string, payload: unknown) => {
        state.invoked.push([channel, payload]);
        return Promise.resolve({ ok: true, value: null });
      },
      on: vi.fn(),
      removeListener: vi.fn(),
    },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  };
  return { state, electron, FakeContents };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

const { createMainWindow, mainWindowOptions } = await import('../../../src-main/electron/window');
const { registerIpcHandlers, senderRefusal } = await import('../../../src-main/electron/ipc');

function fakeCore() {
  const calls: [unknown, unknown][] = [];
  return {
    calls,
    core: {
      invoke: (channel: unknown, payload: unknown) => {
        calls.push([channel, payload]);
        return Promise.resolve({ ok: true as const, value: 'from core' });
      },
      events: { on: () => () => undefined, onAny: () => () => undefined },
      close: () => undefined,
    },
  };
}

beforeEach(() => {
  fake.state.handled.clear();
  fake.state.exposed.clear();
  fake.state.windows.length = 0;
  fake.state.invoked.length = 0;
});

describe('main window', () => {
  it('is sandboxed and isolated, without Node in the renderer', () => {
    const prefs = mainWindowOptions('/app/preload.cjs').webPreferences!;
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      preload: '/app/preload.cjs',
    });
  });

  it('loads the renderer from app://portal', () => {
    createMainWindow('/app/preload.cjs', undefined, () => undefined);
    expect(fake.state.windows[0]!.url).toBe('app://portal/index.html');
  });

  it('denies navigation away from app://portal and every new window', () => {
    createMainWindow('/app/preload.cjs', undefined, () => undefined);
    const contents = fake.state.windows[0]!.contents;
    const navigate = contents.listeners.get('will-navigate')!;
    for (const [url, blocked] of [
      ['https://evil.example/', true],
      ['file:///etc/passwd', true],
      ['app://other/index.html', true],
      ['app://portal/index.html', false],
    ] as const) {
      const event = { preventDefault: vi.fn() };
      navigate(event, url);
      expect(event.preventDefault, url).toHaveBeenCalledTimes(blocked ? 1 : 0);
    }
    expect(contents.openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    const attach = { preventDefault: vi.fn() };
    contents.listeners.get('will-attach-webview')!(attach);
    expect(attach.preventDefault).toHaveBeenCalled();
  });

  it('restores saved bounds', () => {
    expect(mainWindowOptions('/p', { x: 10, y: 20, width: 1000, height: 700 })).toMatchObject({
      x: 10,
      y: 20,
      width: 1000,
      height: 700,
    });
  });
});

describe('IPC handlers', () => {
  const topFrame = { url: 'app://portal/index.html', parent: null };

  it('registers exactly the contract channels', () => {
    registerIpcHandlers(fake.electron.ipcMain as never, fakeCore().core as never);
    expect([...fake.state.handled.keys()].sort()).toEqual([...channels].sort());
  });

  it('passes requests of the app://portal top frame to the core', async () => {
    const { core, calls } = fakeCore();
    registerIpcHandlers(fake.electron.ipcMain as never, core as never);
    const result = await fake.state.handled.get('settings.getAccess')!({ senderFrame: topFrame }, undefined);
    expect(result).toEqual({ ok: true, value: 'from core' });
    expect(calls).toEqual([['settings.getAccess', undefined]]);
  });

  it.each([
    ['a foreign origin', { url: 'https://evil.example/', parent: null }],
    ['a file URL', { url: 'file:///tmp/index.html', parent: null }],
    ['a sub-frame of our page', { url: 'app://portal/index.html', parent: topFrame }],
    ['no frame (destroyed)', null],
  ])('refuses %s with FORBIDDEN_SENDER without reaching the core', async (_name, senderFrame) => {
    const { core, calls } = fakeCore();
    registerIpcHandlers(fake.electron.ipcMain as never, core as never);
    const result = await fake.state.handled.get('settings.updateAccess')!({ senderFrame }, {});
    expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN_SENDER', params: {} } });
    expect(calls).toEqual([]);
    expect(senderRefusal(senderFrame)).not.toBeNull();
  });

  it('logs a refused sender with the channel and origin, once per reason, never the payload', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    registerIpcHandlers(fake.electron.ipcMain as never, fakeCore().core as never);
    const foreign = { senderFrame: { url: 'https://evil.example/page?token=1', parent: null } };
    await fake.state.handled.get('settings.updateAccess')!(foreign, { secret: 'Geheimnis-4711' });
    await fake.state.handled.get('contacts.list')!(foreign, {});
    await fake.state.handled.get('contacts.list')!({ senderFrame: null }, {});
    expect(warn.mock.calls).toEqual([
      ['ipc: refused settings.updateAccess from https://evil.example: an untrusted origin'],
      ['ipc: refused contacts.list from none: no sender frame (destroyed)'],
    ]);
    warn.mockRestore();
  });
});

describe('preload', () => {
  it('exposes only invoke and on, limited to contract names', async () => {
    await import('../../../src-main/electron/preload');
    const api = fake.state.exposed.get('api') as {
      invoke(channel: string, payload?: unknown): Promise<unknown>;
      on(event: string, listener: () => void): () => void;
    };
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    await api.invoke('settings.getAccess');
    expect(fake.state.invoked).toEqual([['settings.getAccess', undefined]]);
    expect(await api.invoke('fs.readFile', '/etc/passwd')).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
    expect(fake.state.invoked).toHaveLength(1);
    api.on('ipc-message-sync', () => undefined);
    expect(fake.electron.ipcRenderer.on).not.toHaveBeenCalled();
    api.on('settings.changed', () => undefined);
    expect(fake.electron.ipcRenderer.on).toHaveBeenCalledWith('settings.changed', expect.any(Function));
  });
});
