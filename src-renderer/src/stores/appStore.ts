import { create } from 'zustand';
import type { Language, OutboxState } from '../../../shared/ipc';

/** Where the user is. Detail pages carry the id of what they show. */
export type Route =
  | { page: 'overview' }
  | { page: 'contacts' }
  | { page: 'contact'; id: number }
  | { page: 'properties' }
  | { page: 'property'; id: number }
  | { page: 'contents' }
  | { page: 'content'; id: number }
  | { page: 'portalPreview'; contactId: number }
  | { page: 'outbox'; state?: OutboxState }
  | { page: 'accessSettings' }
  | { page: 'mailSettings' }
  | { page: 'dataProtection' }
  | { page: 'auditLog' }
  | { page: 'backups' }
  | { page: 'dataImport' }
  | { page: 'teamDatabase' };

export type Page = Route['page'];

/**
 * UI state only: the page shown and the language it is shown in. Server data lives in api/queries.
 * A page with unsaved changes says so (`unsaved`); leaving it then waits in `pendingRoute` until the
 * user discards the changes (`leave`) or stays (`stay`).
 */
interface AppState {
  language: Language;
  route: Route;
  unsaved: boolean;
  pendingRoute: Route | null;
  setLanguage(language: Language): void;
  navigate(route: Route): void;
  setUnsaved(unsaved: boolean): void;
  leave(): void;
  stay(): void;
}

export const useAppStore = create<AppState>((set) => ({
  language: 'de',
  route: { page: 'overview' },
  unsaved: false,
  pendingRoute: null,
  setLanguage: (language) => set({ language }),
  navigate: (route) => set((state) => (state.unsaved ? { pendingRoute: route } : { route })),
  setUnsaved: (unsaved) => set({ unsaved }),
  leave: () =>
    set((state) =>
      state.pendingRoute ? { route: state.pendingRoute, pendingRoute: null, unsaved: false } : {},
    ),
  stay: () => set({ pendingRoute: null }),
}));
