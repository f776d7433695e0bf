import type { AccessSettings, SettingsImpact } from '../../../shared/domain';
import { accessSettingsSchema } from '../../../shared/ipc';
import { settingsRepository } from '../db/settingsRepository';
import type { CoreContext } from '../context';
import { accessRepository } from '../db/accessRepository';
import { storedSetting } from './storedSetting';

const ACCESS_KEY = 'access';

/** Both windows off by default (the portal then only serves active contracts). */
export const defaultAccessSettings: AccessSettings = {
  preContract: { enabled: false, days: 30 },
  postContract: { enabled: false, days: 30 },
  seatQuota: null,
};

function sameSettings(a: AccessSettings, b: AccessSettings): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Administration › Kundenportal › Rollen & Zugriffsrechte. */
export function settingsService(ctx: CoreContext) {
  const stored = storedSetting(ctx, ACCESS_KEY, accessSettingsSchema, defaultAccessSettings);
  const access = accessRepository(ctx.db);
  const getAccess = stored.get;

  return {
    getAccess,

    /** Whether Rollen & Zugriffsrechte were ever saved (the first-start checklist). */
    accessSaved: (): boolean => settingsRepository(ctx.db).get(ACCESS_KEY) !== undefined,

    /** Takes effect immediately: every later question about access uses the new settings. */
    updateAccess(next: AccessSettings): AccessSettings {
      const before = getAccess();
      if (sameSettings(before, next)) return before;
      stored.save('settings.updateAccess', before, next, { emits: { 'settings.changed': next } });
      return next;
    },

    /** What saving `next` would change today: contacts regaining or losing access, seats. */
    previewAccessImpact(next: AccessSettings): SettingsImpact {
      return access.settingsImpact(getAccess(), next, ctx.clock.today());
    },
  };
}
export type SettingsService = ReturnType<typeof settingsService>;
