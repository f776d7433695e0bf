import type { AccessSettings, ContactFacts, ContractFacts, Grant, IsoDate } from '../../../shared/domain';
import { addDays } from '../../../shared/dates';
import { accessSpans, SPAN_KINDS, type AccessSpan, type SpanKind } from '../policy/accessSpans';
import type { Db } from './connection';
import { toContractFacts, type ContractRow } from './contractRepository';

/**
 * The maintained access figures (migration 8): every contact's access spans under the current
 * settings, their +1/−1 events by kind and day, and per kind the count on a base day. The count
 * of a kind on any day d is the base plus the events between the base day and d — so the overview,
 * the seats and the list's chip counts read five rows and a short range instead of classifying
 * every contact, and stay right when the day turns (the base is advanced by the next settle).
 *
 * Kept in the same transaction as the data: triggers on contracts, contacts (insert, archive,
 * delete), portal_accounts and the access settings mark the contacts concerned in access_dirty;
 * `settle` recomputes their spans with the pure policy before the commit. ctx.change settles every
 * change (context.ts); createCore settles once at open, which covers writes made outside a change
 * (a restored backup, the benchmark's bulk load) and the first fill after the migration.
 */
export type AccessCounts = Record<SpanKind, number>;

/** Contacts per read of a full pass: bounded memory at a million contacts. */
const BATCH = 10_000;
/** access_dirty's mark for "every contact" (the settings changed, or the first fill). */
const ALL = -1;

interface SpanRow {
  kind: SpanKind;
  from_day: IsoDate;
  until_day: IsoDate | null;
}
interface FactsRow {
  id: number;
  archived: 0 | 1;
  registered: 0 | 1;
}

export function accessFigures(db: Db) {
  const dirtyIds = db.prepare<[], { contact_id: number }>('SELECT contact_id FROM access_dirty');
  const anyDirty = db.prepare<[], { one: number }>('SELECT 1 AS one FROM access_dirty LIMIT 1');
  const clearDirty = db.prepare('DELETE FROM access_dirty');
  const spansOf = db.prepare<[number], SpanRow>(
    'SELECT kind, from_day, until_day FROM access_spans WHERE contact_id = ?',
  );
  const dropSpans = db.prepare<[number]>('DELETE FROM access_spans WHERE contact_id = ?');
  const insertSpan = db.prepare<[number, SpanKind, IsoDate, IsoDate | null]>(
    'INSERT INTO access_spans (contact_id, kind, from_day, until_day) VALUES (?, ?, ?, ?)',
  );
  const factsOf = db.prepare<[number], FactsRow>(
    `SELECT c.id, c.archived, EXISTS (SELECT 1 FROM portal_accounts pa WHERE pa.contact_id = c.id) AS registered
     FROM contacts c WHERE c.id = ?`,
  );
  const factsBatch = db.prepare<[number, number], FactsRow>(
    `SELECT c.id, c.archived, EXISTS (SELECT 1 FROM portal_accounts pa WHERE pa.contact_id = c.id) AS registered
     FROM contacts c WHERE c.id > ? ORDER BY c.id LIMIT ?`,
  );
  const contractsOf = db.prepare<[number], ContractRow>('SELECT * FROM contracts WHERE contact_id = ?');
  const contractsBetween = db.prepare<[number, number], ContractRow>(
    'SELECT * FROM contracts WHERE contact_id >= ? AND contact_id <= ? ORDER BY contact_id',
  );
  const addDelta = db.prepare<[SpanKind, IsoDate, number]>(
    `INSERT INTO access_deltas (kind, day, delta) VALUES (?, ?, ?)
     ON CONFLICT (kind, day) DO UPDATE SET delta = delta + excluded.delta`,
  );
  const base = db.prepare<[], { kind: SpanKind; day: IsoDate; n: number }>(
    'SELECT kind, day, n FROM access_base',
  );
  const addToBase = db.prepare<[number, SpanKind]>('UPDATE access_base SET n = n + ? WHERE kind = ?');
  const moveBase = db.prepare<[number, IsoDate, SpanKind]>(
    'UPDATE access_base SET n = n + ?, day = ? WHERE kind = ?',
  );
  const sumBetween = db.prepare<[SpanKind, IsoDate, IsoDate], { s: number | null }>(
    'SELECT SUM(delta) AS s FROM access_deltas WHERE kind = ? AND day > ? AND day <= ?',
  );
  const eventsBetween = db.prepare<[SpanKind, IsoDate, IsoDate], { day: IsoDate; delta: number }>(
    'SELECT day, delta FROM access_deltas WHERE kind = ? AND day > ? AND day <= ? ORDER BY day',
  );
  const wipe = db.prepare('DELETE FROM access_spans');
  const wipeDeltas = db.prepare('DELETE FROM access_deltas');
  const resetBase = db.prepare("UPDATE access_base SET n = 0, day = '0000-01-01'");

  /** The events of a set of span changes, summed by kind and day before they are written. */
  function collect(events: Map<string, number>, spans: readonly AccessSpan[], sign: 1 | -1): void {
    for (const span of spans) {
      const start = `${span.kind}|${span.from}`;
      events.set(start, (events.get(start) ?? 0) + sign);
      if (span.until === null) continue;
      const end = `${span.kind}|${span.until}`;
      events.set(end, (events.get(end) ?? 0) - sign);
    }
  }

  function write(events: Map<string, number>): void {
    const baseDay = base.get()?.day ?? '0000-01-01';
    for (const [key, delta] of events) {
      if (delta === 0) continue;
      const [kind, day] = key.split('|') as [SpanKind, IsoDate];
      addDelta.run(kind, day, delta);
      if (day <= baseDay) addToBase.run(delta, kind);
    }
  }

  function store(contactId: number, spans: readonly AccessSpan[]): void {
    for (const span of spans) insertSpan.run(contactId, span.kind, span.from, span.until);
  }

  function factsFrom(row: FactsRow): ContactFacts {
    return { id: row.id, archived: row.archived === 1, registered: row.registered === 1 };
  }

  /** Recomputes the spans of some contacts (an absent contact has none). */
  function refreshContacts(ids: Iterable<number>, settings: AccessSettings): void {
    const events = new Map<string, number>();
    for (const id of ids) {
      collect(
        events,
        spansOf.all(id).map((row) => ({ kind: row.kind, from: row.from_day, until: row.until_day })),
        -1,
      );
      dropSpans.run(id);
      const row = factsOf.get(id);
      if (row === undefined) continue;
      const spans = accessSpans(factsFrom(row), contractsOf.all(id).map(toContractFacts), settings);
      store(id, spans);
      collect(events, spans, 1);
    }
    write(events);
  }

  /** Recomputes every contact's spans and the events from scratch, in batches of contacts by id. */
  function refreshAll(settings: AccessSettings): void {
    wipe.run();
    wipeDeltas.run();
    resetBase.run();
    const events = new Map<string, number>();
    let after = 0;
    for (;;) {
      const rows = factsBatch.all(after, BATCH);
      const last = rows.at(-1);
      if (last === undefined) break;
      const byContact = new Map<number, ContractFacts[]>();
      for (const contract of contractsBetween.all(after + 1, last.id)) {
        const list = byContact.get(contract.contact_id);
        if (list === undefined) byContact.set(contract.contact_id, [toContractFacts(contract)]);
        else list.push(toContractFacts(contract));
      }
      for (const row of rows) {
        const spans = accessSpans(factsFrom(row), byContact.get(row.id) ?? [], settings);
        store(row.id, spans);
        collect(events, spans, 1);
      }
      after = last.id;
    }
    write(events);
  }

  /** Moves the base day of every kind to `day` (forward when the day turns, or back). */
  function advance(day: IsoDate): void {
    for (const row of base.all()) {
      if (row.day === day) continue;
      const forward = row.day < day;
      const sum = sumBetween.get(row.kind, forward ? row.day : day, forward ? day : row.day)?.s ?? 0;
      moveBase.run(forward ? sum : -sum, day, row.kind);
    }
  }

  /** Each kind's count on `day`: contacts not archived (all), by grant, and seats in use. */
  function countsOn(day: IsoDate): AccessCounts {
    const counts = Object.fromEntries(SPAN_KINDS.map((kind) => [kind, 0])) as AccessCounts;
    for (const row of base.all()) {
      if (row.day === day) counts[row.kind] = row.n;
      else if (row.day < day) counts[row.kind] = row.n + (sumBetween.get(row.kind, row.day, day)?.s ?? 0);
      else counts[row.kind] = row.n - (sumBetween.get(row.kind, day, row.day)?.s ?? 0);
    }
    return counts;
  }

  return {
    /**
     * Brings the figures up to date inside the caller's transaction: recomputes the contacts the
     * triggers marked (all of them after a settings change) under `settings`, then moves the base
     * to `today`. Call it before the commit of every write that is not a ctx.change.
     */
    settle(settings: AccessSettings, today: IsoDate): void {
      if (anyDirty.get() !== undefined) {
        const ids = dirtyIds.all().map((row) => row.contact_id);
        // Past a batch of contacts (a bulk load), one pass in id order is cheaper than one by one.
        if (ids.includes(ALL) || ids.length > BATCH) refreshAll(settings);
        else refreshContacts(ids, settings);
        clearDirty.run();
      }
      if (base.get()?.day !== today) advance(today);
    },

    countsOn,

    /** Whether a write left contacts to recompute (settle has not run since). */
    marked(): boolean {
      return anyDirty.get() !== undefined;
    },

    /** Non-archived contacts by their grant on `day` (none = the rest), and the seats in use. */
    accessOn(day: IsoDate): { byGrant: Record<Grant, number>; seats: number } {
      const counts = countsOn(day);
      const none = counts.all - counts.active - counts.pre - counts.post;
      return {
        byGrant: { active: counts.active, pre: counts.pre, post: counts.post, none },
        seats: counts.seat,
      };
    },

    /** The count of `kind` on each of `days` days from `from` (from included). */
    seriesOf(kind: SpanKind, from: IsoDate, days: number): number[] {
      let n = countsOn(from)[kind];
      const series: number[] = [];
      const events = eventsBetween.all(kind, from, addDays(from, days - 1));
      let next = 0;
      let day = from;
      for (let i = 0; i < days; i++) {
        while (next < events.length && (events[next]?.day ?? '') <= day) n += events[next++]?.delta ?? 0;
        series.push(n);
        day = addDays(day, 1);
      }
      return series;
    },

    /** The stored spans of one contact (for the test comparing them with a recount). */
    spansOf(contactId: number): AccessSpan[] {
      return spansOf
        .all(contactId)
        .map((row) => ({ kind: row.kind, from: row.from_day, until: row.until_day }));
    },
  };
}
export type AccessFigures = ReturnType<typeof accessFigures>;
