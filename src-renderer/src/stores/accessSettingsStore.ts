import { create } from 'zustand';
import type { AccessSettings, SettingsImpact } from '../../../shared/domain';
import type { AppError, Result } from '../../../shared/errors';
import { api } from '../api/client';

interface AccessSettingsState {
  saved: AccessSettings | null;
  loadError: AppError | null;
  load(): Promise<void>;
  /** What saving `next` would change today (contacts regaining access, seats). */
  preview(next: AccessSettings): Promise<Result<SettingsImpact>>;
  save(next: AccessSettings): Promise<Result<AccessSettings>>;
}

export const useAccessSettingsStore = create<AccessSettingsState>((set) => ({
  saved: null,
  loadError: null,

  async load() {
    const result = await api.settings.getAccess();
    if (result.ok) set({ saved: result.value, loadError: null });
    else set({ loadError: result.error });
  },

  preview: (next) => api.settings.previewAccessImpact(next),

  async save(next) {
    const result = await api.settings.updateAccess(next);
    if (result.ok) set({ saved: result.value });
    return result;
  },
}));
