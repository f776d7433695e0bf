/**
 * The `window.api` the renderer sees, over a transport: ipcRenderer in the preload, Playwright's
 * exposed binding in the UI test harness (which bundles this file). Only the contract's channels
 * and events pass; nothing of the transport leaks into the page. No 'electron' import here.
 */
import type { Result } from '../../shared/errors';
import { isChannel, isEventName, type Channel, type EventName, type WindowApi } from '../../shared/ipc';

export interface WindowApiTransport {
  invoke(channel: Channel, payload: unknown): Promise<Result<unknown>>;
  /** Passes each payload of `event` to `listener` until the returned function is called. */
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

export function createWindowApi(transport: WindowApiTransport): WindowApi {
  return Object.freeze({
    invoke(channel: unknown, payload?: unknown): Promise<Result<unknown>> {
      if (!isChannel(channel)) {
        return Promise.resolve({
          ok: false,
          error: { code: 'UNKNOWN_CHANNEL', params: { channel: String(channel) } },
        });
      }
      return transport.invoke(channel, payload);
    },
    on(event: unknown, listener: (payload: unknown) => void): () => void {
      return isEventName(event) ? transport.subscribe(event, listener) : () => undefined;
    },
  });
}
