/**
 * Differential test of the contact search at 100,000 contacts: the demo generator's portfolio (as
 * the benchmark writes it) plus contacts saved through the repository, every search of the table
 * answered by the list's SQL (page and access counts) and by a plain scan of the same rows in
 * memory. Also the German sort order of the list and the query plans of a search on this data.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Grant } from '../../../shared/domain';
import type { ContactFields } from '../../../shared/ipc';
import { accessBounds } from '../../../src-main/core/db/accessRepository';
import { openDatabase, type Db } from '../../../src-main/core/db/connection';
import { searchFold } from '../../../src-main/core/db/contactKeys';
import {
  contactListStatements,
  contactRepository,
  type ContactListFilter,
  type ContactRepository,
} from '../../../src-main/core/db/contactRepository';
import { writePortfolio } from '../../../src-main/core/db/portfolioWriter';
import { generatePortfolio } from '../../../src-main/core/demo/generate';

const TODAY = '2026-11-27';
const CONTACTS = 100_000;
const GRANTS: readonly Grant[] = ['active', 'pre', 'post', 'none'];
/** The list's filter: a search (and an access state), nothing else set. */
function listFilter(search: string, access: Grant | null = null): ContactListFilter {
  return { search, access, propertyId: null, contractType: null, invitation: null, includeArchived: false };
}
const bounds = accessBounds(
  { preContract: { enabled: true, days: 30 }, postContract: { enabled: true, days: 60 }, seatQuota: null },
  TODAY,
);

/** A contact as the oracle reads it back. */
interface StoredContact {
  id: number;
  first_name: string | null;
  last_name: string;
  company: string | null;
  email: string | null;
  reference_id: string;
  archived: 0 | 1;
  sort_name: string;
}

let dir = '';
let db: Db;
let contacts: ContactRepository;
const planted: Record<string, number> = {};

function person(
  fields: Partial<ContactFields> & Pick<ContactFields, 'lastName' | 'referenceId'>,
): ContactFields {
  return {
    salutation: 'ms',
    title: null,
    firstName: null,
    company: null,
    email: null,
    phone: null,
    language: 'de',
    preference: 'postal',
    note: null,
    street: null,
    houseNo: null,
    postcode: null,
    city: null,
    ...fields,
  };
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-search-'));
  db = openDatabase(path.join(dir, 'data.db'));
  const portfolio = generatePortfolio({ seed: 20261127, today: TODAY, contacts: CONTACTS });
  db.transaction(() => writePortfolio(db, portfolio))();
  contacts = contactRepository(db);
  db.transaction(() => {
    const add = (key: string, fields: Parameters<typeof person>[0]) => {
      planted[key] = contacts.insert(person(fields));
    };
    add('jonasBak', { firstName: 'Jonas', lastName: 'Bak', referenceId: 'T-1', email: 'jb@bak.example.net' });
    add('doubleName', {
      salutation: 'mr',
      firstName: 'Gernot',
      lastName: 'Müller-Lüdenscheidt',
      referenceId: 'T-2',
    });
    add('company', {
      salutation: 'company',
      lastName: 'Quellwerk Hausverwaltung GmbH',
      company: 'Quellwerk Hausverwaltung GmbH',
      referenceId: 'T-3',
    });
    add('muller', { firstName: 'Eva', lastName: 'Muller', referenceId: 'T-4' });
    add('mueller', { firstName: 'Eva', lastName: 'Müller', referenceId: 'T-5' });
    add('otto', { firstName: 'Anna', lastName: 'Otto', referenceId: 'T-6' });
    add('oeztuerk', { firstName: 'Ayla', lastName: 'Öztürk', referenceId: 'T-7' });
    add('paul', { firstName: 'Anna', lastName: 'Paul', referenceId: 'T-8' });
    add('schaefer', { firstName: 'Anna', lastName: 'Schäfer', referenceId: 'T-9' });
    add('schulze', { firstName: 'Anna', lastName: 'Schulze', referenceId: 'T-10' });
    add('zschunke', { firstName: 'Anna', lastName: 'Zschunke', referenceId: 'T-11' });
    add('renamed', { firstName: 'Ottilie', lastName: 'Vorhername', referenceId: 'T-12' });
    // An update replaces the contact's words in the index: only the new name finds her.
    contacts.update(
      planted.renamed!,
      person({ firstName: 'Ottilie', lastName: 'Nachhername', referenceId: 'T-12' }),
    );
  })();
}, 120_000);

afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Every contact as stored, read once per oracle question. */
function storedContacts(): StoredContact[] {
  return db
    .prepare<[], StoredContact>(
      'SELECT id, first_name, last_name, company, email, reference_id, archived, sort_name FROM contacts',
    )
    .all();
}

/**
 * The oracle: a contact matches when each folded term of the search is part of its folded name
 * (first name, last name, company, joined by spaces) or of its folded e-mail and reference id; a
 * term of one or two characters at the start of a word of the name. Non-archived; by sort_name, id.
 */
function oracle(rows: readonly StoredContact[], search: string): number[] {
  const terms = search
    .split(/\s+/)
    .map(searchFold)
    .filter((term) => term !== '');
  const folded = (fields: readonly (string | null)[]) =>
    fields
      .map((field) => (field === null ? '' : searchFold(field)))
      .filter((field) => field !== '')
      .join(' ');
  return rows
    .filter((row) => {
      if (row.archived === 1) return false;
      const name = folded([row.first_name, row.last_name, row.company]);
      const address = folded([row.email, row.reference_id]);
      const nameWords = name.split(' ');
      return terms.every((term) =>
        [...term].length >= 3
          ? name.includes(term) || address.includes(term)
          : nameWords.some((word) => word.startsWith(term)),
      );
    })
    .sort((a, b) => (a.sort_name < b.sort_name ? -1 : a.sort_name > b.sort_name ? 1 : a.id - b.id))
    .map((row) => row.id);
}

function listed(filter: ContactListFilter): number[] {
  return contacts.listPage(filter, bounds, 0, CONTACTS * 2).map((row) => row.id);
}

const SEARCHES: readonly [label: string, search: string][] = [
  ['first name', 'Jonas'],
  ['first name, lower case', 'jonas'],
  ['part of a double name', 'Lüdenscheidt'],
  ['ue for ü', 'Mueller'],
  ['ü for ue', 'Müller'],
  ['ss for ß', 'Weiss'],
  ['company word', 'GmbH'],
  ['mail domain', 'example.net'],
  ['part of a mail address', 'bak.example'],
  ['reference id', 'K-100042'],
  ['two words', 'jonas bak'],
  ['two words in the other order', 'Bak Jonas'],
  ['infix of a name', 'enscheid'],
  ['one letter: start of a word of the name', 'Q'],
  ['two letters: start of a word of the name', 'Ba'],
  ['updated name', 'Nachhername'],
];

describe('contact search at 100,000 contacts (differential against a scan in memory)', () => {
  const rows: StoredContact[] = [];
  beforeAll(() => {
    rows.push(...storedContacts());
  });

  it.each(SEARCHES)('%s (%s): the page and the access counts hold exactly the matches', (label, search) => {
    const expected = oracle(rows, search);
    expect(expected.length, `${label}: the table's search finds someone`).toBeGreaterThan(0);
    const filter = listFilter(search);
    expect(listed(filter), label).toEqual(expected);
    // The chips: each state's count is the number of matches in it, and the states add up.
    const counts = contacts.countByAccessUpTo(filter, bounds, Number.MAX_SAFE_INTEGER - 1);
    const byState = GRANTS.map((access) => listed(listFilter(search, access)));
    expect(
      GRANTS.map((grant) => counts[grant]),
      label,
    ).toEqual(byState.map((ids) => ids.length));
    expect(
      byState.flat().sort((a, b) => a - b),
      label,
    ).toEqual([...expected].sort((a, b) => a - b));
  });

  it('finds the planted contacts the table is about', () => {
    const found = (search: string) => listed(listFilter(search));
    expect(found('Jonas')).toContain(planted.jonasBak);
    expect(found('jonas bak')).toContain(planted.jonasBak);
    expect(found('Lüdenscheidt')).toEqual([planted.doubleName]);
    expect(found('Mueller Eva')).toEqual([planted.mueller]);
    expect(found('Müller').length).toBeGreaterThan(100);
    expect(found('Mueller')).toEqual(found('Müller'));
    expect(found('GmbH')).toContain(planted.company);
    expect(found('quellwerk gmbh')).toEqual([planted.company]);
    expect(found('bak.example.net')).toContain(planted.jonasBak);
    expect(found('jb@bak.example.net')).toEqual([planted.jonasBak]);
    expect(found('T-12')).toEqual([planted.renamed]);
    expect(found('Vorhername')).toEqual([]);
  });

  it('sorts in German dictionary order (DIN 5007-1): Ö with O, ä with a, ties stably', () => {
    const order = listed(listFilter(''));
    const position = (key: string) => order.indexOf(planted[key]!);
    const planned = ['muller', 'mueller', 'otto', 'oeztuerk', 'paul', 'schaefer', 'schulze', 'zschunke'];
    const positions = planned.map(position);
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(order).toEqual(oracle(rows, ''));
  });

  it('a search reads the matches of contact_search, never every contact', () => {
    for (const [label, search] of SEARCHES) {
      const s = contactListStatements(listFilter(search), bounds);
      for (const [sql, params] of [
        [s.page, { ...s.pageParams, offset: 0, limit: 50 }] as const,
        ...Object.values(s.counts).map((count) => [count.sql, { ...count.params, bound: 1001 }] as const),
      ]) {
        const plan = db
          .prepare<[Record<string, unknown>], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
          .all(params)
          .map((row) => row.detail);
        const text = `${label}:\n${plan.join('\n')}`;
        expect(
          plan.filter((d) => /^SCAN c\b/.test(d)),
          text,
        ).toEqual([]);
        expect(
          plan.some((d) => /^SCAN s (?:EXISTS )?VIRTUAL TABLE INDEX \d+:=?M/.test(d)),
          text,
        ).toBe(true);
      }
    }
  });

  it.each([
    ['one letter', 'S'],
    ['two letters', 'Ba'],
    ['a common infix', 'mann'],
  ])('a common search (%s, %s) walks the list order: the same pages as sorting every match', (_, search) => {
    const s = contactListStatements(listFilter(search), bounds, true);
    expect(s.walk).not.toBeNull();
    const sorted = db.prepare<Record<string, unknown>, { id: number }>(s.page);
    const walked = db.prepare<Record<string, unknown>, { id: number }>(s.walk ?? '');
    let full = 0;
    for (const offset of [0, 50, 950, 5000]) {
      const params = { ...s.pageParams, offset, limit: 50 };
      const rows = walked.all(params).map((row) => row.id);
      const expected = sorted.all(params).map((row) => row.id);
      // The walk looks at the first contacts in list order only: a page it fills is the sorted one.
      if (rows.length === 50) full += 1;
      expect(rows, `offset ${offset}`).toEqual(expected.slice(0, rows.length));
      expect(contacts.listPage(listFilter(search), bounds, offset, 50).map((row) => row.id)).toEqual(
        expected,
      );
    }
    expect(full, 'the first page at least comes from the walk').toBeGreaterThan(0);
  });
});
