/**
 * Markup typed into a name is data, not markup: the core stores and returns it verbatim (the renderer
 * shows it as text, React escapes it), and the invitation e-mail's HTML body escapes it.
 */
import { describe, expect, it } from 'vitest';
import { ok, testCore } from '../support';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';
const ORGANISATION = 'Verwaltung <b onmouseover=alert(2)>Böse</b> & Söhne';

async function hostileTenant() {
  const core = testCore();
  await ok(core, 'organisation.update', {
    name: ORGANISATION,
    street: null,
    postcode: null,
    city: null,
    portalUrl: 'https://portal.example.com/?a=1&b=2',
  });
  const property = await ok(core, 'properties.create', {
    name: 'Haus am Markt',
    referenceId: null,
    addresses: [{ street: 'Markt', houseNo: '1', postcode: '10115', city: 'Berlin' }],
  });
  const unit = await ok(core, 'units.create', {
    propertyId: property.id,
    name: 'Wohnung 1',
    number: '1',
    usage: 'private',
    referenceId: null,
  });
  const created = await ok(core, 'contacts.create', {
    salutation: 'mx',
    title: null,
    firstName: IMG,
    lastName: SCRIPT,
    company: null,
    email: 'anna@example.com',
    phone: null,
    language: 'de',
    preference: 'online',
    referenceId: 'K-XSS',
    note: `${SCRIPT}'; DROP TABLE contacts; --`,
    street: null,
    houseNo: null,
    postcode: null,
    city: null,
  });
  await ok(core, 'contracts.create', {
    contactId: created.contact.id,
    unitId: unit.id,
    type: 'tenant',
    number: 'V-1',
    start: '2026-01-01',
    end: null,
  });
  return { core, contactId: created.contact.id };
}

describe('markup in names', () => {
  it('is stored and returned verbatim, as text', async () => {
    const { core, contactId } = await hostileTenant();
    const { contact } = await ok(core, 'contacts.get', { id: contactId });
    expect(contact.lastName).toBe(SCRIPT);
    expect(contact.firstName).toBe(IMG);
    expect(contact.note).toBe(`${SCRIPT}'; DROP TABLE contacts; --`);
    expect(contact.displayName).toContain(SCRIPT);
    const page = await ok(core, 'contacts.list', { search: '<script>' });
    expect(page.items.map((item) => item.displayName)).toEqual([contact.displayName]);
  });

  it('is escaped in the invitation e-mail HTML and kept as written in its text', async () => {
    const { core, contactId } = await hostileTenant();
    const invitation = await ok(core, 'invitations.create', { contactId, channel: 'email' });
    const mail = await ok(core, 'outbox.get', { id: invitation.outboxId! });

    expect(mail.htmlBody).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.htmlBody).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail.htmlBody).toContain('Verwaltung &lt;b onmouseover=alert(2)&gt;Böse&lt;/b&gt; &amp; Söhne');
    expect(mail.htmlBody).toContain('href="https://portal.example.com/?a=1&amp;b=2"');
    expect(mail.htmlBody).not.toMatch(/<script|<img|<b /i);
    expect(mail.htmlBody).not.toMatch(/onerror=alert\(1\)>/);

    expect(mail.textBody).toContain(SCRIPT);
    expect(mail.subject).toContain(ORGANISATION);
  });
});
