/**
 * A document upload taken at its bytes, not at its word (issue 14.7): decoded and size-checked,
 * its content recognised by magic bytes (file-type) and compared with the declared type, its name's
 * extension compared with that type (so never an executable: only the extensions of
 * `documentTypes`), and its name made safe on every operating system.
 */
import { fileTypeFromBuffer } from 'file-type';
import { DomainError } from '../../../shared/errors';
import { MAX_DOCUMENT_BYTES, type documentTypes } from '../../../shared/contract/content';

export type DocumentMimeType = keyof typeof documentTypes;

/** The extensions a name may have for each type (lower case). */
const EXTENSIONS: Record<DocumentMimeType, readonly string[]> = {
  'application/pdf': ['.pdf'],
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'text/plain': ['.txt'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['.docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
};

/** Control characters (C0, DEL, C1) and the invisible bidirectional marks (U+202E turns "fdp.exe" into "exe.pdf"). */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
/** Separators and what Windows does not allow in a name. */
const RESERVED_CHARACTERS = /[<>:"/\\|?*]/g;
/** Names Windows reserves for devices, with any extension (`NUL.txt` is the device too). */
const RESERVED_NAMES = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
/** Characters kept of a name; its bytes stay well within the 255 every file system allows. */
const MAX_NAME_LENGTH = 120;

/**
 * The name as a file name that is the same, harmless file on Windows, macOS and Linux: invisible and
 * control characters removed, separators and reserved characters as `_`, no leading or trailing
 * dots and spaces (`..` is no name), a reserved device name prefixed with `_`, at most
 * MAX_NAME_LENGTH characters with the extension kept. Empty when nothing is left.
 */
export function safeFileName(name: string): string {
  let safe = name
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(RESERVED_CHARACTERS, '_')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (RESERVED_NAMES.test(safe)) safe = `_${safe}`;
  if (safe.length > MAX_NAME_LENGTH) {
    const dot = safe.lastIndexOf('.');
    const extension = dot > 0 && safe.length - dot <= 10 ? safe.slice(dot) : '';
    safe =
      Array.from(safe.slice(0, safe.length - extension.length))
        .slice(0, MAX_NAME_LENGTH - extension.length)
        .join('')
        .trimEnd() + extension;
  }
  return safe;
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

/**
 * Decodes the base64 of an upload: REQUIRED when empty, FILE_TOO_LARGE above MAX_DOCUMENT_BYTES,
 * UNSUPPORTED_FILE_TYPE when it is not base64.
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
  return bytes;
}

/**
 * Do the bytes hold the declared type? Binary types as file-type recognises them by their magic
 * bytes; plain text when file-type recognises nothing and its first 64 KiB hold no NUL byte (any
 * 8-bit encoding is text).
 */
export async function contentMatches(mimeType: DocumentMimeType, bytes: Uint8Array): Promise<boolean> {
  const detected = await fileTypeFromBuffer(bytes);
  if (mimeType === 'text/plain') return detected === undefined && !bytes.subarray(0, 65_536).includes(0);
  return detected?.mime === mimeType;
}

/**
 * The safe name of a document of the declared type: INVALID_FILE_NAME when nothing of the name is
 * left, FILE_EXTENSION_MISMATCH when its extension is not one of the type's.
 */
export function checkFileName(fileName: string, mimeType: DocumentMimeType): string {
  const name = safeFileName(fileName);
  if (name === '') throw new DomainError('INVALID_FILE_NAME');
  const expected = EXTENSIONS[mimeType];
  const extension = extensionOf(name);
  if (!expected.includes(extension)) {
    throw new DomainError('FILE_EXTENSION_MISMATCH', { extension, expected: expected.join(', ') });
  }
  return name;
}

/** UNSUPPORTED_FILE_TYPE unless the bytes are of the declared type. */
export async function checkContent(mimeType: DocumentMimeType, bytes: Uint8Array): Promise<void> {
  if (!(await contentMatches(mimeType, bytes))) throw new DomainError('UNSUPPORTED_FILE_TYPE', { mimeType });
}
