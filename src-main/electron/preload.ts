/**
 * The whole bridge between renderer and main: `window.api.invoke` and `window.api.on`, each
 * limited to the names of the contract. Nothing of Node or Electron leaks into the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isChannel, isEventName, type WindowApi } from '../../shared/ipc';

const api: WindowApi = {
  invoke(channel, payload) {
    if (!isChannel(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL', params: { channel: String(channel) } },
      });
    }
    return ipcRenderer.invoke(channel, payload);
  },
  on(event, listener) {
    if (!isEventName(event)) return () => undefined;
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, forward);
    return () => {
      ipcRenderer.removeListener(event, forward);
    };
  },
};

contextBridge.exposeInMainWorld('api', api);
