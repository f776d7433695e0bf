import { create } from 'zustand';
import type { AppError, Result } from '../../../shared/errors';
import type { AuditLogEntry, AuditLogExport, Language } from '../../../shared/ipc';
import { api } from '../api/client';
import { pageRows } from './paging';

export const AUDIT_PAGE_SIZE = 50;

interface AuditLogState {
  /** The current page, newest first; null until loaded. */
  items: AuditLogEntry[] | null;
  total: number;
  /** The range of Berlin calendar days, both inclusive; null = open. */
  from: string | null;
  to: string | null;
  /** 1-based. */
  page: number;
  loading: boolean;
  error: AppError | null;
  load(): Promise<void>;
  setRange(from: string | null, to: string | null): Promise<void>;
  setPage(page: number): Promise<void>;
  /** The chosen range as a CSV file. */
  exportCsv(language: Language): Promise<Result<AuditLogExport>>;
}

let latestRequest = 0;

export const useAuditLogStore = create<AuditLogState>((set, get) => ({
  items: null,
  total: 0,
  from: null,
  to: null,
  page: 1,
  loading: false,
  error: null,

  async load() {
    const { from, to, page } = get();
    const request = ++latestRequest;
    set({ loading: true });
    const result = await api.auditLog.list({ from, to, ...pageRows(page, AUDIT_PAGE_SIZE) });
    if (request !== latestRequest) return; // a newer range or page is on its way
    if (!result.ok) return set({ items: [], total: 0, loading: false, error: result.error });
    set({ items: result.value.items, total: result.value.total, loading: false, error: null });
  },

  async setRange(from, to) {
    set({ from, to, page: 1 });
    await get().load();
  },

  async setPage(page) {
    set({ page });
    await get().load();
  },

  exportCsv(language) {
    const { from, to } = get();
    return api.auditLog.export({ from, to, language });
  },
}));
