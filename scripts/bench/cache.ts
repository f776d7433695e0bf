/**
 * `npm run bench -- --cache`: the written data dir of a size is kept in the system's temporary
 * directory and copied for the next run, as long as nothing that decides its content changed (the
 * generator, the writer, the migrations, the search keys and the access figures: their sources are
 * hashed into the cache's name). Writing a million contacts takes minutes; copying them seconds.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { GeneratedDataDir } from './portfolio';

const root = path.resolve(import.meta.dirname, '../..');
/** The sources whose content decides the data dir's, files or directories (all .ts inside). */
const SOURCES = [
  'scripts/bench/portfolio.ts',
  'src-main/core/demo',
  'src-main/core/db/migrations',
  'src-main/core/db/portfolioWriter.ts',
  'src-main/core/db/accessFigures.ts',
  'src-main/core/db/contactKeys.ts',
  'src-main/core/db/contactSearchIndex.ts',
  'src-main/core/policy/accessSpans.ts',
];

function sourceFiles(entry: string): string[] {
  const full = path.join(root, entry);
  if (!fs.statSync(full).isDirectory()) return [entry];
  return fs
    .readdirSync(full, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .sort()
    .map((name) => path.join(entry, name));
}

/** The cache directory of `contacts` contacts under the current sources. */
export function cacheDirFor(contacts: number): string {
  const hash = crypto.createHash('sha256');
  for (const file of SOURCES.flatMap(sourceFiles)) {
    hash.update(file);
    hash.update(fs.readFileSync(path.join(root, file)));
  }
  return path.join(os.tmpdir(), 'portal-bench-cache', `${contacts}-${hash.digest('hex').slice(0, 16)}`);
}

type Cached = Omit<GeneratedDataDir, 'dataDir'>;

/** What was cached in `dir` (its data dir is `dir`/data), or null. */
export function readCached(dir: string): Cached | null {
  const file = path.join(dir, 'generated.json');
  if (!fs.existsSync(file) || !fs.existsSync(path.join(dir, 'data'))) return null;
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Cached;
}

/** Keeps a written data dir in `dir` (the description last: a half-copied entry is not read). */
export function writeCached(dir: string, generated: GeneratedDataDir): void {
  const { dataDir, facts, generateMs, writeMs, dbBytes, heapAfterGenerateBytes } = generated;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(dataDir, path.join(dir, 'data'), { recursive: true });
  const cached: Cached = { facts, generateMs, writeMs, dbBytes, heapAfterGenerateBytes };
  fs.writeFileSync(path.join(dir, 'generated.json'), JSON.stringify(cached));
}
