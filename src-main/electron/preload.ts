/**
 * The whole bridge between renderer and main: `window.api` (windowApi.ts) over ipcRenderer.
 * Nothing of Node or Electron leaks into the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createWindowApi } from './windowApi';

const api = createWindowApi({
  invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
  subscribe(event, listener) {
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, forward);
    return () => {
      ipcRenderer.removeListener(event, forward);
    };
  },
});

contextBridge.exposeInMainWorld('api', api);
