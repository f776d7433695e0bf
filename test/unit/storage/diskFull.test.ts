/**
 * A full disk (issue 14.2): a document or a backup that does not fit is refused with DISK_FULL and
 * nothing of it is stored — no half-written file under a hash or backup name, no row — and the same
 * request succeeds once space is freed. On a tmpfs of a few MiB (root only; skipped with the reason
 * printed elsewhere).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ContentInput } from '../../../shared/ipc';
import { createCore, type Core } from '../../../src-main/core/core';
import { pinnedClock } from '../../../src-main/core/clock';
import { memoryPreferenceStore } from '../../../src-main/core/preferences';
import { ok, refused, tempDir } from '../support';
import { fillDisk, smallDisk, smallDiskUnavailable } from './smallDisk';

const MiB = 1024 * 1024;

/** A PDF of `size` bytes (its header and then filler), different per `seed`. */
function pdfOf(size: number, seed = 0): Buffer {
  const bytes = Buffer.alloc(size, 0x20 + seed);
  bytes.write('%PDF-1.4\n', 0, 'latin1');
  return bytes;
}

function documentInput(bytes: Buffer): ContentInput {
  return {
    kind: 'document',
    title: 'Plan',
    propertyId: null,
    fileName: 'Plan.pdf',
    mimeType: 'application/pdf',
    dataBase64: bytes.toString('base64'),
  };
}

async function withCore(dataDir: string, work: (core: Core) => Promise<void>): Promise<void> {
  const core = createCore({
    dataDir,
    clock: pinnedClock('2026-11-27'),
    actor: 'unit-test',
    preferences: memoryPreferenceStore(),
  });
  try {
    await ok(core, 'app.chooseFirstStart', 'empty');
    await work(core);
  } finally {
    core.close();
  }
}

function filesIn(folder: string): string[] {
  return fs.existsSync(folder) ? fs.readdirSync(folder).sort() : [];
}

describe.skipIf(smallDiskUnavailable !== null)('a full disk', () => {
  it('refuses a document that does not fit with DISK_FULL and stores nothing of it', async () => {
    const dataDir = smallDisk(4 * 1024);
    await withCore(dataDir, async (core) => {
      const documents = path.join(dataDir, 'documents');
      const tooLarge = pdfOf(6 * MiB);
      expect(await refused(core, 'content.create', documentInput(tooLarge))).toEqual({
        code: 'DISK_FULL',
        params: { folder: documents },
      });
      expect(filesIn(documents)).toEqual([]);
      expect((await ok(core, 'content.list', {})).total).toBe(0);

      // A document that fits is stored whole and read back.
      const fits = pdfOf(MiB, 1);
      const created = await ok(core, 'content.create', documentInput(fits));
      const file = await ok(core, 'content.documentFile', { id: created.id });
      expect(Buffer.from(file.dataBase64, 'base64').equals(fits)).toBe(true);
    });
  });

  it('refuses a document on a full disk, and the same upload succeeds once space is freed', async () => {
    const dataDir = smallDisk(4 * 1024);
    await withCore(dataDir, async (core) => {
      const bytes = pdfOf(MiB);
      const filler = fillDisk(path.join(dataDir));
      expect((await refused(core, 'content.create', documentInput(bytes))).code).toBe('DISK_FULL');
      expect(filesIn(path.join(dataDir, 'documents'))).toEqual([]);

      fs.rmSync(filler);
      const created = await ok(core, 'content.create', documentInput(bytes));
      const file = await ok(core, 'content.documentFile', { id: created.id });
      expect(Buffer.from(file.dataBase64, 'base64').equals(bytes)).toBe(true);
    });
  });

  it('refuses a backup on a full disk with DISK_FULL, leaves no temporary, and backs up once freed', async () => {
    const dataDir = smallDisk(4 * 1024);
    await withCore(dataDir, async (core) => {
      const backups = path.join(dataDir, 'backups');
      fs.mkdirSync(backups);
      const filler = fillDisk(dataDir);
      expect(await refused(core, 'backups.create')).toEqual({
        code: 'DISK_FULL',
        params: { folder: backups },
      });
      expect(filesIn(backups)).toEqual([]);

      fs.rmSync(filler);
      const backup = await ok(core, 'backups.create');
      expect(filesIn(backups)).toEqual([backup.name]);
    });
  });
});

describe('a document already under its hash', () => {
  it('is replaced when it no longer holds the bytes (a truncated earlier write), so the upload is readable', async () => {
    const dataDir = tempDir();
    await withCore(dataDir, async (core) => {
      const bytes = pdfOf(300_000);
      const documents = path.join(dataDir, 'documents');
      fs.mkdirSync(documents);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      fs.writeFileSync(path.join(documents, sha256), bytes.subarray(0, 100_000));

      const created = await ok(core, 'content.create', documentInput(bytes));
      const file = await ok(core, 'content.documentFile', { id: created.id });
      expect(Buffer.from(file.dataBase64, 'base64').equals(bytes)).toBe(true);
      expect(filesIn(documents)).toEqual([sha256]);
    });
  });
});
