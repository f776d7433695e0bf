import { create } from 'zustand';
import type { AppError, Result } from '../../../shared/errors';
import type { SharePreview, ShareResult, ShareTarget } from '../../../shared/ipc';
import { api } from '../api/client';

interface ShareState {
  /** What the chosen target reaches, as the core resolves it. */
  preview: SharePreview | null;
  previewError: AppError | null;
  /** Which target `preview`/`previewError` answer (the dialog's key for it); null before the first. */
  previewKey: string | null;
  /**
   * The skipped contacts of a role share resolved as an individual share, for when they are added
   * ("Diesen N Kontakten zusätzlich einzeln freigeben"): their notifications by post.
   */
  extraPreview: SharePreview | null;
  extraKey: string | null;
  /** Bumped on every request; answers for an older target are dropped. */
  generation: number;
  extraGeneration: number;
  requestPreview(contentId: number, target: ShareTarget | null, key: string): Promise<void>;
  requestExtra(contentId: number, contactIds: number[], key: string): Promise<void>;
  /** A role preview on its own, for SmartPost's "Kontakte aus Rolle übernehmen". */
  rolePreview(contentId: number, target: ShareTarget): Promise<Result<SharePreview>>;
  share(contentId: number, target: ShareTarget, alsoIndividually: number[]): Promise<Result<ShareResult>>;
  reset(): void;
}

export const useShareStore = create<ShareState>((set, get) => ({
  preview: null,
  previewError: null,
  previewKey: null,
  extraPreview: null,
  extraKey: null,
  generation: 0,
  extraGeneration: 0,

  async requestPreview(contentId, target, key) {
    const generation = get().generation + 1;
    set({ generation });
    if (target === null) return set({ preview: null, previewError: null, previewKey: key });
    const result = await api.sharing.preview({ contentId, target });
    if (get().generation !== generation) return; // the target changed meanwhile
    if (result.ok) set({ preview: result.value, previewError: null, previewKey: key });
    else set({ preview: null, previewError: result.error, previewKey: key });
  },

  async requestExtra(contentId, contactIds, key) {
    const extraGeneration = get().extraGeneration + 1;
    set({ extraGeneration });
    if (contactIds.length === 0) return set({ extraPreview: null, extraKey: key });
    const result = await api.sharing.preview({ contentId, target: { mode: 'individual', contactIds } });
    if (get().extraGeneration !== extraGeneration) return;
    set({ extraPreview: result.ok ? result.value : null, extraKey: key });
  },

  rolePreview: (contentId, target) => api.sharing.preview({ contentId, target }),

  share: (contentId, target, alsoIndividually) => api.sharing.share({ contentId, target, alsoIndividually }),

  reset() {
    set({
      generation: get().generation + 1,
      extraGeneration: get().extraGeneration + 1,
      preview: null,
      previewError: null,
      previewKey: null,
      extraPreview: null,
      extraKey: null,
    });
  },
}));
