/**
 * Where letters PDFs are rendered: a batch in a worker thread (letterWorker.ts), so that the main
 * process's event loop keeps answering the window while thousands of letters are set; a few
 * letters (one invitation letter) right here, where a worker's start would cost more than the work.
 *
 * Bounds: at most MAX_LETTERS letters per request (TOO_MANY_LETTERS, before anything is rendered),
 * and the worker's heap is capped, so that text too large for one PDF ends that worker with
 * LETTERS_TOO_LARGE instead of taking the app down with it.
 *
 * The worker is found beside this code: in the build, out/main/letterWorker.js (its own entry in
 * electron.vite.config.ts); from the sources (tests, the benchmark, the CLI) letterWorker.ts,
 * loaded through tsx, which the sources run under anyway.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { MAX_LETTERS, type LettersProgress } from '../../../shared/contract/exports';
import { DomainError } from '../../../shared/errors';
import { renderLetterJob, type LetterJob } from './letterJob';
import type { LetterWorkerMessage } from './letterWorker';

/** Up to this many letters are rendered in the calling thread. */
export const INLINE_LETTERS = 20;

/** The worker's heap limit: a PDF needing more is refused (LETTERS_TOO_LARGE). */
const WORKER_HEAP_MB = 2048;

/** Renders a job's PDF; `progress` hears about a hundred times how far a worker has come. */
export async function renderLetters(
  job: LetterJob,
  progress: (progress: LettersProgress) => void = () => {},
): Promise<Uint8Array> {
  const total = job.letters.length;
  if (total > MAX_LETTERS) throw new DomainError('TOO_MANY_LETTERS', { count: total, max: MAX_LETTERS });
  if (total <= INLINE_LETTERS) return renderLetterJob(job, () => {});
  return inWorker(job, (done) => progress({ done, total }));
}

const here = path.dirname(fileURLToPath(import.meta.url));

/** The worker's entry: the built file beside the bundle, or the source through tsx's loader. */
function spawn(job: LetterJob): Worker {
  const options = { workerData: job, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } };
  if (!import.meta.url.endsWith('.ts')) return new Worker(path.join(here, 'letterWorker.js'), options);
  const tsx = pathToFileURL(tsxLoader()).href;
  const source = pathToFileURL(path.join(here, 'letterWorker.ts')).href;
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(boot, { ...options, eval: true });
}

/** tsx's ESM loader API (package export `tsx/esm/api`, import condition), for a worker from the sources. */
function tsxLoader(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const { exports } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as {
    exports: { './esm/api': { import: { default: string } } };
  };
  return path.join(path.dirname(manifest), exports['./esm/api'].import.default);
}

function inWorker(job: LetterJob, progress: (done: number) => void): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const worker = spawn(job);
    let answered = false;
    worker.on('message', (message: LetterWorkerMessage) => {
      if (message.type === 'progress') return progress(message.done);
      answered = true;
      resolve(message.pdf);
      void worker.terminate();
    });
    worker.on('error', (error: Error & { code?: string }) => {
      answered = true;
      reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new DomainError('LETTERS_TOO_LARGE') : error);
    });
    worker.on('exit', (code) => {
      if (!answered) reject(new Error(`letters worker exited with ${code} before answering`));
    });
  });
}
