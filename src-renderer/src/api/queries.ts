/**
 * The one server-data layer: TanStack Query keyed by `[channel, payload]`. A query's error is the
 * core's AppError (shown translated); a mutation answers the core's Result as it is, so that forms
 * can place a refusal at its field. Whatever changed — here or elsewhere — refetches what is on screen.
 */
import {
  QueryClient,
  skipToken,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
  keepPreviousData,
  type QueryKey,
} from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ImportProgress } from '../../../shared/contract/imports';
import type { AppError, Result } from '../../../shared/errors';
import {
  eventNames,
  type Channel,
  type EventName,
  type EventPayloads,
  type Request,
  type Response,
} from '../../../shared/ipc';
import { invoke, onEvent } from './client';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: AppError;
  }
}

export const queryClient = new QueryClient({
  defaultOptions: {
    // The core is local and its refusals are final; refetches come from changes, not from focus.
    queries: { retry: false, refetchOnWindowFocus: false },
  },
});

export function channelKey<C extends Channel>(channel: C, payload?: Request<C>): QueryKey {
  return payload === undefined ? [channel] : [channel, payload];
}

/** The value of the core's answer; a refusal becomes the query's error. */
export async function fetchChannel<C extends Channel>(
  channel: C,
  payload?: Request<C>,
): Promise<Response<C>> {
  const result = await invoke(channel, payload);
  if (!result.ok) throw result.error;
  return result.value;
}

/** What a query of `channel` for `payload` is: its key and how it is fetched. */
export function channelQuery<C extends Channel>(channel: C, payload: Request<C>) {
  return { queryKey: channelKey(channel, payload), queryFn: () => fetchChannel(channel, payload) };
}

interface ChannelQueryOptions {
  /** The last answer stays on screen while another page, search or filter loads (no flicker). */
  keepPrevious?: boolean;
}

/** `payload` skipToken: nothing to ask yet (e.g. no property chosen). */
export function useChannelQuery<C extends Channel>(
  channel: C,
  payload: Request<C> | typeof skipToken,
  { keepPrevious = false }: ChannelQueryOptions = {},
) {
  return useQuery<Response<C>, AppError, Response<C>, QueryKey>({
    queryKey: channelKey(channel, payload === skipToken ? undefined : payload),
    queryFn: payload === skipToken ? skipToken : () => fetchChannel(channel, payload),
    placeholderData: keepPrevious ? keepPreviousData : undefined,
  });
}

/**
 * A change through a channel. `mutateAsync` answers the core's Result. A success refetches every
 * query: those on screen now (showing their data until the new answer is there), the others when next
 * shown. It is not awaited: the change is done. `refetch: false` for a change after which the window
 * starts afresh or the app quits (the start-up fault screen): there is nothing to refetch.
 */
export function useChannelMutation<C extends Channel>(channel: C, { refetch = true } = {}) {
  const client = useQueryClient();
  return useMutation<Result<Response<C>>, AppError, Request<C>>({
    mutationFn: (payload) => invoke(channel, payload),
    onSuccess: (result) => {
      if (result.ok && refetch) void client.invalidateQueries();
    },
  });
}

/**
 * An answer asked for on demand, not shown by a query: a confirmation's impact, a file to save. It
 * is not kept (`gcTime: 0`): a file can be megabytes.
 */
export function useChannelFetch<C extends Channel>(
  channel: C,
): (payload: Request<C>) => Promise<Result<Response<C>>> {
  const client = useQueryClient();
  return async (payload) => {
    try {
      const value = await client.fetchQuery({ ...channelQuery(channel, payload), gcTime: 0 });
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: error as AppError };
    }
  };
}

/**
 * Changes committed elsewhere (another desktop, the outbox sender, a restore) arrive as core
 * events. A change made here is refetched by its mutation already: its events are not asked twice.
 */
export function listenToCoreEvents(): () => void {
  // Progress of long work (letters, an import) changes no data.
  const changes = eventNames.filter((event) => !event.endsWith('.progress'));
  const stops = changes.map((event) =>
    onEvent(event, () => {
      if (queryClient.isMutating() === 0) void queryClient.invalidateQueries();
    }),
  );
  return () => stops.forEach((stop) => stop());
}

/** The latest `imports.progress` of the core while `active`; null before the first and when not. */
export function useImportProgress(active: boolean): ImportProgress | null {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  useEffect(() => {
    if (!active) return;
    const stop = onEvent('imports.progress', (payload) => setProgress(payload as ImportProgress));
    return () => {
      stop();
      setProgress(null);
    };
  }, [active]);
  return active ? progress : null;
}

/** One query per payload, e.g. the pages of a virtualized list that are on screen. */
export function useChannelQueries<C extends Channel>(channel: C, payloads: readonly Request<C>[]) {
  return useQueries({
    queries: payloads.map((payload) => channelQuery(channel, payload)),
  });
}

/** The latest payload of a core event while `active` (the progress of a running request); else null. */
export function useCoreEvent<E extends EventName>(event: E, active: boolean): EventPayloads[E] | null {
  const [last, setLast] = useState<EventPayloads[E] | null>(null);
  useEffect(() => {
    if (!active) return;
    const stop = onEvent(event, (payload) => setLast(payload as EventPayloads[E]));
    return () => {
      stop();
      setLast(null);
    };
  }, [event, active]);
  return active ? last : null;
}
