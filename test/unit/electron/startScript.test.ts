/**
 * `npm start` (scripts/start.mjs) in a fake project: a fake Electron binary, a fake `npm` on PATH and
 * a better-sqlite3 addon that names its ABI. It says how to get a missing binary before anything
 * else, and rebuilds better-sqlite3 for Electron only when the built addon is for another ABI.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support';

const ELECTRON_VERSION = '45.5.0';
const ELECTRON_ABI = '150';

/** A project folder with the start script, and what it ran (fake npm and Electron append here). */
function fakeProject(addonAbi: string) {
  const root = tempDir('portal-start-');
  const write = (file: string, text: string, mode = 0o644) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text, { mode });
  };
  fs.mkdirSync(path.join(root, 'scripts'));
  fs.copyFileSync(
    path.join(import.meta.dirname, '../../../scripts/start.mjs'),
    path.join(root, 'scripts/start.mjs'),
  );
  write(
    'node_modules/electron/package.json',
    JSON.stringify({ name: 'electron', version: ELECTRON_VERSION }),
  );
  write('node_modules/electron/abi_version', ELECTRON_ABI);
  write('node_modules/better-sqlite3/package.json', JSON.stringify({ name: 'better-sqlite3' }));
  write(
    'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
    `ELF node_register_module_v${addonAbi}\0 …`,
  );
  const log = path.join(root, 'ran.log');
  const record = (name: string, env: string) => `#!/bin/sh\necho "${name} $* ${env}" >> "${log}"\n`;
  write('bin/npm', record('npm', '$npm_config_runtime $npm_config_target $npm_config_dist_url'), 0o755);
  write('electron-dist/electron', record('electron', ''), 0o755);
  const run = (distPath = path.join(root, 'electron-dist')) => {
    const result = spawnSync(process.execPath, [path.join(root, 'scripts/start.mjs'), '--demo'], {
      cwd: root,
      encoding: 'utf8',
      env: {
        ...process.env,
        PATH: `${path.join(root, 'bin')}${path.delimiter}${process.env.PATH}`,
        ELECTRON_OVERRIDE_DIST_PATH: distPath,
      },
    });
    const ran = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n') : [];
    return { status: result.status, stderr: result.stderr, ran: ran.map((line) => line.trim()) };
  };
  return { root, run };
}

describe.skipIf(process.platform === 'win32')('npm start', () => {
  it('says in one sentence how to get a missing Electron binary, and runs nothing', () => {
    const project = fakeProject('115');
    const { status, stderr, ran } = project.run(path.join(project.root, 'no-electron-here'));
    expect(status).toBe(1);
    expect(stderr.trim()).toMatch(
      /^The Electron 45\.5\.0 binary is not installed: run "npx install-electron".*\.$/,
    );
    expect(ran).toEqual([]);
  });

  it('rebuilds better-sqlite3 for Electron with npm when the addon is built for Node, then starts', () => {
    const { status, ran } = fakeProject('115').run();
    expect(status).toBe(0);
    expect(ran).toEqual([
      `npm rebuild better-sqlite3 electron ${ELECTRON_VERSION} https://electronjs.org/headers`,
      'electron . --demo',
    ]);
  });

  it('starts without rebuilding when the addon is already built for Electron', () => {
    const { status, ran } = fakeProject(ELECTRON_ABI).run();
    expect(status).toBe(0);
    expect(ran).toEqual(['electron . --demo']);
  });
});
