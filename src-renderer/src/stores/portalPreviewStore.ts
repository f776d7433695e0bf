import { create } from 'zustand';
import type { AppError } from '../../../shared/errors';
import type { PortalPreview } from '../../../shared/ipc';
import { api } from '../api/client';

interface PortalPreviewState {
  /** The preview page: one contact on one day. */
  preview: PortalPreview | null;
  error: AppError | null;
  loading: boolean;
  generation: number;
  /** The contact page's card "Sichtbare Inhalte heute". */
  today: PortalPreview | null;
  todayError: AppError | null;
  load(contactId: number, day: string): Promise<void>;
  loadToday(contactId: number): Promise<void>;
}

export const usePortalPreviewStore = create<PortalPreviewState>((set, get) => ({
  preview: null,
  error: null,
  loading: false,
  generation: 0,
  today: null,
  todayError: null,

  async load(contactId, day) {
    const generation = get().generation + 1;
    set({ generation, loading: true });
    const result = await api.portal.preview({ contactId, day });
    if (get().generation !== generation) return; // another day was chosen meanwhile
    if (result.ok) set({ preview: result.value, error: null, loading: false });
    else set({ preview: null, error: result.error, loading: false });
  },

  async loadToday(contactId) {
    const result = await api.portal.preview({ contactId, day: null });
    if (result.ok) set({ today: result.value, todayError: null });
    else set({ today: null, todayError: result.error });
  },
}));
