/**
 * The scenario of the issue on the demo portfolio (today 2026-11-27, pre 30 / post 60 days): an
 * announcement shared with all tenants of "WEG Musterstraße 12" skips exactly the policy's pre/post
 * tenants of the property; "zusätzlich einzeln freigeben" adds them; every recipient gets one
 * notification in their language; visibility follows the day viewed.
 */
import { describe, expect, it } from 'vitest';
import type { ContentDetail } from '../../../shared/ipc';
import { resolveRoleShare } from '../../../src-main/core/policy';
import { addDays } from '../../../shared/dates';
import { ok, refused } from '../support';
import {
  ACCESS,
  auditRows,
  demoContact,
  outboxRows,
  renderedOutbox,
  sharingCore,
  TODAY,
  type SharingCore,
} from './support';

/** Told by letter (design §3 "Notifications"): no e-mail address, or prefers post. */
const byLetter = (contact: { email: string | null; preference: string }) =>
  contact.email === null || contact.preference === 'postal';

async function announcement(
  core: SharingCore,
  title = 'Wasserabsperrung am 3. Dezember',
): Promise<ContentDetail> {
  return ok(core, 'content.create', {
    kind: 'announcement',
    title,
    propertyId: core.portfolio.showcasePropertyId,
    text: 'Am 3. Dezember wird zwischen 9 und 12 Uhr das Wasser abgestellt.',
  });
}

function allTenants(core: SharingCore) {
  return {
    mode: 'role',
    role: 'tenant',
    propertyId: core.portfolio.showcasePropertyId,
    unitIds: null,
  } as const;
}

/** The pure policy's answer for "all tenants of the showcase property" today. */
function expectedResolution(core: SharingCore) {
  return resolveRoleShare(
    { propertyId: core.portfolio.showcasePropertyId, unitIds: null, role: 'tenant' },
    core.contactFacts,
    core.contractFacts,
    ACCESS,
    TODAY,
  );
}

async function visibleIds(
  core: SharingCore,
  contactId: number,
  day: string | null,
): Promise<Map<number, string>> {
  const preview = await ok(core, 'portal.preview', { contactId, day });
  return new Map(preview.items.map((item) => [item.id, item.via]));
}

describe('sharing.preview: role share "Alle Mieter" of the showcase property', () => {
  it('lists as skipped exactly the pre- and post-contract tenants the policy finds', async () => {
    const core = await sharingCore();
    const content = await announcement(core);
    const preview = await ok(core, 'sharing.preview', {
      contentId: content.id,
      target: allTenants(core),
    });
    const expected = expectedResolution(core);

    // All of them fit on the first page here (the 1,000-unit property: recipientPages.test.ts).
    expect(preview.recipientCount).toBe(expected.recipients.length);
    expect(preview.recipients.map((r) => r.contactId).sort((a, b) => a - b)).toEqual(expected.recipients);
    expect(
      preview.skipped
        .map((s) => ({ contactId: s.contactId, grant: s.grant, windowEnd: s.windowEnd }))
        .sort((a, b) => a.contactId - b.contactId),
    ).toEqual(expected.skipped.map(({ contactId, grant, windowEnd }) => ({ contactId, grant, windowEnd })));
    expect(preview.refused).toEqual([]);

    // The planted situations are among them: starting within 30 days, ended within 60 days.
    const skippedIds = new Set(preview.skipped.map((s) => s.contactId));
    const { situations } = core.portfolio;
    for (const id of [
      ...situations.tenantStartingSoon.contactIds,
      ...situations.recentlyEndedRegistered.contactIds,
    ]) {
      expect(skippedIds.has(id), `contact ${id} skipped`).toBe(true);
    }
    // Not skipped: archived, starting in > 30 days, ended > 60 days ago.
    for (const id of [
      situations.archived.contactId,
      ...situations.tenantStartingLater.contactIds,
      situations.longEndedRegistered.contactId,
    ]) {
      expect(skippedIds.has(id), `contact ${id} not skipped`).toBe(false);
    }
    // Every skipped contact has a name, its unit and the window's end; recipients see it today.
    for (const s of preview.skipped) {
      expect(s.displayName).not.toBe('');
      expect(s.units).toMatch(/^Whg\. \d+/);
    }
    const clarke = preview.skipped.find((s) => s.contactId === situations.tenantStartingSoon.contactIds[2]);
    expect(clarke).toMatchObject({
      displayName: 'Emily Clarke',
      grant: 'pre',
      windowEnd: addDays(TODAY, 27),
    });
    const schroeder = preview.skipped.find(
      (s) => s.contactId === situations.recentlyEndedRegistered.contactId,
    );
    expect(schroeder).toMatchObject({ grant: 'post', windowEnd: addDays(TODAY, 50) });
    expect(preview.recipients.every((r) => r.visibleToday && r.access.grant === 'active')).toBe(true);

    // needsPost: the recipients told by letter: without e-mail (the planted "noEmail" tenant among
    // them) or preferring post.
    const withoutEmail = expected.recipients.filter((id) => byLetter(demoContact(core, id)));
    expect(preview.needsPostCount).toBe(withoutEmail.length);
    expect(preview.needsPost.map((n) => n.contactId).sort((a, b) => a - b)).toEqual(withoutEmail);
    expect(withoutEmail).toContain(situations.noEmail.contactId);
  });

  it('limits the scope to selected units', async () => {
    const core = await sharingCore();
    const content = await announcement(core);
    const { situations } = core.portfolio;
    const schroederUnit = core.portfolio.contracts.find(
      (k) => k.id === situations.recentlyEndedRegistered.contractIds[0],
    )!.unit_id;
    const muellerUnit = core.portfolio.contracts.find(
      (k) => k.id === situations.activeTenant.contractIds[0],
    )!.unit_id;
    const preview = await ok(core, 'sharing.preview', {
      contentId: content.id,
      target: { ...allTenants(core), unitIds: [schroederUnit, muellerUnit] },
    });
    expect(preview.recipients.map((r) => r.contactId)).toEqual([situations.activeTenant.contactId]);
    // Unit A: Schröder moved out 10 days ago, Köhler moves in in 14 days.
    expect(preview.skipped.map((s) => s.contactId).sort((a, b) => a - b)).toEqual(
      [situations.recentlyEndedRegistered.contactId, situations.tenantStartingSoon.contactId].sort(
        (a, b) => a - b,
      ),
    );
  });

  it('refuses units of another property and unknown properties', async () => {
    const core = await sharingCore();
    const content = await announcement(core);
    const foreignUnit = core.portfolio.units.find(
      (u) => u.property_id !== core.portfolio.showcasePropertyId,
    )!.id;
    const result = await refused(core, 'sharing.preview', {
      contentId: content.id,
      target: { ...allTenants(core), unitIds: [foreignUnit] },
    });
    expect(result).toMatchObject({ code: 'UNKNOWN_UNIT', params: { unitId: foreignUnit } });
    const unknown = await refused(core, 'sharing.preview', {
      contentId: content.id,
      target: { ...allTenants(core), propertyId: 99_999 },
    });
    expect(unknown).toMatchObject({ code: 'UNKNOWN_PROPERTY' });
    const missing = await refused(core, 'sharing.preview', { contentId: 99_999, target: allTenants(core) });
    expect(missing).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('sharing.share: role share plus "zusätzlich einzeln freigeben"', () => {
  it('writes the shares and one notification per recipient with e-mail, in their language', async () => {
    const core = await sharingCore();
    const content = await announcement(core);
    const target = allTenants(core);
    const preview = await ok(core, 'sharing.preview', { contentId: content.id, target });
    const skipped = preview.skipped.map((s) => s.contactId);
    const auditBefore = auditRows(core).length;

    const result = await ok(core, 'sharing.share', {
      contentId: content.id,
      target,
      alsoIndividually: skipped,
    });

    const everyone = [...preview.recipients.map((r) => r.contactId), ...skipped].sort((a, b) => a - b);
    const withEmail = everyone.filter((id) => !byLetter(demoContact(core, id)));
    const withoutEmail = everyone.filter((id) => byLetter(demoContact(core, id)));
    expect(withoutEmail.length).toBeGreaterThan(0);
    expect(result.sharedWith).toBe(everyone.length);
    expect(result.notifications).toBe(withEmail.length);
    expect(result.letters).toBe(withoutEmail.length);
    expect(result.needsPost.map((n) => n.contactId).sort((a, b) => a - b)).toEqual(withoutEmail);
    expect(result.lettersFile).toBeNull();

    // The outbox: one notification per recipient — an e-mail to its address, in its language, or a
    // letter in the print batch for those without e-mail or preferring post. Nobody left out.
    const all = await renderedOutbox(core);
    const letters = all.filter((m) => m.channel === 'letter').map((m) => m.contact_id);
    expect(letters.sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(withoutEmail);
    const outbox = all.filter((m) => m.channel === 'email');
    expect(outbox.map((m) => m.contact_id).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(withEmail);
    for (const message of outbox) {
      const contact = demoContact(core, message.contact_id!);
      expect(message.recipient).toBe(contact.email);
      expect(message.language).toBe(contact.language);
      expect(message.state).toBe('queued');
      expect(message.subject).toBe(
        contact.language === 'en'
          ? 'New in the customer portal: Wasserabsperrung am 3. Dezember'
          : 'Neu im Kundenportal: Wasserabsperrung am 3. Dezember',
      );
      // The text stays in the portal.
      expect(message.text_body).not.toContain('Wasser abgestellt');
    }
    // Pre- and post-contract contacts got theirs too; the English-speaking newcomer in English.
    const { situations } = core.portfolio;
    const clarke = outbox.find((m) => m.contact_id === situations.tenantStartingSoon.contactIds[2])!;
    expect(clarke.text_body).toMatch(/^Dear Ms Clarke,\n/);
    const schroeder = outbox.find((m) => m.contact_id === situations.recentlyEndedRegistered.contactId)!;
    expect(schroeder.text_body).toMatch(/^Sehr geehrter Herr Schröder,\n/);
    expect(schroeder.html_body).toContain('<p>Sehr geehrter Herr Schröder,</p>');
    expect(outbox.find((m) => m.contact_id === situations.englishActiveTenant.contactId)?.language).toBe(
      'en',
    );

    // One audit row per share: the role share and one individual share per skipped contact.
    const audit = auditRows(core).slice(auditBefore);
    expect(audit.map((a) => a.action)).toEqual(Array(1 + skipped.length).fill('sharing.share'));
    const roleAudit = JSON.parse(audit[0]!.after!) as {
      mode: string;
      recipients: number[];
      outboxIds: number[];
    };
    expect(roleAudit.mode).toBe('role');
    expect(roleAudit.recipients).toEqual(preview.recipients.map((r) => r.contactId).sort((a, b) => a - b));

    // "Geteilt mit": the role share lists its reach today; the individual shares are visible today.
    const detail = await ok(core, 'content.get', { id: content.id });
    expect(detail.shares).toHaveLength(1 + skipped.length);
    const role = detail.shares.find((s) => s.target.mode === 'role')!;
    expect(role.target).toMatchObject({ role: 'tenant', propertyName: 'WEG Musterstraße 12', unitIds: null });
    const visibleByRole = role.recipients.filter((r) => r.visibleToday).map((r) => r.contactId);
    expect(visibleByRole.sort((a, b) => a - b)).toEqual(
      preview.recipients.map((r) => r.contactId).sort((a, b) => a - b),
    );
    expect(
      role.recipients
        .filter((r) => !r.visibleToday)
        .map((r) => r.contactId)
        .sort((a, b) => a - b),
    ).toEqual([...skipped].sort((a, b) => a - b));
    const individual = detail.shares.filter((s) => s.target.mode === 'individual');
    expect(individual.map((s) => s.recipients[0]?.contactId).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
      [...skipped].sort((a, b) => a - b),
    );
    expect(individual.every((s) => s.recipients.length === 1 && s.recipients[0]!.visibleToday)).toBe(true);

    // The list counts everyone who sees it today.
    const list = await ok(core, 'content.list', {});
    expect(list.items.find((i) => i.id === content.id)?.visibleTo).toBe(everyone.length);
  });

  it('shows an individually shared item to a post-contract contact until its window ends', async () => {
    const core = await sharingCore();
    const content = await announcement(core);
    const target = allTenants(core);
    const preview = await ok(core, 'sharing.preview', { contentId: content.id, target });
    await ok(core, 'sharing.share', {
      contentId: content.id,
      target,
      alsoIndividually: preview.skipped.map((s) => s.contactId),
    });
    const schroeder = preview.skipped.find(
      (s) => s.contactId === core.portfolio.situations.recentlyEndedRegistered.contactId,
    )!;
    expect(schroeder.grant).toBe('post');

    expect((await visibleIds(core, schroeder.contactId, null)).get(content.id)).toBe('individual');
    expect((await visibleIds(core, schroeder.contactId, schroeder.windowEnd)).get(content.id)).toBe(
      'individual',
    );
    const after = await ok(core, 'portal.preview', {
      contactId: schroeder.contactId,
      day: addDays(schroeder.windowEnd, 1),
    });
    expect(after.items.map((i) => i.id)).not.toContain(content.id);
    expect(after.access.grant).toBe('none');
    expect(after.canLogIn).toBe(false);
    expect(after.registered).toBe(true);

    // Every skipped contact sees it today, and no longer the day after its window ends …
    for (const s of preview.skipped) {
      expect((await visibleIds(core, s.contactId, TODAY)).has(content.id), `${s.contactId} today`).toBe(true);
      if (s.grant === 'post') {
        expect((await visibleIds(core, s.contactId, addDays(s.windowEnd, 1))).has(content.id)).toBe(false);
      } else {
        // … while a pre-contract contact's window runs into its contract: still visible.
        expect((await visibleIds(core, s.contactId, addDays(s.windowEnd, 1))).has(content.id)).toBe(true);
      }
    }
  });

  it('hides a role-shared item from a tenant once the contract has ended', async () => {
    const core = await sharingCore();
    const content = await announcement(core);
    await ok(core, 'sharing.share', {
      contentId: content.id,
      target: allTenants(core),
      alsoIndividually: [],
    });
    const { activeTenant } = core.portfolio.situations;
    const contractId = activeTenant.contractIds[0]!;
    const lastDay = addDays(TODAY, 10);
    await ok(core, 'contracts.end', { id: contractId, end: lastDay });

    expect((await visibleIds(core, activeTenant.contactId, null)).get(content.id)).toBe('role');
    expect((await visibleIds(core, activeTenant.contactId, lastDay)).get(content.id)).toBe('role');
    const later = await ok(core, 'portal.preview', {
      contactId: activeTenant.contactId,
      day: addDays(lastDay, 1),
    });
    // Moved out: in the post-contract window (access post), but the role share needs an active contract.
    expect(later.access.grant).toBe('post');
    expect(later.items.map((i) => i.id)).not.toContain(content.id);

    // A newcomer sees it from the first day of the contract, without any individual share.
    const koehler = core.portfolio.situations.tenantStartingSoon.contactId;
    const start = core.portfolio.contracts.find(
      (k) => k.id === core.portfolio.situations.tenantStartingSoon.contractIds[0],
    )!.start_date;
    expect((await visibleIds(core, koehler, addDays(start, -1))).has(content.id)).toBe(false);
    expect((await visibleIds(core, koehler, start)).get(content.id)).toBe('role');
  });

  it('does not share twice with a contact who already has it individually', async () => {
    const core = await sharingCore();
    const content = await announcement(core);
    const id = core.portfolio.situations.activeTenant.contactId;
    const first = await ok(core, 'sharing.share', {
      contentId: content.id,
      target: { mode: 'individual', contactIds: [id, id] },
    });
    expect(first).toMatchObject({ sharedWith: 1, notifications: 1 });
    const auditBefore = auditRows(core).length;
    const again = await ok(core, 'sharing.share', {
      contentId: content.id,
      target: { mode: 'individual', contactIds: [id] },
    });
    expect(again).toEqual({ sharedWith: 0, notifications: 0, letters: 0, needsPost: [], lettersFile: null });
    expect(auditRows(core)).toHaveLength(auditBefore);
    expect(outboxRows(core)).toHaveLength(1);
  });

  it('revokes a share: soft, audited, and the portal no longer shows it', async () => {
    const core = await sharingCore();
    const content = await announcement(core);
    await ok(core, 'sharing.share', {
      contentId: content.id,
      target: allTenants(core),
      alsoIndividually: [],
    });
    const detail = await ok(core, 'content.get', { id: content.id });
    const share = detail.shares[0]!;
    const mueller = core.portfolio.situations.activeTenant.contactId;
    expect((await visibleIds(core, mueller, null)).has(content.id)).toBe(true);

    const revoked = await ok(core, 'sharing.revoke', { shareId: share.id });
    expect(revoked.shares).toEqual([]);
    expect((await visibleIds(core, mueller, null)).has(content.id)).toBe(false);
    const last = auditRows(core).at(-1)!;
    expect(last).toMatchObject({ action: 'sharing.revoke', entity: 'share', entity_id: String(share.id) });
    const count = auditRows(core).length;
    await ok(core, 'sharing.revoke', { shareId: share.id });
    expect(auditRows(core)).toHaveLength(count);
    expect(await refused(core, 'sharing.revoke', { shareId: 99_999 })).toMatchObject({ code: 'NOT_FOUND' });
  });
});
