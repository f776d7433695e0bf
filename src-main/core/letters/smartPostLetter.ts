/**
 * SmartPost letters (Serienbrief) as one PDF for printing: every recipient's personal letter starts
 * on a page of its own (A4, DIN 5008 form B like the invitation letter: letterhead, return address
 * line and address block in the window, date, subject, then the filled template). A long letter
 * continues on further pages; the usual one-page letter is one page per recipient.
 *
 * Page, letterhead, window, date and line setting: letterLayout.ts; fonts: letterFonts.ts.
 */
import { PDFDocument } from 'pdf-lib';
import type { IsoDate } from '../../../shared/domain';
import type { Language, Organisation } from '../../../shared/ipc';
import type { PostalAddressee } from '../mail/format';
import {
  BODY_SIZE,
  LINE,
  MM,
  PAGE,
  TEXT_WIDTH,
  addContent,
  addressBlockLines,
  addressBlockOperators,
  dateLine,
  dateOperators,
  describeLetters,
  fromTop,
  letterFontsFor,
  letterheadOperators,
  lineOperators,
  prepareLetterhead,
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

/** Embeds the faces one letter needs. */
async function prepareLetter(fonts: LetterFonts, letter: SmartPostLetter): Promise<void> {
  await prepareLetterhead(fonts, letter.organisation);
  await fonts.bold.prepare([letter.subject]);
  await fonts.regular.prepare([
    ...addressBlockLines(letter.language, letter.addressee),
    dateLine(letter.language, letter.date),
    labels[letter.language].page,
    letter.body,
  ]);
}

/** Adds one letter: its first page, and continuation pages when the text runs long. */
function addLetter(doc: PDFDocument, fonts: LetterFonts, letter: SmartPostLetter): void {
  let page = doc.addPage(PAGE);
  let pageNo = 1;
  const operators = [
    ...letterheadOperators(page, fonts, letter.organisation),
    ...addressBlockOperators(page, fonts.regular, letter.language, letter.addressee),
    ...dateOperators(page, fonts.regular, letter.language, letter.date),
  ];
  let y = fromTop(108);
  for (const subjectLine of wrap(letter.subject, fonts.bold, 12, TEXT_WIDTH)) {
    operators.push(...lineOperators(page, fonts.bold, subjectLine, { y, size: 12 }));
    y -= LINE;
  }
  y -= LINE;
  const nextPage = () => {
    addContent(doc, page, operators.splice(0), true);
    pageNo += 1;
    page = doc.addPage(PAGE);
    const marker = `${labels[letter.language].page} ${pageNo}`;
    operators.push(...lineOperators(page, fonts.regular, marker, { y: fromTop(15), size: 9, grey: true }));
    y = fromTop(25);
  };
  for (const paragraph of letter.body.replace(/\r\n?/g, '\n').split('\n')) {
    const lines = wrap(paragraph, fonts.regular, BODY_SIZE, TEXT_WIDTH);
    if (lines.length === 0) {
      y -= LINE;
      continue;
    }
    for (const text of lines) {
      if (y < BOTTOM) nextPage();
      operators.push(...lineOperators(page, fonts.regular, text, { y }));
      y -= LINE;
    }
  }
  addContent(doc, page, operators, true);
}

/**
 * One PDF holding every letter in the given order, each starting on a new page; `progress` hears
 * how many letters are set so far.
 */
export async function renderSmartPostLetters(
  letters: readonly SmartPostLetter[],
  progress: (done: number) => void = () => {},
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const fonts = letterFontsFor(doc);
  const first = letters[0];
  const language = first?.language ?? 'de';
  describeLetters(doc, {
    title: first ? first.subject : labels[language].title,
    language,
    author: first?.organisation.name,
  });
  for (const [i, letter] of letters.entries()) {
    await prepareLetter(fonts, letter);
    addLetter(doc, fonts, letter);
    progress(i + 1);
  }
  return doc.save();
}
