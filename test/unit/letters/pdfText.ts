/**
 * The text of a PDF written by pdf-lib, read back the way a viewer would: each page's content
 * streams and the form XObjects they draw, every BT…ET block one line, each `<hex> Tj` decoded with
 * its font's ToUnicode map (embedded Noto faces) or WinAnsi (standard fonts such as Courier).
 * Good enough for our own letters; not a general PDF parser.
 */
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRawStream,
  PDFRef,
  decodePDFRawStream,
  type PDFObject,
} from 'pdf-lib';

export interface PdfLine {
  page: number;
  text: string;
  x: number;
  y: number;
  /** BaseFont of every run, e.g. "NotoSans-Regular-1234" (pdf-lib adds a random suffix). */
  fonts: string[];
}

/** WinAnsi code → character, for the few codes above Latin-1 that the letters use. */
const WIN_ANSI: Record<number, string> = { 0x84: '„', 0x93: '“', 0x94: '”', 0x96: '–', 0x95: '•' };

type Decoder = (hex: string) => string;

const hexPairs = (hex: string, width: number) => hex.match(new RegExp(`.{${width}}`, 'g')) ?? [];
const utf16 = (hex: string) => String.fromCharCode(...hexPairs(hex, 4).map((unit) => parseInt(unit, 16)));

/** A ToUnicode CMap (bfchar and bfrange entries) as a decoder of 2-byte codes. */
function toUnicodeDecoder(cmap: string): Decoder {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, text] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
      map.set(parseInt(code!, 16), utf16(text!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, low, high, target] of block[1]!.matchAll(
      /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])/g,
    )) {
      const targets = [...target!.matchAll(/<([0-9A-Fa-f]+)>/g)].map((match) => match[1]!);
      for (let code = parseInt(low!, 16); code <= parseInt(high!, 16); code++) {
        const offset = code - parseInt(low!, 16);
        const text =
          targets.length > 1
            ? utf16(targets[offset] ?? '')
            : String.fromCharCode(parseInt(targets[0]!, 16) + offset);
        map.set(code, text);
      }
    }
  }
  return (hex) =>
    hexPairs(hex, 4)
      .map((code) => map.get(parseInt(code, 16)) ?? '\uFFFD')
      .join('');
}

const winAnsiDecoder: Decoder = (hex) =>
  hexPairs(hex, 2)
    .map((pair) => {
      const code = parseInt(pair, 16);
      return WIN_ANSI[code] ?? String.fromCharCode(code);
    })
    .join('');

function streamText(stream: PDFObject | undefined): string {
  return stream instanceof PDFRawStream
    ? Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1')
    : '';
}

/** Every text line of the document, page by page, in drawing order. */
export async function pdfText(bytes: Uint8Array): Promise<{ doc: PDFDocument; lines: PdfLine[] }> {
  const doc = await PDFDocument.load(bytes);
  const lookup = (object: PDFObject | undefined) =>
    object instanceof PDFRef ? doc.context.lookup(object) : object;
  const lines: PdfLine[] = [];

  const fontOf = (resources: PDFDict | undefined, name: string): { base: string; decode: Decoder } => {
    const fonts = lookup(resources?.get(PDFName.of('Font')));
    const font = fonts instanceof PDFDict ? lookup(fonts.get(PDFName.of(name))) : undefined;
    if (!(font instanceof PDFDict)) throw new Error(`font ${name} not in the resources`);
    const base = String(font.get(PDFName.of('BaseFont'))).replace(/^\//, '');
    const toUnicode = lookup(font.get(PDFName.of('ToUnicode')));
    return { base, decode: toUnicode ? toUnicodeDecoder(streamText(toUnicode)) : winAnsiDecoder };
  };

  const read = (content: string, resources: PDFDict | undefined, page: number) => {
    let line: PdfLine | undefined;
    let font: { base: string; decode: Decoder } | undefined;
    const tokens =
      /\/(\S+)\s+[-\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj|(-?[\d.]+)\s+(-?[\d.]+)\s+(?:Td|Tm)|\/(\S+)\s+Do|\b(BT|ET)\b/g;
    for (const [, fontName, hex, x, y, xObject, block] of content.matchAll(tokens)) {
      if (block === 'BT') line = { page, text: '', x: 0, y: 0, fonts: [] };
      else if (block === 'ET' && line) lines.push(line);
      else if (fontName !== undefined) font = fontOf(resources, fontName);
      else if (x !== undefined && line) Object.assign(line, { x: Number(x), y: Number(y) });
      else if (hex !== undefined && line && font) {
        line.text += font.decode(hex);
        line.fonts.push(font.base);
      } else if (xObject !== undefined) {
        const xObjects = lookup(resources?.get(PDFName.of('XObject')));
        const form = xObjects instanceof PDFDict ? lookup(xObjects.get(PDFName.of(xObject))) : undefined;
        if (form instanceof PDFRawStream) {
          const formResources = lookup(form.dict.get(PDFName.of('Resources')));
          read(streamText(form), formResources instanceof PDFDict ? formResources : undefined, page);
        }
      }
    }
  };

  doc.getPages().forEach((page, index) => {
    const contents = lookup(page.node.get(PDFName.of('Contents')));
    const streams = contents instanceof PDFArray ? contents.asArray().map(lookup) : [contents];
    read(streams.map(streamText).join('\n'), page.node.Resources(), index + 1);
  });
  return { doc, lines };
}
