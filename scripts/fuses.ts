/**
 * Sets Electron's fuses in a PACKAGED build (docs/SECURITY.md, "Fuses"). Fuses are bits compiled
 * into the Electron binary; flipping them turns off features the app never needs, so that nobody can
 * turn them on later with an environment variable or a command-line switch.
 *
 *   npm run fuses -- <packaged Electron binary>          flip the fuses, then show them
 *   npm run fuses -- --check <packaged Electron binary>  only show them; exit 1 if one is wrong
 *
 * The binary is the packaged app's executable, e.g. dist/linux-unpacked/portal-access-admin,
 * "dist/win-unpacked/Portal Access Admin.exe", or the .app on macOS (the framework inside is found).
 * Run it after packaging and BEFORE code signing (it rewrites the binary). It refuses
 * node_modules/electron: that binary serves `npm start` and the tests and keeps its defaults.
 */
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } from '@electron/fuses';
import { FuseState } from '@electron/fuses/dist/constants';

/** What the app needs: nothing of Node from outside, cookies encrypted, code only from a checked app.asar. */
export const wantedFuses: Partial<Record<FuseV1Options, boolean>> = {
  // ELECTRON_RUN_AS_NODE would turn the signed app into a plain Node.js interpreter.
  [FuseV1Options.RunAsNode]: false,
  // Chromium's cookie store encrypted with the OS keychain (the app sets no cookies; defence in depth).
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS (--require, --inspect …) would inject code into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect / --inspect-brk would open a debugger port on the main process.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // app.asar is checked against the hash recorded at packaging time (macOS and Windows).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Load the app only from app.asar, never from a loose resources/app folder placed beside it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
};

export interface FuseReport {
  name: string;
  state: 'on' | 'off' | 'removed' | 'unknown';
  /** Undefined where the app keeps Electron's default. */
  wanted?: boolean;
  ok: boolean;
}

const stateNames: Record<number, FuseReport['state']> = {
  [FuseState.ENABLE]: 'on',
  [FuseState.DISABLE]: 'off',
  [FuseState.REMOVED]: 'removed',
};

/** The binary's fuse wire, each fuse compared with `wantedFuses`. */
export async function describeFuses(binary: string): Promise<FuseReport[]> {
  const wire = (await getCurrentFuseWire(binary)) as unknown as Record<string, number>;
  return Object.entries(wire)
    .filter(([index]) => index !== 'version')
    .map(([index, code]) => {
      const wanted = wantedFuses[Number(index) as FuseV1Options];
      const state = stateNames[code] ?? 'unknown';
      return {
        name: FuseV1Options[Number(index)] ?? `fuse ${index}`,
        state,
        wanted,
        ok: wanted === undefined || state === (wanted ? 'on' : 'off'),
      };
    });
}

export async function setFuses(binary: string): Promise<void> {
  if (/node_modules[\\/]electron[\\/]/.test(fs.realpathSync(binary))) {
    throw new Error('refusing to change the development Electron in node_modules; give a packaged build');
  }
  await flipFuses(binary, {
    version: FuseVersion.V1,
    // An ad-hoc signed arm64 macOS build no longer starts once its binary changed: sign it again.
    resetAdHocDarwinSignature: process.platform === 'darwin' && binary.includes('.app'),
    ...wantedFuses,
  });
}

async function main(args: string[]): Promise<number> {
  const checkOnly = args[0] === '--check';
  const binary = checkOnly ? args[1] : args[0];
  if (!binary || args.length > (checkOnly ? 2 : 1)) {
    console.error('usage: npm run fuses -- [--check] <packaged Electron binary or .app>');
    return 2;
  }
  if (!fs.existsSync(binary)) {
    console.error(`fuses: ${binary} does not exist`);
    return 2;
  }
  if (!checkOnly) {
    await setFuses(binary);
    console.log(`fuses: set in ${binary}`);
  }
  const report = await describeFuses(binary);
  for (const fuse of report) {
    const expected = fuse.wanted === undefined ? '' : ` (want ${fuse.wanted ? 'on' : 'off'})`;
    console.log(`${fuse.ok ? '  ' : '✗ '}${fuse.name.padEnd(40)} ${fuse.state}${expected}`);
  }
  return report.every((fuse) => fuse.ok) ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`fuses: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
