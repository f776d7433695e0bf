import { create } from 'zustand';
import type { AppError, Result } from '../../../shared/errors';
import type {
  AnonymiseResult,
  DataProtectionSettings,
  DeletionCandidate,
  DeletionCandidatePage,
} from '../../../shared/ipc';
import { api } from '../api/client';
import { pageCount, pageRows } from './paging';

export const CANDIDATE_PAGE_SIZE = 25;

interface DataProtectionState {
  settings: DataProtectionSettings | null;
  /** The current page of deletion candidates; null until loaded. */
  candidates: DeletionCandidatePage | null;
  /** 1-based. */
  page: number;
  loading: boolean;
  error: AppError | null;
  /** Selected candidates by id with their names (for the confirmation), kept across pages. */
  selected: Record<number, string>;
  load(): Promise<void>;
  setPage(page: number): Promise<void>;
  saveSettings(settings: DataProtectionSettings): Promise<Result<DataProtectionSettings>>;
  select(candidates: readonly DeletionCandidate[], selected: boolean): void;
  clearSelection(): void;
  /** Anonymises the selection, then reloads the list; the selection is cleared either way. */
  anonymiseSelected(): Promise<Result<AnonymiseResult>>;
}

let latestRequest = 0;

export const useDataProtectionStore = create<DataProtectionState>((set, get) => ({
  settings: null,
  candidates: null,
  page: 1,
  loading: false,
  error: null,
  selected: {},

  async load() {
    const { page } = get();
    const request = ++latestRequest;
    set({ loading: true });
    const [settings, candidates] = await Promise.all([
      api.dataProtection.getSettings(),
      api.dataProtection.candidates(pageRows(page, CANDIDATE_PAGE_SIZE)),
    ]);
    if (request !== latestRequest) return; // a newer page is on its way
    if (!settings.ok) return set({ loading: false, error: settings.error });
    if (!candidates.ok) return set({ loading: false, error: candidates.error });
    const lastPage = pageCount(candidates.value.total, CANDIDATE_PAGE_SIZE);
    if (page > lastPage) {
      // The page emptied (after anonymising its candidates): show the last one instead.
      set({ page: lastPage });
      return get().load();
    }
    set({ settings: settings.value, candidates: candidates.value, loading: false, error: null });
  },

  async setPage(page) {
    set({ page });
    await get().load();
  },

  async saveSettings(settings) {
    const result = await api.dataProtection.updateSettings(settings);
    // Another retention period lists other candidates: a selection made under the old one is void.
    if (result.ok) set({ selected: {} });
    await get().load();
    return result;
  },

  select(candidates, selected) {
    const next = { ...get().selected };
    for (const candidate of candidates) {
      if (selected) next[candidate.id] = candidate.displayName;
      else delete next[candidate.id];
    }
    set({ selected: next });
  },

  clearSelection() {
    set({ selected: {} });
  },

  async anonymiseSelected() {
    const contactIds = Object.keys(get().selected).map(Number);
    const result = await api.dataProtection.anonymise({ contactIds });
    set({ selected: {} });
    await get().load();
    return result;
  },
}));
