import { create } from 'zustand';
import type { AppError, Result } from '../../../../shared/errors';
import type { BackupInfo, BackupOverview, RestoredBackup } from '../../../../shared/ipc';
import { api } from '../../api/client';

interface BackupsState {
  /** The backups folder and its backups, newest first; null until loaded. */
  overview: BackupOverview | null;
  loadError: AppError | null;
  load(): Promise<void>;
  /** "Sicherung erstellen", then the list again. */
  create(): Promise<Result<BackupInfo>>;
  /** Restores `name` (the core saves the current state first), then the list again. */
  restore(name: string): Promise<Result<RestoredBackup>>;
  /** Deletes `name` for good, then the list again. */
  remove(name: string): Promise<Result<BackupInfo>>;
}

export const useBackupsStore = create<BackupsState>((set, get) => ({
  overview: null,
  loadError: null,

  async load() {
    const result = await api.backups.list();
    if (result.ok) set({ overview: result.value, loadError: null });
    else set({ loadError: result.error });
  },

  async create() {
    const result = await api.backups.create();
    await get().load();
    return result;
  },

  async restore(name) {
    const result = await api.backups.restore({ name });
    await get().load();
    return result;
  },

  async remove(name) {
    const result = await api.backups.delete({ name });
    await get().load();
    return result;
  },
}));
