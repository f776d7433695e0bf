import { isIsoDate } from '../../shared/dates';
import type { IsoDate } from '../../shared/domain';

export interface LaunchOptions {
  /** --data-dir <path>: where the data store lives (default: the user-data folder). */
  dataDir: string | null;
  /** --today YYYY-MM-DD: pin the calendar day (demos, support). */
  today: IsoDate | null;
  /** --demo: start on a fresh demo data dir. */
  demo: boolean;
}

export class LaunchArgumentError extends Error {}

/** Reads our own switches; everything else on the command line (Chromium's switches) is ignored. */
export function parseLaunchArgs(argv: readonly string[]): LaunchOptions {
  const options: LaunchOptions = { dataDir: null, today: null, demo: false };
  const valueOf = (index: number, flag: string): string => {
    const value = argv[index + 1];
    if (value === undefined || value.startsWith('--')) throw new LaunchArgumentError(`${flag} needs a value`);
    return value;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    if (flag === '--data-dir') {
      options.dataDir = inline ?? valueOf(i++, flag);
    } else if (flag === '--today') {
      const value = inline ?? valueOf(i++, flag);
      if (!isIsoDate(value))
        throw new LaunchArgumentError(`--today expects a date YYYY-MM-DD, got "${value}"`);
      options.today = value;
    } else if (flag === '--demo') {
      options.demo = true;
    }
  }
  return options;
}
