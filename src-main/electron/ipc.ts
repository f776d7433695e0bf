import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { channels } from '../../shared/ipc';
import type { Result } from '../../shared/errors';
import type { Core } from '../core/core';
import { isTrustedUrl } from './trustedOrigin';

/** Only the top frame of our own renderer may call the core (VS Code and Element do the same). */
export function isTrustedSender(frame: WebFrameMain | null | undefined): boolean {
  return !!frame && frame.parent === null && isTrustedUrl(frame.url);
}

const forbidden: Result<never> = { ok: false, error: { code: 'FORBIDDEN_SENDER', params: {} } };

/** One `ipcMain.handle` per contract channel, nothing else. */
export function registerIpcHandlers(ipcMain: IpcMain, core: Core): () => void {
  for (const channel of channels) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown) =>
      isTrustedSender(event.senderFrame) ? core.invoke(channel, payload) : forbidden,
    );
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

/** Forwards core events to the renderer under the same names. */
export function forwardEvents(core: Core, send: (event: string, payload: unknown) => void): () => void {
  return core.events.onAny((event, payload) => send(event, payload));
}
