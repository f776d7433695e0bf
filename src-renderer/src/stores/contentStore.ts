import { create } from 'zustand';
import type { AppError, Result } from '../../../shared/errors';
import type { ContentDetail, ContentInput, ContentKind, ContentSummary } from '../../../shared/ipc';
import { api } from '../api/client';

export const CONTENT_PAGE_SIZE = 50;

interface ContentState {
  /** The list's kind filter; null = every kind. */
  kind: ContentKind | null;
  /** Zero-based page of the list. */
  page: number;
  total: number | null;
  items: ContentSummary[] | null;
  listError: AppError | null;
  /** Bumped on every list request; answers for an older one are dropped. */
  generation: number;
  /** The content the detail page shows; null until loaded. */
  detail: ContentDetail | null;
  detailId: number | null;
  detailError: AppError | null;
  setKind(kind: ContentKind | null): void;
  setPage(page: number): void;
  loadList(): Promise<void>;
  loadDetail(id: number): Promise<void>;
  create(input: ContentInput): Promise<Result<ContentDetail>>;
  update(id: number, input: ContentInput): Promise<Result<ContentDetail>>;
  /** "Freigabe entfernen". */
  revoke(shareId: number): Promise<Result<ContentDetail>>;
}

export const useContentStore = create<ContentState>((set, get) => ({
  kind: null,
  page: 0,
  total: null,
  items: null,
  listError: null,
  generation: 0,
  detail: null,
  detailId: null,
  detailError: null,

  setKind(kind) {
    set({ kind, page: 0, items: null, total: null });
    void get().loadList();
  },

  setPage(page) {
    set({ page });
    void get().loadList();
  },

  async loadList() {
    const generation = get().generation + 1;
    const { kind, page } = get();
    set({ generation });
    const result = await api.content.list({
      kind,
      offset: page * CONTENT_PAGE_SIZE,
      limit: CONTENT_PAGE_SIZE,
    });
    if (get().generation !== generation) return; // the filter changed meanwhile
    if (result.ok) set({ items: result.value.items, total: result.value.total, listError: null });
    else set({ listError: result.error });
  },

  async loadDetail(id) {
    set({ detailId: id, detailError: null });
    const result = await api.content.get({ id });
    if (get().detailId !== id) return; // another content was opened meanwhile
    if (result.ok) set({ detail: result.value, detailError: null });
    else set({ detailError: result.error });
  },

  async create(input) {
    const result = await api.content.create(input);
    if (result.ok) set({ detail: result.value, detailId: result.value.id, detailError: null });
    return result;
  },

  async update(id, input) {
    const result = await api.content.update({ id, input });
    if (result.ok && get().detailId === id) set({ detail: result.value, detailError: null });
    return result;
  },

  async revoke(shareId) {
    const result = await api.sharing.revoke({ shareId });
    if (result.ok && get().detailId === result.value.id) set({ detail: result.value });
    return result;
  },
}));
