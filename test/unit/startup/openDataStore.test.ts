/**
 * Start-up faults, classified: each way a data dir or preferences file can be unusable gives its own
 * fault, and finding it changes nothing in the data dir (not a byte, not a new file).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../../src-main/core/db/migrations';
import { classifyOpenError } from '../../../src-main/core/startup/openDataStore';
import { folderContents, ok, testCore } from '../support';
import { addProperty, propertyNames } from '../backup/support';
import { databaseFile, emptyDir, markTooNew, open, startupOptions, writeGarbage } from './support';

/** A data dir holding a store with one property, closed again. */
async function storeWithData(): Promise<string> {
  const core = testCore();
  await ok(core, 'app.chooseFirstStart', 'empty');
  await addProperty(core, 'Haus am See');
  core.close();
  return core.dataDir;
}

const isRoot = process.getuid?.() === 0;

/** Opens `dataDir` and checks that finding a fault there left `folder` as it was, byte for byte. */
function openUntouched(dataDir: string, folder = dataDir): ReturnType<typeof open> {
  const before = folderContents(folder);
  const opened = open(startupOptions(dataDir));
  expect(folderContents(folder)).toEqual(before);
  return opened;
}

describe('a usable data dir', () => {
  it('opens with its data', async () => {
    const dataDir = await storeWithData();
    const opened = open(startupOptions(dataDir));
    expect(opened.kind).toBe('ready');
    if (opened.kind === 'ready') expect(await propertyNames(opened.core)).toEqual(['Haus am See']);
  });

  it('is created at the default location on the first start', () => {
    const dataDir = path.join(emptyDir(), 'data');
    const opened = open(startupOptions(dataDir, { dataDirChosen: false }));
    expect(opened.kind).toBe('ready');
    expect(fs.existsSync(databaseFile(dataDir))).toBe(true);
  });

  it('may hold an empty database file (a first start that stopped before writing)', () => {
    const dataDir = emptyDir();
    fs.writeFileSync(databaseFile(dataDir), '');
    expect(open(startupOptions(dataDir)).kind).toBe('ready');
  });
});

describe('start-up faults', () => {
  it('a chosen data dir that is missing is reported, not created', () => {
    const dataDir = path.join(emptyDir(), 'USB-Stick', 'Verwaltung');
    const opened = open(startupOptions(dataDir));
    expect(opened).toEqual({ kind: 'fault', fault: { code: 'DATA_DIR_MISSING', dataDir } });
    expect(fs.existsSync(path.dirname(dataDir))).toBe(false);
  });

  it('a data dir that is a file is not writable', () => {
    const parent = emptyDir();
    const dataDir = path.join(parent, 'daten');
    fs.writeFileSync(dataDir, 'keine Daten');
    expect(openUntouched(dataDir, parent)).toMatchObject({
      kind: 'fault',
      fault: { code: 'DATA_DIR_NOT_WRITABLE', dataDir },
    });
  });

  // chmod does not stop root (CAP_DAC_OVERRIDE): run as root, this case cannot be made real.
  it.skipIf(isRoot)(
    'a read-only data dir is not writable (skipped as root: chmod does not stop root)',
    async () => {
      const dataDir = await storeWithData();
      fs.chmodSync(dataDir, 0o555);
      try {
        expect(openUntouched(dataDir)).toMatchObject({
          kind: 'fault',
          fault: { code: 'DATA_DIR_NOT_WRITABLE', dataDir },
        });
      } finally {
        fs.chmodSync(dataDir, 0o755);
      }
    },
  );

  it("SQLite's own refusal to write counts as a data dir that is not writable", async () => {
    const dataDir = await storeWithData();
    const db = new Database(databaseFile(dataDir), { readonly: true });
    let refusal: unknown;
    try {
      db.exec("INSERT INTO settings (key, value) VALUES ('x', 'y')");
    } catch (error) {
      refusal = error;
    } finally {
      db.close();
    }
    expect(refusal).toMatchObject({ code: 'SQLITE_READONLY' });
    expect(classifyOpenError(refusal, dataDir, databaseFile(dataDir))).toMatchObject({
      code: 'DATA_DIR_NOT_WRITABLE',
      dataDir,
      detail: 'attempt to write a readonly database',
    });
  });

  it('a file that is not a database is corrupt and stays byte for byte as it was', () => {
    const dataDir = emptyDir();
    writeGarbage(dataDir);
    expect(openUntouched(dataDir)).toEqual({
      kind: 'fault',
      fault: {
        code: 'DATABASE_CORRUPT',
        dataDir,
        file: databaseFile(dataDir),
        detail: 'file is not a database',
      },
    });
  });

  it('a database with a damaged page fails the integrity check and is left as it was', async () => {
    const dataDir = await storeWithData();
    const file = databaseFile(dataDir);
    const bytes = fs.readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    // Page 3 and on hold tables and indexes; the header and the schema (page 1) stay readable.
    bytes.fill(0x41, 2 * pageSize, 2 * pageSize + 200);
    fs.writeFileSync(file, bytes);
    // No -wal or -shm left behind by the check either.
    expect(openUntouched(dataDir)).toMatchObject({
      kind: 'fault',
      fault: { code: 'DATABASE_CORRUPT', dataDir, file },
    });
  });

  it('a database from a newer version is neither opened nor changed', async () => {
    const dataDir = await storeWithData();
    markTooNew(dataDir, LATEST_VERSION + 3);
    // Opening it read-write would have switched it to WAL (a header change); it is byte-identical.
    expect(openUntouched(dataDir)).toEqual({
      kind: 'fault',
      fault: {
        code: 'DATABASE_TOO_NEW',
        dataDir,
        file: databaseFile(dataDir),
        found: LATEST_VERSION + 3,
        supported: LATEST_VERSION,
      },
    });
  });

  it('a database locked by another program is unavailable until the lock is gone', async () => {
    const dataDir = await storeWithData();
    const other = new Database(databaseFile(dataDir));
    try {
      other.pragma('journal_mode = DELETE');
      other.exec('BEGIN EXCLUSIVE');
      const opened = open(startupOptions(dataDir));
      expect(opened).toMatchObject({
        kind: 'fault',
        fault: { code: 'DATABASE_UNAVAILABLE', dataDir, detail: 'database is locked' },
      });
      other.exec('ROLLBACK');
    } finally {
      other.close();
    }
    expect(open(startupOptions(dataDir)).kind).toBe('ready');
  });

  it('a corrupt preferences file is reported before the data dir is even looked at', () => {
    const dataDir = path.join(emptyDir(), 'data');
    const preferencesFault = { file: '/home/anna/.config/preferences.json', detail: 'Unexpected token' };
    const opened = open(startupOptions(dataDir, { dataDirChosen: false, preferencesFault }));
    expect(opened).toEqual({ kind: 'fault', fault: { code: 'PREFERENCES_CORRUPT', ...preferencesFault } });
    expect(fs.existsSync(dataDir)).toBe(false);
  });
});
