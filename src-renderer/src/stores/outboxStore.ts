import { create } from 'zustand';
import type { AppError, Result } from '../../../shared/errors';
import type { OutboxItem, OutboxMessage, OutboxState } from '../../../shared/ipc';
import { api } from '../api/client';
import { pageCount, pageRows } from './paging';

export const OUTBOX_PAGE_SIZE = 25;

interface OutboxStoreState {
  /** The current page of messages; null until loaded. */
  items: OutboxItem[] | null;
  /** Messages matching the filter, over all pages. */
  total: number;
  /** null = every state. */
  filter: OutboxState | null;
  /** 1-based. */
  page: number;
  loading: boolean;
  error: AppError | null;
  load(): Promise<void>;
  setFilter(filter: OutboxState | null): Promise<void>;
  setPage(page: number): Promise<void>;
  /** One message with its bodies, for the detail drawer. */
  getMessage(id: number): Promise<Result<OutboxMessage>>;
  /** Sends queued and failed mail now, then reloads the page. */
  sendNow(): Promise<Result<{ sent: number; failed: number }>>;
}

let latestRequest = 0;

export const useOutboxStore = create<OutboxStoreState>((set, get) => ({
  items: null,
  total: 0,
  filter: null,
  page: 1,
  loading: false,
  error: null,

  async load() {
    const { filter, page } = get();
    const request = ++latestRequest;
    set({ loading: true });
    const result = await api.outbox.list({ state: filter, ...pageRows(page, OUTBOX_PAGE_SIZE) });
    if (request !== latestRequest) return; // a newer filter or page is on its way
    if (!result.ok) return set({ loading: false, error: result.error });
    const lastPage = pageCount(result.value.total, OUTBOX_PAGE_SIZE);
    if (page > lastPage) {
      // The page emptied (e.g. after sending with the "queued" filter): show the last one instead.
      set({ page: lastPage });
      return get().load();
    }
    set({ items: result.value.items, total: result.value.total, loading: false, error: null });
  },

  async setFilter(filter) {
    set({ filter, page: 1 });
    await get().load();
  },

  async setPage(page) {
    set({ page });
    await get().load();
  },

  getMessage: (id) => api.outbox.get({ id }),

  async sendNow() {
    const result = await api.outbox.send();
    await get().load();
    return result;
  },
}));
