/**
 * SQLite's locking (and its WAL's shared memory) is unsafe on network file systems: a data store on
 * a network drive is refused at start-up (issue 14.3). Sharing the data between several people is
 * what the team mode is for. Detected where it can be:
 * - Linux: the file system type of the mount holding the folder (/proc/mounts): NFS, SMB/CIFS, …
 * - Windows: a UNC path (\\server\share\…); a drive letter mapped to a share is not seen here.
 */
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

/** A Windows path on a network share: `\\server\share\…` or `//server/share/…` (not `\\?\C:\…`). */
export function isUncPath(folder: string): boolean {
  return /^[\\/]{2}(?![?.][\\/])[^\\/]+[\\/][^\\/]+/.test(folder);
}

/** The kind of network drive `folder` lies on ('unc', 'nfs', 'cifs', …), or null when local or unknown. */
export function networkDriveOf(folder: string, platform: NodeJS.Platform = process.platform): string | null {
  if (platform === 'win32') return isUncPath(folder) ? 'unc' : null;
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
