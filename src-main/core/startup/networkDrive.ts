/**
 * SQLite's locking (and its WAL's shared memory) is unsafe on network file systems: a data store on
 * a network drive is refused at start-up (issue 14.3). Sharing the data between several people is
 * what the team mode is for. Detected where it can be:
 * - Linux: the file system type of the mount holding the folder (/proc/mounts): NFS, SMB/CIFS, …
 * - Windows: a UNC path (\\server\share\…, also \\?\UNC\server\share\…), and a drive letter mapped to a
 *   share (`net use Z: \\server\share`): its drive type as .NET's DriveInfo reports it, asked of
 *   PowerShell (no native addon; the number-free enum name reads the same in every Windows language).
 *   When PowerShell cannot answer, the drive counts as local (nothing is refused on a guess).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const NETWORK_TYPES = new Set(['nfs', 'nfs4', 'cifs', 'smb', 'smb2', 'smb3', 'smbfs', 'afs', 'ncpfs', '9p']);

function isNetworkType(fsType: string): boolean {
  return NETWORK_TYPES.has(fsType) || fsType === 'fuse.sshfs' || fsType.startsWith('fuse.smb');
}

/** `/proc/mounts` escapes spaces and the like as octal (`\040`). */
function unescapeMount(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
}

/**
 * The network file system type holding `folder` (an absolute, resolved path) according to the
 * text of /proc/mounts, or null when it is on a local one: the longest mount point containing it.
 */
export function networkTypeFromMounts(folder: string, mounts: string): string | null {
  let best: { point: string; type: string } | null = null;
  for (const line of mounts.split('\n')) {
    const [, rawPoint, type] = line.split(' ');
    if (rawPoint === undefined || type === undefined) continue;
    const point = unescapeMount(rawPoint);
    const inside = point === '/' || folder === point || folder.startsWith(`${point}/`);
    if (inside && (best === null || point.length > best.point.length)) best = { point, type };
  }
  return best !== null && isNetworkType(best.type) ? best.type : null;
}

/**
 * A Windows path on a network share: `\\server\share\…`, `//server/share/…` or the long form
 * `\\?\UNC\server\share\…` (not `\\?\C:\…`).
 */
export function isUncPath(folder: string): boolean {
  return (
    /^[\\/]{2}(?![?.][\\/])[^\\/]+[\\/][^\\/]+/.test(folder) ||
    /^[\\/]{2}[?.][\\/]UNC[\\/][^\\/]+[\\/]/i.test(folder)
  );
}

/** Runs a program and answers its standard output (node's execFileSync, or a stand-in in tests). */
export type RunProgram = (file: string, args: readonly string[]) => string;

const runProgram: RunProgram = (file, args) =>
  execFileSync(file, args, { encoding: 'utf8', timeout: 10_000, windowsHide: true });

/**
 * The type of a Windows drive as System.IO.DriveType names it — 'Network' for a mapped share,
 * 'Fixed', 'Removable', 'CDRom', 'Ram', 'NoRootDirectory', 'Unknown' — or null when it cannot be
 * asked. `letter` is one letter A–Z (nothing else reaches the command line).
 */
export function windowsDriveType(letter: string, run: RunProgram = runProgram): string | null {
  if (!/^[A-Za-z]$/.test(letter)) return null;
  try {
    const command = `[System.IO.DriveInfo]::new('${letter.toUpperCase()}').DriveType`;
    const answer = run('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', command]).trim();
    return /^[A-Za-z]+$/.test(answer) ? answer : null;
  } catch {
    return null;
  }
}

/** On Windows: 'unc' for a share's path, the drive ("Z:") for a letter mapped to one, else null. */
export function windowsNetworkDrive(
  folder: string,
  driveType: (letter: string) => string | null = windowsDriveType,
): string | null {
  if (isUncPath(folder)) return 'unc';
  const letter = /^([A-Za-z]):/.exec(folder)?.[1];
  return letter !== undefined && driveType(letter) === 'Network' ? `${letter.toUpperCase()}:` : null;
}

/** The kind of network drive `folder` lies on ('unc', 'nfs', 'cifs', …), or null when local or unknown. */
export function networkDriveOf(folder: string, platform: NodeJS.Platform = process.platform): string | null {
  if (platform === 'win32') {
    // The system drive (where the default data folder lies) is local: no PowerShell at start.
    const system = process.env.SystemDrive?.[0]?.toUpperCase();
    return windowsNetworkDrive(folder, (letter) =>
      letter.toUpperCase() === system ? 'Fixed' : windowsDriveType(letter),
    );
  }
  if (platform !== 'linux') return null;
  let resolved = path.resolve(folder);
  try {
    resolved = fs.realpathSync(resolved);
  } catch {
    // Not there (yet): its parent folders decide.
  }
  try {
    return networkTypeFromMounts(resolved, fs.readFileSync('/proc/mounts', 'utf8'));
  } catch {
    return null;
  }
}
