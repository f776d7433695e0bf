/**
 * The invitation letter (Einladungsbrief) as a PDF: A4, laid out after DIN 5008 form B — return
 * address line and address block in the window area (45 mm from the top, 25 mm from the left
 * edge), date in the information block, subject, salutation, the code set large in a fixed-width
 * font, expiry and portal address, in the contact's language; fold and hole marks on the left edge.
 *
 * Speed (a property may need a thousand letters at once): what all letters of one language share —
 * letterhead, marks, subject, body text, expiry — is typeset once as a template page and placed on
 * every page as a form XObject; each page then only adds its address block, salutation and code.
 * Those few hundred bytes per page are written as one uncompressed content stream (deflating a
 * thousand tiny streams cost more than all the rest of the rendering).
 *
 * The standard PDF fonts (Helvetica, Courier) use WinAnsi encoding: German umlauts and ß, „“ and –
 * render; any other character (a rare letter in a name) is reduced to its base letter ("ł" → "l")
 * or "?", never an error. Text is PDF text, not HTML: nothing is escaped.
 */
import {
  PDFContentStream,
  PDFDocument,
  StandardFonts,
  degrees,
  drawObject,
  drawText,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  type PDFEmbeddedPage,
  type PDFFont,
  type PDFOperator,
  type PDFPage,
} from 'pdf-lib';
import type { IsoDate } from '../../../shared/domain';
import type { Language, Organisation } from '../../../shared/ipc';
import { addressLines, formatDate, salutationLine, type PostalAddressee } from '../mail/format';
import { invitationText } from '../mail/invitationContent';

export interface InvitationLetter {
  language: Language;
  addressee: PostalAddressee;
  code: string;
  expiresOn: IsoDate;
  /** The letter's date (today). */
  date: IsoDate;
  organisation: Organisation;
}

const MM = 72 / 25.4;
const PAGE: [number, number] = [210 * MM, 297 * MM];
const LEFT = 25 * MM;
const TEXT_WIDTH = PAGE[0] - LEFT - 20 * MM;
/** The address window is 85 mm wide; the block starts 5 mm inside it. */
const ADDRESS_WIDTH = 80 * MM;
const ADDRESS_LINES = 6;
const BODY_SIZE = 11;
const LINE = 15;
const CODE_SIZE = 20;
const INK = rgb(0.1, 0.1, 0.1);
const GREY = rgb(0.35, 0.35, 0.35);

/** y of a distance from the top edge (PDF coordinates start at the bottom). */
const fromTop = (mm: number) => PAGE[1] - mm * MM;

const labels = {
  de: { date: 'Datum', title: 'Einladung zum Kundenportal' },
  en: { date: 'Date', title: 'Invitation to the customer portal' },
} as const;

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  mono: PDFFont;
}
type FontName = keyof Fonts;

const cleaners = new WeakMap<PDFFont, (text: string) => string>();

/** Reduces text to what the font can encode (see the file comment). */
function encodable(font: PDFFont): (text: string) => string {
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

/** Splits a paragraph into lines no wider than `width`. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Draws text on one page with the fonts of its document, keeping a cursor for paragraphs. */
class Typesetter {
  y = 0;
  private readonly clean: Record<FontName, (text: string) => string>;

  constructor(
    private readonly page: PDFPage,
    private readonly fonts: Fonts,
  ) {
    this.clean = {
      regular: encodable(fonts.regular),
      bold: encodable(fonts.bold),
      mono: encodable(fonts.mono),
    };
  }

  /** One line at (x, y); `maxWidth` shrinks the size until it fits (long names stay on their line). */
  line(
    text: string,
    at: { x?: number; y: number; size?: number; font?: FontName; grey?: boolean; maxWidth?: number },
  ): void {
    const fontName = at.font ?? 'regular';
    const font = this.fonts[fontName];
    const clean = this.clean[fontName](text);
    const size =
      at.maxWidth === undefined
        ? (at.size ?? BODY_SIZE)
        : fittedSize(font, clean, at.size ?? BODY_SIZE, at.maxWidth);
    this.page.drawText(clean, { x: at.x ?? LEFT, y: at.y, size, font, color: at.grey ? GREY : INK });
  }

  /** A wrapped paragraph at the cursor, then `after` points of space. */
  paragraph(text: string, options: { font?: FontName; size?: number; indent?: number; after?: number } = {}) {
    const fontName = options.font ?? 'regular';
    const size = options.size ?? BODY_SIZE;
    const indent = options.indent ?? 0;
    const lineHeight = Math.max(LINE, size * 1.35);
    for (const line of wrap(this.clean[fontName](text), this.fonts[fontName], size, TEXT_WIDTH - indent)) {
      this.line(line, { x: LEFT + indent, y: this.y, size, font: fontName });
      this.y -= lineHeight;
    }
    this.y -= options.after ?? 0;
  }

  /** Leaves room for one line drawn later; returns its baseline. */
  slot(size: number, after: number): number {
    const y = this.y;
    this.y -= Math.max(LINE, size * 1.35) + after;
    return y;
  }
}

async function embedFonts(doc: PDFDocument): Promise<Fonts> {
  return {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    mono: await doc.embedFont(StandardFonts.CourierBold),
  };
}

/** What every letter of one template shares. */
type TemplateKey = Pick<InvitationLetter, 'language' | 'expiresOn' | 'date' | 'organisation'>;

interface Template {
  page: PDFEmbeddedPage;
  salutationY: number;
  codeY: number;
}

/** Typesets the shared part of a letter on a page of its own document and embeds it into `doc`. */
async function buildTemplate(doc: PDFDocument, key: TemplateKey): Promise<Template> {
  const { language, organisation } = key;
  const t = invitationText({
    language,
    addressee: { salutation: 'company', title: null, firstName: null, lastName: '', company: null },
    code: '',
    expiresOn: key.expiresOn,
    organisation,
  });
  const source = await PDFDocument.create();
  const page = source.addPage(PAGE);
  const ts = new Typesetter(page, await embedFonts(source));

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
  ts.line(organisation.name, { y: fromTop(20), size: 16, font: 'bold', maxWidth: TEXT_WIDTH });
  const contact = [organisation.street, town].filter((part) => part).join(' · ');
  if (contact) ts.line(contact, { y: fromTop(26), size: 9, grey: true, maxWidth: TEXT_WIDTH });

  // Window: the return address line (the address block is per letter).
  const sender = [organisation.name, organisation.street, town].filter((part) => part).join(' · ');
  ts.line(sender, { y: fromTop(53), size: 7, grey: true, maxWidth: ADDRESS_WIDTH });

  // Information block: the date.
  ts.line(`${labels[language].date}: ${formatDate(language, key.date)}`, {
    x: 125 * MM,
    y: fromTop(67),
    size: 10,
  });

  // Subject, (salutation), body, (code), expiry, closing.
  ts.y = fromTop(108);
  ts.paragraph(labels[language].title, { font: 'bold', size: 12, after: LINE });
  const salutationY = ts.slot(BODY_SIZE, LINE * 0.5);
  ts.paragraph(t.intro, { after: LINE * 0.5 });
  ts.paragraph(t.stepsTitle, { after: 2 });
  ts.paragraph(`1.  ${t.openPortal}:`);
  ts.paragraph(t.portalUrl, { indent: 14, font: 'bold', after: 2 });
  ts.paragraph(`2.  ${t.enterCode}`, { after: LINE * 0.5 });
  ts.paragraph(t.codeLabel, { after: 4 });
  const codeY = ts.slot(CODE_SIZE, 4);
  ts.paragraph(`${t.validLabel} ${t.validUntil}`, { font: 'bold', after: LINE * 0.5 });
  ts.paragraph(t.note, { after: LINE });
  ts.paragraph(t.closing, { after: LINE });
  ts.paragraph(organisation.name); // its address is in the letterhead

  // Fonts are written into a document lazily; flush them before the page is copied.
  await source.flush();
  return { page: await doc.embedPage(page), salutationY, codeY };
}

/** Fits a line into `maxWidth` by shrinking its size (long names stay on their line). */
function fittedSize(font: PDFFont, text: string, size: number, maxWidth: number): number {
  // Cheap bound first: no Helvetica glyph is wider than 1 em.
  if (text.length * size <= maxWidth) return size;
  const width = font.widthOfTextAtSize(text, size);
  return width > maxWidth ? Math.max(6, (size * maxWidth) / width) : size;
}

/**
 * One letter's page: the template, then address block, salutation and code, written directly as
 * one uncompressed content stream (pdf-lib's drawText would deflate a stream per page).
 */
function addLetterPage(doc: PDFDocument, fonts: Fonts, template: Template, letter: InvitationLetter): void {
  const page = doc.addPage(PAGE);
  const templateName = page.node.newXObject('Letter', template.page.ref);
  const regularName = page.node.newFontDictionary(fonts.regular.name, fonts.regular.ref);
  const monoName = page.node.newFontDictionary(fonts.mono.name, fonts.mono.ref);
  const operators: PDFOperator[] = [pushGraphicsState(), drawObject(templateName), popGraphicsState()];
  const text = (
    line: string,
    font: PDFFont,
    fontName: typeof regularName,
    x: number,
    y: number,
    size: number,
  ) => {
    operators.push(
      ...drawText(font.encodeText(line), {
        font: fontName,
        size,
        x,
        y,
        color: INK,
        rotate: degrees(0),
        xSkew: degrees(0),
        ySkew: degrees(0),
      }),
    );
  };
  const clean = encodable(fonts.regular);
  let y = fromTop(67);
  for (const line of addressLines(letter.language, letter.addressee).slice(0, ADDRESS_LINES)) {
    const cleaned = clean(line);
    text(
      cleaned,
      fonts.regular,
      regularName,
      LEFT,
      y,
      fittedSize(fonts.regular, cleaned, BODY_SIZE, ADDRESS_WIDTH),
    );
    y -= 13;
  }
  const salutation = clean(salutationLine(letter.language, letter.addressee));
  const salutationSize = fittedSize(fonts.regular, salutation, BODY_SIZE, TEXT_WIDTH);
  text(salutation, fonts.regular, regularName, LEFT, template.salutationY, salutationSize);
  text(encodable(fonts.mono)(letter.code), fonts.mono, monoName, LEFT + 14, template.codeY, CODE_SIZE);
  const stream = PDFContentStream.of(doc.context.obj({}), operators, false);
  page.node.addContentStream(doc.context.register(stream));
}

/** One PDF holding every letter (one page each, in the given order), ready to print. */
export async function renderInvitationLetters(letters: readonly InvitationLetter[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const fonts = await embedFonts(doc);
  const first = letters[0];
  const language = first?.language ?? 'de';
  doc.setTitle(labels[language].title);
  if (first) doc.setAuthor(first.organisation.name);
  doc.setCreator('Portal Access Admin');
  doc.setLanguage(language === 'de' ? 'de-DE' : 'en-GB');

  const templates = new Map<string, Template>();
  for (const letter of letters) {
    const key: TemplateKey = {
      language: letter.language,
      expiresOn: letter.expiresOn,
      date: letter.date,
      organisation: letter.organisation,
    };
    const keyText = JSON.stringify(key);
    let template = templates.get(keyText);
    if (template === undefined) {
      template = await buildTemplate(doc, key);
      templates.set(keyText, template);
    }

    addLetterPage(doc, fonts, template, letter);
  }
  return doc.save();
}
