/**
 * SmartPost letters (Serienbrief) as one PDF for printing: every recipient's personal letter starts
 * on a page of its own (A4, DIN 5008 form B like the invitation letter: letterhead, return address
 * line and address block in the window, date, subject, then the filled template). A long letter
 * continues on further pages; the usual one-page letter is one page per recipient.
 *
 * Page, letterhead, window, date and fonts: letterLayout.ts.
 */
import { PDFDocument } from 'pdf-lib';
import type { IsoDate } from '../../../shared/domain';
import type { Language, Organisation } from '../../../shared/ipc';
import type { PostalAddressee } from '../mail/format';
import {
  BODY_SIZE,
  GREY,
  INK,
  LEFT,
  LINE,
  MM,
  PAGE,
  TEXT_WIDTH,
  addressBlock,
  describeLetters,
  drawDate,
  drawLetterhead,
  embedLetterFonts,
  encodable,
  fromTop,
  wrap,
  type LetterFonts,
} from './letterLayout';

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

const BOTTOM = 25 * MM;

const labels = {
  de: { page: 'Seite', title: 'SmartPost' },
  en: { page: 'Page', title: 'SmartPost' },
} as const;

/** Adds one letter: its first page, and continuation pages when the text runs long. */
function addLetter(doc: PDFDocument, fonts: LetterFonts, letter: SmartPostLetter): void {
  const clean = encodable(fonts.regular);
  let page = doc.addPage(PAGE);
  let pageNo = 1;
  drawLetterhead(page, fonts, letter.organisation);
  for (const line of addressBlock(letter.language, letter.addressee, fonts.regular)) {
    page.drawText(line.text, { x: LEFT, y: line.y, size: line.size, font: fonts.regular, color: INK });
  }
  drawDate(page, fonts.regular, letter.language, letter.date);
  let y = fromTop(108);
  const subjectLines = wrap(encodable(fonts.bold)(letter.subject), fonts.bold, 12, TEXT_WIDTH, {
    cutOverlongWords: true,
  });
  for (const subjectLine of subjectLines) {
    page.drawText(subjectLine, { x: LEFT, y, size: 12, font: fonts.bold, color: INK });
    y -= LINE;
  }
  y -= LINE;
  const nextPage = () => {
    pageNo += 1;
    page = doc.addPage(PAGE);
    const marker = clean(`${labels[letter.language].page} ${pageNo}`);
    page.drawText(marker, { x: LEFT, y: fromTop(15), size: 9, font: fonts.regular, color: GREY });
    y = fromTop(25);
  };
  for (const paragraph of letter.body.replace(/\r\n?/g, '\n').split('\n')) {
    const lines = wrap(clean(paragraph), fonts.regular, BODY_SIZE, TEXT_WIDTH, { cutOverlongWords: true });
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
  const fonts = await embedLetterFonts(doc);
  const first = letters[0];
  const language = first?.language ?? 'de';
  describeLetters(doc, {
    title: first ? first.subject : labels[language].title,
    language,
    author: first?.organisation.name,
  });
  for (const letter of letters) addLetter(doc, fonts, letter);
  return doc.save();
}
