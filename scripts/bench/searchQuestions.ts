/** The contact search (by a name's beginning, a first name, a part inside) and the list pages. */
import { CONTACT_COUNT_BOUND } from '../../shared/contract/portfolio';
import type Database from 'better-sqlite3';
import type { Grant } from '../../shared/domain';
import type { ContactListPage } from '../../shared/ipc';
import { contactSearchMatch, searchKey } from '../../src-main/core/db/contactKeys';
import {
  COMMON_SEARCH,
  contactListStatements,
  SEARCH_MATCHES_UP_TO,
} from '../../src-main/core/db/contactListQuery';
import { gc, SEARCH_SAMPLES, STATES, type Row, type Session } from './session';
import {
  measure,
  measureSync,
  seededInts,
  single,
  summarise,
  timeOnce,
  timeSync,
  type Timing,
} from './stats';

/** Names (last and first) of contacts picked at random, as their search keys. */
function sampleNames(db: Database.Database, contacts: number, count: number, seed: number) {
  const byId = db.prepare<[number], { first_name: string | null; last_name: string }>(
    'SELECT first_name, last_name FROM contacts WHERE id = ?',
  );
  return seededInts(seed, count, contacts).map((id) => {
    const row = byId.get(id);
    return { first: searchKey(row?.first_name ?? ''), last: searchKey(row?.last_name ?? '') };
  });
}

/** Distinct non-empty searches, at most `count`, in the order made. */
function distinct(searches: readonly string[], count: number): string[] {
  return [...new Set(searches.filter((search) => search !== ''))].slice(0, count);
}

/**
 * The searches of the benchmark: beginnings (1–6 letters) of "last first"; first names alone; and
 * infixes, 3–5 letters from inside a last name (past its first letter), of contacts picked at random.
 */
function searchSamples(db: Database.Database, contacts: number, count: number) {
  const names = sampleNames(db, contacts, count * 20, 42);
  return {
    prefixes: distinct(
      names.map(({ first, last }, i) => `${last} ${first}`.slice(0, 1 + (i % 6)).trimEnd()),
      count,
    ),
    firstNames: distinct(
      names.map(({ first }) => first),
      count,
    ),
    infixes: distinct(
      names
        .map(({ last }, i) => [...last].slice(1, 4 + (i % 3)).join(''))
        .filter((infix) => infix.length >= 3),
      count,
    ),
  };
}

function listFilter(search: string, access: Grant | null) {
  return { search, access, propertyId: null, contractType: null, invitation: null, includeArchived: false };
}

/** Asks the searches and the list pages; the prefixes searched and the times by length for the report. */
export async function askSearchesAndLists(
  m: Session,
): Promise<{ prefixes: string[]; searchByLength: Record<string, Timing> }> {
  const { invoke, row, db, s, bounds, facts } = m;
  // ── contact search: a page of matches plus the access chips' counts of all matches, by the
  // beginning of a name, by a first name and by a part from inside a last name
  const prepared = new Map<string, Database.Statement>();
  const statement = (sql: string) => {
    let st = prepared.get(sql);
    if (st === undefined) {
      st = db.prepare(sql);
      prepared.set(sql, st);
    }
    return st;
  };
  const listFloor = (search: string, access: Grant | null, withCounts: boolean) => {
    // A common search walks the list's order for its page and asks the index per window contact.
    const match = contactSearchMatch(search);
    const common =
      match !== null && (statement(SEARCH_MATCHES_UP_TO).get({ match }) as { n: number }).n >= COMMON_SEARCH;
    const sql = contactListStatements(listFilter(search, access), bounds, common);
    // A search counts up to the bound; the whole list reads the maintained figures.
    if (withCounts && search !== '')
      for (const count of Object.values(sql.counts))
        statement(count.sql).get({ ...count.params, bound: CONTACT_COUNT_BOUND + 1 });
    else if (withCounts) s.accessBase.all();
    const params = { ...sql.pageParams, offset: 0, limit: 50 };
    let page = (sql.walk === null ? [] : statement(sql.walk).all(params)) as { id: number }[];
    if (page.length < 50) page = statement(sql.page).all(params) as { id: number }[];
    s.contractsOfIds.all(JSON.stringify(page.map((r) => r.id)));
  };
  /** Measures one search row: `searches` after `warm` ones; the samples by the search's length. */
  const measureSearches = async (
    key: string,
    question: string,
    what: string,
    all: readonly string[],
  ): Promise<{ row: Row; searches: string[]; byLength: number[][] }> => {
    const warm = all.slice(SEARCH_SAMPLES);
    const searches = all.slice(0, SEARCH_SAMPLES);
    for (const search of warm) {
      await invoke('contacts.list', { search });
      listFloor(search, null, true);
    }
    const byLength: number[][] = [[], [], [], [], [], [], []];
    const r = row(key, question, 'contacts.list');
    let matches = 0;
    gc();
    r.app = await measure(
      searches.length,
      async (i) => {
        const search = searches[i] as string;
        const start = performance.now();
        const page = await invoke<ContactListPage>('contacts.list', { search });
        byLength[Math.min(6, search.length)]?.push(performance.now() - start);
        matches += page.total;
      },
      { warmup: 0 },
    );
    r.floor = measureSync(searches.length, (i) => listFloor(searches[i] as string, null, true), 0);
    r.info = `${searches.length} ${what}, ${Math.round(matches / searches.length)} matches on average`;
    return { row: r, searches, byLength };
  };
  const samples = searchSamples(db, facts.contacts, SEARCH_SAMPLES + 20);
  const { searches: prefixes, byLength: searchSamplesByLength } = await measureSearches(
    'search',
    'contact search by name prefix (page + counts)',
    'prefixes of 1–6 letters',
    samples.prefixes,
  );
  await measureSearches(
    'searchFirstName',
    'contact search by first name (page + counts)',
    'first names',
    samples.firstNames,
  );
  await measureSearches(
    'searchInfix',
    'contact search by a part inside a last name (page + counts)',
    'infixes of 3–5 letters',
    samples.infixes,
  );
  const searchByLength: Record<string, Timing> = {};
  searchSamplesByLength.forEach((lengthSamples, length) => {
    if (lengthSamples.length > 0) searchByLength[String(length)] = summarise(lengthSamples);
  });

  // ── the contact list by name with a state filter. The first request counts all contacts by
  // access for the chips (kept until the next write); a state chip then only pages.
  const listFirst = row(
    'listFirst',
    'contacts list, first open (state filter + counts of all)',
    'contacts.list',
  );
  listFirst.app = single(
    (await timeOnce(() => invoke<ContactListPage>('contacts.list', { access: 'post' }))).ms,
  );
  listFirst.floor = single(timeSync(() => listFloor('', 'post', true)).ms);
  for (const state of STATES) {
    const r = row(`list:${state}`, `contacts list page by name, state = ${state}`, 'contacts.list');
    const page = await invoke<ContactListPage>('contacts.list', { access: state });
    r.info = `${page.total} contacts`;
    gc();
    r.app = await measure(50, () => invoke('contacts.list', { access: state }), { warmup: 5 });
    r.floor = measureSync(50, () => listFloor('', state, false), 5);
  }
  return { prefixes, searchByLength };
}
