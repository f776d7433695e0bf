import type { Preferences } from '../../../shared/ipc';
import type { CoreContext } from '../context';
import { defaultPreferences } from '../preferences';

/** User preferences (language). They live outside the data store, so they carry no audit row. */
export function preferencesService(ctx: CoreContext) {
  function get(): Preferences {
    return { ...defaultPreferences, ...ctx.preferences.read() };
  }
  return {
    get,
    update(change: Partial<Preferences>): Preferences {
      const next = { ...get(), ...change };
      ctx.preferences.write(next);
      return next;
    },
  };
}
