import { create } from 'zustand';
import type { AppError } from '../../../shared/errors';
import type { AppStatus, Language, PortfolioOverview } from '../../../shared/ipc';
import { api, onEvent } from '../api/client';
import { changeLanguage } from '../i18n';

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
  | { page: 'outbox' }
  | { page: 'accessSettings' }
  | { page: 'mailSettings' }
  | { page: 'dataProtection' }
  | { page: 'auditLog' }
  | { page: 'backups' };

export type Page = Route['page'];

interface AppState {
  status: AppStatus | null;
  language: Language;
  route: Route;
  overview: PortfolioOverview | null;
  error: AppError | null;
  /** Applies the stored language and reads the app status; called once at start. */
  init(language: Language): Promise<void>;
  setLanguage(language: Language): Promise<void>;
  navigate(route: Route): void;
  chooseFirstStart(mode: 'demo' | 'empty'): Promise<void>;
  loadOverview(): Promise<void>;
}

export const useAppStore = create<AppState>((set, get) => ({
  status: null,
  language: 'de',
  route: { page: 'overview' },
  overview: null,
  error: null,

  async init(language) {
    set({ language });
    const status = await api.app.status();
    if (status.ok) set({ status: status.value });
    else set({ error: status.error });
    // Figures shown everywhere (overview, seats) follow every committed change, wherever it came from.
    const refresh = () => void get().loadOverview();
    onEvent('portfolio.changed', refresh);
    onEvent('settings.changed', refresh);
  },

  async setLanguage(language) {
    const result = await api.preferences.update({ language });
    if (!result.ok) return set({ error: result.error });
    await changeLanguage(language);
    set({ language });
  },

  navigate(route) {
    set({ route });
  },

  async chooseFirstStart(mode) {
    const result = await api.app.chooseFirstStart(mode);
    if (!result.ok) return set({ error: result.error });
    set({ status: result.value, route: { page: 'overview' } });
    await get().loadOverview();
  },

  async loadOverview() {
    const result = await api.portfolio.overview();
    if (result.ok) set({ overview: result.value });
    else set({ error: result.error });
  },
}));
