/**
 * SmartPost letters (Serienbrief) as one PDF for printing: every recipient's personal letter starts
 * on a page of its own (A4, DIN 5008 form B like the invitation letter: letterhead, return address
 * line and address block in the window, date, subject, then the filled template). A long letter
 * continues on further pages; the usual one-page letter is one page per recipient.
 *
 * The standard PDF font (Helvetica) uses WinAnsi encoding: German umlauts, ß, „“ and – render; any
 * other character is reduced to its base letter ("ł" → "l") or "?", never an error.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { IsoDate } from '../../../shared/domain';
import type { Language, Organisation } from '../../../shared/ipc';
import { addressLines, formatDate, type PostalAddressee } from '../mail/format';

export interface SmartPostLetter {
  language: Language;
  addressee: PostalAddressee;
  /** The subject line: the SmartPost's title. */
  subject: string;
  /** The template with every placeholder filled; line breaks are kept. */
  body: string;
  /** The letter's date (today). */
  date: IsoDate;
  organisation: Organisation;
}

const MM = 72 / 25.4;
const PAGE: [number, number] = [210 * MM, 297 * MM];
const LEFT = 25 * MM;
const TEXT_WIDTH = PAGE[0] - LEFT - 20 * MM;
const ADDRESS_WIDTH = 80 * MM;
const ADDRESS_LINES = 6;
const BODY_SIZE = 11;
const LINE = 15;
const BOTTOM = 25 * MM;
const INK = rgb(0.1, 0.1, 0.1);
const GREY = rgb(0.35, 0.35, 0.35);

const fromTop = (mm: number) => PAGE[1] - mm * MM;

const labels = {
  de: { date: 'Datum', page: 'Seite', title: 'SmartPost' },
  en: { date: 'Date', page: 'Page', title: 'SmartPost' },
} as const;

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

/** Splits one line of text into lines no wider than `width` (a word longer than that is cut). */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w)) {
    let rest = word;
    while (font.widthOfTextAtSize(rest, size) > width && rest.length > 1) {
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

function fittedSize(font: PDFFont, text: string, size: number, maxWidth: number): number {
  if (text.length * size <= maxWidth) return size;
  const width = font.widthOfTextAtSize(text, size);
  return width > maxWidth ? Math.max(6, (size * maxWidth) / width) : size;
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  clean: (text: string) => string;
}

function drawLetterhead(page: PDFPage, fonts: Fonts, letter: SmartPostLetter): void {
  const { organisation, language } = letter;
  const line = (
    text: string,
    x: number,
    y: number,
    size: number,
    font: PDFFont,
    grey: boolean,
    maxWidth?: number,
  ) => {
    const clean = fonts.clean(text);
    const fitted = maxWidth === undefined ? size : fittedSize(font, clean, size, maxWidth);
    page.drawText(clean, { x, y, size: fitted, font, color: grey ? GREY : INK });
  };
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
  const town = [organisation.postcode, organisation.city].filter((part) => part).join(' ');
  line(organisation.name, LEFT, fromTop(20), 16, fonts.bold, false, TEXT_WIDTH);
  const contact = [organisation.street, town].filter((part) => part).join(' · ');
  if (contact) line(contact, LEFT, fromTop(26), 9, fonts.regular, true, TEXT_WIDTH);
  const sender = [organisation.name, organisation.street, town].filter((part) => part).join(' · ');
  line(sender, LEFT, fromTop(53), 7, fonts.regular, true, ADDRESS_WIDTH);
  let y = fromTop(67);
  for (const address of addressLines(language, letter.addressee).slice(0, ADDRESS_LINES)) {
    line(address, LEFT, y, BODY_SIZE, fonts.regular, false, ADDRESS_WIDTH);
    y -= 13;
  }
  line(
    `${labels[language].date}: ${formatDate(language, letter.date)}`,
    125 * MM,
    fromTop(67),
    10,
    fonts.regular,
    false,
  );
}

/** Adds one letter: its first page, and continuation pages when the text runs long. */
function addLetter(doc: PDFDocument, fonts: Fonts, letter: SmartPostLetter): void {
  let page = doc.addPage(PAGE);
  let pageNo = 1;
  drawLetterhead(page, fonts, letter);
  let y = fromTop(108);
  for (const subjectLine of wrap(fonts.clean(letter.subject), fonts.bold, 12, TEXT_WIDTH)) {
    page.drawText(subjectLine, { x: LEFT, y, size: 12, font: fonts.bold, color: INK });
    y -= LINE;
  }
  y -= LINE;
  const nextPage = () => {
    pageNo += 1;
    page = doc.addPage(PAGE);
    const marker = fonts.clean(`${labels[letter.language].page} ${pageNo}`);
    page.drawText(marker, { x: LEFT, y: fromTop(15), size: 9, font: fonts.regular, color: GREY });
    y = fromTop(25);
  };
  for (const paragraph of letter.body.replace(/\r\n?/g, '\n').split('\n')) {
    const lines = wrap(fonts.clean(paragraph), fonts.regular, BODY_SIZE, TEXT_WIDTH);
    if (lines.length === 0) {
      y -= LINE;
      continue;
    }
    for (const text of lines) {
      if (y < BOTTOM) nextPage();
      page.drawText(text, { x: LEFT, y, size: BODY_SIZE, font: fonts.regular, color: INK });
      y -= LINE;
    }
  }
}

/** One PDF holding every letter in the given order, each starting on a new page. */
export async function renderSmartPostLetters(letters: readonly SmartPostLetter[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const fonts: Fonts = { regular, bold, clean: cleanerFor(regular) };
  const first = letters[0];
  const language = first?.language ?? 'de';
  doc.setTitle(first ? first.subject : labels[language].title);
  if (first) doc.setAuthor(first.organisation.name);
  doc.setCreator('Portal Access Admin');
  doc.setLanguage(language === 'de' ? 'de-DE' : 'en-GB');
  for (const letter of letters) addLetter(doc, fonts, letter);
  return doc.save();
}
