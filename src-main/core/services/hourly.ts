const HOUR_MS = 60 * 60 * 1000;

/**
 * A schedule of the core's own work (automatic backups, the automatic rules): `task` now and then
 * every hour (the app may run for days); the timer never keeps the process alive. A failure is
 * logged as `what` — unless the schedule was stopped meanwhile (the store closed under a running
 * task: nothing to say). Returns the function that stops it (before the store is closed).
 */
export function startHourly(what: string, task: () => Promise<unknown>): () => void {
  let stopped = false;
  const check = () => {
    task().catch((error: unknown) => {
      if (!stopped) console.error(`core: ${what} failed`, error);
    });
  };
  check();
  const timer = setInterval(check, HOUR_MS);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
