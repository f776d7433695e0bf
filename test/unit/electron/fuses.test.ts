import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SENTINEL } from '@electron/fuses/dist/constants';
import { describe, expect, it } from 'vitest';
import { describeFuses, setFuses } from '../../../scripts/fuses';

/** Electron's default wire (8 fuses, as @electron/fuses 1.8 knows them): '1' on, '0' off. */
const DEFAULT_WIRE = '10110001';

/** A stand-in for a packaged binary: code bytes around the sentinel and fuse wire, as in Electron. */
function fakeBinary(dir: string, wire = DEFAULT_WIRE): string {
  const file = path.join(dir, 'portal-access-admin');
  const before = Buffer.from('\x7fELF…code before the wire…');
  const after = Buffer.from('…code after the wire…');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    file,
    Buffer.concat([before, Buffer.from(SENTINEL), Buffer.from([1, wire.length]), Buffer.from(wire), after]),
  );
  return file;
}

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'fuses-'));

describe('fuses for packaged builds (docs/SECURITY.md)', () => {
  it("reports Electron's defaults as not what the app wants", async () => {
    const report = await describeFuses(fakeBinary(tempDir()));
    expect(report.filter((fuse) => !fuse.ok).map((fuse) => fuse.name)).toEqual([
      'RunAsNode',
      'EnableCookieEncryption',
      'EnableNodeOptionsEnvironmentVariable',
      'EnableNodeCliInspectArguments',
      'EnableEmbeddedAsarIntegrityValidation',
      'OnlyLoadAppFromAsar',
    ]);
  });

  it('flips exactly the six fuses and leaves the rest of the binary alone', async () => {
    const binary = fakeBinary(tempDir());
    const original = fs.readFileSync(binary);
    await setFuses(binary);

    const report = await describeFuses(binary);
    expect(report.every((fuse) => fuse.ok)).toBe(true);
    expect(Object.fromEntries(report.map((fuse) => [fuse.name, fuse.state]))).toMatchObject({
      RunAsNode: 'off',
      EnableNodeOptionsEnvironmentVariable: 'off',
      EnableNodeCliInspectArguments: 'off',
      OnlyLoadAppFromAsar: 'on',
      // not ours to change: Electron's defaults stay
      LoadBrowserProcessSpecificV8Snapshot: 'off',
      GrantFileProtocolExtraPrivileges: 'on',
    });
    const changed = fs.readFileSync(binary);
    const wireStart = original.indexOf(SENTINEL) + SENTINEL.length + 2;
    const differing = [...original.keys()].filter((i) => original[i] !== changed[i]);
    expect(differing.every((i) => i >= wireStart && i < wireStart + DEFAULT_WIRE.length)).toBe(true);
    expect(changed.length).toBe(original.length);
  });

  it('refuses the development Electron that npm start and the tests use', async () => {
    const binary = fakeBinary(path.join(tempDir(), 'node_modules', 'electron', 'dist'));
    const original = fs.readFileSync(binary);
    await expect(setFuses(binary)).rejects.toThrow(/node_modules/);
    expect(fs.readFileSync(binary).equals(original)).toBe(true);
  });
});
