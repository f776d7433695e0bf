// Launches the built app in Electron. The Electron binary is fetched on first launch (Electron ≥ 45)
// and cannot be assumed: when it is missing we say how to get it instead of failing obscurely.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const electronDir = path.dirname(require.resolve('electron/package.json'));
const { version: electronVersion } = require('electron/package.json');

function electronBinary() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    return path.join(
      process.env.ELECTRON_OVERRIDE_DIST_PATH,
      process.platform === 'win32' ? 'electron.exe' : 'electron',
    );
  }
  const pathFile = path.join(electronDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const binary = path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8'));
  return fs.existsSync(binary) ? binary : null;
}

const binary = electronBinary();
if (!binary || !fs.existsSync(binary)) {
  console.error(
    `The Electron ${electronVersion} binary is not installed: run "npx install-electron" on a machine with internet access ` +
      '(or set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron build), then run "npm start" again.',
  );
  process.exit(1);
}

// better-sqlite3 is a native module: Electron needs it built against its own ABI. Node (tests)
// needs it built against Node's, so `npm test` rebuilds it back when needed (scripts/ensure-native.mjs).
const rebuild = spawnSync(
  'npx',
  ['--yes', '@electron/rebuild', '--only', 'better-sqlite3', '--version', electronVersion],
  {
    stdio: 'inherit',
  },
);
if (rebuild.status !== 0) {
  console.error('Could not build better-sqlite3 for Electron; see the output above.');
  process.exit(1);
}

const child = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 1));
