/**
 * The contact list must stay index work at a million contacts: a search starts from the matches of
 * the full-text index contact_search (migration 5) and reads those contacts by id (never a SCAN of
 * contacts), a property filter starts from contracts_by_property, and the
 * per-contact access lookups are ranges on contracts_by_contact. Without ANALYZE statistics SQLite
 * plans a small database as a large one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src-main/core/db/connection';
import { contactListStatements, type ContactListFilter } from '../../../src-main/core/db/contactRepository';
import { accessBounds } from '../../../src-main/core/db/accessRepository';

const bounds = accessBounds(
  { preContract: { enabled: true, days: 30 }, postContract: { enabled: true, days: 30 }, seatQuota: null },
  '2026-11-27',
);
const none: ContactListFilter = {
  search: '',
  access: null,
  propertyId: null,
  contractType: null,
  invitation: null,
  includeArchived: false,
};

let dir = '';
let db: Db;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-list-plans-'));
  db = openDatabase(path.join(dir, 'data.db'));
  db.exec(`
    INSERT INTO properties (id, name, reference_id, created_at) VALUES (1, 'P', 'P-1', '2026-01-01');
    INSERT INTO units (id, property_id, name, number, usage) VALUES (1, 1, 'U1', '1', 'private');
    INSERT INTO contacts (id, salutation, first_name, last_name, email, language, preference, reference_id, sort_name)
      VALUES (1, 'mr', 'Jürgen', 'Müller', 'j@example.com', 'de', 'online', 'K-1', 'müller jürgen');
    INSERT INTO contracts (contact_id, unit_id, property_id, type, number, start_date)
      VALUES (1, 1, 1, 'tenant', 'V-1', '2026-01-01');
  `);
});
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The plan of the page (of its walk when `common`) and of each count (active, pre, post, none). */
function plans(filter: ContactListFilter, common = false): { page: string[]; counts: string[][] } {
  const s = contactListStatements(filter, bounds, common);
  const explain = (sql: string, params: Record<string, unknown>) =>
    db
      .prepare<[Record<string, unknown>], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
      .all(params)
      .map((row) => row.detail);
  return {
    page: explain(s.walk ?? s.page, { ...s.pageParams, offset: 0, limit: 50 }),
    // Each count is its condition inside COUNT(*) of a LIMIT: the wrapper's own lines left out.
    counts: (['active', 'pre', 'post', 'none'] as const).map((grant) =>
      explain(s.counts[grant].sql, { ...s.counts[grant].params, bound: 1001 }).filter(
        (detail) => !/^(?:CO-ROUTINE \(subquery|SCAN \(subquery)/.test(detail),
      ),
    ),
  };
}

const FULL_SCAN_OF_CONTACTS = /^SCAN c\b/;
const FROM_SEARCH_INDEX = /^SCAN s VIRTUAL TABLE INDEX \d+:M/;
const CONTACT_BY_ID = /^SEARCH c USING INTEGER PRIMARY KEY \(rowid=\?\)$/;

describe('contact list query plans', () => {
  it.each(['j', 'jo', 'mül', 'müller j', 'jürgen mü', 'example.com', 'k-1'])(
    'a search (%s) reads the matches of contact_search by id, no scan of contacts',
    (search) => {
      for (const filter of [
        { ...none, search },
        { ...none, search, includeArchived: true },
        { ...none, search, access: 'active' as const },
      ]) {
        const { page, counts } = plans(filter);
        const statements: [string, string[]][] = [
          ['page', page],
          ...counts.map((c, i): [string, string[]] => [`count ${i}`, c]),
        ];
        for (const [which, details] of statements) {
          const text = `${which} ${JSON.stringify(filter)}:\n${details.join('\n')}`;
          expect(
            details.some((d) => FROM_SEARCH_INDEX.test(d)),
            text,
          ).toBe(true);
          expect(
            details.filter((d) => FULL_SCAN_OF_CONTACTS.test(d)),
            text,
          ).toEqual([]);
        }
        expect(page[0]).toMatch(CONTACT_BY_ID);
      }
    },
  );

  it('a search counts active and none from the matches as the index yields them, pre and post from their window', () => {
    const { counts } = plans({ ...none, search: 'jo' });
    const [active, pre, post, noAccess] = counts.map((details) => details.join('\n'));
    for (const walk of [active, noAccess]) expect(walk?.split('\n')[0]).toMatch(FROM_SEARCH_INDEX);
    expect(pre).toMatch(
      /SEARCH k USING COVERING INDEX contracts_by_start \(start_date>\? AND start_date<\?\)/,
    );
    expect(post).toMatch(/SEARCH k USING COVERING INDEX contracts_by_end \(end_date>\? AND end_date<\?\)/);
  });

  it('a common search walks contacts_by_sort_name for its page and asks the index per window contact', () => {
    const { page, counts } = plans({ ...none, search: 'jo' }, true);
    expect(page.join('\n')).toMatch(/SCAN o USING COVERING INDEX contacts_by_sort_name/);
    for (const details of [counts[1], counts[2]])
      expect(details?.join('\n')).toMatch(/SCAN s EXISTS VIRTUAL TABLE INDEX \d+:=M/);
  });

  it('a property filter starts from contracts_by_property', () => {
    const { page, counts } = plans({ ...none, propertyId: 1, contractType: 'tenant', access: 'active' });
    for (const details of [page, counts.flat()]) {
      const text = details.join('\n');
      expect(text).toMatch(
        /SEARCH k USING COVERING INDEX contracts_by_property \(property_id=\? AND type=\?\)/,
      );
      expect(
        details.filter((d) => FULL_SCAN_OF_CONTACTS.test(d)),
        text,
      ).toEqual([]);
    }
  });

  it('the pre and post access filters start from the contracts inside the window', () => {
    expect(plans({ ...none, access: 'pre' }).page.join('\n')).toMatch(
      /SEARCH k USING COVERING INDEX contracts_by_start \(start_date>\? AND start_date<\?\)/,
    );
    expect(plans({ ...none, access: 'post' }).page.join('\n')).toMatch(
      /SEARCH k USING COVERING INDEX contracts_by_end \(end_date>\? AND end_date<\?\)/,
    );
  });

  it('the unfiltered page walks contacts_by_sort_name in order (no sort), access lookups are index ranges', () => {
    const { page, counts } = plans(none);
    expect(page[0]).toMatch(/^SCAN c USING INDEX contacts_by_sort_name$/);
    expect(page.join('\n')).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    const onContracts = counts.flat().filter((d) => /^(?:SCAN|SEARCH) k\b/.test(d));
    expect(onContracts.length).toBeGreaterThan(0);
    for (const detail of onContracts)
      expect(detail).toMatch(
        /^SEARCH k (?:EXISTS )?USING COVERING INDEX contracts_by_(?:contact \(contact_id=\?|start|end)/,
      );
  });
});
