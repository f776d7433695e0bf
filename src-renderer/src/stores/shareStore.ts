import { create } from 'zustand';
import type { AppError, Result } from '../../../shared/errors';
import type {
  SharePreview,
  ShareRecipientView,
  ShareResult,
  ShareTarget,
  SkippedRecipient,
} from '../../../shared/ipc';
import { api } from '../api/client';

/** Requests per page when all recipients of a role are taken over (SmartPost): the channel's maximum. */
const TAKE_PAGE = 200;

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
  /** A further page of the preview's recipients ("Empfänger anzeigen"); `key` names target and page. */
  page: { key: string; items: ShareRecipientView[] } | null;
  pageError: AppError | null;
  pageGeneration: number;
  requestPreview(contentId: number, target: ShareTarget | null, key: string): Promise<void>;
  requestExtra(contentId: number, contactIds: number[], key: string): Promise<void>;
  requestPage(
    contentId: number,
    target: ShareTarget,
    rows: { offset: number; limit: number },
    key: string,
  ): Promise<void>;
  /**
   * Every contact of a role (its recipients, page by page, and the skipped ones), for SmartPost's
   * "Kontakte aus Rolle übernehmen".
   */
  roleContacts(
    contentId: number,
    target: ShareTarget,
  ): Promise<Result<{ recipients: ShareRecipientView[]; skipped: SkippedRecipient[] }>>;
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
  page: null,
  pageError: null,
  pageGeneration: 0,

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

  async requestPage(contentId, target, rows, key) {
    const pageGeneration = get().pageGeneration + 1;
    set({ pageGeneration });
    const result = await api.sharing.recipients({ contentId, target, ...rows });
    if (get().pageGeneration !== pageGeneration) return; // another page was asked for meanwhile
    if (result.ok) set({ page: { key, items: result.value.items }, pageError: null });
    else set({ page: null, pageError: result.error });
  },

  async roleContacts(contentId, target) {
    const preview = await api.sharing.preview({ contentId, target });
    if (!preview.ok) return preview;
    const recipients = [...preview.value.recipients];
    while (recipients.length < preview.value.recipientCount) {
      const more = await api.sharing.recipients({
        contentId,
        target,
        offset: recipients.length,
        limit: TAKE_PAGE,
      });
      if (!more.ok) return more;
      if (more.value.items.length === 0) break; // fewer than counted: the portfolio changed meanwhile
      recipients.push(...more.value.items);
    }
    return { ok: true, value: { recipients, skipped: preview.value.skipped } };
  },

  share: (contentId, target, alsoIndividually) => api.sharing.share({ contentId, target, alsoIndividually }),

  reset() {
    set({
      generation: get().generation + 1,
      extraGeneration: get().extraGeneration + 1,
      pageGeneration: get().pageGeneration + 1,
      page: null,
      pageError: null,
      preview: null,
      previewError: null,
      previewKey: null,
      extraPreview: null,
      extraKey: null,
    });
  },
}));
