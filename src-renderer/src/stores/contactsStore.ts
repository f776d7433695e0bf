import { create } from 'zustand';
import type { Grant } from '../../../shared/domain';
import type { AppError } from '../../../shared/errors';
import type { ContactListItem, ContactListQuery, InvitationState } from '../../../shared/ipc';
import { api } from '../api/client';

export const CONTACTS_PAGE_SIZE = 100;

export interface ContactFilters {
  search: string;
  access: Grant | null;
  propertyId: number | null;
  contractType: 'tenant' | 'owner' | null;
  invitation: InvitationState | null;
  includeArchived: boolean;
}

const emptyFilters: ContactFilters = {
  search: '',
  access: null,
  propertyId: null,
  contractType: null,
  invitation: null,
  includeArchived: false,
};

interface ContactsState {
  filters: ContactFilters;
  /** Bumped on every filter change; answers for an older generation are dropped. */
  generation: number;
  total: number | null;
  countsByAccess: Record<Grant, number> | null;
  /** Loaded rows by page index; the renderer never holds the whole table. */
  pages: Map<number, ContactListItem[]>;
  loading: Set<number>;
  error: AppError | null;
  setFilters(change: Partial<ContactFilters>): void;
  /** Makes sure the page holding row `index` is loaded (or loading). */
  ensureRow(index: number): void;
  reload(): void;
}

function query(filters: ContactFilters, page: number): ContactListQuery {
  return { ...filters, offset: page * CONTACTS_PAGE_SIZE, limit: CONTACTS_PAGE_SIZE };
}

export const useContactsStore = create<ContactsState>((set, get) => {
  async function loadPage(page: number) {
    const { generation, filters, loading } = get();
    if (loading.has(page) || get().pages.has(page)) return;
    set({ loading: new Set(loading).add(page) });
    const result = await api.contacts.list(query(filters, page));
    if (get().generation !== generation) return; // the filters changed meanwhile
    const stillLoading = new Set(get().loading);
    stillLoading.delete(page);
    if (!result.ok) return set({ loading: stillLoading, error: result.error });
    const pages = new Map(get().pages).set(page, result.value.items);
    set({
      pages,
      loading: stillLoading,
      total: result.value.total,
      countsByAccess: result.value.countsByAccess,
      error: null,
    });
  }

  return {
    filters: emptyFilters,
    generation: 0,
    total: null,
    countsByAccess: null,
    pages: new Map(),
    loading: new Set(),
    error: null,

    setFilters(change) {
      set({ filters: { ...get().filters, ...change } });
      get().reload();
    },

    reload() {
      set({ generation: get().generation + 1, pages: new Map(), loading: new Set() });
      void loadPage(0);
    },

    ensureRow(index) {
      void loadPage(Math.floor(index / CONTACTS_PAGE_SIZE));
    },
  };
});

export function rowAt(pages: Map<number, ContactListItem[]>, index: number): ContactListItem | undefined {
  return pages.get(Math.floor(index / CONTACTS_PAGE_SIZE))?.[index % CONTACTS_PAGE_SIZE];
}
