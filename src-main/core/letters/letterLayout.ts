/**
 * The layout every printed letter shares (invitationLetter.ts, smartPostLetter.ts): A4, laid out
 * after DIN 5008 form B — fold and hole marks on the left edge, letterhead, return address line and
 * address block in the window area (45 mm from the top, 25 mm from the left edge), date in the
 * information block, text from 108 mm down — and the standard fonts the text is set in.
 *
 * The standard PDF fonts (Helvetica, Courier) use WinAnsi encoding: German umlauts and ß, „“ and –
 * render; any other character (a rare letter in a name) is reduced to its base letter ("ł" → "l")
 * or "?", never an error. Text is PDF text, not HTML: nothing is escaped.
 */
import { StandardFonts, rgb, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import type { IsoDate } from '../../../shared/domain';
import type { Language, Organisation } from '../../../shared/ipc';
import { addressLines, formatDate, type PostalAddressee } from '../mail/format';

export const MM = 72 / 25.4;
export const PAGE: [number, number] = [210 * MM, 297 * MM];
export const LEFT = 25 * MM;
export const TEXT_WIDTH = PAGE[0] - LEFT - 20 * MM;
/** The address window is 85 mm wide; the block starts 5 mm inside it. */
const ADDRESS_WIDTH = 80 * MM;
const ADDRESS_LINES = 6;
export const BODY_SIZE = 11;
export const LINE = 15;
export const INK = rgb(0.1, 0.1, 0.1);
export const GREY = rgb(0.35, 0.35, 0.35);

/** y of a distance from the top edge (PDF coordinates start at the bottom). */
export const fromTop = (mm: number) => PAGE[1] - mm * MM;

const dateLabels = { de: 'Datum', en: 'Date' } as const;

export interface LetterFonts {
  regular: PDFFont;
  bold: PDFFont;
}

export async function embedLetterFonts(doc: PDFDocument): Promise<LetterFonts> {
  return {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  };
}

/** Title, author, creator and language of a PDF of letters. */
export function describeLetters(
  doc: PDFDocument,
  about: { title: string; language: Language; author: string | undefined },
): void {
  doc.setTitle(about.title);
  if (about.author !== undefined) doc.setAuthor(about.author);
  doc.setCreator('Portal Access Admin');
  doc.setLanguage(about.language === 'de' ? 'de-DE' : 'en-GB');
}

const cleaners = new WeakMap<PDFFont, (text: string) => string>();

/** Reduces text to what the font can encode (see the file comment). */
export function encodable(font: PDFFont): (text: string) => string {
  let clean = cleaners.get(font);
  if (clean === undefined) {
    clean = cleanerFor(font);
    cleaners.set(font, clean);
  }
  return clean;
}

/** Letters without a decomposition into base letter + accent. */
const BASE_LETTERS: Record<string, string> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  Ŧ: 'T',
  ŧ: 't',
};

function cleanerFor(font: PDFFont): (text: string) => string {
  const supported = new Set(font.getCharacterSet());
  const ok = (ch: string) => supported.has(ch.codePointAt(0) ?? 0);
  return (text) => {
    let out = '';
    for (const ch of text.normalize('NFC')) {
      if (ok(ch)) out += ch;
      else if (/\s/u.test(ch)) out += ' ';
      else {
        const base = BASE_LETTERS[ch] ?? ch.normalize('NFD').replace(/\p{M}/gu, '');
        out += base !== '' && [...base].every(ok) ? base : '?';
      }
    }
    return out;
  };
}

/**
 * Splits a paragraph into lines no wider than `width`. A word wider than that stays whole on a line
 * of its own, or with `cutOverlongWords` is cut where it stops fitting.
 */
export function wrap(
  text: string,
  font: PDFFont,
  size: number,
  width: number,
  { cutOverlongWords = false } = {},
): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w)) {
    let rest = word;
    while (cutOverlongWords && font.widthOfTextAtSize(rest, size) > width && rest.length > 1) {
      // An overlong word (a URL): cut it where it stops fitting.
      let cut = rest.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut -= 1;
      if (line) lines.push(line);
      lines.push(rest.slice(0, cut));
      line = '';
      rest = rest.slice(cut);
    }
    const candidate = line ? `${line} ${rest}` : rest;
    if (line && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(line);
      line = rest;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Fits a line into `maxWidth` by shrinking its size (long names stay on their line). */
export function fittedSize(font: PDFFont, text: string, size: number, maxWidth: number): number {
  // Cheap bound first: no Helvetica glyph is wider than 1 em.
  if (text.length * size <= maxWidth) return size;
  const width = font.widthOfTextAtSize(text, size);
  return width > maxWidth ? Math.max(6, (size * maxWidth) / width) : size;
}

/** One line at (x, y), reduced to what `font` can encode; `maxWidth` shrinks the size until it fits. */
export function drawTextLine(
  page: PDFPage,
  text: string,
  at: { x?: number; y: number; size?: number; font: PDFFont; grey?: boolean; maxWidth?: number },
): void {
  const clean = encodable(at.font)(text);
  const size =
    at.maxWidth === undefined
      ? (at.size ?? BODY_SIZE)
      : fittedSize(at.font, clean, at.size ?? BODY_SIZE, at.maxWidth);
  page.drawText(clean, { x: at.x ?? LEFT, y: at.y, size, font: at.font, color: at.grey ? GREY : INK });
}

/** Fold marks, letterhead and the return address line above the address window. */
export function drawLetterhead(page: PDFPage, fonts: LetterFonts, organisation: Organisation): void {
  // Fold marks (form B: 105 mm and 210 mm) and the hole mark (148.5 mm).
  for (const [mm, length] of [
    [105, 5],
    [210, 5],
    [148.5, 8],
  ] as const) {
    page.drawLine({
      start: { x: 3 * MM, y: fromTop(mm) },
      end: { x: (3 + length) * MM, y: fromTop(mm) },
      thickness: 0.4,
      color: GREY,
    });
  }

  // Letterhead.
  const town = [organisation.postcode, organisation.city].filter((part) => part).join(' ');
  drawTextLine(page, organisation.name, { y: fromTop(20), size: 16, font: fonts.bold, maxWidth: TEXT_WIDTH });
  const contact = [organisation.street, town].filter((part) => part).join(' · ');
  if (contact) {
    drawTextLine(page, contact, {
      y: fromTop(26),
      size: 9,
      font: fonts.regular,
      grey: true,
      maxWidth: TEXT_WIDTH,
    });
  }

  // Window: the return address line.
  const sender = [organisation.name, organisation.street, town].filter((part) => part).join(' · ');
  drawTextLine(page, sender, {
    y: fromTop(53),
    size: 7,
    font: fonts.regular,
    grey: true,
    maxWidth: ADDRESS_WIDTH,
  });
}

/** The address block in the window: its lines reduced to what `font` can encode, each with its baseline and size. */
export function addressBlock(
  language: Language,
  addressee: PostalAddressee,
  font: PDFFont,
): { text: string; y: number; size: number }[] {
  const clean = encodable(font);
  const block: { text: string; y: number; size: number }[] = [];
  let y = fromTop(67);
  for (const line of addressLines(language, addressee).slice(0, ADDRESS_LINES)) {
    const text = clean(line);
    block.push({ text, y, size: fittedSize(font, text, BODY_SIZE, ADDRESS_WIDTH) });
    y -= 13;
  }
  return block;
}

/** Information block: the letter's date. */
export function drawDate(page: PDFPage, font: PDFFont, language: Language, date: IsoDate): void {
  drawTextLine(page, `${dateLabels[language]}: ${formatDate(language, date)}`, {
    x: 125 * MM,
    y: fromTop(67),
    size: 10,
    font,
  });
}
