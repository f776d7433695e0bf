/** The invitation e-mail in German and English, the organisation settings, and the outbox channels. */
import { describe, expect, it } from 'vitest';
import type { Organisation } from '../../../shared/ipc';
import {
  addresseeLine,
  contactName,
  formatDate,
  salutationLine,
  type Addressee,
} from '../../../src-main/core/mail/format';
import { invitationMail } from '../../../src-main/core/mail/invitationMail';
import { ok } from '../support';
import { auditRows, expectRefused, invitationCore, invite, tenant } from './support';

const organisation: Organisation = {
  name: 'Hausverwaltung Weiß & Söhne',
  street: 'Königsallee 1',
  postcode: '40212',
  city: 'Düsseldorf',
  portalUrl: 'https://portal.weiss-soehne.example.com/registrieren',
};

describe('invitation e-mail through invitations.create', () => {
  it('German: subject, salutation, masked code, expiry as 27.12.2026, the organisation as it is now', async () => {
    const core = invitationCore();
    const { contact: c } = await tenant(core, {
      salutation: 'ms',
      title: 'Dr.',
      firstName: 'Anna',
      lastName: 'Schmidt',
    });
    const created = await invite(core, c.contact.id, 'email');
    // Corrected after queueing: the mail not sent yet says what the settings say now.
    await ok(core, 'organisation.update', organisation);
    const message = await ok(core, 'outbox.get', { id: created.outboxId! });
    expect(message).toMatchObject({
      contactId: c.contact.id,
      recipient: c.contact.email,
      language: 'de',
      state: 'queued',
      attempts: 0,
      lastError: null,
      sentAt: null,
      subject: 'Ihre Einladung zum Kundenportal – Hausverwaltung Weiß & Söhne',
    });
    expect(message.textBody.split('\n')[0]).toBe('Sehr geehrte Frau Dr. Schmidt,');
    // The code is issued when the mail is sent: until then it is nowhere, not even here.
    expect(message.textBody).toContain('Ihr Einladungscode: ••••-••••-••••');
    expect(message.textBody).toContain('Gültig bis einschließlich: 27.12.2026');
    expect(message.textBody).toContain('https://portal.weiss-soehne.example.com/registrieren');
    expect(message.textBody).toContain(
      'Mit freundlichen Grüßen\nHausverwaltung Weiß & Söhne\nKönigsallee 1\n40212 Düsseldorf',
    );

    expect(message.htmlBody).toContain('<html lang="de">');
    expect(message.htmlBody).toContain('<p>Sehr geehrte Frau Dr. Schmidt,</p>');
    expect(message.htmlBody).toContain('••••-••••-••••');
    expect(message.htmlBody).toContain('<a href="https://portal.weiss-soehne.example.com/registrieren">');
    // Values from the data store are escaped in HTML.
    expect(message.htmlBody).toContain('Hausverwaltung Weiß &amp; Söhne');
    expect(message.htmlBody).not.toContain('Weiß & Söhne');
  });

  it('English: subject, "Dear Mr …", expiry as 27 December 2026', async () => {
    const core = invitationCore();
    const { contact: c } = await tenant(core, {
      salutation: 'mr',
      firstName: 'Oliver',
      lastName: 'Bennett',
      language: 'en',
    });
    const created = await invite(core, c.contact.id, 'email');
    const message = await ok(core, 'outbox.get', { id: created.outboxId! });
    expect(message.language).toBe('en');
    expect(message.subject).toBe('Your invitation to the customer portal – Hausverwaltung Weiß');
    expect(message.textBody.split('\n')[0]).toBe('Dear Mr Bennett,');
    expect(message.textBody).toContain('Your invitation code: ••••-••••-••••');
    expect(message.textBody).toContain('Valid until (inclusive): 27 December 2026');
    expect(message.textBody).toContain('https://portal.hv-weiss.de');
    expect(message.textBody).toContain('Kind regards\nHausverwaltung Weiß');
    expect(message.htmlBody).toContain('<html lang="en">');
  });

  it('escapes a name that looks like markup', () => {
    const mail = invitationMail({
      language: 'de',
      addressee: { salutation: 'mr', title: null, firstName: null, lastName: '<b>Evil</b>', company: null },
      code: 'ABCD-EFGH-JKLM',
      expiresOn: '2026-12-27',
      organisation,
    });
    expect(mail.html).toContain('Sehr geehrter Herr &lt;b&gt;Evil&lt;/b&gt;,');
    expect(mail.text).toContain('Sehr geehrter Herr <b>Evil</b>,');
  });
});

describe('salutations and dates', () => {
  const person = (salutation: Addressee['salutation'], extra: Partial<Addressee> = {}): Addressee => ({
    salutation,
    title: null,
    firstName: 'Alex',
    lastName: 'Weber',
    company: null,
    ...extra,
  });

  it.each([
    ['ms', {}, 'Sehr geehrte Frau Weber,', 'Dear Ms Weber,'],
    ['ms', { title: 'Prof. Dr.' }, 'Sehr geehrte Frau Prof. Dr. Weber,', 'Dear Prof. Dr. Weber,'],
    ['mr', {}, 'Sehr geehrter Herr Weber,', 'Dear Mr Weber,'],
    ['mx', {}, 'Guten Tag Alex Weber,', 'Dear Alex Weber,'],
    ['family', { firstName: null }, 'Sehr geehrte Familie Weber,', 'Dear Weber family,'],
    ['couple', { firstName: null }, 'Sehr geehrte Eheleute Weber,', 'Dear Mr and Mrs Weber,'],
    ['none', {}, 'Guten Tag Alex Weber,', 'Dear Alex Weber,'],
    ['company', { company: 'Hausbau GmbH' }, 'Sehr geehrte Damen und Herren,', 'Dear Sir or Madam,'],
  ] as const)('%s %j', (salutation, extra, de, en) => {
    expect(salutationLine('de', person(salutation, extra))).toBe(de);
    expect(salutationLine('en', person(salutation, extra))).toBe(en);
  });

  it('names the addressee of a letter after DIN 5008 ("Herrn")', () => {
    expect(addresseeLine('de', person('mr', { title: 'Dr.' }))).toBe('Herrn Dr. Alex Weber');
    expect(addresseeLine('de', person('ms'))).toBe('Frau Alex Weber');
    expect(addresseeLine('en', person('ms'))).toBe('Ms Alex Weber');
    expect(addresseeLine('de', person('company', { company: 'Hausbau GmbH' }))).toBe('Hausbau GmbH');
    expect(addresseeLine('de', person('family', { firstName: null }))).toBe('Familie Weber');
  });

  it.each([
    ['ms', { title: 'Dr.' }, 'Dr. Alex Weber', 'Dr. Alex Weber'],
    ['mr', {}, 'Alex Weber', 'Alex Weber'],
    ['mx', {}, 'Alex Weber', 'Alex Weber'],
    ['family', { firstName: null }, 'Familie Weber', 'Weber family'],
    ['family', { firstName: 'Anna und Jan' }, 'Familie Anna und Jan Weber', 'Weber family'],
    ['company', { firstName: null, company: 'Hausbau GmbH' }, 'Hausbau GmbH', 'Hausbau GmbH'],
    ['company', { firstName: null, lastName: 'Hausbau GmbH' }, 'Hausbau GmbH', 'Hausbau GmbH'],
  ] as const)('names a %s contact %j on screen as its address block does', (salutation, extra, de, en) => {
    expect(contactName('de', person(salutation, extra))).toBe(de);
    expect(contactName('en', person(salutation, extra))).toBe(en);
  });

  it("writes an English family's address block with the article", () => {
    expect(addresseeLine('en', person('family', { firstName: null }))).toBe('The Weber family');
  });

  it('formats dates per language', () => {
    expect(formatDate('de', '2027-03-05')).toBe('05.03.2027');
    expect(formatDate('en', '2027-03-05')).toBe('5 March 2027');
    // Years below 100 are themselves, in four digits (not 1926, not "26").
    expect(formatDate('de', '0026-03-05')).toBe('05.03.0026');
    expect(formatDate('en', '0026-03-05')).toBe('5 March 0026');
  });
});

describe('organisation settings', () => {
  it('defaults to "Hausverwaltung" and portal.example.com', async () => {
    const core = invitationCore();
    expect(await ok(core, 'organisation.get')).toEqual({
      name: 'Hausverwaltung',
      street: null,
      postcode: null,
      city: null,
      portalUrl: 'https://portal.example.com',
    });
  });

  it('saves with an audit row, and refuses an invalid portal address', async () => {
    const core = invitationCore();
    expect(await ok(core, 'organisation.update', organisation)).toEqual(organisation);
    expect(await ok(core, 'organisation.get')).toEqual(organisation);
    expect(auditRows(core).at(-1)).toMatchObject({
      action: 'organisation.update',
      entity_id: 'organisation',
    });
    await expectRefused(
      core,
      'organisation.update',
      { ...organisation, portalUrl: 'javascript:alert(1)' },
      'INVALID_URL',
    );
    await expectRefused(core, 'organisation.update', { ...organisation, name: '  ' }, 'REQUIRED');
  });
});

describe('outbox channels', () => {
  it('lists newest first, filters by state, pages, and answers NOT_FOUND for an unknown id', async () => {
    const core = invitationCore();
    const ids: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const { contact: c } = await tenant(core);
      ids.push((await invite(core, c.contact.id, 'email')).outboxId!);
    }
    const page = await ok(core, 'outbox.list', {});
    expect(page.total).toBe(3);
    expect(page.items.map((item) => item.id)).toEqual([...ids].reverse());
    expect(page.items[0]).not.toHaveProperty('textBody');
    const second = await ok(core, 'outbox.list', { offset: 1, limit: 1 });
    expect(second).toMatchObject({ total: 3, items: [{ id: ids[1] }] });
    expect(await ok(core, 'outbox.list', { state: 'sent' })).toEqual({
      total: 0,
      items: [],
      lettersQueued: 0,
      waiting: 'SMTP_NOT_CONFIGURED',
    });
    expect((await ok(core, 'outbox.list', { state: 'queued' })).total).toBe(3);
    await expectRefused(core, 'outbox.get', { id: 999 }, 'NOT_FOUND', { entity: 'outbox', id: 999 });
  });

  it('keeps mail queued while SMTP is off (the default): nothing leaves the machine', async () => {
    const core = invitationCore();
    const { contact: c } = await tenant(core);
    await invite(core, c.contact.id, 'email');
    await expectRefused(core, 'outbox.send', undefined, 'SMTP_NOT_CONFIGURED');
    expect((await ok(core, 'outbox.list', { state: 'queued' })).total).toBe(1);
  });
});
