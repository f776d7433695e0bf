/**
 * Network drives on Windows: a UNC path, and a drive letter mapped to a share (`net use Z: …`),
 * asked of PowerShell's DriveInfo through an injectable runner — only a single letter ever reaches
 * the command line, and a drive that cannot be asked counts as local.
 */
import { describe, expect, it } from 'vitest';
import {
  isUncPath,
  windowsDriveType,
  windowsNetworkDrive,
  type RunProgram,
} from '../../../src-main/core/startup/networkDrive';

/** A stand-in for PowerShell: the drive types of a machine with Z: mapped to a share. */
function machine(types: Record<string, string>): RunProgram & { calls: [string, readonly string[]][] } {
  const calls: [string, readonly string[]][] = [];
  return Object.assign(
    (file: string, args: readonly string[]) => {
      calls.push([file, args]);
      const letter = /DriveInfo\]::new\('([A-Z])'\)/.exec(args.at(-1) ?? '')?.[1] ?? '';
      return `${types[letter] ?? 'NoRootDirectory'}\r\n`;
    },
    { calls },
  );
}

describe('Windows network drives', () => {
  const office = machine({ C: 'Fixed', D: 'CDRom', E: 'Removable', Z: 'Network' });
  const driveType = (letter: string) => windowsDriveType(letter, office);

  it('sees a drive letter mapped to a share, whatever the case of the letter', () => {
    expect(windowsNetworkDrive('Z:\\Hausverwaltung\\Daten', driveType)).toBe('Z:');
    expect(windowsNetworkDrive('z:/Daten', driveType)).toBe('Z:');
  });

  it('leaves local, removable and optical drives alone', () => {
    expect(windowsNetworkDrive('C:\\Users\\verwaltung\\AppData\\Roaming\\Portal', driveType)).toBeNull();
    expect(windowsNetworkDrive('E:\\Daten', driveType)).toBeNull();
    expect(windowsNetworkDrive('D:\\', driveType)).toBeNull();
  });

  it('knows a UNC path without asking, in the short and the long form', () => {
    const never = () => {
      throw new Error('a UNC path needs no drive type');
    };
    expect(windowsNetworkDrive('\\\\fileserver\\verwaltung\\Daten', never)).toBe('unc');
    expect(windowsNetworkDrive('\\\\?\\UNC\\fileserver\\verwaltung\\Daten', never)).toBe('unc');
    expect(isUncPath('\\\\?\\C:\\Daten')).toBe(false);
  });

  it('asks PowerShell with the letter alone, and nothing else reaches the command line', () => {
    const run = machine({ Z: 'Network' });
    expect(windowsDriveType('z', run)).toBe('Network');
    expect(run.calls).toEqual([
      [
        'powershell.exe',
        ['-NoProfile', '-NonInteractive', '-Command', "[System.IO.DriveInfo]::new('Z').DriveType"],
      ],
    ]);
    expect(windowsDriveType("Z'); Remove-Item C:\\ #", run)).toBeNull();
    expect(run.calls).toHaveLength(1);
  });

  it('counts a drive that cannot be asked as local (no PowerShell, an odd answer)', () => {
    const missing: RunProgram = () => {
      throw Object.assign(new Error('spawn powershell.exe ENOENT'), { code: 'ENOENT' });
    };
    expect(windowsNetworkDrive('Z:\\Daten', (letter) => windowsDriveType(letter, missing))).toBeNull();
    const odd: RunProgram = () => 'Der Befehl wurde nicht gefunden: 42';
    expect(windowsDriveType('Z', odd)).toBeNull();
  });
});
