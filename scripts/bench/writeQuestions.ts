/** The questions that write or would: an access change's impact, a bulk invitation, saving a contact. */
import type { SearchedFields } from '../../src-main/core/db/contactKeys';
import { contactSearchIndex } from '../../src-main/core/db/contactSearchIndex';
import { addDays } from '../../shared/dates';
import type { ContactDetail, PropertyInvitePreview } from '../../shared/ipc';
import { accessBounds } from '../../src-main/core/db/accessRepository';
import { WINDOWS_ON } from './portfolio';
import { gc, OFF_POST, type Session } from './session';
import { measure, measureSync, single, timeOnce, timeSync } from './stats';

/** A contact's fields as contacts.update takes them, from its detail. */
function contactInput(detail: ContactDetail, email: string) {
  const c = detail.contact;
  return {
    id: c.id,
    salutation: c.salutation,
    title: c.title,
    firstName: c.firstName,
    lastName: c.lastName,
    company: c.company,
    email,
    phone: c.phone,
    language: c.language,
    preference: c.preference,
    referenceId: c.referenceId,
    note: c.note,
    street: c.street,
    houseNo: c.houseNo,
    postcode: c.postcode,
    city: c.city,
  };
}

export async function askImpact(m: Session): Promise<void> {
  const { invoke, row, s, settingsRows, today } = m;
  // ── the impact of turning "Zugang nach Vertragsende" on with 60 days (pre 30 on, post off)
  await invoke('settings.updateAccess', OFF_POST);
  const impact = row('impact', 'impact of post-contract access on, 60 days', 'settings.previewAccessImpact');
  const impactValue = await invoke<{ gained: number[]; seatsBefore: number; seatsAfter: number }>(
    'settings.previewAccessImpact',
    WINDOWS_ON,
  );
  impact.info = `${impactValue.gained.length} regain access, seats ${impactValue.seatsBefore} → ${impactValue.seatsAfter}`;
  gc();
  impact.app = await measure(20, () => invoke('settings.previewAccessImpact', WINDOWS_ON), { warmup: 3 });
  const before = accessBounds(OFF_POST, today);
  const after = accessBounds(WINDOWS_ON, today);
  const impactParams = {
    day: today,
    candidatePreUntil: before.preUntil > after.preUntil ? before.preUntil : after.preUntil,
    candidatePostFrom: before.postFrom < after.postFrom ? before.postFrom : after.postFrom,
    beforePreUntil: before.preUntil,
    beforePostFrom: before.postFrom,
    afterPreUntil: after.preUntil,
    afterPostFrom: after.postFrom,
  };
  impact.floor = measureSync(
    20,
    () => {
      settingsRows.get('access');
      s.impact.all(impactParams);
      s.accessBase.all();
    },
    3,
  );
  await invoke('settings.updateAccess', WINDOWS_ON);
}

/** Invites every eligible contact of the bulk property; answers how many get a letter. */
export async function askBulkInvite(m: Session): Promise<number> {
  const { invoke, row, s, db, bulk, facts, today, now } = m;
  // ── bulk invitation of the ~1,000-unit property: the preview, then inviting every eligible
  // contact once. Floor: the reading statements; the invitation adds its inserts (rolled back).
  const readProperty = () => {
    s.property.get(bulk);
    s.invitees.all({ propertyId: bulk });
    s.inviteeContracts.all({ propertyId: bulk });
    s.inviteeUnits.all({ propertyId: bulk });
  };
  const preview = await invoke<PropertyInvitePreview>('invitations.previewProperty', { propertyId: bulk });
  const previewRow = row(
    'invitePreview',
    `bulk invite: preview (${facts.bulkPropertyUnits} units)`,
    'invitations.previewProperty',
  );
  previewRow.info = `${preview.eligible.length} eligible, ${preview.ineligible.length} not`;
  gc();
  previewRow.app = await measure(10, () => invoke('invitations.previewProperty', { propertyId: bulk }), {
    warmup: 2,
  });
  previewRow.floor = measureSync(10, readProperty, 2);
  const eligible = preview.eligible.map((candidate) => candidate.contactId);
  const letterCount = preview.eligible.filter((candidate) => candidate.channel === 'letter').length;
  const mail = { subject: 'Ihre Einladung', text: 'x'.repeat(900), html: 'x'.repeat(1800) };
  const invite = row(
    'invite',
    `bulk invite: invite all eligible (${facts.bulkPropertyUnits} units)`,
    'invitations.inviteProperty',
  );
  invite.floor = single(
    timeSync(() => {
      db.exec('BEGIN IMMEDIATE');
      try {
        readProperty();
        s.openInvitations.all({ propertyId: bulk });
        eligible.forEach((contactId) => {
          const hash = `bench-floor-${contactId}-${'0'.repeat(48)}`;
          const id = s.insertInvitation.run(
            contactId,
            hash,
            now,
            addDays(today, 30),
            'email',
          ).lastInsertRowid;
          s.insertOutbox.run(contactId, 'a@example.org', mail.subject, mail.text, mail.html, now);
          s.insertAudit.run(now, 'bench', 'invitations.create', 'invitation', String(id), null, '{}');
        });
      } finally {
        db.exec('ROLLBACK');
      }
    }).ms,
  );
  gc();
  const invited = await timeOnce(() =>
    invoke<{ emailed: number; letters: number }>('invitations.inviteProperty', {
      propertyId: bulk,
      contactIds: eligible,
    }),
  );
  invite.app = single(invited.ms);
  invite.info = `${invited.value.emailed} e-mails + ${invited.value.letters} letters (one PDF)`;
  return letterCount;
}

export async function askChange(m: Session): Promise<void> {
  const { invoke, row, s, db, contactIds, now } = m;
  // ── one small change: a contact's e-mail (transaction + audit row + the contact page as answer)
  const changed = await invoke<ContactDetail>('contacts.get', { id: contactIds[0] });
  const change = row('change', 'one change: save a contact', 'contacts.update');
  gc();
  change.app = await measure(
    20,
    (i) => invoke('contacts.update', contactInput(changed, `bench-${i}@example.org`)),
    {
      warmup: 2,
    },
  );
  // The app also rewrites the contact's row of the search index in the same transaction.
  const writeSearch = contactSearchIndex(db);
  const searched = db
    .prepare<[number], SearchedFields>(
      'SELECT first_name, last_name, company, email, reference_id FROM contacts WHERE id = ?',
    )
    .get(contactIds[0]!)!;
  change.floor = measureSync(
    20,
    (i) => {
      db.transaction(() => {
        s.updateEmail.run(`floor-${i}@example.org`, contactIds[0]);
        writeSearch(contactIds[0]!, { ...searched, email: `floor-${i}@example.org` });
        s.insertAudit.run(now, 'bench', 'contact.update', 'contact', String(contactIds[0]), '{}', '{}');
      })();
    },
    2,
  );
}
