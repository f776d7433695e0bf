/**
 * Exports are written by the main process into the file the user chose in the shell's save
 * dialog: streamed in chunks, into a temporary file renamed over the chosen one, so that a failed
 * export leaves the chosen place as it was; the page never names a path.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../shared/errors';
import { saveExport, type ExportChunks, type SaveDialog } from '../../../src-main/core/exports/saveExport';
import { folderSaveDialog, tempDir } from '../support';

async function* lines(count: number): ExportChunks {
  for (let i = 1; i <= count; i++) yield `Zeile ${i}\r\n`;
  return count;
}

const request = { suggestedName: 'protokoll.csv', kind: 'csv' } as const;

describe('saveExport', () => {
  it('asks the dialog first and writes nothing when it is cancelled', async () => {
    let produced = false;
    const cancelled: SaveDialog = { choose: () => Promise.resolve(null) };
    const saved = await saveExport(cancelled, request, async function* () {
      produced = true;
      yield 'x';
      return 1;
    });
    expect(saved).toEqual({ saved: false });
    expect(produced).toBe(false);
  });

  it('streams every chunk into the chosen file and leaves no temporary beside it', async () => {
    const dialog = folderSaveDialog();
    const saved = await saveExport(dialog, request, () => lines(5000));
    expect(saved).toEqual({ saved: true, fileName: 'protokoll.csv', count: 5000 });
    const file = dialog.chosen[0]!;
    const text = fs.readFileSync(file, 'utf8').split('\r\n');
    expect(text).toHaveLength(5001);
    expect(text[4999]).toBe('Zeile 5000');
    expect(fs.readdirSync(path.dirname(file))).toEqual(['protokoll.csv']);
  });

  it('offers only the suggested name to the dialog, never a folder', async () => {
    const dialog = folderSaveDialog();
    await saveExport(dialog, { suggestedName: '../../etc/passwd', kind: 'csv' }, () => lines(1));
    expect(path.basename(dialog.chosen[0]!)).toBe('passwd');
    expect(path.dirname(dialog.chosen[0]!)).not.toContain('etc');
  });

  it('replaces an existing file only once the new one is complete', async () => {
    const dialog = folderSaveDialog();
    await saveExport(dialog, request, () => lines(3));
    const file = dialog.chosen[0]!;
    const before = fs.readFileSync(file, 'utf8');

    const refusal = await saveExport(dialog, request, async function* () {
      yield 'neue Zeile\r\n';
      throw new DomainError('TOO_MANY_LETTERS', { count: 2, max: 1 });
    }).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: 'TOO_MANY_LETTERS' });
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['protokoll.csv']);

    await saveExport(dialog, request, () => lines(1));
    expect(fs.readFileSync(file, 'utf8')).toBe('Zeile 1\r\n');
  });

  it('answers EXPORT_FAILED with the reason when the place cannot be written, DISK_FULL when full', async () => {
    const missing: SaveDialog = { choose: () => Promise.resolve(path.join(tempDir(), 'gone', 'a.csv')) };
    await expect(saveExport(missing, request, () => lines(1))).rejects.toMatchObject({
      code: 'EXPORT_FAILED',
      params: { reason: 'ENOENT' },
    });
    const relative: SaveDialog = { choose: () => Promise.resolve('a.csv') };
    await expect(saveExport(relative, request, () => lines(1))).rejects.toMatchObject({
      code: 'EXPORT_FAILED',
    });
    const dir = tempDir();
    const full: SaveDialog = { choose: () => Promise.resolve(path.join(dir, 'a.csv')) };
    const refusal = await saveExport(full, request, async function* () {
      yield 'x';
      throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    }).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: 'DISK_FULL', params: { folder: dir } });
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
