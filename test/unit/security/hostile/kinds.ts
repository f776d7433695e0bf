/** What a payload's field is (its kind), and a channel's valid samples described field by field. */
import type { Channel, Request } from '../../../../shared/ipc';

export interface Common {
  /** null is a valid value. */
  nullable?: boolean;
  /** The field may be left out (it has a default or is optional). */
  optional?: boolean;
  /** Values the schema accepts but the service must refuse (e.g. end before start). */
  domain?: unknown[];
}

export type Kind = Common &
  (
    | { t: 'none' } // z.undefined(): the channel takes no payload
    | { t: 'id' }
    | { t: 'int'; min: number; max?: number }
    | { t: 'bool' }
    | { t: 'enum'; values: readonly string[] }
    | { t: 'date' }
    /** YYYY-MM-DDTHH:mm; the calendar and clock are checked by the service. */
    | { t: 'dateTime' }
    /** `required`: blank is refused (requiredText); otherwise any string up to `max`. */
    | { t: 'text'; max: number; required?: boolean }
    | { t: 'email'; required?: boolean }
    | { t: 'postcode' }
    | { t: 'url'; max: number }
    | { t: 'ids'; min?: number; max: number }
    /** An array of objects; its elements' fields are listed as `path.0.field`. */
    | { t: 'list'; min: number; max: number }
    /** A document's bytes; `keepOnEmpty`: '' means "keep the stored file" (update). */
    | { t: 'base64'; maxChars: number; keepOnEmpty?: boolean }
  );

export const k = {
  none: (): Kind => ({ t: 'none' }),
  id: (o: Common = {}): Kind => ({ t: 'id', ...o }),
  int: (min: number, max?: number, o: Common = {}): Kind => ({ t: 'int', min, max, ...o }),
  bool: (o: Common = {}): Kind => ({ t: 'bool', ...o }),
  enum: (values: readonly string[], o: Common = {}): Kind => ({ t: 'enum', values, ...o }),
  date: (o: Common = {}): Kind => ({ t: 'date', ...o }),
  dateTime: (o: Common = {}): Kind => ({ t: 'dateTime', ...o }),
  /** optionalText(max): any string up to max, or null. */
  optText: (max: number, o: Common = {}): Kind => ({ t: 'text', max, nullable: true, ...o }),
  /** requiredText(max): not blank, up to max. */
  reqText: (max: number, o: Common = {}): Kind => ({ t: 'text', max, required: true, ...o }),
  email: (o: Common & { required?: boolean } = {}): Kind => ({ t: 'email', nullable: !o.required, ...o }),
  postcode: (): Kind => ({ t: 'postcode' }),
  url: (max: number): Kind => ({ t: 'url', max }),
  ids: (max: number, o: Common & { min?: number } = {}): Kind => ({ t: 'ids', max, ...o }),
  list: (min: number, max: number): Kind => ({ t: 'list', min, max }),
  base64: (maxChars: number, o: Common & { keepOnEmpty?: boolean } = {}): Kind => ({
    t: 'base64',
    maxChars,
    ...o,
  }),
};

export interface Sample<P> {
  payload: P;
  /** Every leaf of the payload by its path ('' = the payload itself, 'addresses.0.city'). */
  fields: Record<string, Kind>;
}

/** One line per channel, checked by the compiler: a new channel needs its valid samples here. */
export type SampleTable = { [C in Channel]: Sample<Request<C>>[] };

/** The samples of some channels: each contract area's module fills its own. */
export type SamplesOf<C extends Channel> = { [K in C]: Sample<Request<K>>[] };

/** The one sample of a channel without payload. */
export const none = [{ payload: undefined, fields: { '': k.none() } }];

/** The offset and limit of a paged query. */
export const page = (max?: number) => ({
  offset: k.int(0, max, { optional: true }),
  limit: k.int(1, 200, { optional: true }),
});
