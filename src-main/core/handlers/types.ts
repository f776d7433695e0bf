import type { z } from 'zod';
import type { Contract } from '../../../shared/ipc';

/** A contract entry: the request schema and (as a type only) the response. */
interface ChannelDefinition {
  request: z.ZodType;
  response: unknown;
}

/** Answers one channel: the validated payload in, the response (or its promise) out. */
export type Handler<D extends ChannelDefinition> = (
  payload: z.output<D['request']>,
) => D['response'] | Promise<D['response']>;

/** The handlers of one contract area, e.g. `HandlersOf<typeof portfolioChannels>`. */
export type HandlersOf<Channels extends Record<string, ChannelDefinition>> = {
  [C in keyof Channels]: Handler<Channels[C]>;
};

/** One handler per contract channel. */
export type Handlers = HandlersOf<Contract>;
