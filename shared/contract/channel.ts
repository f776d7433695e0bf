import { z } from 'zod';
import { isContractDate, isIsoDate } from '../dates';

/** Declares a channel: `channel<ResponseType>()(requestSchema)`; the response exists only as a type. */
export function channel<Res>() {
  return <Req extends z.ZodType>(request: Req) => ({ request, response: undefined as unknown as Res });
}

export const noPayload = z.undefined();

/** Zod issues whose message is an error code surface as that code (see core/invoke). */
export const isoDateSchema = z.string({ error: 'INVALID_DATE' }).refine(isIsoDate, { error: 'INVALID_DATE' });

/** An integer from `min` to `max`; anything else is refused with the error code `code`. */
export function integerIn(min: number, max: number, code: string) {
  return z.number({ error: code }).int({ error: code }).min(min, { error: code }).max(max, { error: code });
}

/** A contract's start or end: a calendar date inside CONTRACT_DATES (errors.json names the range). */
export const contractDateSchema = isoDateSchema.refine(isContractDate, { error: 'DATE_OUT_OF_RANGE' });

export const idSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** A free-text field: trimmed, bounded, '' becomes null. */
export function optionalText(max: number) {
  return z
    .string()
    .max(max)
    .transform((value) => value.trim() || null)
    .nullable();
}

export function requiredText(max: number) {
  return z.string().trim().min(1, { error: 'REQUIRED' }).max(max);
}

/** An e-mail address, or null. Deliberately simple: one @, a dot in the domain, no spaces. */
export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .transform((value) => value || null)
  .pipe(z.email({ error: 'INVALID_EMAIL' }).nullable())
  .nullable();
