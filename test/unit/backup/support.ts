import fs from 'node:fs';
import path from 'node:path';
import { addDays } from 'date-fns';
import { afterEach } from 'vitest';
import type { IsoDate } from '../../../shared/domain';
import type { BackupInfo, PropertyDetail } from '../../../shared/ipc';
import type { Clock } from '../../../src-main/core/clock';
import { createCore, DATABASE_FILE, type Core } from '../../../src-main/core/core';
import { backupFolder } from '../../../src-main/core/backup/backupFiles';
import { memoryPreferenceStore } from '../../../src-main/core/preferences';
import { ok, snapshotDatabase, tempDir } from '../support';

/**
 * A clock whose instants lie on its day (as the system clock's do), at 09:00 UTC plus one second per
 * reading, so that simulated days give backups of those days.
 */
export function dayClock(day: IsoDate): Clock {
  let seconds = 0;
  return {
    today: () => day,
    now: () => new Date(Date.parse(`${day}T09:00:00Z`) + 1000 * seconds++).toISOString(),
  };
}

export type BackupCore = Core & { dataDir: string };

const open: Core[] = [];
afterEach(() => {
  while (open.length) open.pop()?.close();
});

/** A core on `dataDir` (fresh when omitted); closed after the test unless the test closes it first. */
export function openCore(
  options: { dataDir?: string; clock?: Clock; automaticBackups?: boolean } = {},
): BackupCore {
  const dataDir = options.dataDir ?? tempDir('portal-backup-');
  const core = createCore({
    dataDir,
    clock: options.clock ?? dayClock('2026-11-27'),
    actor: 'unit-test',
    preferences: memoryPreferenceStore(),
    automaticBackups: options.automaticBackups ?? false,
  });
  open.push(core);
  return Object.assign(core, { dataDir });
}

/** The backups, newest first; answers after a backup still being written has finished. */
export async function backups(core: Core): Promise<BackupInfo[]> {
  return (await ok(core, 'backups.list')).backups;
}

/** Opens the store on `day` with automatic backups on, waits for its check, closes it; the backups. */
export async function openOn(dataDir: string, day: string): Promise<BackupInfo[]> {
  const core = openCore({ dataDir, clock: dayClock(day), automaticBackups: true });
  const listed = await backups(core);
  core.close();
  return listed;
}

/** `count` calendar days from `first` on. */
export function nextDays(first: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) =>
    addDays(new Date(`${first}T12:00:00Z`), i)
      .toISOString()
      .slice(0, 10),
  );
}

export const automatic = (list: BackupInfo[]) => list.filter((backup) => backup.kind === 'automatic');

export function backupFile(core: { dataDir: string }, backup: BackupInfo): string {
  return path.join(backupFolder(core.dataDir), backup.name);
}

/** Every row of every table of a single database file (see snapshotDatabase). */
export function snapshotFile(file: string): string {
  const dir = tempDir('portal-backup-snapshot-');
  fs.copyFileSync(file, path.join(dir, DATABASE_FILE));
  return snapshotDatabase(dir);
}

export async function addProperty(
  core: Core,
  name: string,
  referenceId: string | null = null,
): Promise<PropertyDetail> {
  return ok(core, 'properties.create', {
    name,
    referenceId,
    addresses: [{ street: 'Sicherungsweg', houseNo: '1', postcode: '10115', city: 'Berlin' }],
  });
}

export async function propertyNames(core: Core): Promise<string[]> {
  return (await ok(core, 'properties.list')).map((property) => property.name).sort();
}

/**
 * Damage a backup the way only `PRAGMA integrity_check` notices: the first copy of an indexed value
 * in its table or its index (not the quoted one in an audit row's JSON) gets another last letter, so
 * table and index disagree while every page still reads.
 */
export function damageIndexedValue(file: string, value: string): void {
  const bytes = fs.readFileSync(file);
  let at = bytes.indexOf(value, 0, 'latin1');
  while (at > 0 && bytes[at - 1] === '"'.charCodeAt(0)) at = bytes.indexOf(value, at + 1, 'latin1');
  if (at < 0) throw new Error(`${value} is not in ${file}`);
  bytes[at + value.length - 1] = 'Z'.charCodeAt(0);
  fs.writeFileSync(file, bytes);
}
