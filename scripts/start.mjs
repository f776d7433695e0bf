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
// Node and Electron find an addon's entry by its `node_register_module_v<ABI>` symbol, so the built
// file says which ABI it is for: rebuild (npm's bundled node-gyp, Electron's headers) only on a mismatch.
const electronAbi = fs.readFileSync(path.join(electronDir, 'abi_version'), 'utf8').trim();
const addon = path.join(
  path.dirname(require.resolve('better-sqlite3/package.json')),
  'build',
  'Release',
  'better_sqlite3.node',
);
const builtForElectron =
  fs.existsSync(addon) && fs.readFileSync(addon).includes(`node_register_module_v${electronAbi}\0`);
if (!builtForElectron) {
  console.log(`Building better-sqlite3 for Electron ${electronVersion} …`);
  const rebuild = spawnSync('npm', ['rebuild', 'better-sqlite3'], {
    stdio: 'inherit',
    env: {
      ...process.env,
      npm_config_runtime: 'electron',
      npm_config_target: electronVersion,
      npm_config_dist_url: 'https://electronjs.org/headers',
    },
  });
  if (rebuild.status !== 0) {
    console.error('Could not build better-sqlite3 for Electron; see the output above.');
    process.exit(1);
  }
}

const child = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 1));
