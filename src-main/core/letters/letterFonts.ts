/**
 * The fonts letters are set in: Noto faces shipped as npm packages, read from node_modules at run
 * time (electron-vite leaves dependencies external, so the packages resolve from out/main too).
 * Each character is set in the first face that has it — Noto Sans (Latin with Turkish, Greek,
 * Cyrillic), Noto Naskh Arabic, Noto Sans Hebrew, Noto Sans SC (Han, kana), Noto Sans KR (Hangul) —
 * and a document embeds only the faces its text needs, as subsets of the glyphs it uses.
 *
 * Speed: widths come from each face's advance widths, cached per character, so measuring a line is
 * linear in its length. pdf-lib encodes text through fontkit's shaper (GSUB/GPOS, ~1.7 ms per line
 * of Latin); faces that need no shaping map characters through the cmap instead, only Arabic and
 * Hebrew are shaped (joining forms, right-to-left glyph order within a run).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as Fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

type FontkitFont = ReturnType<typeof Fontkit.create>;
type GlyphRun = ReturnType<FontkitFont['layout']>;

// Not named `require`: electron-vite's ESM output declares its own at the top of out/main/index.js.
const packageRequire = createRequire(import.meta.url);
// The package's "main" (UMD) has `create` under every loader; its "module" build only a default export.
const fontkit = packageRequire('@pdf-lib/fontkit') as typeof Fontkit;

type Weight = 'regular' | 'bold';

/** In fallback order: package, font family (files `<family>-Regular|Bold.<ext>`), shaped by fontkit. */
const FACES: readonly { pkg: string; family: string; ext: 'ttf' | 'otf'; shaped: boolean }[] = [
  { pkg: '@embedpdf/fonts-latin', family: 'NotoSans', ext: 'ttf', shaped: false },
  { pkg: '@embedpdf/fonts-arabic', family: 'NotoNaskhArabic', ext: 'ttf', shaped: true },
  { pkg: '@embedpdf/fonts-hebrew', family: 'NotoSansHebrew', ext: 'ttf', shaped: true },
  { pkg: '@embedpdf/fonts-sc', family: 'NotoSansHans', ext: 'otf', shaped: false },
  { pkg: '@embedpdf/fonts-kr', family: 'NotoSansKR', ext: 'otf', shaped: false },
];

/** The packages' entry points are dist/index.*; the font files lie in fonts/ beside dist/. */
function fontFile(pkg: string, file: string): string {
  return path.join(path.dirname(packageRequire.resolve(pkg)), '..', 'fonts', file);
}

/** Each face's bytes → its fontkit font, for letterFontkit. */
const parsedFaces = new WeakMap<Uint8Array, FontkitFont>();

/**
 * One font file, read and parsed on first use (the CJK faces are 5–8 MB: only when a text needs
 * them), once per process. Unless it is shaped, its layout is the cmap's glyph for each character.
 */
class Face {
  private loaded: { bytes: Uint8Array; font: FontkitFont } | undefined;

  constructor(
    private readonly file: string,
    readonly shaped: boolean,
  ) {}

  get bytes(): Uint8Array {
    return this.load().bytes;
  }

  get font(): FontkitFont {
    return this.load().font;
  }

  private load() {
    if (this.loaded === undefined) {
      const bytes = new Uint8Array(fs.readFileSync(this.file));
      const font = fontkit.create(bytes);
      if (!this.shaped) font.layout = (text: string) => ({ glyphs: font.glyphsForString(text) }) as GlyphRun;
      parsedFaces.set(bytes, font);
      this.loaded = { bytes, font };
    }
    return this.loaded;
  }
}

/** Which face sets a character, and its advance in thousandths of an em. */
interface GlyphChoice {
  face: number;
  advance: number;
  /** A space or combining mark: it stays in the run it follows when that face has it. */
  sticky: boolean;
}

/** A run of text set in one face. */
interface Run {
  face: number;
  text: string;
}

const CONTROL_OR_FORMAT = /(?![\u200C\u200D])[\p{Cc}\p{Cf}]/u;

/**
 * The faces of one weight. What a character prints as, which face sets it and its advance are
 * worked out once per character and cached: letters repeat the same few hundred characters.
 */
export class Typeface {
  private readonly glyphs = new Map<string, GlyphChoice | null>();
  private readonly printed = new Map<string, string>();

  constructor(readonly faces: readonly Face[]) {}

  /** The first face that has the character, or null when none has it. */
  glyph(ch: string): GlyphChoice | null {
    let choice = this.glyphs.get(ch);
    if (choice === undefined) {
      const codePoint = ch.codePointAt(0) ?? 0;
      const face = this.faces.findIndex((candidate) => candidate.font.hasGlyphForCodePoint(codePoint));
      const font = this.faces[face]?.font;
      choice =
        font === undefined
          ? null
          : {
              face,
              advance: (font.glyphForCodePoint(codePoint).advanceWidth * 1000) / font.unitsPerEm,
              sticky: /[\s\p{M}]/u.test(ch),
            };
      this.glyphs.set(ch, choice);
    }
    return choice;
  }

  /** Thousandths of an em; characters no face has count as nothing (printable() replaces them first). */
  advanceOf(text: string): number {
    let width = 0;
    for (const ch of text) width += this.glyph(ch)?.advance ?? 0;
    return width;
  }

  widthOfTextAtSize(text: string, size: number): number {
    return (this.advanceOf(text) * size) / 1000;
  }

  /** The text with every character as printedAs() has it. Never an error. */
  printable(text: string): string {
    let out = '';
    for (const ch of text.normalize('NFC')) {
      let printed = this.printed.get(ch);
      if (printed === undefined) {
        printed = this.printedAs(ch);
        this.printed.set(ch, printed);
      }
      out += printed;
    }
    return out;
  }

  /**
   * Whitespace prints as a space; control and format characters not at all (bidi overrides,
   * zero-width spaces; the joiners that shaping needs stay); a character no face has as its base
   * letter without accents, or else "?".
   */
  private printedAs(ch: string): string {
    if (/\s/u.test(ch)) return ' ';
    if (CONTROL_OR_FORMAT.test(ch)) return '';
    if (this.glyph(ch) !== null) return ch;
    const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
    return base !== '' && [...base].every((part) => this.glyph(part) !== null) ? base : '?';
  }

  /** Printable text cut into runs of one face; spaces and combining marks stay in the run they follow. */
  runs(text: string): Run[] {
    const runs: Run[] = [];
    let current: Run | undefined;
    for (const ch of text) {
      const choice = this.glyph(ch);
      if (choice === null) continue;
      const face =
        current !== undefined &&
        current.face !== choice.face &&
        choice.sticky &&
        this.faces[current.face]?.font.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0)
          ? current.face
          : choice.face;
      if (current?.face === face) current.text += ch;
      else {
        current = { face, text: ch };
        runs.push(current);
      }
    }
    return runs;
  }
}

export const typefaces: Record<Weight, Typeface> = {
  regular: typefaceOf('regular'),
  bold: typefaceOf('bold'),
};

function typefaceOf(weight: Weight): Typeface {
  const style = weight === 'bold' ? 'Bold' : 'Regular';
  return new Typeface(
    FACES.map(({ pkg, family, ext, shaped }) => new Face(fontFile(pkg, `${family}-${style}.${ext}`), shaped)),
  );
}

/** What pdf-lib reads a face with: the face as parsed once per process (see Face.load). */
const letterFontkit = {
  create: (bytes: Uint8Array): FontkitFont => parsedFaces.get(bytes) ?? fontkit.create(bytes),
};

/** A typeface in one document: the faces its text needs, embedded as subsets. */
export class LetterFont {
  private readonly embedded = new Map<number, PDFFont>();

  constructor(
    private readonly doc: PDFDocument,
    readonly typeface: Typeface,
  ) {
    doc.registerFontkit(letterFontkit);
  }

  /** Embeds every face the texts need; drawing a text needs this first. */
  async prepare(texts: Iterable<string>): Promise<void> {
    for (const text of texts) {
      for (const run of this.typeface.runs(this.typeface.printable(text))) {
        if (this.embedded.has(run.face)) continue;
        const face = this.typeface.faces[run.face]!;
        this.embedded.set(run.face, await this.doc.embedFont(face.bytes, { subset: true }));
      }
    }
  }

  pdfFont(face: number): PDFFont {
    const font = this.embedded.get(face);
    if (font === undefined) throw new Error(`Letter font face ${face} used before prepare()`);
    return font;
  }
}
