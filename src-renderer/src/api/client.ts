/**
 * The renderer's typed client: `api.settings.getAccess()` calls channel `settings.getAccess`
 * through `window.api.invoke`. Types come from the contract; nothing here knows about Electron.
 */
import type { Result } from '../../../shared/errors';
import type { Channel, EventName, Request, Response, WindowApi } from '../../../shared/ipc';

declare global {
  interface Window {
    api: WindowApi;
  }
}

type AreaOf<C extends string> = C extends `${infer Area}.${string}` ? Area : never;
type VerbOf<C extends string, Area extends string> = C extends `${Area}.${infer Verb}` ? Verb : never;

type Call<C extends Channel> =
  undefined extends Request<C>
    ? (payload?: Request<C>) => Promise<Result<Response<C>>>
    : (payload: Request<C>) => Promise<Result<Response<C>>>;

export type Api = {
  [Area in AreaOf<Channel>]: {
    [Verb in VerbOf<Channel, Area>]: `${Area}.${Verb}` extends Channel ? Call<`${Area}.${Verb}`> : never;
  };
};

export const api = new Proxy({} as Api, {
  get: (_target, area: string) =>
    new Proxy(
      {},
      {
        get: (_inner, verb: string) => (payload?: unknown) => window.api.invoke(`${area}.${verb}`, payload),
      },
    ),
});

/** Core events (`core.events` → main → preload → here), e.g. `portfolio.changed`. */
export function onEvent(event: EventName, listener: (payload: unknown) => void): () => void {
  return window.api.on(event, listener);
}
