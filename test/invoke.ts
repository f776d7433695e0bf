/**
 * Calls of the core typed from the contract (shared/ipc.ts), for the unit tests and the UI harness:
 * the channel gives the payload's type and the answer's. Tests that send hostile or invalid payloads
 * on purpose call `core.invoke` itself, which takes anything.
 */
import type { AppError, Result } from '../shared/errors';
import type { Channel, Request, Response } from '../shared/ipc';

export interface Invokable {
  invoke(channel: unknown, payload?: unknown): Promise<Result<unknown>>;
}

/** The payload argument of a channel: optional where the contract takes none. */
export type PayloadOf<C extends Channel> =
  undefined extends Request<C> ? [payload?: Request<C>] : [payload: Request<C>];

/** Invokes a request that must succeed; its value. */
export async function ok<C extends Channel>(
  core: Invokable,
  channel: C,
  ...[payload]: PayloadOf<C>
): Promise<Response<C>> {
  const result = await core.invoke(channel, payload);
  if (!result.ok) throw new Error(`${channel}: expected ok, got ${JSON.stringify(result.error)}`);
  return result.value as Response<C>;
}

/** Invokes a request that must be refused; its error (code and params). */
export async function refused<C extends Channel>(
  core: Invokable,
  channel: C,
  ...[payload]: PayloadOf<C>
): Promise<AppError> {
  const result = await core.invoke(channel, payload);
  if (result.ok) throw new Error(`${channel}: expected a refusal, got ${JSON.stringify(result.value)}`);
  return result.error;
}

/** A payload the contract does not allow, sent on purpose to see it refused: the typed calls take it. */
export function invalidPayload(payload: unknown): never {
  return payload as never;
}
