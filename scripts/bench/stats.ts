/** Timing helpers of the benchmark: repeated runs, percentiles, formatting. */

/** Milliseconds of one call (high resolution). */
export async function timeOnce<T>(run: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

export function timeSync<T>(run: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = run();
  return { ms: performance.now() - start, value };
}

/** Percentile (nearest rank) of sorted samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

/** A measured figure: milliseconds at the median and the 99th percentile, over `n` runs. */
export interface Timing {
  p50: number;
  p99: number;
  n: number;
}

export function summarise(samples: readonly number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), n: sorted.length };
}

export function single(ms: number): Timing {
  return { p50: ms, p99: ms, n: 1 };
}

/**
 * Runs `run(i)` for every i < n after `warmup` untimed runs, and summarises the times. The
 * argument lets a caller walk a list of inputs (random contacts, search prefixes).
 */
export async function measure(
  n: number,
  run: (i: number) => unknown,
  options: { warmup?: number; budgetMs?: number } = {},
): Promise<Timing> {
  const warmup = options.warmup ?? Math.min(20, n);
  for (let i = 0; i < warmup; i += 1) await run(i % n);
  const samples: number[] = [];
  const deadline = options.budgetMs === undefined ? Infinity : performance.now() + options.budgetMs;
  for (let i = 0; i < n; i += 1) {
    const start = performance.now();
    await run(i);
    samples.push(performance.now() - start);
    // A slow question (the JSON baseline at a large size) stops after its time budget, keeping ≥ 3 runs.
    if (samples.length >= 3 && performance.now() > deadline) break;
  }
  return summarise(samples);
}

/** Synchronous variant of `measure`: no await between runs (for sub-microsecond floors). */
export function measureSync(n: number, run: (i: number) => unknown, warmup = Math.min(20, n)): Timing {
  for (let i = 0; i < warmup; i += 1) run(i % n);
  const samples: number[] = new Array<number>(n);
  for (let i = 0; i < n; i += 1) {
    const start = performance.now();
    run(i);
    samples[i] = performance.now() - start;
  }
  return summarise(samples);
}

/** A duration for humans: µs below 1 ms, ms below 1 s, else s. */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return '–';
  if (ms < 1) return `${(ms * 1000).toFixed(ms < 0.01 ? 1 : 0)} µs`;
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${ms.toFixed(ms < 100 ? 1 : 0)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return '–';
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(bytes < 10 * 1024 ** 2 ? 1 : 0)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
}

/** "×12", "×0.8": how many times a is of b. */
export function formatRatio(a: number | null | undefined, b: number | null | undefined): string {
  if (a == null || b == null || !(b > 0) || Number.isNaN(a)) return '–';
  const r = a / b;
  return `×${r >= 100 ? r.toFixed(0) : r >= 10 ? r.toFixed(1) : r.toFixed(2)}`;
}

/** Deterministic pseudo-random integers (mulberry32), so every run asks about the same contacts. */
export function seededInts(seed: number, count: number, max: number): number[] {
  let a = seed >>> 0;
  const out: number[] = [];
  for (let i = 0; i < count; i += 1) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out.push(1 + (((t ^ (t >>> 14)) >>> 0) % max));
  }
  return out;
}
