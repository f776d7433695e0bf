import { beforeEach, describe, expect, it } from 'vitest';
import type { ContactListPage, ContactListQuery } from '../../../shared/ipc';
import { invalidPayload, ok, refused, testCore } from '../support';
import {
  createContact,
  createContract,
  createProperty,
  createUnit,
  setAccess,
  withDatabase,
  type TestCore,
} from './fixtures';

const TODAY = '2026-11-27';

/**
 * A small portfolio around TODAY with pre- and post-contract access enabled (30 days each):
 * every access state, both contract types, two properties, invitations in every state.
 */
async function portfolio() {
  const core = testCore(TODAY);
  await setAccess(core, {
    preContract: { enabled: true, days: 30 },
    postContract: { enabled: true, days: 30 },
  });
  const a = await createProperty(core, { name: 'A', referenceId: 'L-A' });
  const b = await createProperty(core, { name: 'B', referenceId: 'L-B' });
  const a1 = await createUnit(core, a.id, { number: '1' });
  const a2 = await createUnit(core, a.id, { number: '2' });
  const b1 = await createUnit(core, b.id, { number: '1' });

  const person = async (
    firstName: string | null,
    lastName: string,
    referenceId: string,
    email: string | null,
  ) =>
    (
      await createContact(core, {
        firstName,
        lastName,
        referenceId,
        email,
        salutation: firstName ? 'mr' : 'family',
      })
    ).contact.id;
  const ids = {
    mueller: await person('Jürgen', 'Müller', 'K-100', 'juergen.mueller@example.com'),
    muellerAnna: await person('Anna', 'Müller', 'K-101', 'anna.mueller@example.org'),
    moeller: await person('Jan', 'Möller', 'K-102', 'jan@moeller.example.net'),
    weber: await person(null, 'Weber', 'K-103', 'familie.weber@example.com'),
    oezdemir: await person('Ayşe', 'Özdemir', 'W-7', null),
    schmidt: await person('Anna', 'Schmidt', 'K-104', 'A.Schmidt@Example.com'),
    archived: await person('Björn', 'Wolff', 'K-105', null),
    noContract: await person('Petra', 'Hartmann', 'K-106', 'petra@example.com'),
  };
  // active tenant in A; active tenant in B; ended long ago (none) in A; owner in A (active);
  // tenant starting in 10 days in B (pre); tenant ended 10 days ago in B (post); archived, active in A.
  await createContract(core, { contactId: ids.mueller, unitId: a1.id, start: '2020-01-01' });
  await createContract(core, {
    contactId: ids.muellerAnna,
    unitId: b1.id,
    start: '2019-01-01',
    number: 'MV-2',
  });
  await createContract(core, {
    contactId: ids.moeller,
    unitId: a2.id,
    start: '2010-01-01',
    end: '2015-12-31',
    number: 'MV-3',
  });
  await createContract(core, {
    contactId: ids.weber,
    unitId: a1.id,
    type: 'owner',
    start: '2005-01-01',
    number: 'EV-1',
  });
  await createContract(core, { contactId: ids.oezdemir, unitId: b1.id, start: '2026-12-07', number: 'MV-4' });
  await createContract(core, {
    contactId: ids.schmidt,
    unitId: b1.id,
    start: '2016-01-01',
    end: '2026-11-17',
    number: 'MV-5',
  });
  await createContract(core, { contactId: ids.archived, unitId: a2.id, start: '2021-01-01', number: 'MV-6' });
  await ok(core, 'contacts.setArchived', { id: ids.archived, archived: true });

  // Registered: Schäfer-like Anna Müller; invitations: Jürgen pending, Weber expired (pending, past
  // expiry), Özdemir revoked after an earlier pending one, Möller stored expired.
  withDatabase(core, (db) => {
    db.prepare('INSERT INTO portal_accounts (contact_id, registered_at) VALUES (?, ?)').run(
      ids.muellerAnna,
      '2025-01-01T10:00:00Z',
    );
    const invite = db.prepare(
      `INSERT INTO invitations (contact_id, code_hash, created_at, expires_on, channel, state)
       VALUES (?, ?, ?, ?, 'email', ?)`,
    );
    invite.run(ids.muellerAnna, 'h0', '2024-12-01T10:00:00Z', '2024-12-31', 'redeemed');
    invite.run(ids.mueller, 'h1', '2026-11-20T10:00:00Z', '2026-12-20', 'pending');
    invite.run(ids.weber, 'h2', '2026-10-01T10:00:00Z', '2026-10-31', 'pending');
    invite.run(ids.oezdemir, 'h3', '2026-11-01T10:00:00Z', '2026-12-01', 'pending');
    invite.run(ids.oezdemir, 'h4', '2026-11-02T10:00:00Z', '2026-12-02', 'revoked');
    invite.run(ids.moeller, 'h5', '2026-01-01T10:00:00Z', '2026-01-31', 'expired');
  });
  return { core, ids, a, b };
}

type Fixture = Awaited<ReturnType<typeof portfolio>>;

async function list(core: TestCore, query: ContactListQuery = {}): Promise<ContactListPage> {
  return await ok(core, 'contacts.list', query);
}

async function found(core: TestCore, query: ContactListQuery): Promise<number[]> {
  return (await list(core, query)).items.map((item) => item.id);
}

describe('contacts.list', () => {
  let f: Fixture;
  beforeEach(async () => {
    f = await portfolio();
  });

  it('lists non-archived contacts by sort name with access, invitation state and registration', async () => {
    const { core, ids } = f;
    const page = await list(core);
    expect(page.total).toBe(7);
    expect(page.items.map((i) => i.displayName)).toEqual([
      'Petra Hartmann',
      'Jan Möller',
      'Anna Müller',
      'Jürgen Müller',
      'Ayşe Özdemir',
      'Anna Schmidt',
      'Familie Weber',
    ]);
    const byId = new Map(page.items.map((item) => [item.id, item]));
    expect(byId.get(ids.mueller)).toMatchObject({
      referenceId: 'K-100',
      email: 'juergen.mueller@example.com',
      archived: false,
      access: { grant: 'active', until: null },
      invitation: 'pending',
      registered: false,
    });
    expect(byId.get(ids.muellerAnna)).toMatchObject({ invitation: 'redeemed', registered: true });
    expect(byId.get(ids.weber)?.invitation).toBe('expired');
    expect(byId.get(ids.moeller)).toMatchObject({ invitation: 'expired', access: { grant: 'none' } });
    expect(byId.get(ids.oezdemir)).toMatchObject({
      invitation: 'revoked',
      access: { grant: 'pre', until: '2026-12-06' },
    });
    expect(byId.get(ids.schmidt)).toMatchObject({
      invitation: 'none',
      access: { grant: 'post', until: '2026-12-17' },
    });
    expect(page.countsByAccess).toEqual({ active: 3, pre: 1, post: 1, none: 2 });
  });

  it('names where each contact is: the unit of the contract giving access, else of the latest one', async () => {
    const { core, ids, b } = f;
    const later = await createUnit(core, b.id, { number: '7', name: 'Whg. 7, 3. OG' });
    await createContract(core, {
      contactId: ids.mueller,
      unitId: later.id,
      start: '2027-06-01',
      number: 'MV-8',
    });
    const byId = new Map((await list(core)).items.map((item) => [item.id, item]));
    const unit = { unitNumber: '1', unitName: 'Whg. 1, EG links' };
    // Active in A·1, moving to B·7 next summer: A·1 gives the access today, B·7 is one more place.
    expect(byId.get(ids.mueller)).toMatchObject({ place: { propertyName: 'A', ...unit }, otherPlaces: 1 });
    // Ended long ago, no access: the latest contract's unit.
    expect(byId.get(ids.moeller)).toMatchObject({
      place: { propertyName: 'A', unitNumber: '2' },
      otherPlaces: 0,
    });
    expect(byId.get(ids.oezdemir)).toMatchObject({ place: { propertyName: 'B', ...unit }, otherPlaces: 0 });
    expect(byId.get(ids.noContract)).toMatchObject({ place: null, otherPlaces: 0 });
  });

  it('searches any word or part of a name, first names too, ü as ue, the words in any order', async () => {
    const { core, ids } = f;
    for (const search of ['Mül', 'mü', 'MUELLER', 'Mu\u0308l', 'üller']) {
      expect(await found(core, { search }), search).toEqual([ids.muellerAnna, ids.mueller]);
    }
    // One or two letters match the start of a word of the name (Möller is spelled "moeller"), three anywhere.
    expect(await found(core, { search: 'Mo' })).toEqual([ids.moeller]);
    expect(await found(core, { search: 'Mö' })).toEqual([ids.moeller]);
    expect(await found(core, { search: 'ller' })).toEqual([ids.moeller, ids.muellerAnna, ids.mueller]);
    expect(await found(core, { search: 'ÖZDEM' })).toEqual([ids.oezdemir]);
    expect(await found(core, { search: 'müller j' })).toEqual([ids.mueller]);
    expect(await found(core, { search: '  Müller   Jürgen ' })).toEqual([ids.mueller]);
    expect(await found(core, { search: 'jürgen mü' })).toEqual([ids.mueller]);
    expect(await found(core, { search: 'Juergen' })).toEqual([ids.mueller]);
    expect(await found(core, { search: 'anna m' })).toEqual([ids.muellerAnna]);
    expect(await found(core, { search: 'anna' })).toEqual([ids.muellerAnna, ids.schmidt]);
    expect(await found(core, { search: 'schmidt anna' })).toEqual([ids.schmidt]);
    expect(await found(core, { search: 'weber' })).toEqual([ids.weber]);
    expect(await found(core, { search: 'weber anna' })).toEqual([]);
  });

  it('searches e-mail addresses, domains and reference ids, case and punctuation aside', async () => {
    const { core, ids } = f;
    expect(await found(core, { search: 'juergen.m' })).toEqual([ids.mueller]);
    expect(await found(core, { search: 'a.schmidt@EXAMPLE' })).toEqual([ids.schmidt]);
    expect(await found(core, { search: 'example.net' })).toEqual([ids.moeller]);
    expect(await found(core, { search: 'example.org' })).toEqual([ids.muellerAnna]);
    expect(await found(core, { search: 'k-10' })).toEqual([
      ids.noContract,
      ids.moeller,
      ids.muellerAnna,
      ids.mueller,
      ids.schmidt,
      ids.weber,
    ]);
    expect(await found(core, { search: 'K-103' })).toEqual([ids.weber]);
    expect(await found(core, { search: 'w-7' })).toEqual([ids.oezdemir]);
    // One or two letters look at the names only: every reference starts with "k".
    expect(await found(core, { search: 'w-' })).toEqual([ids.weber]);
    expect(await found(core, { search: 'k' })).toEqual([]);
    // Characters that are neither letters nor digits separate words; alone they filter nothing.
    expect(await found(core, { search: 'k_103' })).toEqual([ids.weber]);
    expect((await list(core, { search: '%' })).total).toBe(7);
  });

  it('filters by access, and counts every access state for the other filters', async () => {
    const { core, ids } = f;
    expect(await found(core, { access: 'active' })).toEqual([ids.muellerAnna, ids.mueller, ids.weber]);
    expect(await found(core, { access: 'pre' })).toEqual([ids.oezdemir]);
    expect(await found(core, { access: 'post' })).toEqual([ids.schmidt]);
    expect(await found(core, { access: 'none' })).toEqual([ids.noContract, ids.moeller]);
    const page = await list(core, { access: 'none', search: 'm' });
    expect(page.items.map((i) => i.id)).toEqual([ids.moeller]);
    expect(page.total).toBe(1);
    expect(page.countsByAccess).toEqual({ active: 2, pre: 0, post: 0, none: 1 });
  });

  it('filters by property and contract type', async () => {
    const { core, ids, a, b } = f;
    expect(await found(core, { propertyId: a.id })).toEqual([ids.moeller, ids.mueller, ids.weber]);
    expect(await found(core, { propertyId: b.id })).toEqual([ids.muellerAnna, ids.oezdemir, ids.schmidt]);
    expect(await found(core, { contractType: 'owner' })).toEqual([ids.weber]);
    expect(await found(core, { propertyId: a.id, contractType: 'tenant' })).toEqual([
      ids.moeller,
      ids.mueller,
    ]);
    expect(await found(core, { propertyId: b.id, contractType: 'owner' })).toEqual([]);
    const page = await list(core, { propertyId: a.id, includeArchived: true });
    expect(page.total).toBe(4);
    expect(page.countsByAccess).toEqual({ active: 2, pre: 0, post: 0, none: 2 });
  });

  it('filters by invitation state', async () => {
    const { core, ids } = f;
    expect(await found(core, { invitation: 'redeemed' })).toEqual([ids.muellerAnna]);
    expect(await found(core, { invitation: 'pending' })).toEqual([ids.mueller]);
    expect(await found(core, { invitation: 'expired' })).toEqual([ids.moeller, ids.weber]);
    expect(await found(core, { invitation: 'revoked' })).toEqual([ids.oezdemir]);
    expect(await found(core, { invitation: 'none' })).toEqual([ids.noContract, ids.schmidt]);
    const page = await list(core, { invitation: 'expired', access: 'active' });
    expect(page.items.map((i) => i.id)).toEqual([ids.weber]);
    expect(page.countsByAccess).toEqual({ active: 1, pre: 0, post: 0, none: 1 });
  });

  it('includes archived contacts on request, with no access', async () => {
    const { core, ids } = f;
    expect(await found(core, { search: 'wolff' })).toEqual([]);
    const page = await list(core, { search: 'wolff', includeArchived: true });
    expect(page.items).toEqual([
      expect.objectContaining({
        id: ids.archived,
        archived: true,
        access: { grant: 'none', until: null, contractId: null },
      }),
    ]);
    expect(page.countsByAccess).toEqual({ active: 0, pre: 0, post: 0, none: 1 });
    expect((await list(core, { includeArchived: true })).total).toBe(8);
  });

  it('pages with offset and limit; the total counts every match', async () => {
    const { core } = f;
    const all = (await list(core, { includeArchived: true, limit: 200 })).items.map((i) => i.id);
    expect(all).toHaveLength(8);
    const pages: number[] = [];
    for (let offset = 0; offset < 8; offset += 3) {
      const page = await list(core, { includeArchived: true, offset, limit: 3 });
      expect(page.total).toBe(8);
      expect(page.items.length).toBe(Math.min(3, 8 - offset));
      pages.push(...page.items.map((i) => i.id));
    }
    expect(pages).toEqual(all);
    const beyond = await list(core, { offset: 100 });
    expect(beyond).toMatchObject({ total: 7, items: [] });
    expect(await refused(core, 'contacts.list', { limit: 0 })).toMatchObject({ code: 'INVALID_PAYLOAD' });
    expect(await refused(core, 'contacts.list', { limit: 201 })).toMatchObject({ code: 'INVALID_PAYLOAD' });
    expect(await refused(core, 'contacts.list', invalidPayload({ access: 'later' }))).toMatchObject({
      code: 'INVALID_PAYLOAD',
    });
  });

  it('counts follow every change: mutations, settings and rows written by another connection', async () => {
    const { core, ids } = f;
    expect((await list(core)).countsByAccess).toEqual({ active: 3, pre: 1, post: 1, none: 2 });
    await createContact(core, { referenceId: 'K-200', lastName: 'Neu' });
    expect((await list(core)).countsByAccess).toEqual({ active: 3, pre: 1, post: 1, none: 3 });
    await setAccess(core, {});
    expect((await list(core)).countsByAccess).toEqual({ active: 3, pre: 0, post: 0, none: 5 });
    withDatabase(core, (db) => db.prepare('UPDATE contacts SET archived = 1 WHERE id = ?').run(ids.mueller));
    expect((await list(core)).countsByAccess).toEqual({ active: 2, pre: 0, post: 0, none: 5 });
  });
});
