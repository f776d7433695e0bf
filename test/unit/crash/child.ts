/**
 * Runs the core in a child process (worker.ts) on a copy of a data dir and kills it with SIGKILL at a
 * chosen moment of its work. A child is started ahead of time and waits, warmed up, for its
 * operation, so that starting Node and loading the core overlaps the previous run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import type { Operation, WorkerMessage } from './protocol';

const root = path.resolve(import.meta.dirname, '../../..');

/**
 * Bundles worker.ts with the core and its packages into one ES module (only the native
 * better-sqlite3 stays outside): a child then starts on a fifth of the CPU time that
 * `node --import tsx` needs (~0.3 s instead of ~1.6 s). It lives under node_modules/.cache so that
 * better-sqlite3 resolves.
 */
export async function bundleWorker(): Promise<{ file: string; remove(): void }> {
  const { build } = await import('vite');
  const cache = path.join(root, 'node_modules', '.cache');
  fs.mkdirSync(cache, { recursive: true });
  const outDir = fs.mkdtempSync(path.join(cache, 'crash-worker-'));
  await build({
    configFile: false,
    logLevel: 'silent',
    root,
    ssr: { noExternal: true, external: ['better-sqlite3'] },
    build: {
      ssr: true,
      outDir,
      emptyOutDir: false,
      target: 'node20',
      minify: false,
      rolldownOptions: {
        // The letters worker beside the bundle, as out/main has it (core/letters/letterThreads.ts).
        input: {
          worker: path.join(import.meta.dirname, 'worker.ts'),
          letterWorker: path.join(root, 'src-main/core/letters/letterWorker.ts'),
        },
        output: {
          format: 'es',
          entryFileNames: (chunk) => (chunk.name === 'worker' ? 'worker.mjs' : '[name].js'),
          chunkFileNames: '[name]-[hash].js',
        },
      },
    },
  });
  return {
    file: path.join(outDir, 'worker.mjs'),
    remove: () => fs.rmSync(outDir, { recursive: true, force: true }),
  };
}

/** When to kill, in milliseconds after the child said `start`, or after it began transaction `tx`. */
export type KillPlan = { after: 'start'; ms: number } | { after: 'tx'; tx: number; ms: number };

/** What the child did before it ended, in milliseconds since its `start`. */
export interface Observed {
  killed: boolean;
  /** The child answered `done`: every step of the operation returned. */
  done: boolean;
  value: unknown[] | null;
  /** Each top-level transaction: when it began, when its commit had returned (null: never). */
  transactions: { begin: number; committed: number | null }[];
  /** When the process had ended (or was killed). */
  endedMs: number;
}

export interface Child {
  dataDir: string;
  /** Runs the operation, kills the child as planned (never, for null) and reports what it saw. */
  run(operation: Operation, plan: KillPlan | null): Promise<Observed>;
  /** Ends the child if it still runs (a test that failed half-way) and removes its data dir. */
  dispose(): void;
}

/**
 * Copies `baseDir` (a closed data dir) and starts the bundled worker on the copy; resolves once it
 * is ready.
 */
export async function startChild(worker: string, baseDir: string): Promise<Child> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-crash-'));
  fs.cpSync(baseDir, dataDir, { recursive: true });
  const child: ChildProcess = spawn(process.execPath, [worker, dataDir], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  // A child that died before reading its operation is reported by its exit code, not by EPIPE.
  child.stdin?.on('error', () => undefined);
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const listeners: ((message: WorkerMessage, at: number) => void)[] = [];
  readline.createInterface({ input: child.stdout! }).on('line', (line) => {
    const at = performance.now();
    const message = JSON.parse(line) as WorkerMessage;
    for (const listener of listeners) listener(message, at);
  });
  const closed = new Promise<{ code: number | null; signal: string | null; at: number }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, at: performance.now() })),
  );
  const failure = (what: string) => new Error(`crash worker ${what}; stderr:\n${stderr}`);

  let ready = false;
  await Promise.race([
    new Promise<void>((resolve) => listeners.push((message) => 'ready' in message && resolve())),
    closed.then(() => {
      if (ready) return;
      fs.rmSync(dataDir, { recursive: true, force: true });
      throw failure('ended before it was ready');
    }),
  ]);
  ready = true;

  return {
    dataDir,
    async run(operation, plan) {
      let start = 0;
      let timer: NodeJS.Timeout | undefined;
      let done = false;
      let value: unknown[] | null = null;
      const transactions: Observed['transactions'] = [];
      const kill = (ms: number) => {
        timer = setTimeout(() => child.kill('SIGKILL'), ms);
      };
      listeners.push((message, at) => {
        if ('start' in message) {
          start = at;
          if (plan?.after === 'start') kill(plan.ms);
        } else if ('tx' in message && start > 0) {
          if (message.tx === 'begin') {
            transactions.push({ begin: at - start, committed: null });
            if (plan?.after === 'tx' && plan.tx === transactions.length - 1) kill(plan.ms);
          } else {
            const last = transactions.at(-1);
            if (last !== undefined) last.committed = at - start;
          }
        } else if ('done' in message) {
          done = true;
          value = message.done;
        } else if ('failed' in message) {
          stderr += message.failed;
        }
      });
      child.stdin!.end(`${JSON.stringify(operation)}\n`);
      const end = await closed;
      clearTimeout(timer);
      const killed = end.signal === 'SIGKILL';
      if (!killed && end.code !== 0) throw failure(`exited with ${end.code ?? end.signal}`);
      return { killed, done, value, transactions, endedMs: end.at - start };
    },
    dispose() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
