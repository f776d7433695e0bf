import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channels } from '../../shared/ipc';
import type { Result } from '../../shared/errors';
import type { Core } from '../core/core';
import { isTrustedUrl } from './trustedOrigin';

/** What the check reads of the sending frame (Electron's WebFrameMain). */
type SenderFrame = { url: string; parent: object | null } | null | undefined;

/**
 * Why a sender may not call the core, or null when it may: only the top frame of our own renderer
 * may (VS Code and Element do the same).
 */
export function senderRefusal(frame: SenderFrame): string | null {
  if (!frame) return 'no sender frame (destroyed)';
  if (frame.parent !== null) return 'a sub-frame';
  if (!isTrustedUrl(frame.url)) return 'an untrusted origin';
  return null;
}

/** The origin of a frame's URL: enough to tell where a refused request came from, no path or query. */
function originOf(frame: SenderFrame): string {
  try {
    return frame ? new URL(frame.url).origin : 'none';
  } catch {
    return 'an unparsable URL';
  }
}

const forbidden: Result<never> = { ok: false, error: { code: 'FORBIDDEN_SENDER', params: {} } };

/**
 * One `ipcMain.handle` per contract channel, nothing else. A refused sender is logged once per
 * reason (a misbehaving page would otherwise flood the log), never with its payload.
 */
export function registerIpcHandlers(ipcMain: IpcMain, core: Core): () => void {
  const loggedRefusals = new Set<string>();
  for (const channel of channels) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown) => {
      const refusal = senderRefusal(event.senderFrame);
      if (refusal === null) return core.invoke(channel, payload);
      if (!loggedRefusals.has(refusal)) {
        loggedRefusals.add(refusal);
        console.warn(`ipc: refused ${channel} from ${originOf(event.senderFrame)}: ${refusal}`);
      }
      return forbidden;
    });
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

/** Forwards core events to the renderer under the same names. */
export function forwardEvents(core: Core, send: (event: string, payload: unknown) => void): () => void {
  return core.events.onAny((event, payload) => send(event, payload));
}
