/**
 * The layout every printed letter shares (invitationLetter.ts, smartPostLetter.ts): A4, laid out
 * after DIN 5008 form B — fold and hole marks on the left edge, letterhead, return address line and
 * address block in the window area (45 mm from the top, 25 mm from the left edge), date in the
 * information block, text from 108 mm down — and how a line of text is measured, wrapped and set.
 *
 * Text is set in the Noto faces of letterFonts.ts, each character in the first face that has it,
 * so names in any of their scripts print; what no face has is replaced (Typeface.printable), never
 * an error. Text is PDF text, not HTML: nothing is escaped.
 */
import {
  beginText,
  drawLine,
  endText,
  moveText,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setFillingColor,
  setFontAndSize,
  showText,
  type PDFDocument,
  type PDFFont,
  type PDFName,
  type PDFOperator,
  type PDFPage,
} from 'pdf-lib';
import type { IsoDate } from '../../../shared/domain';
import type { Language, Organisation } from '../../../shared/ipc';
import { addressLines, formatDate, type PostalAddressee } from '../mail/format';
import { LetterFont, typefaces } from './letterFonts';

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
const GREY = rgb(0.35, 0.35, 0.35);

/** y of a distance from the top edge (PDF coordinates start at the bottom). */
export const fromTop = (mm: number) => PAGE[1] - mm * MM;

const dateLabels = { de: 'Datum', en: 'Date' } as const;

export interface LetterFonts {
  regular: LetterFont;
  bold: LetterFont;
}

/** The letter typefaces in `doc`; each embeds the faces a text needs when prepared with it. */
export function letterFontsFor(doc: PDFDocument): LetterFonts {
  return { regular: new LetterFont(doc, typefaces.regular), bold: new LetterFont(doc, typefaces.bold) };
}

/** Prepares the fonts for what letterheadOperators sets. */
export async function prepareLetterhead(fonts: LetterFonts, organisation: Organisation): Promise<void> {
  await fonts.bold.prepare([organisation.name]);
  await fonts.regular.prepare(Object.values(organisation).filter((value) => value !== null));
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

/**
 * Splits a paragraph into printable lines no wider than `width`, in one pass: each character's
 * advance is looked up once (cached per typeface), so a paragraph costs time linear in its length.
 * A word wider than a line (a URL, text without spaces such as Chinese) is cut where it stops fitting.
 */
export function wrap(text: string, font: LetterFont, size: number, width: number): string[] {
  const { typeface } = font;
  const limit = (width * 1000) / size; // in thousandths of an em, as advances are
  const space = typeface.advanceOf(' ');
  const lines: string[] = [];
  let line = '';
  let lineAdvance = 0;
  for (const word of typeface.printable(text).split(' ')) {
    if (word === '') continue;
    const advance = typeface.advanceOf(word);
    if (line !== '' && lineAdvance + space + advance <= limit) {
      line += ` ${word}`;
      lineAdvance += space + advance;
      continue;
    }
    if (line !== '') lines.push(line);
    line = '';
    lineAdvance = 0;
    if (advance <= limit) {
      line = word;
      lineAdvance = advance;
      continue;
    }
    for (const ch of word) {
      const chAdvance = typeface.glyph(ch)?.advance ?? 0;
      if (line !== '' && lineAdvance + chAdvance > limit) {
        lines.push(line);
        line = '';
        lineAdvance = 0;
      }
      line += ch;
      lineAdvance += chAdvance;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Fits a line into `maxWidth` by shrinking its size (long names stay on their line). */
function fittedSize(font: LetterFont, text: string, size: number, maxWidth: number): number {
  const width = font.typeface.widthOfTextAtSize(text, size);
  return width > maxWidth ? Math.max(6, (size * maxWidth) / width) : size;
}

const fontKeys = new WeakMap<PDFPage, Map<PDFFont, PDFName>>();

/** The name `font` has in the page's resources, added on first use. */
export function fontKey(page: PDFPage, font: PDFFont): PDFName {
  let keys = fontKeys.get(page);
  if (keys === undefined) {
    keys = new Map();
    fontKeys.set(page, keys);
  }
  let key = keys.get(font);
  if (key === undefined) {
    key = page.node.newFontDictionary(font.name, font.ref);
    keys.set(font, key);
  }
  return key;
}

/**
 * The operators that set one line at (x, y), made printable: a run per face, each where the last
 * ended; `maxWidth` shrinks the size until it fits.
 */
export function lineOperators(
  page: PDFPage,
  font: LetterFont,
  text: string,
  at: { x?: number; y: number; size?: number; grey?: boolean; maxWidth?: number },
): PDFOperator[] {
  const line = font.typeface.printable(text);
  const size = at.size ?? BODY_SIZE;
  const fitted = at.maxWidth === undefined ? size : fittedSize(font, line, size, at.maxWidth);
  const operators = [
    pushGraphicsState(),
    setFillingColor(at.grey ? GREY : INK),
    beginText(),
    moveText(at.x ?? LEFT, at.y),
  ];
  for (const run of font.typeface.runs(line)) {
    const pdfFont = font.pdfFont(run.face);
    operators.push(setFontAndSize(fontKey(page, pdfFont), fitted), showText(pdfFont.encodeText(run.text)));
  }
  operators.push(endText(), popGraphicsState());
  return operators;
}

/**
 * Adds `operators` to the page as one content stream, serialised now: a batch of 10,000 letters
 * would otherwise hold millions of operator objects until the PDF is saved.
 */
export function addContent(
  doc: PDFDocument,
  page: PDFPage,
  operators: PDFOperator[],
  compress: boolean,
): void {
  const content = operators.join('\n');
  const stream = compress ? doc.context.flateStream(content) : doc.context.stream(content);
  page.node.addContentStream(doc.context.register(stream));
}

/** Fold marks, letterhead and the return address line above the address window. */
export function letterheadOperators(
  page: PDFPage,
  fonts: LetterFonts,
  organisation: Organisation,
): PDFOperator[] {
  // Fold marks (form B: 105 mm and 210 mm) and the hole mark (148.5 mm).
  const operators = (
    [
      [105, 5],
      [210, 5],
      [148.5, 8],
    ] as const
  ).flatMap(([mm, length]) =>
    drawLine({
      start: { x: 3 * MM, y: fromTop(mm) },
      end: { x: (3 + length) * MM, y: fromTop(mm) },
      thickness: 0.4,
      color: GREY,
    }),
  );

  // Letterhead.
  const town = [organisation.postcode, organisation.city].filter((part) => part).join(' ');
  operators.push(
    ...lineOperators(page, fonts.bold, organisation.name, { y: fromTop(20), size: 16, maxWidth: TEXT_WIDTH }),
  );
  const contact = [organisation.street, town].filter((part) => part).join(' · ');
  if (contact) {
    operators.push(
      ...lineOperators(page, fonts.regular, contact, {
        y: fromTop(26),
        size: 9,
        grey: true,
        maxWidth: TEXT_WIDTH,
      }),
    );
  }

  // Window: the return address line.
  const sender = [organisation.name, organisation.street, town].filter((part) => part).join(' · ');
  operators.push(
    ...lineOperators(page, fonts.regular, sender, {
      y: fromTop(53),
      size: 7,
      grey: true,
      maxWidth: ADDRESS_WIDTH,
    }),
  );
  return operators;
}

/** The address block's lines (before they are made printable). */
export function addressBlockLines(language: Language, addressee: PostalAddressee): string[] {
  return addressLines(language, addressee).slice(0, ADDRESS_LINES);
}

/** The address block in the window, each line shrunk to fit the window's width. */
export function addressBlockOperators(
  page: PDFPage,
  font: LetterFont,
  language: Language,
  addressee: PostalAddressee,
): PDFOperator[] {
  return addressBlockLines(language, addressee).flatMap((line, i) =>
    lineOperators(page, font, line, { y: fromTop(67) - i * 13, maxWidth: ADDRESS_WIDTH }),
  );
}

/** Information block: the letter's date. */
export function dateLine(language: Language, date: IsoDate): string {
  return `${dateLabels[language]}: ${formatDate(language, date)}`;
}

export function dateOperators(
  page: PDFPage,
  font: LetterFont,
  language: Language,
  date: IsoDate,
): PDFOperator[] {
  return lineOperators(page, font, dateLine(language, date), { x: 125 * MM, y: fromTop(67), size: 10 });
}
