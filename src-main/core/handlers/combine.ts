import { channels, isChannel, type Channel } from '../../../shared/ipc';
import type { Handlers } from './types';

type HandlerGroup = { readonly [C in Channel]?: Handlers[C] };

/**
 * Merges the handler groups of the areas into one handler per contract channel. Refuses, when the
 * core is built and not at the first request, a channel answered twice, a channel the contract
 * does not have, and a contract channel nobody answers.
 */
export function combine(...groups: readonly HandlerGroup[]): Handlers {
  const combined: HandlerGroup = {};
  for (const group of groups) {
    for (const [channel, handler] of Object.entries(group)) {
      if (!isChannel(channel)) throw new Error(`combine: ${channel} is not a contract channel`);
      if (Object.hasOwn(combined, channel)) throw new Error(`combine: ${channel} is answered twice`);
      Object.assign(combined, { [channel]: handler });
    }
  }
  const missing = channels.filter((channel) => !Object.hasOwn(combined, channel));
  if (missing.length > 0) throw new Error(`combine: nobody answers ${missing.join(', ')}`);
  return combined as Handlers;
}
