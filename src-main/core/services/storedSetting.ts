import type { z } from 'zod';
import type { CoreContext, Emits } from '../context';
import { settingsRepository, type SettingsRepository } from '../db/settingsRepository';

/** One value of the settings table read through its schema; `fallback` when unset or unparsable. */
export function readStoredSetting<T>(
  settings: SettingsRepository,
  key: string,
  schema: z.ZodType<T>,
  fallback: T,
): T {
  const parsed = schema.safeParse(settings.get(key));
  return parsed.success ? parsed.data : fallback;
}

/**
 * One value of the settings table. Read through its schema: nothing stored yet, or a stored value
 * that no longer parses (a hand-edited file), gives `fallback`. Saved in one change with its audit
 * row: entity "settings", the key as its id, before → after.
 */
export function storedSetting<T>(ctx: CoreContext, key: string, schema: z.ZodType<T>, fallback: T) {
  const settings = settingsRepository(ctx.db);
  return {
    get(): T {
      return readStoredSetting(settings, key, schema, fallback);
    },
    /** Stores `next`; the audit row records `after` (by default `next` itself). */
    async save(
      action: string,
      before: unknown,
      next: T,
      { emits, after = next }: { emits: Emits; after?: unknown },
    ): Promise<void> {
      await ctx.change(
        async (audit) => {
          settings.set(key, next);
          audit({ action, entity: 'settings', entityId: key, before, after });
        },
        { emits },
      );
    },
  };
}
