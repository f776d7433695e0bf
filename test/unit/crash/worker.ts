/**
 * The child process of crash.test.ts, bundled by child.ts (`node --import tsx worker.ts <dataDir>`
 * runs it unbundled). Opens the core on the data dir, says `ready`, reads one Operation from stdin,
 * runs it through `core.invoke` as the renderer would, says `done` and exits. The parent kills it
 * with SIGKILL at a moment of its choice. Messages (protocol.ts) are written synchronously, so each
 * one has left the process before the next step runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import Database from 'better-sqlite3';
import { pinnedClock } from '../../../src-main/core/clock';
import { createCore, DATABASE_FILE } from '../../../src-main/core/core';
import { erpExport } from '../../../scripts/bench/importRows';
import type { Operation, WorkerMessage } from './protocol';

/**
 * Writes one message line whole. Once a worker thread exists (the letters worker), stdout is a
 * non-blocking pipe: a long line (a PDF in the answer) is written in parts, retried while it is full.
 */
function say(message: WorkerMessage): void {
  const line = Buffer.from(`${JSON.stringify(message)}\n`);
  let written = 0;
  while (written < line.length) {
    try {
      written += fs.writeSync(1, line, written);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
  }
}

/** The data store itself (not a backup or the prepared copy a restore copies in). */
const isStore = (file: string) => path.basename(file) === DATABASE_FILE;

/**
 * Reports the begin and the commit of every top-level transaction on the data store (every
 * `ctx.change`, which the store runs as BEGIN IMMEDIATE … COMMIT statements, the sync ones at open,
 * and a restore's copy into it through SQLite's backup API), so that the parent can aim kills into
 * them and knows which commits had returned. Observes only: the transaction runs unchanged.
 */
function reportTransactions(): void {
  const open = Database.prototype.transaction;
  Database.prototype.transaction = function <F extends (...args: never[]) => unknown>(
    this: Database.Database,
    fn: F,
  ) {
    const run = open.call(this, fn);
    return Object.assign((...args: Parameters<F>) => {
      if (this.inTransaction || !isStore(this.name)) return run(...args);
      say({ tx: 'begin' });
      const result = run(...args);
      say({ tx: 'committed' });
      return result;
    }, run);
  } as typeof open;
  const prepare = Database.prototype.prepare;
  Database.prototype.prepare = function (this: Database.Database, source: string) {
    const statement = prepare.call(this, source);
    const run = statement.run.bind(statement);
    if (!isStore(this.name)) return statement;
    if (source === 'BEGIN IMMEDIATE') {
      statement.run = (...params: unknown[]) => {
        say({ tx: 'begin' });
        return run(...(params as [never]));
      };
    } else if (source === 'COMMIT') {
      statement.run = (...params: unknown[]) => {
        const result = run(...(params as [never]));
        say({ tx: 'committed' });
        return result;
      };
    }
    return statement;
  } as typeof prepare;
  const backup = Database.prototype.backup;
  Database.prototype.backup = async function (
    this: Database.Database,
    destination: string,
    options?: Database.BackupOptions,
  ) {
    if (!isStore(destination)) return backup.call(this, destination, options);
    say({ tx: 'begin' });
    const result = await backup.call(this, destination, options);
    say({ tx: 'committed' });
    return result;
  } as typeof backup;
}

/** A PDF-looking file of `size` bytes (the content store checks the signature only). */
function documentOf(size: number): string {
  const bytes = Buffer.alloc(size, 'Hausordnung der WEG, Fassung 2027. ');
  bytes.write('%PDF-1.7\n');
  return bytes.toString('base64');
}

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (dataDir === undefined) throw new Error('usage: worker.ts <dataDir>');
  reportTransactions();
  const core = createCore({ dataDir, clock: pinnedClock('2026-11-27'), actor: 'crash-test' });
  const ok = async (channel: string, payload?: unknown): Promise<{ id?: number }> => {
    const result = await core.invoke(channel, payload);
    if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
    return result.value as { id?: number };
  };

  const lines = readline.createInterface({ input: process.stdin });
  say({ ready: true });
  const line = await new Promise<string>((resolve) => lines.once('line', resolve));
  lines.close();
  const operation = JSON.parse(line) as Operation;

  say({ start: true });
  const results: unknown[] = [];
  switch (operation.kind) {
    case 'demo':
      results.push(await ok('app.chooseFirstStart', 'demo'));
      break;
    case 'invite':
      results.push(
        await ok('invitations.inviteProperty', {
          propertyId: operation.propertyId,
          contactIds: operation.contactIds,
        }),
      );
      break;
    case 'share': {
      const document = await ok('content.create', {
        kind: 'document',
        title: 'Hausordnung 2027',
        propertyId: operation.propertyId,
        fileName: 'hausordnung-2027.pdf',
        mimeType: 'application/pdf',
        dataBase64: documentOf(operation.documentBytes),
      });
      results.push(document);
      results.push(
        await ok('sharing.share', {
          contentId: document.id,
          target: { mode: 'role', role: 'all', propertyId: operation.propertyId, unitIds: null },
          alsoIndividually: operation.alsoIndividually,
        }),
      );
      break;
    }
    case 'anonymise':
      results.push(await ok('dataProtection.anonymise', { contactIds: operation.contactIds }));
      break;
    case 'restore':
      results.push(await ok('backups.restore', { name: operation.name }));
      break;
    case 'import': {
      const bytes = erpExport(operation.rows).toString('base64');
      const opened = (await ok('imports.open', { fileName: 'erp.csv', dataBase64: bytes })) as {
        fileId: string;
        suggested: unknown;
      };
      const run = { fileId: opened.fileId, mapping: opened.suggested, values: {} };
      results.push(await ok('imports.commit', { ...run, mappingName: null }));
      break;
    }
  }
  say({ done: results });
  core.close();
}

main().catch((error: unknown) => {
  say({ failed: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
});
