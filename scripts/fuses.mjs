#!/usr/bin/env node
/**
 * Sets Electron's fuses in a PACKAGED build (docs/SECURITY.md, "Fuses"). Fuses are bits compiled
 * into the Electron binary; flipping them turns off features the app never needs, so that nobody can
 * turn them on later with an environment variable or a command-line switch.
 *
 *   node scripts/fuses.mjs <packaged Electron binary>          flip the fuses, then show them
 *   node scripts/fuses.mjs --check <packaged Electron binary>  only show them; exit 1 if one is wrong
 *
 * The binary is the packaged app's executable, e.g.
 *   Linux    dist/linux-unpacked/portal-access-admin
 *   Windows  dist/win-unpacked/Portal Access Admin.exe
 *   macOS    "dist/mac-arm64/Portal Access Admin.app" (the .app; the framework inside is found)
 *
 * Run it after packaging and BEFORE code signing (it rewrites the binary). Never point it at
 * node_modules/electron: that binary serves `npm start` and the tests and must keep its defaults.
 * Needs the dev dependency @electron/fuses (1.x: 2.x requires Node 22).
 */
import fs from 'node:fs';

let fuses;
try {
  fuses = await import('@electron/fuses');
} catch {
  console.error(
    'fuses: @electron/fuses is not installed (npm install --save-dev --save-exact @electron/fuses@1.8.0).',
  );
  process.exit(1);
}
const { flipFuses, getCurrentFuseWire, FuseVersion, FuseV1Options } = fuses.default ?? fuses;

/** What the app needs: nothing of Node from outside, cookies encrypted, code only from a checked app.asar. */
const wanted = {
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

const names = Object.fromEntries(
  Object.entries(FuseV1Options)
    .filter(([, value]) => typeof value === 'number')
    .map(([name, i]) => [i, name]),
);
const STATE = { 48: 'off', 49: 'on', 114: 'removed' };

async function show(binary) {
  const wire = await getCurrentFuseWire(binary);
  let wrong = 0;
  for (const [index, state] of Object.entries(wire)) {
    if (index === 'version') continue;
    const name = names[index] ?? `fuse ${index}`;
    const want = wanted[index];
    const ok = want === undefined || state === (want ? 49 : 48);
    if (!ok) wrong += 1;
    const expected = want === undefined ? '' : ` (want ${want ? 'on' : 'off'})`;
    console.log(`${ok ? '  ' : '✗ '}${name.padEnd(40)} ${STATE[state] ?? state}${expected}`);
  }
  return wrong;
}

const args = process.argv.slice(2);
const checkOnly = args[0] === '--check';
const binary = checkOnly ? args[1] : args[0];
if (!binary || args.length > (checkOnly ? 2 : 1)) {
  console.error('usage: node scripts/fuses.mjs [--check] <packaged Electron binary or .app>');
  process.exit(2);
}
if (!fs.existsSync(binary)) {
  console.error(`fuses: ${binary} does not exist`);
  process.exit(2);
}
if (/node_modules[\\/]electron[\\/]/.test(fs.realpathSync(binary))) {
  console.error('fuses: refusing to change the development Electron in node_modules; give a packaged build.');
  process.exit(2);
}

if (!checkOnly) {
  await flipFuses(binary, {
    version: FuseVersion.V1,
    // An ad-hoc signed arm64 macOS build no longer starts once its binary changed: sign it again.
    resetAdHocDarwinSignature: process.platform === 'darwin' && binary.includes('.app'),
    ...wanted,
  });
  console.log(`fuses: set in ${binary}`);
}
const wrong = await show(binary);
process.exit(wrong === 0 ? 0 : 1);
