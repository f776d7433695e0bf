/** The invitation letter (PDF): it loads, is A4, one page per letter, and says what the e-mail says. */
import { describe, expect, it } from 'vitest';
import {
  renderInvitationLetters,
  type InvitationLetter,
} from '../../../src-main/core/letters/invitationLetter';
import { ok, savedHeld } from '../support';
import { invitationCore, invite, pdfTextLines, tenant } from './support';

const A4 = { width: 595.28, height: 841.89 };

describe('invitation letter through invitations.create', () => {
  it('is an A4 PDF with the address block, salutation, code, expiry and portal address (German)', async () => {
    const core = invitationCore();
    await ok(core, 'organisation.update', {
      name: 'Hausverwaltung Weiß',
      street: 'Königsallee 1',
      postcode: '40212',
      city: 'Düsseldorf',
      portalUrl: 'https://portal.weiss.example.com',
    });
    const { contact: c } = await tenant(core, {
      salutation: 'mr',
      title: 'Dr.',
      firstName: 'Jürgen',
      lastName: 'Müller',
      email: null,
      preference: 'postal',
      street: 'Straße des 17. Juni',
      houseNo: '12a',
      postcode: '10623',
      city: 'Berlin',
    });
    const created = await invite(core, c.contact.id, 'letter');
    expect(created.outboxId).toBeNull();
    // Held by the app and written where the user chooses; the page never holds it.
    const { pages, lines, doc } = await pdfTextLines(await savedHeld(core, created.letter));
    expect(pages).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect(width).toBeCloseTo(A4.width, 1);
    expect(height).toBeCloseTo(A4.height, 1);
    expect(lines).toEqual(
      expect.arrayContaining([
        'Hausverwaltung Weiß · Königsallee 1 · 40212 Düsseldorf',
        'Herrn Dr. Jürgen Müller',
        'Straße des 17. Juni 12a',
        '10623 Berlin',
        'Datum: 27.11.2026',
        'Einladung zum Kundenportal',
        'Sehr geehrter Herr Dr. Müller,',
        'https://portal.weiss.example.com',
        created.code,
        'Gültig bis einschließlich: 27.12.2026',
        'Mit freundlichen Grüßen',
      ]),
    );
    expect(lines.join('\n')).toContain('„Registrieren“');
  });

  it('is in English for an English-speaking contact', async () => {
    const core = invitationCore();
    const { contact: c } = await tenant(core, {
      salutation: 'ms',
      firstName: 'Emily',
      lastName: 'Clarke',
      language: 'en',
    });
    const created = await invite(core, c.contact.id, 'letter');
    const { lines } = await pdfTextLines(await savedHeld(core, created.letter));
    expect(lines).toEqual(
      expect.arrayContaining([
        'Ms Emily Clarke',
        'Date: 27 November 2026',
        'Invitation to the customer portal',
        'Dear Ms Clarke,',
        created.code,
        'Valid until (inclusive): 27 December 2026',
        'Kind regards',
      ]),
    );
  });
});

describe('renderInvitationLetters', () => {
  const letter = (code: string, extra: Partial<InvitationLetter['addressee']> = {}): InvitationLetter => ({
    language: 'de',
    addressee: {
      salutation: 'ms',
      title: null,
      firstName: 'Zofia',
      lastName: 'Kowalska',
      company: null,
      street: 'Hauptstraße',
      houseNo: '3',
      postcode: '50667',
      city: 'Köln',
      ...extra,
    },
    code,
    expiresOn: '2026-12-27',
    date: '2026-11-27',
    organisation: {
      name: 'HV',
      street: null,
      postcode: null,
      city: null,
      portalUrl: 'https://portal.example.com',
    },
  });

  it('puts one letter per page, in the given order, each with its own code', async () => {
    const codes = ['AAAA-BBBB-CCCC', 'DDDD-EEEE-FFFF', 'GGGG-HHHH-JJJJ'];
    const bytes = await renderInvitationLetters(codes.map((code) => letter(code)));
    const { pages, lines } = await pdfTextLines(bytes);
    expect(pages).toBe(3);
    expect(lines.filter((line) => /^[A-Z]{4}-[A-Z]{4}-[A-Z]{4}$/.test(line)).sort()).toEqual(codes);
  });

  it('prints letters outside Latin-1 as themselves (an embedded Noto face, not their base letter)', async () => {
    const bytes = await renderInvitationLetters([
      letter('AAAA-BBBB-CCCC', { firstName: 'Łucja', lastName: 'Şahin-Nguyễn' }),
    ]);
    const { lines } = await pdfTextLines(bytes);
    expect(lines).toContain('Frau Łucja Şahin-Nguyễn');
    expect(lines).toContain('Sehr geehrte Frau Şahin-Nguyễn,');
  });

  it('keeps a very long name on its line (smaller type instead of a second line)', async () => {
    const long = 'Freifrau-von-und-zu-Hohenzollern-Sigmaringen-Brandenburg-Ansbach-Bayreuth';
    const bytes = await renderInvitationLetters([letter('AAAA-BBBB-CCCC', { lastName: long })]);
    const { pages, lines } = await pdfTextLines(bytes);
    expect(pages).toBe(1);
    expect(lines).toContain(`Frau Zofia ${long}`);
  });
});
