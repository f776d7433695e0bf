// Makes sure better-sqlite3 loads in this Node (it may have been rebuilt for Electron by `npm start`).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
try {
  const Database = require('better-sqlite3');
  new Database(':memory:').close();
} catch {
  console.log('Rebuilding better-sqlite3 for Node …');
  const result = spawnSync('npm', ['rebuild', 'better-sqlite3'], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
