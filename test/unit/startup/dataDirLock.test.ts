/**
 * One instance per data folder (issue 14.3): a second process — another user, another PC on a shared
 * folder — is refused with who holds it and where, on the start-up fault screen; a lock whose process
 * is gone is taken over; a data folder on a network drive is refused.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../src-main/core/core';
import { memoryPreferenceStore } from '../../../src-main/core/preferences';
import { choicesFor } from '../../../src-main/core/startup/faultCore';
import { DataDirInUseError, LOCK_FILE } from '../../../src-main/core/startup/dataDirLock';
import { isUncPath, networkTypeFromMounts } from '../../../src-main/core/startup/networkDrive';
import { ok, tempDir } from '../support';
import { open, startupOptions } from './support';

const root = path.resolve(import.meta.dirname, '../../..');
const children: ChildProcess[] = [];
afterEach(() => {
  while (children.length) children.pop()?.kill('SIGKILL');
});

/**
 * holdDataDir.ts bundled with the core into one module (better-sqlite3 stays outside, so it lives
 * under node_modules/.cache): a child starts in a fraction of the time `--import tsx` takes.
 */
let bundle = '';
beforeAll(async () => {
  const cache = fs.mkdtempSync(path.join(root, 'node_modules', '.cache', 'hold-data-dir-'));
  bundle = path.join(cache, 'holdDataDir.mjs');
  const { build } = await import('esbuild');
  await build({
    entryPoints: [path.join(import.meta.dirname, 'holdDataDir.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    external: ['better-sqlite3'],
    // Packages in CommonJS inside (debug, under file-type) require Node's modules.
    banner: {
      js: "import { createRequire as holdDataDirRequire } from 'node:module'; const require = holdDataDirRequire(import.meta.url);",
    },
    logLevel: 'silent',
  });
});
afterAll(() => fs.rmSync(path.dirname(bundle), { recursive: true, force: true }));

/** Starts holdDataDir.ts on `dataDir`; resolves with its first line (`ready` or `refused …`). */
async function secondInstance(dataDir: string): Promise<{ child: ChildProcess; said: string }> {
  const child = spawn(process.execPath, [bundle, dataDir], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  children.push(child);
  const said = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`second instance ended with ${code}`)));
  });
  return { child, said };
}

function ended(child: ChildProcess): Promise<void> {
  return new Promise((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()),
  );
}

function openCore(dataDir: string) {
  return createCore({ dataDir, actor: 'unit-test', preferences: memoryPreferenceStore() });
}

describe('the data folder lock', { timeout: 60_000 }, () => {
  it('refuses a second process on an open data folder, and names this one when it is second', async () => {
    const dataDir = tempDir();
    const { child, said } = await secondInstance(dataDir);
    expect(said).toBe('ready');

    // This process is now the second instance: the fault screen says who has the folder, and where.
    const opened = open(startupOptions(dataDir));
    expect(opened).toEqual({
      kind: 'fault',
      fault: {
        code: 'DATA_DIR_IN_USE',
        dataDir,
        user: os.userInfo().username,
        host: os.hostname(),
        pid: child.pid,
        since: expect.any(String),
      },
    });
    if (opened.kind === 'fault')
      expect(choicesFor(opened.fault, 0)).toEqual(['retry', 'openOtherDataDir', 'quit']);

    // Closed there, it opens here; and then a further process is refused.
    child.stdin?.end();
    await ended(child);
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
    const core = openCore(dataDir);
    try {
      await ok(core, 'app.status');
      const third = await secondInstance(dataDir);
      expect(third.said).toBe(
        `refused ${JSON.stringify({ user: os.userInfo().username, host: os.hostname(), pid: process.pid, since: JSON.parse(fs.readFileSync(path.join(dataDir, LOCK_FILE), 'utf8')).since })}`,
      );
    } finally {
      core.close();
    }
  });

  it('takes over the lock of an instance that was killed', async () => {
    const dataDir = tempDir();
    const { child } = await secondInstance(dataDir);
    child.kill('SIGKILL');
    await ended(child);
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(true);
    const core = openCore(dataDir);
    core.close();
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
  });

  it('refuses a second core in the same process, and a lock held from another computer', () => {
    const dataDir = tempDir();
    const first = openCore(dataDir);
    expect(() => openCore(dataDir)).toThrow(DataDirInUseError);
    first.close();

    const since = '2026-11-27T08:00:00.000Z';
    const foreign = { user: 'kollegin', host: 'buero-pc-2', pid: 4242, since, token: 'abc' };
    fs.writeFileSync(path.join(dataDir, LOCK_FILE), JSON.stringify(foreign));
    expect(open(startupOptions(dataDir))).toMatchObject({
      fault: { code: 'DATA_DIR_IN_USE', user: 'kollegin', host: 'buero-pc-2', pid: 4242, since },
    });
    // An unreadable lock (a crash while it was written) is no holder.
    fs.writeFileSync(path.join(dataDir, LOCK_FILE), '{"us');
    openCore(dataDir).close();
  });
});

describe('a data folder on a network drive', () => {
  const mounts = [
    'sysfs /sys sysfs rw 0 0',
    '/dev/sda1 / ext4 rw 0 0',
    '//nas/akten /mnt/akten cifs rw 0 0',
    'nas:/export /srv/daten\\040hv nfs4 rw 0 0',
    '/dev/sdb1 /mnt/akten/lokal ext4 rw 0 0',
  ].join('\n');

  it('is recognised on Linux by the file system of its mount', () => {
    expect(networkTypeFromMounts('/mnt/akten/Portal', mounts)).toBe('cifs');
    expect(networkTypeFromMounts('/srv/daten hv/Portal', mounts)).toBe('nfs4');
    expect(networkTypeFromMounts('/mnt/akten/lokal/Portal', mounts)).toBeNull();
    expect(networkTypeFromMounts('/mnt/aktenschrank', mounts)).toBeNull();
    expect(networkTypeFromMounts('/home/hv/Portal', mounts)).toBeNull();
  });

  it('is recognised on Windows by a UNC path', () => {
    expect(isUncPath('\\\\nas\\akten\\Portal')).toBe(true);
    expect(isUncPath('//nas/akten')).toBe(true);
    expect(isUncPath('C:\\Users\\hv\\Portal')).toBe(false);
    expect(isUncPath('\\\\?\\C:\\Users\\hv')).toBe(false);
  });
});
