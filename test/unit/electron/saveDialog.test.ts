/**
 * The shell's save dialog for exports, against a fake 'electron' module: it suggests only a file
 * name (in the user's documents), offers the export's file type, and answers the path the user
 * chose — or nothing when cancelled. Every export of the real core goes through it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryPreferenceStore } from '../../../src-main/core/preferences';
import { createCore } from '../../../src-main/core/core';
import { pinnedClock } from '../../../src-main/core/clock';
import { ok, tempDir } from '../support';

const fake = vi.hoisted(() => {
  const state = {
    documents: '/home/verwaltung/Dokumente',
    dialogs: [] as Record<string, unknown>[],
    answer: null as string | null,
  };
  const electron = {
    app: { getPath: (name: string) => (name === 'documents' ? state.documents : '/nowhere') },
    BrowserWindow: { getFocusedWindow: () => null },
    dialog: {
      showSaveDialog: (options: Record<string, unknown>) => {
        state.dialogs.push(options);
        return Promise.resolve(
          state.answer ? { canceled: false, filePath: state.answer } : { canceled: true, filePath: '' },
        );
      },
    },
  };
  return { state, electron };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

const { electronSaveDialog } = await import('../../../src-main/electron/saveDialog');

beforeEach(() => {
  fake.state.dialogs.length = 0;
  fake.state.answer = null;
});

describe('electronSaveDialog', () => {
  it('suggests the file name in the documents folder with the file type, and answers the choice', async () => {
    fake.state.answer = '/home/verwaltung/Desktop/protokoll.csv';
    const chosen = await electronSaveDialog().choose({ suggestedName: '../x/protokoll.csv', kind: 'csv' });
    expect(chosen).toBe('/home/verwaltung/Desktop/protokoll.csv');
    expect(fake.state.dialogs).toEqual([
      {
        defaultPath: path.join('/home/verwaltung/Dokumente', 'protokoll.csv'),
        filters: [{ name: 'CSV', extensions: ['csv'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      },
    ]);
  });

  it('answers nothing when the user cancels', async () => {
    expect(await electronSaveDialog().choose({ suggestedName: 'Briefe.pdf', kind: 'pdf' })).toBeNull();
  });

  it('is where the core writes an export: the Protokoll lands in the chosen file', async () => {
    const target = path.join(tempDir(), 'protokoll.csv');
    fake.state.answer = target;
    const core = createCore({
      dataDir: tempDir(),
      clock: pinnedClock('2026-11-27'),
      preferences: memoryPreferenceStore(),
      saveDialog: electronSaveDialog(),
    });
    try {
      await ok(core, 'dataProtection.updateSettings', { retentionMonths: 12 });
      expect(await ok(core, 'auditLog.export', { language: 'de' })).toEqual({
        saved: true,
        fileName: 'protokoll.csv',
        count: 1,
      });
      expect(fs.readFileSync(target, 'utf8')).toContain('Aufbewahrungsfrist');
    } finally {
      core.close();
    }
  });
});
