/**
 * The demo shows what the app is for (issue 13 item 18): both access windows on, contacts in every
 * state, content of every kind shared by role and individually to contacts inside a window.
 */
import { describe, expect, it } from 'vitest';
import { contentKinds } from '../../../shared/contract/content';
import { generatePortfolio } from '../../../src-main/core/demo/generate';
import { DEMO_SEED } from '../../../src-main/core/services/portfolioService';
import { ok, testCore } from '../support';

const TODAY = '2026-11-27';

async function demo() {
  const core = testCore(TODAY);
  await ok(core, 'app.chooseFirstStart', 'demo');
  return core;
}

describe('the demo after the first-start choice', () => {
  it('has both windows on and contacts in every access and invitation state', async () => {
    const core = await demo();
    try {
      const access = await ok(core, 'settings.getAccess');
      expect(access.preContract.enabled && access.postContract.enabled).toBe(true);
      const { contactsByAccess, seats } = await ok(core, 'portfolio.overview');
      for (const grant of ['active', 'pre', 'post', 'none'] as const) {
        expect(contactsByAccess[grant], grant).toBeGreaterThan(0);
      }
      expect(seats.quota).not.toBeNull();
      expect(seats.used).toBeLessThanOrEqual(seats.quota!);
      for (const invitation of ['none', 'pending', 'redeemed'] as const) {
        const { total } = await ok(core, 'contacts.list', { invitation, limit: 1 });
        expect(total, invitation).toBeGreaterThan(0);
      }
    } finally {
      core.close();
    }
  });

  it('holds content of every kind, shared by role and individually to contacts inside a window', async () => {
    const core = await demo();
    try {
      const { items } = await ok(core, 'content.list', { kind: null, offset: 0, limit: 50 });
      expect(new Set(items.map((item) => item.kind))).toEqual(new Set(contentKinds));
      const details = await Promise.all(items.map((item) => ok(core, 'content.get', { id: item.id })));
      const shares = details.flatMap((detail) => detail.shares);
      expect(shares.some((share) => share.target.mode === 'role')).toBe(true);
      const windowRecipients = shares
        .filter((share) => share.target.mode === 'individual')
        .flatMap((share) => share.recipients)
        .map((recipient) => recipient.access.grant);
      expect(windowRecipients).toContain('pre');
      expect(windowRecipients).toContain('post');
      for (const detail of details) expect(detail.shares.length, detail.kind).toBeGreaterThan(0);

      // A role share of the showcase property skips contacts before their contract start.
      const portfolio = generatePortfolio({ seed: DEMO_SEED, today: TODAY });
      const preview = await ok(core, 'sharing.preview', {
        contentId: items[0]!.id,
        target: { mode: 'role', role: 'tenant', propertyId: portfolio.showcasePropertyId, unitIds: null },
      });
      expect(preview.skipped.length).toBeGreaterThan(0);

      // The portal preview of a contact before its contract start shows what was shared with it.
      const soon = portfolio.situations.tenantStartingSoon.contactId;
      const portal = await ok(core, 'portal.preview', { contactId: soon });
      expect(portal.access.grant).toBe('pre');
      expect(portal.items.map((item) => item.kind)).toEqual(
        expect.arrayContaining(['announcement', 'smartpost']),
      );

      // Every recipient is told: e-mails wait for a tested server, letters for the print batch.
      const outbox = await ok(core, 'outbox.list', {});
      expect(outbox.total).toBeGreaterThan(0);
      expect(outbox.lettersQueued).toBeGreaterThan(0);
    } finally {
      core.close();
    }
  });
});
