/**
 * Documents taken at their bytes, not at their word (issue 14.7): the content must be the declared
 * type (magic bytes), the name's extension must be that type's (so never an executable), and the
 * name is made safe for every operating system before it is stored and handed out for saving.
 */
import { describe, expect, it } from 'vitest';
import type { ContentInput } from '../../../shared/ipc';
import { safeFileName } from '../../../src-main/core/storage/documentCheck';
import { ok, refused, testCore } from '../support';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n', 'latin1');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]);
const HTML = Buffer.from('<html><script>alert(document.cookie)</script></html>');

function upload(fileName: string, mimeType: string, bytes: Buffer): ContentInput {
  return {
    kind: 'document',
    title: 'Unterlage',
    propertyId: null,
    fileName,
    mimeType: mimeType as Extract<ContentInput, { kind: 'document' }>['mimeType'],
    dataBase64: bytes.toString('base64'),
  };
}

describe('a document upload', () => {
  it('is refused when the name is an executable or another type, whatever the bytes say', async () => {
    const core = testCore();
    const cases: [string, string, Buffer, string][] = [
      ['Rechnung.exe', 'application/pdf', PDF, '.exe'],
      ['Nebenkosten.pdf.bat', 'application/pdf', PDF, '.bat'],
      ['Mietvertrag\u202Efdp.exe', 'application/pdf', PDF, '.exe'],
      ['Seite.html', 'text/plain', HTML, '.html'],
      ['Vertrag', 'application/pdf', PDF, ''],
    ];
    for (const [fileName, mimeType, bytes, extension] of cases) {
      expect(
        await refused(core, 'content.create', upload(fileName, mimeType, bytes)),
        fileName,
      ).toMatchObject({
        code: 'FILE_EXTENSION_MISMATCH',
        params: { extension },
      });
    }
    expect((await ok(core, 'content.list', {})).total).toBe(0);
  });

  it('is refused when the bytes are not the declared type (an executable named .pdf, a PDF named .txt)', async () => {
    const core = testCore();
    expect((await refused(core, 'content.create', upload('Rechnung.pdf', 'application/pdf', EXE))).code).toBe(
      'UNSUPPORTED_FILE_TYPE',
    );
    expect((await refused(core, 'content.create', upload('Notiz.txt', 'text/plain', PDF))).code).toBe(
      'UNSUPPORTED_FILE_TYPE',
    );
    expect((await refused(core, 'content.create', upload('Notiz.txt', 'text/plain', EXE))).code).toBe(
      'UNSUPPORTED_FILE_TYPE',
    );
    expect((await refused(core, 'content.create', upload('...', 'application/pdf', PDF))).code).toBe(
      'INVALID_FILE_NAME',
    );
  });

  it('keeps and hands out a safe name: no control or bidi characters, separators or path steps', async () => {
    const core = testCore();
    const created = await ok(
      core,
      'content.create',
      upload('../../Haus\r\nordnung\u0000\u202E 2027.pdf', 'application/pdf', PDF),
    );
    expect(created.data).toMatchObject({ fileName: '_.._Hausordnung 2027.pdf' });
    const file = await ok(core, 'content.documentFile', { id: created.id });
    expect(file.fileName).toBe('_.._Hausordnung 2027.pdf');
  });
});

describe('safeFileName', () => {
  it('gives a name that is one harmless file on Windows, macOS and Linux', () => {
    expect(safeFileName('a/b\\c:d*e?f"g<h>i|j.pdf')).toBe('a_b_c_d_e_f_g_h_i_j.pdf');
    expect(safeFileName('CON.pdf')).toBe('_CON.pdf');
    expect(safeFileName('nul')).toBe('_nul');
    expect(safeFileName('lpt1.txt')).toBe('_lpt1.txt');
    expect(safeFileName('Console.pdf')).toBe('Console.pdf');
    expect(safeFileName('  Plan.pdf. . ')).toBe('Plan.pdf');
    expect(safeFileName('..')).toBe('');
    expect(safeFileName('\u200F\u2066\u0007')).toBe('');
    const long = safeFileName(`${'Ä'.repeat(300)}.docx`);
    expect(long).toHaveLength(120);
    expect(long.endsWith('Ä.docx')).toBe(true);
  });
});
