import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect } from 'vitest';
import type { ErrorCode } from '../../shared/errors';
import type { Channel, HeldFile, Request, SavedExport } from '../../shared/ipc';
import { createCore, DATABASE_FILE, type Core } from '../../src-main/core/core';
import { pinnedClock } from '../../src-main/core/clock';
import { memoryPreferenceStore } from '../../src-main/core/preferences';
import type { SaveDialog } from '../../src-main/core/exports/saveExport';
import { writePortfolio } from '../../src-main/core/db/portfolioWriter';
import { generatePortfolio } from '../../src-main/core/demo/generate';
import { DEMO_ORGANISATION, DEMO_SEED } from '../../src-main/core/services/portfolioService';
import { ok, type Invokable } from '../invoke';

export { invalidPayload, ok, refused } from '../invoke';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

export function tempDir(prefix = 'portal-unit-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A save dialog that answers the suggested name in a folder of its own; `chosen`: what it answered. */
export function folderSaveDialog(dir = tempDir('portal-export-')): SaveDialog & { chosen: string[] } {
  const chosen: string[] = [];
  return {
    chosen,
    choose({ suggestedName }) {
      const file = path.join(dir, suggestedName);
      chosen.push(file);
      return Promise.resolve(file);
    },
  };
}

type Saving = Invokable & { saved: { chosen: string[] } };

/** The file an export wrote where the core's save dialog pointed: its name, count and bytes. */
export function savedFile(
  core: Saving,
  saved: SavedExport,
): { fileName: string; count: number; bytes: Buffer } {
  if (!saved.saved) throw new Error('the export was not saved');
  expect(saved.fileName).toBe(path.basename(core.saved.chosen.at(-1)!));
  return { fileName: saved.fileName, count: saved.count, bytes: fs.readFileSync(core.saved.chosen.at(-1)!) };
}

/** Saves letters the core holds for saving (`exports.save`, as the page's button does); the file's bytes. */
export async function savedHeld(core: Saving, file: HeldFile | null): Promise<Buffer> {
  if (file === null) throw new Error('no letters held');
  const saved = savedFile(core, await ok(core, 'exports.save', { id: file.id }));
  expect(saved).toMatchObject({ fileName: file.fileName, count: file.count });
  return saved.bytes;
}

/** A core on a fresh data dir with a pinned day; closed after the test. Exports go to `saved`. */
export function testCore(
  today = '2026-11-27',
  dataDir = tempDir(),
): Core & { dataDir: string; saved: ReturnType<typeof folderSaveDialog> } {
  const saved = folderSaveDialog();
  const core = createCore({
    dataDir,
    clock: pinnedClock(today),
    actor: 'unit-test',
    preferences: memoryPreferenceStore(),
    saveDialog: saved,
  });
  cleanups.push(() => core.close());
  return Object.assign(core, { dataDir, saved });
}

/** The names of the tables in a database, sorted. */
export function tableNames(db: Database.Database): string[] {
  return db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all()
    .map((row) => row.name);
}

/** Every table with all its rows, by name. */
export function tableRows(db: Database.Database): [table: string, rows: unknown[]][] {
  return tableNames(db).map((name) => [name, db.prepare(`SELECT * FROM "${name}"`).all()]);
}

/** Every row of every table: "nothing was written" means this is unchanged. */
export function snapshotDatabase(dataDir: string): string {
  return readDatabase({ dataDir }, (db) => JSON.stringify(tableRows(db)));
}

/**
 * Every file in `dir` and below it with its bytes (folders as themselves): "the data dir was left as
 * it was" means this is equal — nothing written, created, moved or deleted.
 */
export function folderContents(dir: string): Record<string, string> {
  const contents: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    contents[path.relative(dir, file)] = entry.isFile()
      ? fs.readFileSync(file).toString('base64')
      : '(folder)';
  }
  return contents;
}

/** A read-only connection to a test core's data store. */
export function readDatabase<T>(core: { dataDir: string }, work: (db: Database.Database) => T): T {
  const db = new Database(path.join(core.dataDir, DATABASE_FILE), { readonly: true });
  try {
    return work(db);
  } finally {
    db.close();
  }
}

/** Invokes a request that must be refused with `code` and leave every table as it was. */
export async function expectRefused<C extends Channel>(
  core: Invokable & { dataDir: string },
  channel: C,
  payload: Request<C>,
  code: ErrorCode,
  params?: Record<string, unknown>,
): Promise<void> {
  const before = snapshotDatabase(core.dataDir);
  const result = await core.invoke(channel, payload);
  expect(result, JSON.stringify(result).slice(0, 500)).toMatchObject({ ok: false, error: { code } });
  if (params !== undefined && !result.ok) expect(result.error.params).toMatchObject(params);
  expect(snapshotDatabase(core.dataDir)).toBe(before);
}

/** A writable connection to a test core's data store (to plant what no channel writes). */
export function withDatabase<T>(core: { dataDir: string }, work: (db: Database.Database) => T): T {
  const db = new Database(path.join(core.dataDir, DATABASE_FILE));
  try {
    return work(db);
  } finally {
    db.close();
  }
}

/**
 * Marks a test core's data store as the demo, as loading the demo portfolio does (the first-start
 * choice): only there is a portal registration simulated (invitations.redeem, else DEMO_ONLY).
 */
export function markAsDemo(core: { dataDir: string }): void {
  withDatabase(core, (db) =>
    db.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('firstStart', '\"demo\"')").run(),
  );
}

/**
 * The demo portfolio alone, without what the first-start choice does with it (windows on, content,
 * shares, invitations: services/demoShowcase.ts): written into a test core's store, marked as the
 * demo, with the demo's letterhead. The start of tests about sharing and inviting on the planted
 * situations, which count every share, message and invitation they make.
 */
export function writeDemoPortfolio(core: { dataDir: string }, today: string): void {
  const portfolio = generatePortfolio({ seed: DEMO_SEED, today });
  withDatabase(core, (db) =>
    db.transaction(() => {
      writePortfolio(db, portfolio);
      const setting = db.prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)');
      setting.run('firstStart', JSON.stringify('demo'));
      setting.run('organisation', JSON.stringify(DEMO_ORGANISATION));
    })(),
  );
}
