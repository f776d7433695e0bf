/** Individual shares and SmartPost on the demo portfolio (today 2026-11-27, pre 30 / post 60 days). */
import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import type { ContentDetail, ShareTarget } from '../../../shared/ipc';
import { pdfTextLines } from '../invitations/support';
import { ok, savedHeld } from '../support';
import { auditRows, demoContact, expectRefused, outboxRows, sharingCore, type SharingCore } from './support';

async function announcement(core: SharingCore): Promise<ContentDetail> {
  return ok(core, 'content.create', {
    kind: 'announcement',
    title: 'Treppenhausreinigung',
    propertyId: core.portfolio.showcasePropertyId,
    text: 'Ab Januar reinigt eine neue Firma das Treppenhaus.',
  });
}

const TEMPLATE = [
  '{{anrede}}',
  '',
  'wir schreiben Ihnen, {{name}}, zu Ihrer Einheit {{einheit}} in der Liegenschaft {{ liegenschaft }}.',
  'Stand: {{datum}}',
].join('\n');

async function smartPost(core: SharingCore): Promise<ContentDetail> {
  return ok(core, 'content.create', {
    kind: 'smartpost',
    title: 'Ankündigung Heizungswartung',
    propertyId: core.portfolio.showcasePropertyId,
    template: TEMPLATE,
  });
}

describe('individual shares', () => {
  it('previews: contacts with access are recipients, the others refused with the reason', async () => {
    const core = await sharingCore();
    const content = await announcement(core);
    const { situations } = core.portfolio;
    const active = situations.activeTenant.contactId;
    const pre = situations.tenantStartingSoon.contactId;
    const post = situations.recentlyEndedRegistered.contactId;
    const noAccess = situations.longEndedRegistered.contactId;
    const later = situations.tenantStartingLater.contactId;
    const archived = situations.archived.contactId;
    const noEmail = situations.noEmail.contactId;
    const preview = await ok(core, 'sharing.preview', {
      contentId: content.id,
      target: { mode: 'individual', contactIds: [active, pre, post, noAccess, later, archived, noEmail] },
    });
    expect(preview.recipients.map((r) => [r.contactId, r.access.grant, r.visibleToday]).sort()).toEqual(
      [
        [active, 'active', true],
        [pre, 'pre', true],
        [post, 'post', true],
        [noEmail, 'active', true],
      ].sort(),
    );
    expect(preview.refused.map((r) => [r.contactId, r.reason]).sort()).toEqual(
      [
        [noAccess, 'NO_ACCESS'],
        [later, 'NO_ACCESS'],
        [archived, 'ARCHIVED'],
      ].sort(),
    );
    expect(preview.skipped).toEqual([]);
    expect(preview.needsPost).toEqual([{ contactId: noEmail, displayName: 'Günter Schulze' }]);
    expect(preview.recipients.find((r) => r.contactId === pre)?.units).toMatch(/^Whg\. \d+/);
  });

  it('refuses a contact without access with NO_ACCESS and writes nothing', async () => {
    const core = await sharingCore();
    const content = await announcement(core);
    const { situations } = core.portfolio;
    const noAccess = situations.longEndedRegistered.contactId;
    await expectRefused(
      core,
      'sharing.share',
      { contentId: content.id, target: { mode: 'individual', contactIds: [noAccess] } },
      'NO_ACCESS',
      { contactId: noAccess },
    );
    // One contact without access spoils the whole request: nothing is written for the others either.
    await expectRefused(
      core,
      'sharing.share',
      {
        contentId: content.id,
        target: {
          mode: 'individual',
          contactIds: [situations.activeTenant.contactId, situations.tenantStartingLater.contactId],
        },
      },
      'NO_ACCESS',
      { contactId: situations.tenantStartingLater.contactId },
    );
    await expectRefused(
      core,
      'sharing.share',
      { contentId: content.id, target: { mode: 'individual', contactIds: [situations.archived.contactId] } },
      'ARCHIVED',
    );
    await expectRefused(
      core,
      'sharing.share',
      { contentId: content.id, target: { mode: 'individual', contactIds: [99_999] } },
      'UNKNOWN_CONTACT',
      { contactId: 99_999 },
    );
    // "Zusätzlich einzeln" with a contact outside any window is refused the same way.
    await expectRefused(
      core,
      'sharing.share',
      {
        contentId: content.id,
        target: {
          mode: 'role',
          role: 'tenant',
          propertyId: core.portfolio.showcasePropertyId,
          unitIds: null,
        },
        alsoIndividually: [noAccess],
      },
      'NO_ACCESS',
      { contactId: noAccess },
    );
    await expectRefused(
      core,
      'sharing.share',
      { contentId: 99_999, target: { mode: 'individual', contactIds: [situations.activeTenant.contactId] } },
      'NOT_FOUND',
    );
  });

  it('notifies a contact without e-mail by a letter in the Postausgang print batch', async () => {
    const core = await sharingCore();
    const content = await announcement(core);
    const { noEmail, activeTenant } = core.portfolio.situations;
    const result = await ok(core, 'sharing.share', {
      contentId: content.id,
      target: { mode: 'individual', contactIds: [noEmail.contactId, activeTenant.contactId] },
    });
    expect(result).toEqual({
      sharedWith: 2,
      notifications: 1,
      letters: 1,
      needsPost: [{ contactId: noEmail.contactId, displayName: 'Günter Schulze' }],
      lettersFile: null,
    });
    // Nobody is left out: the e-mail, and a letter waiting in the Postausgang's print batch.
    expect(outboxRows(core).map((m) => [m.contact_id, m.channel])).toEqual([
      [activeTenant.contactId, 'email'],
      [noEmail.contactId, 'letter'],
    ]);
    expect((await ok(core, 'outbox.list', {})).lettersQueued).toBe(1);
    expect(auditRows(core).filter((a) => a.action === 'sharing.share')).toHaveLength(2);
  });
});

describe('SmartPost', () => {
  it('is never shared by role: SMARTPOST_ROLE_SHARE, nothing written; the role scope can still be previewed', async () => {
    const core = await sharingCore();
    const content = await smartPost(core);
    const target: ShareTarget = {
      mode: 'role',
      role: 'tenant',
      propertyId: core.portfolio.showcasePropertyId,
      unitIds: null,
    };
    await expectRefused(core, 'sharing.share', { contentId: content.id, target }, 'SMARTPOST_ROLE_SHARE');
    const preview = await ok(core, 'sharing.preview', { contentId: content.id, target });
    expect(preview.skipped.length).toBeGreaterThan(0);
  });

  it('reaches pre- and post-contract contacts, one personal letter each, one PDF page per recipient', async () => {
    const core = await sharingCore();
    const content = await smartPost(core);
    const target: ShareTarget = {
      mode: 'role',
      role: 'tenant',
      propertyId: core.portfolio.showcasePropertyId,
      unitIds: null,
    };
    const preview = await ok(core, 'sharing.preview', { contentId: content.id, target });
    const { situations } = core.portfolio;
    // The dialog picks the contacts from the role scope, skipped ones included, and shares individually.
    const picked = [
      situations.activeTenant.contactId,
      situations.noEmail.contactId,
      ...preview.skipped.map((s) => s.contactId),
    ];
    const result = await ok(core, 'sharing.share', {
      contentId: content.id,
      target: { mode: 'individual', contactIds: picked },
    });
    expect(result.sharedWith).toBe(picked.length);
    const withEmail = picked.filter((id) => demoContact(core, id).email !== null);
    expect(result.notifications).toBe(withEmail.length);
    expect(
      outboxRows(core)
        .map((m) => m.contact_id)
        .sort((a, b) => (a ?? 0) - (b ?? 0)),
    ).toEqual([...withEmail].sort((a, b) => a - b));
    expect(result.needsPost.map((n) => n.contactId)).toEqual([situations.noEmail.contactId]);

    const saved = await savedHeld(core, result.lettersFile);
    const pdf = await PDFDocument.load(saved);
    expect(pdf.getPageCount()).toBe(picked.length);
    const { lines } = await pdfTextLines(saved);
    // Placeholders filled per recipient, in the recipient's language.
    expect(lines).toContain('Sehr geehrter Herr Schröder,');
    expect(lines).toContain('Dear Ms Clarke,');
    expect(lines).toContain('Sehr geehrter Herr Müller,');
    expect(lines.some((line) => line.includes('Jürgen Müller, zu Ihrer Einheit Whg.'))).toBe(true);
    expect(lines.some((line) => line.includes('WEG Musterstraße 12'))).toBe(true);
    expect(lines).toContain('Stand: 27.11.2026');
    expect(lines).toContain('Stand: 27 November 2026');
    expect(lines.join('\n')).not.toContain('{{');

    // Pre- and post-contract contacts see it in the portal today.
    for (const s of preview.skipped) {
      const portal = await ok(core, 'portal.preview', {
        contactId: s.contactId,
        day: null,
      });
      expect(portal.items.find((i) => i.id === content.id)?.via).toBe('individual');
    }
  });
});
