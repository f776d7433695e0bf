/**
 * The letters worker (a worker_threads entry): renders one LetterJob handed over as its
 * workerData, reports progress about a hundred times on the way, and answers with the PDF's bytes
 * (transferred, not copied). Built as its own entry (electron.vite.config.ts); run from the
 * sources through tsx in tests (letterThreads.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { renderLetterJob, type LetterJob } from './letterJob';

export type LetterWorkerMessage = { type: 'progress'; done: number } | { type: 'done'; pdf: Uint8Array };

const port = parentPort;
if (port === null) throw new Error('letterWorker.ts runs as a worker thread only');
const job = workerData as LetterJob;
const total = job.letters.length;
const step = Math.max(1, Math.ceil(total / 100));
const pdf = await renderLetterJob(job, (done) => {
  if (done % step === 0 || done === total)
    port.postMessage({ type: 'progress', done } satisfies LetterWorkerMessage);
});
port.postMessage({ type: 'done', pdf } satisfies LetterWorkerMessage, [pdf.buffer as ArrayBuffer]);
