import type { AccessSettings } from '../../../../shared/domain';
import { MAX_SEAT_QUOTA, MAX_WINDOW_DAYS, MIN_WINDOW_DAYS } from '../../../../shared/ipc';

/** What the form holds: the text as typed, so that "2.5" or "abc" can be shown and explained. */
export interface SettingsDraft {
  preEnabled: boolean;
  preDays: string;
  postEnabled: boolean;
  postDays: string;
  quota: string;
}

export interface DraftErrors {
  preDays?: 'daysInvalid';
  postDays?: 'daysInvalid';
  quota?: 'invalid';
}

const WHOLE_NUMBER = /^\d+$/;

export function toDraft(settings: AccessSettings): SettingsDraft {
  return {
    preEnabled: settings.preContract.enabled,
    preDays: String(settings.preContract.days),
    postEnabled: settings.postContract.enabled,
    postDays: String(settings.postContract.days),
    quota: settings.seatQuota === null ? '' : String(settings.seatQuota),
  };
}

function parseDays(text: string): number | null {
  const trimmed = text.trim();
  if (!WHOLE_NUMBER.test(trimmed)) return null;
  const days = Number(trimmed);
  return days >= MIN_WINDOW_DAYS && days <= MAX_WINDOW_DAYS ? days : null;
}

function parseQuota(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!WHOLE_NUMBER.test(trimmed)) return undefined;
  const quota = Number(trimmed);
  return quota <= MAX_SEAT_QUOTA ? quota : undefined;
}

/**
 * Turns the draft into settings, or says which fields are wrong. A switched-off window keeps the
 * days last saved when its field holds something invalid (the field is disabled then).
 */
export function fromDraft(
  draft: SettingsDraft,
  saved: AccessSettings,
): { settings: AccessSettings; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const preDays = parseDays(draft.preDays);
  const postDays = parseDays(draft.postDays);
  const quota = parseQuota(draft.quota);
  if (preDays === null && draft.preEnabled) errors.preDays = 'daysInvalid';
  if (postDays === null && draft.postEnabled) errors.postDays = 'daysInvalid';
  if (quota === undefined) errors.quota = 'invalid';
  return {
    settings: {
      preContract: { enabled: draft.preEnabled, days: preDays ?? saved.preContract.days },
      postContract: { enabled: draft.postEnabled, days: postDays ?? saved.postContract.days },
      seatQuota: quota ?? saved.seatQuota,
    },
    errors,
  };
}

/** Saving gives access back to ended contracts when the post-contract window opens or grows. */
export function extendsPostContractAccess(
  saved: AccessSettings,
  next: AccessSettings,
): 'on' | 'longer' | null {
  if (!next.postContract.enabled) return null;
  if (!saved.postContract.enabled) return 'on';
  return next.postContract.days > saved.postContract.days ? 'longer' : null;
}
