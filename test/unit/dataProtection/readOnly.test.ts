/**
 * An anonymised contact is read-only: nothing may re-personalise it, bring it back from the archive,
 * give it a contract, invite it or share with it. Each request is refused with CONTACT_ANONYMISED
 * and leaves every table as it was; its page says when it was anonymised.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Request } from '../../../shared/ipc';
import { contactInputSchema } from '../../../shared/contract/portfolio';
import { DATABASE_FILE } from '../../../src-main/core/core';
import { ok, snapshotDatabase } from '../support';
import {
  auditRows,
  building,
  contact,
  contract,
  expectRefused,
  invitationCore,
  invite,
  TODAY,
  type InvitationCore,
} from '../invitations/support';

/**
 * A former tenant (2015 – mid-2023), given a code while her contract ran, anonymised today; a
 * neighbour in the same building rents on. And an announcement of the building to share.
 */
async function anonymisedTenant() {
  const core = invitationCore('2023-03-01');
  const house = await building(core, 2);
  const [flat, next] = house.units;
  const former = await contact(core, { firstName: 'Zerlina', lastName: 'Quastenberg' });
  const id = former.contact.id;
  const lease = await contract(core, {
    contactId: id,
    unitId: flat!.id,
    start: '2015-01-01',
    end: '2023-06-30',
  });
  const neighbour = await contact(core, { firstName: 'Nils', lastName: 'Nachbar' });
  const neighbourLease = await contract(core, {
    contactId: neighbour.contact.id,
    unitId: next!.id,
    start: '2020-01-01',
    end: null,
  });
  const invitation = await invite(core, id, 'code');
  core.clock.set(TODAY);
  await ok(core, 'dataProtection.anonymise', { contactIds: [id] });
  const announcement = await ok(core, 'content.create', {
    kind: 'announcement',
    title: 'Treppenhausreinigung',
    propertyId: house.property.id,
    text: 'Am Montag',
  });
  return {
    core,
    id,
    house,
    contractId: lease.contracts[0]!.id,
    neighbourId: neighbour.contact.id,
    neighbourContractId: neighbourLease.contracts[0]!.id,
    invitation,
    contentId: announcement.id,
  };
}

/** Sets the contact's invitation back to pending (as if the anonymisation had not revoked it). */
function reopenInvitation(core: InvitationCore, invitationId: number, expiresOn: string): void {
  const db = new Database(path.join(core.dataDir, DATABASE_FILE));
  try {
    db.prepare(
      "UPDATE invitations SET state = 'pending', revoked_at = NULL, expires_on = ? WHERE id = ?",
    ).run(expiresOn, invitationId);
  } finally {
    db.close();
  }
}

describe('an anonymised contact', () => {
  it('shows when it was anonymised and that it cannot be invited, in its page and the list', async () => {
    const { core, id } = await anonymisedTenant();
    const detail = await ok(core, 'contacts.get', { id });
    const anonymisation = auditRows(core).find((row) => row.action === 'dataProtection.anonymise');
    expect(detail.contact.anonymisedAt).toBe(JSON.parse(anonymisation!.after!).anonymisedAt);
    expect(detail.eligibility).toEqual({ allowed: false, reason: 'CONTACT_ANONYMISED', possibleFrom: null });

    const list = await ok(core, 'contacts.list', { includeArchived: true });
    expect(list.items.map((item) => [item.displayName, item.anonymised])).toEqual([
      [`Anonymisiert #${id}`, true],
      ['Nils Nachbar', false],
    ]);
  });

  it('refuses changes to its master data and leaving the archive', async () => {
    const { core, id } = await anonymisedTenant();
    const { contact: anonymised } = await ok(core, 'contacts.get', { id });
    const { anonymisedAt } = anonymised;
    const fields = Object.fromEntries(
      contactInputSchema.keyof().options.map((key) => [key, anonymised[key]]),
    ) as Request<'contacts.create'>;
    await expectRefused(
      core,
      'contacts.update',
      { ...fields, id, firstName: 'Zerlina', lastName: 'Quastenberg', email: 'zq@example.org' },
      'CONTACT_ANONYMISED',
      { contactId: id, anonymisedAt },
    );
    // Saving the form unchanged is refused as well: the record is not to be edited at all.
    await expectRefused(core, 'contacts.update', { ...fields, id }, 'CONTACT_ANONYMISED');
    await expectRefused(core, 'contacts.setArchived', { id, archived: false }, 'CONTACT_ANONYMISED');
  });

  it('refuses a new contract, changing or ending its contract, and moving another contract to it', async () => {
    const { core, id, house, contractId, neighbourId, neighbourContractId } = await anonymisedTenant();
    const flat = house.units[0]!.id;
    const lease = { type: 'tenant' as const, number: 'MV-neu', start: '2027-01-01', end: null };
    await expectRefused(
      core,
      'contracts.create',
      { ...lease, contactId: id, unitId: flat },
      'CONTACT_ANONYMISED',
      { contactId: id },
    );
    const own = {
      contactId: id,
      unitId: flat,
      type: 'tenant' as const,
      number: `MV-${id}-${flat}`,
      start: '2015-01-01',
    };
    await expectRefused(
      core,
      'contracts.update',
      { ...own, id: contractId, end: '2030-12-31' },
      'CONTACT_ANONYMISED',
    );
    // Handing its contract to someone else would change it as well.
    await expectRefused(
      core,
      'contracts.update',
      { ...own, id: contractId, contactId: neighbourId, end: '2023-06-30' },
      'CONTACT_ANONYMISED',
    );
    await expectRefused(core, 'contracts.end', { id: contractId, end: '2023-01-31' }, 'CONTACT_ANONYMISED');
    await expectRefused(
      core,
      'contracts.update',
      {
        id: neighbourContractId,
        contactId: id,
        unitId: house.units[1]!.id,
        type: 'tenant',
        number: 'MV-N',
        start: '2020-01-01',
        end: null,
      },
      'CONTACT_ANONYMISED',
    );
  });

  it('refuses every kind of invitation: by e-mail, letter or code, and with the whole property', async () => {
    const { core, id, house } = await anonymisedTenant();
    for (const channel of ['email', 'letter', 'code'] as const) {
      await expectRefused(core, 'invitations.create', { contactId: id, channel }, 'CONTACT_ANONYMISED');
    }
    const preview = await ok(core, 'invitations.previewProperty', {
      propertyId: house.property.id,
    });
    expect(preview.ineligible).toEqual([
      expect.objectContaining({ contactId: id, reason: 'CONTACT_ANONYMISED' }),
    ]);
    const before = snapshotDatabase(core.dataDir);
    const result = await ok(core, 'invitations.inviteProperty', {
      propertyId: house.property.id,
      contactIds: [id],
    });
    expect(result).toMatchObject({
      emailed: 0,
      letters: 0,
      refused: [{ contactId: id, reason: 'CONTACT_ANONYMISED' }],
    });
    expect(snapshotDatabase(core.dataDir)).toBe(before);
  });

  it('registers no one with its old code and cannot have it reactivated, even were it still open', async () => {
    const { core, invitation } = await anonymisedTenant();
    // The anonymisation revoked the code.
    await expectRefused(core, 'invitations.redeem', { code: invitation.code }, 'INVALID_CODE');
    reopenInvitation(core, invitation.invitation.id, '2026-12-31');
    await expectRefused(core, 'invitations.redeem', { code: invitation.code }, 'CONTACT_ANONYMISED');
    reopenInvitation(core, invitation.invitation.id, '2026-11-01');
    await expectRefused(
      core,
      'invitations.reactivate',
      { id: invitation.invitation.id },
      'CONTACT_ANONYMISED',
    );
  });

  it('receives no individual share, neither alone nor added to a role share', async () => {
    const { core, id, house, contentId } = await anonymisedTenant();
    const preview = await ok(core, 'sharing.preview', {
      contentId,
      target: { mode: 'individual', contactIds: [id] },
    });
    expect(preview.refused).toEqual([
      { contactId: id, displayName: `Anonymisiert #${id}`, reason: 'CONTACT_ANONYMISED' },
    ]);
    await expectRefused(
      core,
      'sharing.share',
      { contentId, target: { mode: 'individual', contactIds: [id] } },
      'CONTACT_ANONYMISED',
      { contactId: id },
    );
    await expectRefused(
      core,
      'sharing.share',
      {
        contentId,
        target: { mode: 'role', role: 'all', propertyId: house.property.id, unitIds: null },
        alsoIndividually: [id],
      },
      'CONTACT_ANONYMISED',
    );
  });
});
