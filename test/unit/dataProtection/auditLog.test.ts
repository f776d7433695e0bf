/**
 * The audit log (Protokoll): paged newest first within a range of Berlin calendar days, and its CSV
 * export as German and English Excel open it — with no cell that Excel would run as a formula.
 */
import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import type { SavedExport } from '../../../shared/ipc';
import type { Clock } from '../../../src-main/core/clock';
import { createCore, type Core } from '../../../src-main/core/core';
import { memoryPreferenceStore } from '../../../src-main/core/preferences';
import { dayStartInstant } from '../../../src-main/core/clock';
import { auditCsv } from '../../../src-main/core/services/auditLogService';
import { expectRefused, folderSaveDialog, ok, tempDir, withDatabase } from '../support';

const open: Core[] = [];
afterEach(() => {
  while (open.length) open.pop()?.close();
});

/** A core whose audit rows are written at the instants the test sets. */
function auditCore(dataDir = tempDir(), actor = 'verwaltung') {
  let instant = '2026-11-27T09:00:00.000Z';
  const clock: Clock = { today: () => '2026-11-27', now: () => instant };
  const saved = folderSaveDialog();
  const core = createCore({
    dataDir,
    clock,
    actor,
    preferences: memoryPreferenceStore(),
    saveDialog: saved,
  });
  open.push(core);
  return Object.assign(core, {
    dataDir,
    saved,
    /** Writes one audit row at `at`: the retention period changes to 1 month, or from 1 to 2. */
    async changeAt(at: string): Promise<void> {
      instant = at;
      const { retentionMonths } = await ok(core, 'dataProtection.getSettings');
      await ok(core, 'dataProtection.updateSettings', { retentionMonths: retentionMonths === 1 ? 2 : 1 });
    },
  });
}

/** The text of the file an export wrote (where the save dialog pointed). */
function csvOf(core: { saved: { chosen: string[] } }, file: SavedExport): string {
  expect(file.saved).toBe(true);
  return fs.readFileSync(core.saved.chosen.at(-1)!, 'utf8');
}

describe('dayStartInstant', () => {
  it.each([
    ['2026-11-27', '2026-11-26T23:00:00.000Z'], // CET, UTC+1
    ['2026-07-01', '2026-06-30T22:00:00.000Z'], // CEST, UTC+2
    ['2026-03-29', '2026-03-28T23:00:00.000Z'], // the day the clocks go forward starts in winter time
    ['2026-10-25', '2026-10-24T22:00:00.000Z'], // the day they go back starts in summer time
  ])('a Berlin day %s starts at %s', (day, instant) => {
    expect(dayStartInstant(day)).toBe(instant);
  });
});

describe('auditLog.list', () => {
  it('pages newest first and filters by Berlin calendar days', async () => {
    const core = auditCore();
    const instants = [
      '2026-07-01T21:59:59.000Z', // 2026-07-01 23:59:59 in Berlin (summer)
      '2026-07-01T22:00:00.000Z', // 2026-07-02 00:00:00
      '2026-11-26T22:59:59.000Z', // 2026-11-26 23:59:59 (winter)
      '2026-11-26T23:00:00.000Z', // 2026-11-27 00:00:00
      '2026-11-27T12:00:00.000Z',
    ];
    for (const at of instants) await core.changeAt(at);

    const all = await ok(core, 'auditLog.list', { language: 'de', offset: 0, limit: 2 });
    expect(all.total).toBe(5);
    expect(all.items.map((entry) => entry.at)).toEqual([instants[4], instants[3]]);
    const next = await ok(core, 'auditLog.list', { language: 'de', offset: 2, limit: 2 });
    expect(next.items.map((entry) => entry.at)).toEqual([instants[2], instants[1]]);
    expect(all.items[0]).toMatchObject({
      actor: 'verwaltung',
      action: 'dataProtection.updateSettings',
      entity: 'settings',
      entityId: 'dataProtection',
      actionLabel: 'Aufbewahrungsfrist geändert',
      description: 'Aufbewahrungsfrist: 2 → 1 Monate',
    });

    const days = async (from: string | null, to: string | null) =>
      (await ok(core, 'auditLog.list', { from, to, language: 'de' })).items.map((entry) => entry.at);
    expect(await days('2026-11-27', '2026-11-27')).toEqual([instants[4], instants[3]]);
    expect(await days('2026-07-01', '2026-11-26')).toEqual([instants[2], instants[1], instants[0]]);
    expect(await days('2026-07-02', null)).toEqual([instants[4], instants[3], instants[2], instants[1]]);
    expect(await days(null, '2026-07-01')).toEqual([instants[0]]);
  });

  it('refuses a range that ends before it starts, and dates that are not days', async () => {
    const core = auditCore();
    await expectRefused(
      core,
      'auditLog.list',
      { from: '2026-11-27', to: '2026-11-26', language: 'de' },
      'INVALID_DATE_RANGE',
    );
    await expectRefused(
      core,
      'auditLog.export',
      { from: '2026-02-30', to: null, language: 'de' },
      'INVALID_DATE',
    );
  });
});

describe('auditLog.export', () => {
  it('writes the range oldest first for German Excel as sentences: BOM, ";", CRLF, Berlin time', async () => {
    const core = auditCore();
    await core.changeAt('2026-11-26T22:59:59.000Z');
    await core.changeAt('2026-11-26T23:00:00.000Z');
    await core.changeAt('2026-11-27T12:30:00.000Z');
    const file = await ok(core, 'auditLog.export', {
      from: '2026-11-27',
      to: '2026-11-27',
      language: 'de',
    });
    expect(file).toEqual({ saved: true, fileName: 'protokoll_2026-11-27_bis_2026-11-27.csv', count: 2 });
    const csv = csvOf(core, file);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Zeit;Person;Aktion;Objekt;Beschreibung',
      '27.11.2026 00:00:00;verwaltung;Aufbewahrungsfrist geändert;Aufbewahrungsfrist;Aufbewahrungsfrist: 1 → 2 Monate',
      '27.11.2026 13:30:00;verwaltung;Aufbewahrungsfrist geändert;Aufbewahrungsfrist;Aufbewahrungsfrist: 2 → 1 Monate',
      '',
    ]);
  });

  it('writes English headers with "," for English Excel; an open range runs to today', async () => {
    const core = auditCore();
    await core.changeAt('2026-11-27T08:00:00.000Z');
    const file = await ok(core, 'auditLog.export', { language: 'en' });
    expect(file).toMatchObject({ fileName: 'audit-log_start_to_2026-11-27.csv' });
    expect(csvOf(core, file).slice(1).split('\r\n')[0]).toBe('Time,Person,Action,Object,Description');
    expect(csvOf(core, file).split('\r\n')[1]).toBe(
      '2026-11-27 09:00:00,verwaltung,Retention period changed,Retention period,Retention period: 24 → 1 months',
    );
  });

  it('reads the log a page at a time: 2,500 rows of one instant each arrive once, in order', async () => {
    const core = auditCore();
    withDatabase(core, (db) => {
      const insert = db.prepare(
        "INSERT INTO audit (at, actor, action, entity) VALUES ('2026-11-27T08:00:00.000Z', ?, 'settings.updateAccess', 'settings')",
      );
      db.transaction(() => {
        for (let i = 1; i <= 2500; i++) insert.run(`person-${String(i).padStart(4, '0')}`);
      })();
    });
    const file = await ok(core, 'auditLog.export', { language: 'en' });
    expect(file).toMatchObject({ saved: true, count: 2500 });
    const actors = csvOf(core, file)
      .split('\r\n')
      .slice(1, -1)
      .map((line) => line.split(',')[1]);
    expect(actors).toEqual(
      Array.from({ length: 2500 }, (_, i) => `person-${String(i + 1).padStart(4, '0')}`),
    );
  });

  it('writes nothing when the save dialog is cancelled', async () => {
    const core = createCore({
      dataDir: tempDir(),
      clock: { today: () => '2026-11-27', now: () => '2026-11-27T09:00:00.000Z' },
      preferences: memoryPreferenceStore(),
      saveDialog: { choose: () => Promise.resolve(null) },
    });
    open.push(core);
    expect(await ok(core, 'auditLog.export', { language: 'de' })).toEqual({ saved: false });
  });

  it('puts an apostrophe before every cell Excel would read as a formula', async () => {
    // The actor is the operating system's user name: anyone with an account can choose it.
    const dataDir = tempDir();
    const actors = [
      '=HYPERLINK("https://evil.example","Klick")',
      '+49 30 1234',
      '-1+1',
      '@SUM(A1:A9)',
      '\tcmd',
      '\rcmd',
    ];
    for (const actor of actors) {
      const core = auditCore(dataDir, actor);
      await core.changeAt('2026-11-27T08:00:00.000Z');
      core.close();
    }
    const reader = auditCore(dataDir);
    const file = await ok(reader, 'auditLog.export', { language: 'de' });
    const cells = csvOf(reader, file)
      .split('\r\n')
      .slice(1, -1)
      .map((line) => line.split(';')[1]);
    expect(cells).toEqual([
      `"'=HYPERLINK(""https://evil.example"",""Klick"")"`,
      `'+49 30 1234`,
      `'-1+1`,
      `'@SUM(A1:A9)`,
      `'\tcmd`,
      // A line break inside a cell is quoted, or Excel would start a new row.
      `"'\rcmd"`,
    ]);
  });
});

describe('auditCsv', () => {
  it('guards every column, quotes separators, quotes and line breaks, and leaves empty cells empty', () => {
    const csv = auditCsv(
      [
        ['01.07.2026 12:15:00', 'verwaltung', '=cmd', '+x', '@a'],
        ['01.07.2026 12:15:00', 'Müller; Jürgen', 'Kontakt geändert', '', 'Notiz: Zeile 1\nZeile 2'],
      ],
      'de',
      { first: true },
    );
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Zeit;Person;Aktion;Objekt;Beschreibung',
      "01.07.2026 12:15:00;verwaltung;'=cmd;'+x;'@a",
      '01.07.2026 12:15:00;"Müller; Jürgen";Kontakt geändert;;"Notiz: Zeile 1\nZeile 2"',
      '',
    ]);
  });
});
