/**
 * The renderer's typed client: `invoke('settings.getAccess')` calls channel `settings.getAccess`
 * through `window.api.invoke`. Types come from the contract; nothing here knows about Electron.
 * Components do not call it: they read through the query hooks in ./queries.
 */
import type { Result } from '../../../shared/errors';
import type { Channel, EventName, Request, Response, WindowApi } from '../../../shared/ipc';

declare global {
  interface Window {
    api: WindowApi;
  }
}

export function invoke<C extends Channel>(channel: C, payload?: Request<C>): Promise<Result<Response<C>>> {
  return window.api.invoke(channel, payload) as Promise<Result<Response<C>>>;
}

/** Core events (`core.events` → main → preload → here), e.g. `portfolio.changed`. */
export function onEvent(event: EventName, listener: (payload: unknown) => void): () => void {
  return window.api.on(event, listener);
}
