/**
 * A contact's access over time under one settings (the maintained access figures, db/accessFigures.ts):
 * the days from which it is active, pre, post or none, as half-open spans [from, until). Pure: the
 * grant on each day is `contactAccess`'s, so the figures kept from these spans equal a recount.
 */
import type { AccessSettings, ContactFacts, ContractFacts, IsoDate } from '../../../shared/domain';
import { addDays, daysBetween } from '../../../shared/dates';
import { contactAccess } from './access';

/** What a span counts: every non-archived contact (`all`), its grant, or a portal seat it holds. */
export type SpanKind = 'all' | 'active' | 'pre' | 'post' | 'seat';
export const SPAN_KINDS: readonly SpanKind[] = ['all', 'active', 'pre', 'post', 'seat'];

/** Days from `from` (inclusive) to `until` (exclusive; null = open-ended). */
export interface AccessSpan {
  kind: SpanKind;
  from: IsoDate;
  until: IsoDate | null;
}

/** Before every contract date: where the span of "every non-archived contact" starts. */
export const BEGINNING: IsoDate = '0000-01-01';

/** The days on which some contract's grant changes: each contract's is constant between them. */
function breakpoints(contracts: readonly ContractFacts[], settings: AccessSettings): IsoDate[] {
  const days = new Set<IsoDate>();
  for (const c of contracts) {
    days.add(c.start);
    if (settings.preContract.enabled) days.add(addDays(c.start, -settings.preContract.days));
    if (c.end !== null) {
      days.add(addDays(c.end, 1));
      if (settings.postContract.enabled) days.add(addDays(c.end, settings.postContract.days + 1));
    }
  }
  return [...days].sort();
}

/**
 * The spans of one contact (its own contracts only): none for an archived contact; else one `all`
 * span from the beginning, its grant's spans (the grant is none before the first breakpoint), and
 * — when registered — its seat spans (any grant but none, adjacent grants merged).
 */
export function accessSpans(
  contact: ContactFacts,
  contracts: readonly ContractFacts[],
  settings: AccessSettings,
): AccessSpan[] {
  if (contact.archived) return [];
  const spans: AccessSpan[] = [{ kind: 'all', from: BEGINNING, until: null }];
  const days = breakpoints(contracts, settings);
  let open: AccessSpan | null = null;
  let seat: AccessSpan | null = null;
  for (const day of days) {
    const grant = contactAccess(contact, contracts, settings, day).grant;
    if (open !== null && open.kind !== grant) {
      open.until = day;
      open = null;
    }
    if (open === null && grant !== 'none') {
      open = { kind: grant, from: day, until: null };
      spans.push(open);
    }
    if (!contact.registered) continue;
    if (seat !== null && grant === 'none') {
      seat.until = day;
      seat = null;
    } else if (seat === null && grant !== 'none') {
      seat = { kind: 'seat', from: day, until: null };
      spans.push(seat);
    }
  }
  return spans;
}

/** Whether `day` lies in `span`. */
export function spanCovers(span: AccessSpan, day: IsoDate): boolean {
  return span.from <= day && (span.until === null || day < span.until);
}

/**
 * Adds `sign` to `series[i]` for every day `from + i` of the series covered by `span` (a per-day
 * count over `length` days from `from`), by a difference array: `series` has length + 1 slots.
 */
export function addSpanToSeries(series: number[], span: AccessSpan, from: IsoDate, sign: 1 | -1): void {
  const length = series.length - 1;
  const start = span.from <= from ? 0 : Math.min(length, daysBetween(from, span.from));
  const end = span.until === null ? length : Math.max(0, Math.min(length, daysBetween(from, span.until)));
  if (start >= end) return;
  series[start] = (series[start] ?? 0) + sign;
  series[end] = (series[end] ?? 0) - sign;
}
