/**
 * Loaded (`node --import`) before dependency-cruiser, which accepts TypeScript below 6 only.
 * TypeScript 6 keeps the API dependency-cruiser parses with (createSourceFile and the syntax tree),
 * so the version it reads from the manifest is the last 5.x; test/unit/dependencyRules.test.ts
 * shows the rules still find every module and bite.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const manifestPath = require.resolve('typescript/package.json');
const manifest = require(manifestPath);
if (manifest.version.startsWith('6.')) {
  require.cache[manifestPath].exports = { ...manifest, version: '5.9.3' };
}
