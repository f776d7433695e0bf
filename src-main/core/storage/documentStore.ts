/**
 * Documents (Dokumente) as content-addressed files: `<dataDir>/documents/<sha256>`. A file is written
 * once, before the transaction that refers to it (a write is idempotent by hash: the same bytes are
 * the same file), through a temporary file renamed into place, so a crash never leaves a partial
 * document under a hash name. A file no row refers to (a failed transaction, an edit that replaced
 * it) is harmless: it is only ever found by its hash.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../../../shared/errors';
import { rethrowDiskFull } from './diskFull';

const SHA256 = /^[0-9a-f]{64}$/;

function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Does the file hold exactly `size` bytes hashing to `sha256`? A missing file does not. */
function holds(file: string, sha256: string, size: number): boolean {
  try {
    const bytes = fs.readFileSync(file);
    return bytes.length === size && sha256Of(bytes) === sha256;
  } catch {
    return false;
  }
}

/** Writes all of `bytes` (a write may take fewer than asked: it continues where it stopped). */
function writeFully(fd: number, bytes: Uint8Array): void {
  let written = 0;
  while (written < bytes.length) {
    const count = fs.writeSync(fd, bytes, written, bytes.length - written);
    if (count <= 0) throw Object.assign(new Error('no progress writing a document'), { code: 'ENOSPC' });
    written += count;
  }
}

export function documentStore(dataDir: string) {
  const folder = path.join(dataDir, 'documents');

  function fileOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    return path.join(folder, sha256);
  }

  /**
   * Writes the bytes to a temporary file, reads them back and checks size and hash, and only then
   * renames it under the hash: a short write, a full disk or a flipped bit never gets a hash name.
   */
  function writeVerified(file: string, sha256: string, bytes: Uint8Array): void {
    fs.mkdirSync(folder, { recursive: true });
    const temporary = path.join(folder, `.${sha256}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      const fd = fs.openSync(temporary, 'wx');
      try {
        writeFully(fd, bytes);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      if (!holds(temporary, sha256, bytes.length)) throw new Error(`document ${sha256} did not verify`);
      fs.renameSync(temporary, file);
    } catch (error) {
      rethrowDiskFull(error, folder);
    } finally {
      fs.rmSync(temporary, { force: true });
    }
  }

  return {
    /**
     * Stores the bytes under their hash; returns hash and size. A file already under that hash is
     * kept only when it still holds these bytes (a damaged or truncated one is replaced). DISK_FULL
     * when the disk or the quota is full: nothing is then stored under the hash.
     */
    put(bytes: Uint8Array): { sha256: string; size: number } {
      const sha256 = sha256Of(bytes);
      const file = fileOf(sha256);
      if (!holds(file, sha256, bytes.length)) writeVerified(file, sha256, bytes);
      return { sha256, size: bytes.length };
    },

    /**
     * Erases a file that nothing refers to any more (a withdrawn document; the caller has checked):
     * after the change that dropped the last reference has committed, so a rolled-back change
     * never loses a file. A file already gone is fine. Backups taken before still hold it.
     */
    remove(sha256: string): void {
      fs.rmSync(fileOf(sha256), { force: true });
    },

    /** The stored bytes; NOT_FOUND when the file is missing or no longer matches its hash. */
    read(sha256: string): Buffer {
      const file = fileOf(sha256);
      if (!fs.existsSync(file)) throw new DomainError('NOT_FOUND', { entity: 'document', sha256 });
      const bytes = fs.readFileSync(file);
      if (sha256Of(bytes) !== sha256) {
        throw new DomainError('NOT_FOUND', { entity: 'document', sha256 });
      }
      return bytes;
    },
  };
}
export type DocumentStore = ReturnType<typeof documentStore>;
