/**
 * Letters set long unbroken text inside the margins and print names in every script the Noto faces
 * cover. Speed is measured by `npm run bench` (letters rows), not here.
 */
import { describe, expect, it } from 'vitest';
import {
  renderInvitationLetters,
  type InvitationLetter,
} from '../../../src-main/core/letters/invitationLetter';
import { typefaces } from '../../../src-main/core/letters/letterFonts';
import { BODY_SIZE, LEFT, MM, TEXT_WIDTH } from '../../../src-main/core/letters/letterLayout';
import { renderSmartPostLetters, type SmartPostLetter } from '../../../src-main/core/letters/smartPostLetter';
import { pdfText, type PdfLine } from './pdfText';

const organisation = {
  name: 'Hausverwaltung Weiß',
  street: 'Königsallee 1',
  postcode: '40212',
  city: 'Düsseldorf',
  portalUrl: 'https://portal.example.com',
};
const addressee = {
  salutation: 'mr',
  title: null,
  firstName: 'Jürgen',
  lastName: 'Müller',
  company: null,
  street: 'Hauptstraße',
  houseNo: '3',
  postcode: '50667',
  city: 'Köln',
} as const;

function smartPost(body: string, extra: Partial<SmartPostLetter['addressee']> = {}): SmartPostLetter {
  return {
    language: 'de',
    addressee: { ...addressee, ...extra },
    subject: 'Hinweis',
    body,
    date: '2026-11-27',
    organisation,
  };
}

function invitation(extra: Partial<InvitationLetter['addressee']>): InvitationLetter {
  return {
    language: 'de',
    addressee: { ...addressee, ...extra },
    code: 'AAAA-BBBB-CCCC',
    expiresOn: '2026-12-27',
    date: '2026-11-27',
    organisation,
  };
}

/** The body lines: everything set at the left margin in body size below the subject. */
const bodyLines = (lines: PdfLine[], text: string) => lines.filter((line) => text.includes(line.text));

describe('letter layout', () => {
  it.each([
    ['a 20,000-character word (a URL)', `https://example.com/${'a1b2c3d4e5'.repeat(1998)}`],
    ['20,000 characters of Chinese without a space', '房屋管理租户通知'.repeat(2500)],
  ])('sets %s on lines inside the margins, adding pages as needed', async (_, word) => {
    const { doc, lines } = await pdfText(await renderSmartPostLetters([smartPost(word)]));
    const body = bodyLines(lines, word);
    expect(body.map((line) => line.text).join('')).toBe(word);
    expect(body.length).toBeGreaterThan(50);
    expect(doc.getPageCount()).toBeGreaterThan(1);
    expect(new Set(body.map((line) => line.page)).size).toBe(doc.getPageCount());
    for (const line of body) {
      expect(line.x).toBeCloseTo(LEFT, 1);
      expect(typefaces.regular.widthOfTextAtSize(line.text, BODY_SIZE)).toBeLessThanOrEqual(TEXT_WIDTH);
      expect(line.y).toBeGreaterThan(20 * MM); // above the bottom margin
    }
    // Full lines: the next character would not have fitted.
    const first = body[0]!.text;
    const next = word[first.length]!;
    expect(typefaces.regular.widthOfTextAtSize(first + next, BODY_SIZE)).toBeGreaterThan(TEXT_WIDTH);
  });

  it('still wraps spaced text at word boundaries', async () => {
    const paragraph = 'Die Heizung wird am Montag gewartet. '.repeat(40).trim();
    const { lines } = await pdfText(await renderSmartPostLetters([smartPost(paragraph)]));
    const body = bodyLines(lines, paragraph);
    expect(body.length).toBeGreaterThan(5);
    expect(body.map((line) => line.text).join(' ')).toBe(paragraph);
  });
});

describe('names in other scripts', () => {
  const names = [
    ['Cyrillic', { firstName: 'Иван', lastName: 'Петров' }, 'NotoSans-Regular'],
    ['Greek', { firstName: 'Γιώργος', lastName: 'Παπαδόπουλος' }, 'NotoSans-Regular'],
    ['Turkish', { firstName: 'Şükrü', lastName: 'Çağlar-Iğdır' }, 'NotoSans-Regular'],
    ['Arabic', { firstName: 'محمد', lastName: 'علي' }, 'NotoNaskhArabic'],
    ['Hebrew', { firstName: 'דוד', lastName: 'כהן' }, 'NotoSansHebrew'],
    ['Chinese', { firstName: '小明', lastName: '王' }, 'NotoSansHans'],
    ['Japanese', { firstName: 'たろう', lastName: '山田' }, 'NotoSansHans'],
    ['Korean', { firstName: '민준', lastName: '김' }, 'NotoSansKR'],
  ] as const;
  const rightToLeft = (text: string) => /[\u0590-\u08FF]/u.test(text);
  /** Right-to-left runs are written in visual order (fontkit reverses them): read them back. */
  const logical = (line: string, name: string) =>
    rightToLeft(name)
      ? line.replace(/[\u0590-\u08FF][\u0590-\u08FF ]*[\u0590-\u08FF]/gu, (run) =>
          [...run].reverse().join(''),
        )
      : line;

  it.each(names)('print in %s in the address block and salutation of both letters', async (_, name, face) => {
    const fullName = `${name.firstName} ${name.lastName}`;
    const invitationPdf = await pdfText(await renderInvitationLetters([invitation(name)]));
    const smartPostPdf = await pdfText(
      await renderSmartPostLetters([smartPost(`Guten Tag ${fullName}`, name)]),
    );
    for (const { lines } of [invitationPdf, smartPostPdf]) {
      const addressLine = lines.find((line) => logical(line.text, fullName) === `Herrn ${fullName}`);
      expect(addressLine, lines.map((line) => line.text).join('\n')).toBeDefined();
      expect(addressLine!.fonts.some((font) => font.startsWith(`${face}-`))).toBe(true);
      expect(lines.some((line) => line.text.includes('?'))).toBe(false);
    }
    expect(invitationPdf.lines.some((line) => logical(line.text, fullName).includes(name.lastName))).toBe(
      true,
    );
  });

  it('embeds only the faces a letter uses, as subsets: a Latin letter stays small', async () => {
    const latin = await renderSmartPostLetters([smartPost('Guten Tag')]);
    const mixed = await renderSmartPostLetters([
      smartPost('Guten Tag', { firstName: '小明', lastName: '王' }),
    ]);
    expect(latin.length).toBeLessThan(40_000);
    expect(mixed.length).toBeLessThan(80_000);
    const { lines } = await pdfText(latin);
    expect(lines.flatMap((line) => line.fonts).every((font) => /^NotoSans-(Regular|Bold)-/.test(font))).toBe(
      true,
    );
  });

  it('drops bidi overrides and prints "?" only for what no face has', async () => {
    const { lines } = await pdfText(
      await renderSmartPostLetters([smartPost('Mietvertrag\u202Efdp.exe 🏠', { lastName: 'Mül\u200Bler' })]),
    );
    const texts = lines.map((line) => line.text);
    expect(texts).toContain('Mietvertragfdp.exe ?');
    expect(texts).toContain('Herrn Jürgen Müller');
  });
});
