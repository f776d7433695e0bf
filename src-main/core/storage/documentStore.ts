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
import { MAX_DOCUMENT_BYTES, type documentTypes } from '../../../shared/contract/content';

export type DocumentMimeType = keyof typeof documentTypes;

const SHA256 = /^[0-9a-f]{64}$/;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const SIGNATURES: Record<Exclude<DocumentMimeType, 'text/plain'>, number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff],
  // Office Open XML files are ZIP archives.
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ZIP,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ZIP,
};

/**
 * Do the bytes look like the declared type? Binary types by their magic number; plain text by the
 * absence of NUL bytes in its first 64 KiB (any 8-bit encoding, UTF-8 or Windows-1252, is text).
 */
export function bytesMatchType(mimeType: DocumentMimeType, bytes: Uint8Array): boolean {
  if (mimeType === 'text/plain') return !bytes.subarray(0, 65_536).includes(0);
  const signature = SIGNATURES[mimeType];
  return bytes.length >= signature.length && signature.every((byte, i) => bytes[i] === byte);
}

/**
 * Decodes and checks an upload: REQUIRED when empty, FILE_TOO_LARGE above MAX_DOCUMENT_BYTES,
 * UNSUPPORTED_FILE_TYPE when the bytes are not base64 or not of the declared type.
 */
export function decodeDocument(dataBase64: string, mimeType: DocumentMimeType): Buffer {
  const compact = dataBase64.replace(/\s+/g, '');
  if (compact === '') throw new DomainError('REQUIRED', { field: 'dataBase64' });
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) {
    throw new DomainError('UNSUPPORTED_FILE_TYPE', { mimeType });
  }
  const bytes = Buffer.from(compact, 'base64');
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    throw new DomainError('FILE_TOO_LARGE', { size: bytes.length, max: MAX_DOCUMENT_BYTES });
  }
  if (bytes.length === 0) throw new DomainError('REQUIRED', { field: 'dataBase64' });
  if (!bytesMatchType(mimeType, bytes)) throw new DomainError('UNSUPPORTED_FILE_TYPE', { mimeType });
  return bytes;
}

export function documentStore(dataDir: string) {
  const folder = path.join(dataDir, 'documents');

  function fileOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    return path.join(folder, sha256);
  }

  return {
    /** Stores the bytes under their hash (nothing to do when present); returns hash and size. */
    put(bytes: Uint8Array): { sha256: string; size: number } {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const file = fileOf(sha256);
      if (!fs.existsSync(file)) {
        fs.mkdirSync(folder, { recursive: true });
        const temporary = path.join(folder, `.${sha256}.${randomBytes(6).toString('hex')}.tmp`);
        try {
          const fd = fs.openSync(temporary, 'wx');
          try {
            fs.writeSync(fd, bytes);
            fs.fsyncSync(fd);
          } finally {
            fs.closeSync(fd);
          }
          fs.renameSync(temporary, file);
        } finally {
          fs.rmSync(temporary, { force: true });
        }
      }
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
      if (createHash('sha256').update(bytes).digest('hex') !== sha256) {
        throw new DomainError('NOT_FOUND', { entity: 'document', sha256 });
      }
      return bytes;
    },
  };
}
export type DocumentStore = ReturnType<typeof documentStore>;
