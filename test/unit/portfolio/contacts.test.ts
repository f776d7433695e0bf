import { describe, expect, it } from 'vitest';
import type { ContactInput } from '../../../shared/ipc';
import { ok, testCore } from '../support';
import {
  auditRows,
  contactInput,
  createContact,
  createContract,
  createProperty,
  createUnit,
  expectRefused,
  withDatabase,
} from './fixtures';

describe('contacts', () => {
  it('create → get round trip with the contact page facts', async () => {
    const core = testCore('2026-11-27');
    const events: string[] = [];
    core.events.onAny((event) => events.push(event));
    const created = await createContact(core, {
      title: 'Dr.',
      note: '  Rückruf erbeten  ',
      email: ' J.Mueller@Example.com ',
    });
    expect(events).toEqual(['portfolio.changed']);
    expect(created.contact).toMatchObject({
      ...contactInput({ title: 'Dr.', note: 'Rückruf erbeten', email: 'J.Mueller@Example.com' }),
      archived: false,
      displayName: 'Dr. Jürgen Müller',
    });
    expect(created).toMatchObject({
      contracts: [],
      access: { grant: 'none', until: null, contractId: null },
      invitation: null,
      invitationState: 'none',
      registeredAt: null,
      eligibility: { allowed: false, reason: 'NO_CONTRACT', possibleFrom: null },
      today: '2026-11-27',
    });
    expect(await ok(core, 'contacts.get', { id: created.contact.id })).toEqual(created);
    expect(auditRows(core).at(-1)).toMatchObject({
      action: 'contact.create',
      entity: 'contact',
      entity_id: String(created.contact.id),
    });
  });

  it('names a contact as the letters address it, the same on every screen', async () => {
    const core = testCore();
    const property = await createProperty(core);
    const unit = await createUnit(core, property.id);
    const named = async (extra: Partial<ContactInput>) => {
      const { contact } = await createContact(core, extra);
      await createContract(core, { contactId: contact.id, unitId: unit.id, number: `MV-${contact.id}` });
      return contact.displayName;
    };
    const names = [
      await named({ title: 'Dr.', referenceId: 'K-1' }),
      await named({
        salutation: 'company',
        firstName: null,
        lastName: 'Hausbau',
        company: 'Hausbau GmbH',
        referenceId: 'K-2',
      }),
      await named({ salutation: 'family', firstName: null, lastName: 'Weber', referenceId: 'K-3' }),
      await named({
        salutation: 'family',
        firstName: null,
        lastName: 'Smith',
        language: 'en',
        referenceId: 'K-4',
      }),
      await named({ salutation: 'mx', firstName: 'Kim', lastName: 'Lange', referenceId: 'K-5' }),
    ];
    expect(names).toEqual([
      'Dr. Jürgen Müller',
      'Hausbau GmbH',
      'Familie Weber',
      'Smith family',
      'Kim Lange',
    ]);
    // The list (sorted by last name, a company by its company name), the unit's contracts and the
    // property invitation show the same names.
    const list = await ok(core, 'contacts.list', {});
    expect(list.items.map((i) => i.displayName)).toEqual([
      'Hausbau GmbH',
      'Kim Lange',
      'Dr. Jürgen Müller',
      'Smith family',
      'Familie Weber',
    ]);
    const detail = await ok(core, 'properties.get', { id: property.id });
    expect(detail.units[0]?.current.map((c) => c.contactName)).toEqual(names);
    const invite = await ok(core, 'invitations.previewProperty', { propertyId: property.id });
    expect(invite.eligible.map((c) => c.displayName).sort()).toEqual([...names].sort());
    // The company is found by its company name.
    const page = await ok(core, 'contacts.list', { search: 'hausb' });
    expect(page.items.map((i) => i.displayName)).toEqual(['Hausbau GmbH']);
  });

  it('update changes the fields and the sort name; an unchanged update writes nothing', async () => {
    const core = testCore();
    const created = await createContact(core);
    const updated = await ok(core, 'contacts.update', {
      id: created.contact.id,
      ...contactInput({ lastName: 'Schmidt', email: null, language: 'en', preference: 'postal' }),
    });
    expect(updated.contact).toMatchObject({
      lastName: 'Schmidt',
      email: null,
      displayName: 'Jürgen Schmidt',
    });
    const search = async (text: string) =>
      (await ok(core, 'contacts.list', { search: text })).items.map((i) => i.id);
    expect(await search('schm')).toEqual([created.contact.id]);
    expect(await search('mül')).toEqual([]);
    const audit = auditRows(core).at(-1);
    expect(audit?.action).toBe('contact.update');
    expect(JSON.parse(audit?.before ?? 'null')).toMatchObject({ lastName: 'Müller' });
    expect(JSON.parse(audit?.after ?? 'null')).toMatchObject({ lastName: 'Schmidt' });

    const audits = auditRows(core).length;
    await ok(core, 'contacts.update', {
      id: created.contact.id,
      ...contactInput({ lastName: 'Schmidt', email: null, language: 'en', preference: 'postal' }),
    });
    expect(auditRows(core)).toHaveLength(audits);
  });

  it('setArchived archives and restores; an archived contact has no access and cannot be invited', async () => {
    const core = testCore('2026-11-27');
    const property = await createProperty(core);
    const unit = await createUnit(core, property.id);
    const created = await createContact(core);
    await createContract(core, { contactId: created.contact.id, unitId: unit.id, start: '2020-01-01' });

    const archived = await ok(core, 'contacts.setArchived', { id: created.contact.id, archived: true });
    expect(archived.contact.archived).toBe(true);
    expect(archived.access.grant).toBe('none');
    expect(archived.contracts[0]?.access.grant).toBe('none');
    expect(archived.eligibility).toEqual({ allowed: false, reason: 'ARCHIVED', possibleFrom: null });
    expect(auditRows(core).at(-1)).toMatchObject({ action: 'contact.archive' });
    const list = await ok(core, 'contacts.list', {});
    expect(list.total).toBe(0);

    const audits = auditRows(core).length;
    await ok(core, 'contacts.setArchived', { id: created.contact.id, archived: true });
    expect(auditRows(core)).toHaveLength(audits);

    const restored = await ok(core, 'contacts.setArchived', { id: created.contact.id, archived: false });
    expect(restored.access).toMatchObject({ grant: 'active', until: null });
    expect(restored.eligibility).toMatchObject({ allowed: true });
    expect(auditRows(core).at(-1)).toMatchObject({ action: 'contact.unarchive' });
  });

  it('shows registration and the latest invitation', async () => {
    const core = testCore('2026-11-27');
    const created = await createContact(core);
    const id = created.contact.id;
    withDatabase(core, (db) => {
      const insert = db.prepare(
        `INSERT INTO invitations (contact_id, code_hash, created_at, expires_on, channel, state)
         VALUES (?, ?, ?, ?, ?, ?)`,
      );
      insert.run(id, 'h1', '2026-10-01T08:00:00.000Z', '2026-10-31', 'email', 'revoked');
      insert.run(id, 'h2', '2026-11-01T08:00:00.000Z', '2026-11-26', 'letter', 'pending');
    });
    const detail = await ok(core, 'contacts.get', { id });
    expect(detail.invitation).toMatchObject({
      state: 'expired',
      channel: 'letter',
      createdAt: '2026-11-01T08:00:00.000Z',
      expiresOn: '2026-11-26',
    });
    expect(detail.invitationState).toBe('expired');

    withDatabase(core, (db) =>
      db
        .prepare('INSERT INTO portal_accounts (contact_id, registered_at) VALUES (?, ?)')
        .run(id, '2026-11-20T10:00:00Z'),
    );
    const registered = await ok(core, 'contacts.get', { id });
    expect(registered.registeredAt).toBe('2026-11-20T10:00:00Z');
    expect(registered.invitationState).toBe('redeemed');
    expect(registered.eligibility).toMatchObject({ allowed: false, reason: 'ALREADY_REGISTERED' });
  });

  it('refuses bad input with its code and writes nothing', async () => {
    const core = testCore();
    const first = await createContact(core);
    await createContact(core, { referenceId: 'K-2' });
    await expectRefused(
      core,
      'contacts.create',
      contactInput({ referenceId: 'K-9', email: 'nicht-gültig' }),
      'INVALID_EMAIL',
    );
    await expectRefused(
      core,
      'contacts.create',
      contactInput({ referenceId: 'K-9', email: 'a@b c.de' }),
      'INVALID_EMAIL',
    );
    await expectRefused(
      core,
      'contacts.create',
      contactInput({ referenceId: 'K-9', lastName: '  ' }),
      'REQUIRED',
    );
    await expectRefused(core, 'contacts.create', contactInput({ referenceId: '' }), 'REQUIRED');
    await expectRefused(core, 'contacts.create', contactInput(), 'DUPLICATE_REFERENCE_ID', {
      referenceId: 'K-1',
    });
    await expectRefused(
      core,
      'contacts.update',
      { id: first.contact.id, ...contactInput({ referenceId: 'K-2' }) },
      'DUPLICATE_REFERENCE_ID',
    );
    await expectRefused(
      core,
      'contacts.create',
      contactInput({ referenceId: 'K-9', salutation: 'dr' as 'mr' }),
      'INVALID_PAYLOAD',
    );
    await expectRefused(
      core,
      'contacts.update',
      { id: 999, ...contactInput({ referenceId: 'K-9' }) },
      'NOT_FOUND',
    );
    await expectRefused(core, 'contacts.setArchived', { id: 999, archived: true }, 'NOT_FOUND');
    await expectRefused(core, 'contacts.get', { id: 999 }, 'NOT_FOUND');
  });
});
