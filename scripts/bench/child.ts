/** Runs a step of the benchmark (scripts/bench/worker.ts) in its own Node process. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const worker = path.join(import.meta.dirname, 'worker.ts');

/** Heap for a child: the generated portfolio and the baseline's document grow with the size. */
export function heapMegabytes(contacts: number): number {
  return Math.max(2048, Math.ceil((contacts / 1_000_000) * 12_288));
}

/** Runs one worker step with a fresh heap (and `gc` exposed) and returns what it wrote. */
export function runWorker<I, O>(
  phase: 'generate' | 'measure' | 'letters' | 'import' | 'auditExport',
  input: I,
  contacts: number,
  tmp: string,
): O {
  const inputFile = path.join(tmp, `${phase}-in.json`);
  const outputFile = path.join(tmp, `${phase}-out.json`);
  fs.writeFileSync(inputFile, JSON.stringify(input));
  const child = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      `--max-old-space-size=${heapMegabytes(contacts)}`,
      '--import',
      'tsx',
      worker,
      phase,
      inputFile,
      outputFile,
    ],
    { cwd: root, stdio: 'inherit' },
  );
  if (child.status !== 0)
    throw new Error(`bench ${phase} (${contacts} contacts) failed: exit ${child.status}`);
  return JSON.parse(fs.readFileSync(outputFile, 'utf8')) as O;
}
