/** A full disk, told apart from other write failures so the user hears "no space left" (DISK_FULL). */
import { DomainError } from '../../../shared/errors';

/** Out of space: ENOSPC, EDQUOT where a quota applies, or SQLite's SQLITE_FULL. */
export function isDiskFull(error: unknown): boolean {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL';
}

/** Rethrows a full disk as DISK_FULL naming `folder`; any other error as it is. */
export function rethrowDiskFull(error: unknown, folder: string): never {
  if (isDiskFull(error)) throw new DomainError('DISK_FULL', { folder });
  throw error;
}
