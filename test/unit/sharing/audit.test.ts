/** Every content and sharing mutation writes its audit row in the same transaction. */
import { describe, expect, it } from 'vitest';
import type { ShareTarget } from '../../../shared/ipc';
import { ok, readDatabase } from '../support';
import { auditRows, sharingCore } from './support';

describe('audit', () => {
  it('has a row for every content, share, edit and revocation', async () => {
    const core = await sharingCore();
    const propertyId = core.portfolio.showcasePropertyId;
    const { situations } = core.portfolio;
    const announcement = await ok(core, 'content.create', {
      kind: 'announcement',
      title: 'Aufzug außer Betrieb',
      propertyId,
      text: 'Bis Freitag.',
    });
    await ok(core, 'content.update', {
      id: announcement.id,
      input: { kind: 'announcement', title: 'Aufzug außer Betrieb', propertyId, text: 'Bis Montag.' },
    });
    const letter = await ok(core, 'content.create', {
      kind: 'smartpost',
      title: 'Brief',
      propertyId,
      template: '{{anrede}}\n\nIhre Einheit: {{einheit}}',
    });
    const target: ShareTarget = { mode: 'role', role: 'all', propertyId, unitIds: null };
    const preview = await ok(core, 'sharing.preview', { contentId: announcement.id, target });
    await ok(core, 'sharing.share', {
      contentId: announcement.id,
      target,
      alsoIndividually: preview.skipped.map((s) => s.contactId),
    });
    await ok(core, 'sharing.share', {
      contentId: letter.id,
      target: {
        mode: 'individual',
        contactIds: [situations.tenantStartingSoon.contactId, situations.noEmail.contactId],
      },
    });
    const detail = await ok(core, 'content.get', { id: announcement.id });
    await ok(core, 'sharing.revoke', { shareId: detail.shares[0]!.id });

    const audit = auditRows(core);
    const has = (action: string, id: number) =>
      audit.some((row) => row.action === action && row.entity_id === String(id));
    const { contents, shares } = readDatabase(core, (db) => ({
      contents: db.prepare<[], { id: number }>('SELECT id FROM contents').all(),
      shares: db
        .prepare<[], { id: number; revoked_at: string | null }>('SELECT id, revoked_at FROM shares')
        .all(),
    }));
    expect(contents).toHaveLength(2);
    for (const { id } of contents) expect(has('content.create', id), `content ${id}`).toBe(true);
    expect(has('content.update', announcement.id)).toBe(true);
    expect(shares.length).toBe(1 + preview.skipped.length + 2);
    for (const share of shares) {
      expect(has('sharing.share', share.id), `share ${share.id}`).toBe(true);
      expect(has('sharing.revoke', share.id)).toBe(share.revoked_at !== null);
    }
    expect(shares.filter((s) => s.revoked_at !== null)).toHaveLength(1);
    // Reading writes nothing.
    const count = audit.length;
    await ok(core, 'content.list', {});
    await ok(core, 'content.get', { id: letter.id });
    await ok(core, 'portal.preview', { contactId: situations.activeTenant.contactId, day: '2027-06-01' });
    await ok(core, 'sharing.preview', {
      contentId: letter.id,
      target: { mode: 'individual', contactIds: [1, 2, 3] },
    });
    expect(auditRows(core)).toHaveLength(count);
  });
});
