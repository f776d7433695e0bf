/**
 * On the demo portfolio, the contact list's access filter (SQL window ranges) and each item's access
 * (the policy over the page's contracts) agree with `contactAccess` for every contact.
 */
import { describe, expect, it } from 'vitest';
import type { Access, AccessSettings, ContactFacts, ContractFacts, Grant } from '../../../shared/domain';
import type { ContactListItem, ContactListPage, ContactListQuery } from '../../../shared/ipc';
import { contactAccess, groupContractsByContact } from '../../../src-main/core/policy';
import { ok, testCore } from '../support';
import { setAccess, withDatabase, type TestCore } from './fixtures';

const TODAY = '2026-11-27';
const GRANTS: readonly Grant[] = ['active', 'pre', 'post', 'none'];

async function everyPage(
  core: TestCore,
  query: ContactListQuery,
): Promise<ContactListPage & { all: ContactListItem[] }> {
  const first = await ok(core, 'contacts.list', { ...query, offset: 0, limit: 200 });
  const all = [...first.items];
  while (all.length < first.total) {
    const page = await ok(core, 'contacts.list', { ...query, offset: all.length, limit: 200 });
    expect(page.items.length).toBeGreaterThan(0);
    all.push(...page.items);
  }
  return { ...first, all };
}

function policyAccess(core: TestCore, settings: AccessSettings): Map<number, Access> {
  return withDatabase(core, (db) => {
    const accounts = new Set(
      db
        .prepare<[], { contact_id: number }>('SELECT contact_id FROM portal_accounts')
        .all()
        .map((r) => r.contact_id),
    );
    const contacts: ContactFacts[] = db
      .prepare<[], { id: number; archived: number }>('SELECT id, archived FROM contacts')
      .all()
      .map((r) => ({ id: r.id, archived: r.archived === 1, registered: accounts.has(r.id) }));
    const contracts: ContractFacts[] = db
      .prepare<
        [],
        {
          id: number;
          contact_id: number;
          unit_id: number;
          property_id: number;
          type: 'tenant' | 'owner';
          start_date: string;
          end_date: string | null;
        }
      >('SELECT * FROM contracts')
      .all()
      .map((r) => ({
        id: r.id,
        contactId: r.contact_id,
        unitId: r.unit_id,
        propertyId: r.property_id,
        type: r.type,
        start: r.start_date,
        end: r.end_date,
      }));
    const byContact = groupContractsByContact(contracts);
    return new Map(
      contacts.map((c) => [c.id, contactAccess(c, byContact.get(c.id) ?? [], settings, TODAY)] as const),
    );
  });
}

const SETTINGS: [string, Partial<AccessSettings>][] = [
  ['both windows off', {}],
  [
    'pre 30, post 60',
    { preContract: { enabled: true, days: 30 }, postContract: { enabled: true, days: 60 } },
  ],
  [
    'pre 365, post 365',
    { preContract: { enabled: true, days: 365 }, postContract: { enabled: true, days: 365 } },
  ],
  ['only post 1', { postContract: { enabled: true, days: 1 } }],
];

describe('contacts.list on the demo portfolio', () => {
  it('agrees with the policy for every contact, under several settings', async () => {
    const core = testCore(TODAY);
    await ok(core, 'app.chooseFirstStart', 'demo');
    for (const [label, settings] of SETTINGS) {
      await setAccess(core, settings);
      const current = await ok(core, 'settings.getAccess');
      const expected = policyAccess(core, current);
      const expectedCounts: Record<Grant, number> = { active: 0, pre: 0, post: 0, none: 0 };
      for (const access of expected.values()) expectedCounts[access.grant] += 1;

      const seen = new Set<number>();
      for (const grant of GRANTS) {
        const page = await everyPage(core, { access: grant, includeArchived: true });
        expect(page.countsByAccess, label).toEqual(expectedCounts);
        expect(page.total, `${label}: ${grant}`).toBe(expectedCounts[grant]);
        for (const item of page.all) {
          expect(item.access, `${label}: contact ${item.id}`).toEqual(expected.get(item.id));
          expect(item.access.grant).toBe(grant);
          seen.add(item.id);
        }
      }
      expect(seen.size, label).toBe(expected.size);
    }
  });

  it('finds the planted contacts by name and keeps the list ordered by sort name', async () => {
    const core = testCore(TODAY);
    await ok(core, 'app.chooseFirstStart', 'demo');
    const page = await everyPage(core, {});
    const names = withDatabase(core, (db) =>
      db
        .prepare<[], { id: number }>('SELECT id FROM contacts WHERE archived = 0 ORDER BY sort_name, id')
        .all(),
    ).map((r) => r.id);
    expect(page.all.map((i) => i.id)).toEqual(names);
    const mueller = await everyPage(core, { search: 'Müller' });
    expect(mueller.all.map((i) => i.displayName)).toContain('Jürgen Müller');
    expect(mueller.all.every((i) => `${i.displayName} ${i.email}`.match(/Müller|mueller/i))).toBe(true);
  });
});
