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
 * Page, letterhead, window, date and line setting: letterLayout.ts; fonts: letterFonts.ts.
 */
import {
  PDFDocument,
  StandardFonts,
  degrees,
  drawObject,
  drawText,
  popGraphicsState,
  pushGraphicsState,
  type PDFEmbeddedPage,
  type PDFFont,
  type PDFOperator,
  type PDFPage,
} from 'pdf-lib';
import type { IsoDate } from '../../../shared/domain';
import type { Language, Organisation } from '../../../shared/ipc';
import { salutationLine, type PostalAddressee } from '../mail/format';
import { invitationText } from '../mail/invitationContent';
import {
  BODY_SIZE,
  INK,
  LEFT,
  LINE,
  PAGE,
  TEXT_WIDTH,
  addContent,
  addressBlockLines,
  addressBlockOperators,
  dateLine,
  dateOperators,
  describeLetters,
  fontKey,
  fromTop,
  letterFontsFor,
  letterheadOperators,
  lineOperators,
  prepareLetterhead,
  wrap,
  type LetterFonts,
} from './letterLayout';

export interface InvitationLetter {
  language: Language;
  addressee: PostalAddressee;
  code: string;
  expiresOn: IsoDate;
  /** The letter's date (today). */
  date: IsoDate;
  organisation: Organisation;
}

const CODE_SIZE = 20;

const titles = { de: 'Einladung zum Kundenportal', en: 'Invitation to the customer portal' } as const;

interface Fonts extends LetterFonts {
  /** The code's font: Courier Bold, a standard font (the code is A–Z, 0–9 and "-"). */
  mono: PDFFont;
}

/** Draws text on one page with the fonts of its document, keeping a cursor for paragraphs. */
class Typesetter {
  y = 0;

  constructor(
    private readonly page: PDFPage,
    private readonly fonts: Fonts,
  ) {}

  /** A wrapped paragraph at the cursor, then `after` points of space. */
  paragraph(
    text: string,
    options: { font?: keyof LetterFonts; size?: number; indent?: number; after?: number } = {},
  ) {
    const font = this.fonts[options.font ?? 'regular'];
    const size = options.size ?? BODY_SIZE;
    const indent = options.indent ?? 0;
    const lineHeight = Math.max(LINE, size * 1.35);
    for (const line of wrap(text, font, size, TEXT_WIDTH - indent)) {
      this.page.pushOperators(...lineOperators(this.page, font, line, { x: LEFT + indent, y: this.y, size }));
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
  return { ...letterFontsFor(doc), mono: await doc.embedFont(StandardFonts.CourierBold) };
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
  const fonts = await embedFonts(source);
  await prepareLetterhead(fonts, organisation);
  await fonts.bold.prepare([titles[language], t.portalUrl, `${t.validLabel} ${t.validUntil}`]);
  await fonts.regular.prepare([dateLine(language, key.date), ...Object.values(t).flat()]);
  const ts = new Typesetter(page, fonts);
  page.pushOperators(
    ...letterheadOperators(page, fonts, organisation), // the address block is per letter
    ...dateOperators(page, fonts.regular, language, key.date),
  );

  // Subject, (salutation), body, (code), expiry, closing.
  ts.y = fromTop(108);
  ts.paragraph(titles[language], { font: 'bold', size: 12, after: LINE });
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

/** Embeds the faces of what addLetterPage sets in the main document. */
async function prepareLetterPage(fonts: Fonts, letter: InvitationLetter): Promise<void> {
  await fonts.regular.prepare([
    ...addressBlockLines(letter.language, letter.addressee),
    salutationLine(letter.language, letter.addressee),
  ]);
}

/**
 * One letter's page: the template, then address block, salutation and code, written directly as
 * one uncompressed content stream (pdf-lib's drawText would deflate a stream per page).
 */
function addLetterPage(doc: PDFDocument, fonts: Fonts, template: Template, letter: InvitationLetter): void {
  const page = doc.addPage(PAGE);
  const templateName = page.node.newXObject('Letter', template.page.ref);
  const operators: PDFOperator[] = [
    pushGraphicsState(),
    drawObject(templateName),
    popGraphicsState(),
    ...addressBlockOperators(page, fonts.regular, letter.language, letter.addressee),
    ...lineOperators(page, fonts.regular, salutationLine(letter.language, letter.addressee), {
      y: template.salutationY,
      maxWidth: TEXT_WIDTH,
    }),
    ...drawText(fonts.mono.encodeText(letter.code), {
      font: fontKey(page, fonts.mono),
      size: CODE_SIZE,
      x: LEFT + 14,
      y: template.codeY,
      color: INK,
      rotate: degrees(0),
      xSkew: degrees(0),
      ySkew: degrees(0),
    }),
  ];
  addContent(doc, page, operators, false);
}

/**
 * One PDF holding every letter (one page each, in the given order), ready to print; `progress` hears
 * how many letters are set so far.
 */
export async function renderInvitationLetters(
  letters: readonly InvitationLetter[],
  progress: (done: number) => void = () => {},
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const fonts = await embedFonts(doc);
  const first = letters[0];
  const language = first?.language ?? 'de';
  describeLetters(doc, { title: titles[language], language, author: first?.organisation.name });

  const templates = new Map<string, Template>();
  for (const [i, letter] of letters.entries()) {
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

    await prepareLetterPage(fonts, letter);
    addLetterPage(doc, fonts, template, letter);
    progress(i + 1);
  }
  return doc.save();
}
