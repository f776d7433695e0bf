/**
 * "Lokale Kopie exportieren": the team database copied into a new, self-contained SQLite file — made
 * by the SQLite migrations, filled from one consistent snapshot of the team database (a read-only
 * REPEATABLE READ transaction), checked table by table (copyStore.ts) — written beside the chosen
 * place and renamed over it only when it is complete and checked, so a failed copy leaves nothing.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type pg from 'pg';
import { DomainError } from '../../../shared/errors';
import { migrate } from '../db/migrations';
import { syncToDisk } from '../exports/saveExport';
import { isDiskFull } from '../storage/diskFull';
import { copyStore, type CopyReport } from './copyStore';
import { postgresEnd, sqliteEnd } from './engineRows';
import { coded } from './teamClient';
import { copiedTables } from './storeTables';

/** Writes the team database `client` is connected to (schema checked) into a new SQLite file `target`. */
export async function exportLocalCopy(client: pg.ClientBase, target: string): Promise<CopyReport> {
  const temp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${randomBytes(6).toString('hex')}.part`,
  );
  let db: Database.Database | undefined;
  try {
    db = new Database(temp);
    db.pragma('foreign_keys = ON');
    migrate(db);
    const tables = copiedTables(db);
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    let report: CopyReport;
    try {
      db.exec('BEGIN');
      report = await copyStore(postgresEnd(client), sqliteEnd(db), tables);
      db.exec('COMMIT');
    } finally {
      if (db.inTransaction) db.exec('ROLLBACK');
      await client.query('ROLLBACK').catch(() => undefined);
    }
    db.close();
    db = undefined;
    syncToDisk(temp);
    fs.renameSync(temp, target);
    return report;
  } catch (error) {
    db?.close();
    fs.rmSync(temp, { force: true });
    fs.rmSync(`${temp}-journal`, { force: true });
    if (isDiskFull(error)) throw new DomainError('DISK_FULL', { folder: path.dirname(target) });
    throw coded(error);
  }
}
