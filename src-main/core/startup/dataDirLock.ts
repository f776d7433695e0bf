/**
 * One app instance per data folder (issue 14.3). Electron's single-instance lock is per user profile:
 * two OS users, or two PCs on a shared folder, would otherwise open the same store side by side and
 * both deliver the outbox. The rules:
 *
 * - Opening a data store takes `<dataDir>/portal.lock`, created atomically: the holder's details are
 *   written to a temporary file first, then hard-linked to the lock name, which fails when the name
 *   exists (so no one ever reads a half-written lock).
 * - The lock says who holds it: user, computer, process id, since when, and a random token.
 * - A lock is stale, and is taken over, only when its holder is on this computer and its process is
 *   gone (or it is unreadable). A holder on another computer cannot be checked: it is refused with
 *   its name, so the user can close the app there.
 * - Closing the core removes the lock, if it is still its own (the token matches).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const LOCK_FILE = 'portal.lock';

export interface LockHolder {
  user: string;
  host: string;
  pid: number;
  since: string;
}

interface LockContent extends LockHolder {
  token: string;
}

/** The data folder is held by another running instance (`holder`). */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(`data folder in use by ${holder.user} on ${holder.host} (process ${holder.pid})`);
    this.name = 'DataDirInUseError';
  }
}

/** Tokens of the locks this process holds: a second core in this process on one folder is refused too. */
const heldHere = new Set<string>();

function userName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? '?';
  }
}

function readLock(file: string): LockContent | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockContent>;
    const { user, host, pid, since, token } = parsed;
    if (typeof user !== 'string' || typeof host !== 'string' || typeof pid !== 'number') return null;
    if (typeof since !== 'string' || typeof token !== 'string') return null;
    return { user, host, pid, since, token };
  } catch {
    return null;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is another user's.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

/** Is the lock's holder gone for certain? Only a holder on this computer can be checked. */
function isStale(lock: LockContent | null): boolean {
  if (lock === null) return true;
  if (lock.host !== os.hostname()) return false;
  if (heldHere.has(lock.token)) return false;
  return lock.pid === process.pid || !processAlive(lock.pid);
}

function errorCode(error: unknown): unknown {
  return error instanceof Error && 'code' in error ? error.code : undefined;
}

/**
 * Puts the lock under its name unless the name exists (EEXIST). A hard link where the file system
 * has them; else (FAT on a USB stick) an exclusive create, whose content follows a moment later.
 */
function takeName(temporary: string, file: string, content: LockContent): void {
  try {
    fs.linkSync(temporary, file);
  } catch (error) {
    if (!['EPERM', 'ENOTSUP', 'ENOSYS', 'EOPNOTSUPP'].includes(String(errorCode(error)))) throw error;
    fs.writeFileSync(file, JSON.stringify(content), { flag: 'wx' });
  }
}

/**
 * Takes the data folder's lock, or throws DataDirInUseError naming its holder. Returns the release
 * function (idempotent).
 */
export function lockDataDir(dataDir: string, now = new Date()): () => void {
  const file = path.join(dataDir, LOCK_FILE);
  const content: LockContent = {
    user: userName(),
    host: os.hostname(),
    pid: process.pid,
    since: now.toISOString(),
    token: randomBytes(12).toString('hex'),
  };
  const temporary = path.join(dataDir, `.${LOCK_FILE}.${content.token}.tmp`);
  fs.writeFileSync(temporary, JSON.stringify(content), { flag: 'wx' });
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        takeName(temporary, file, content);
        break;
      } catch (error) {
        if (errorCode(error) !== 'EEXIST') throw error;
        const holder = readLock(file);
        if (attempt > 0 || !isStale(holder)) {
          const { user, host, pid, since } = holder ?? { user: '?', host: '?', pid: 0, since: '' };
          throw new DataDirInUseError(dataDir, { user, host, pid, since });
        }
        // The holder is gone: its lock goes, and the next attempt takes it (or meets a new holder).
        fs.rmSync(file, { force: true });
      }
    }
  } finally {
    fs.rmSync(temporary, { force: true });
  }
  heldHere.add(content.token);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    heldHere.delete(content.token);
    if (readLock(file)?.token === content.token) fs.rmSync(file, { force: true });
  };
}
