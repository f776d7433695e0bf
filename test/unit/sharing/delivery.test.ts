/**
 * Share notifications leave through SMTP after the commit (as invitations do), against a real SMTP
 * server (smtp-server) on 127.0.0.1; with SMTP off they stay queued.
 */
import { describe, expect, it } from 'vitest';
import type { ShareResult } from '../../../shared/ipc';
import { markSmtpTested, smtpSink } from '../invitations/support';
import { ok } from '../support';
import { auditRows, outboxRows, renderedOutbox, sharingCore, type SharingCore } from './support';

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function shareWithTwo(core: SharingCore): Promise<ShareResult> {
  const content = await ok(core, 'content.create', {
    kind: 'appointment',
    title: 'Ablesung der Heizkostenverteiler',
    propertyId: core.portfolio.showcasePropertyId,
    startsAt: '2026-12-03T08:00',
    endsAt: '2026-12-03T12:00',
    place: 'Alle Wohnungen',
    text: null,
  });
  const { activeTenant, englishActiveTenant } = core.portfolio.situations;
  return ok(core, 'sharing.share', {
    contentId: content.id,
    target: { mode: 'individual', contactIds: [activeTenant.contactId, englishActiveTenant.contactId] },
  });
}

describe('share notifications: delivery', () => {
  it('are sent over SMTP after the commit when SMTP is on', async () => {
    const core = await sharingCore();
    const server = await smtpSink();
    await ok(core, 'mail.updateSettings', {
      enabled: true,
      host: '127.0.0.1',
      port: server.port,
      security: 'none',
      user: null,
      from: 'verwaltung@example.com',
      fromName: 'Hausverwaltung',
    });
    markSmtpTested(core);
    const result = await shareWithTwo(core);
    expect(result.notifications).toBe(2);
    await until(() => outboxRows(core).every((m) => m.state === 'sent'), 'both notifications sent');
    const addresses = outboxRows(core).map((m) => m.recipient);
    expect(server.recipients.sort()).toEqual([...addresses].sort());
    expect(auditRows(core).filter((a) => a.action === 'outbox.sent')).toHaveLength(2);
    // The appointment's time and place, in each language.
    const [german, english] = [...(await renderedOutbox(core))].sort((a) => (a.language === 'de' ? -1 : 1));
    expect(german!.text_body).toContain('Wann: 03.12.2026, 08:00 – 12:00 Uhr');
    expect(german!.text_body).toContain('Ort: Alle Wohnungen');
    expect(english!.text_body).toContain('When: 3 December 2026, 08:00 – 12:00');
  });

  it('stay queued while SMTP is off', async () => {
    const core = await sharingCore();
    await shareWithTwo(core);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(outboxRows(core).map((m) => m.state)).toEqual(['queued', 'queued']);
  });
});
