/**
 * A small disk for the disk-full tests: a tmpfs of a few MiB mounted on a fresh folder (root only).
 * Where it cannot be mounted (not root, no mount permission) the tests that need it are skipped and
 * the reason is printed once.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

const mounted: string[] = [];
afterEach(() => {
  while (mounted.length) {
    const dir = mounted.pop() as string;
    execFileSync('umount', [dir]);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

function mountTmpfs(dir: string, sizeKiB: number): void {
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKiB}k`, 'tmpfs', dir], { stdio: 'pipe' });
}

/** Why a tmpfs cannot be mounted here, or null when it can. */
export const smallDiskUnavailable: string | null = (() => {
  if (process.platform !== 'linux') return `not Linux (${process.platform})`;
  if (process.getuid?.() !== 0) return 'not root: mounting a tmpfs needs root';
  const probe = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-tmpfs-probe-'));
  try {
    mountTmpfs(probe, 64);
    execFileSync('umount', [probe]);
    return null;
  } catch (error) {
    return `mount -t tmpfs failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  } finally {
    fs.rmSync(probe, { recursive: true, force: true });
  }
})();
if (smallDiskUnavailable) console.log(`disk-full tests skipped: ${smallDiskUnavailable}`);

/** A fresh folder on a tmpfs of `sizeKiB`; unmounted after the test. */
export function smallDisk(sizeKiB: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-small-disk-'));
  mountTmpfs(dir, sizeKiB);
  mounted.push(dir);
  return dir;
}

/** Fills the disk of `dir` with one file until no byte fits; removing that file frees the space. */
export function fillDisk(dir: string): string {
  const filler = path.join(dir, 'filler.bin');
  const fd = fs.openSync(filler, 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (let size = chunk.length; size >= 1; size = Math.floor(size / 2)) {
      for (;;) {
        try {
          fs.writeSync(fd, chunk, 0, size);
        } catch {
          break;
        }
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  return filler;
}
