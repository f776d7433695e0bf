import { create } from 'zustand';
import type { Grant } from '../../../../shared/domain';
import type { ContactListQuery, InvitationState } from '../../../../shared/ipc';

export const CONTACTS_PAGE_SIZE = 100;

export interface ContactFilters {
  search: string;
  access: Grant | null;
  propertyId: number | null;
  contractType: 'tenant' | 'owner' | null;
  invitation: InvitationState | null;
  includeArchived: boolean;
}

/** The contact list's filters: UI state, kept while the user looks at a contact and comes back. */
export const useContactFilters = create<{
  filters: ContactFilters;
  setFilters(change: Partial<ContactFilters>): void;
}>((set) => ({
  filters: {
    search: '',
    access: null,
    propertyId: null,
    contractType: null,
    invitation: null,
    includeArchived: false,
  },
  setFilters: (change) => set((state) => ({ filters: { ...state.filters, ...change } })),
}));

/** The request for one page (0-based) of the list under `filters`. */
export function contactPageQuery(filters: ContactFilters, page: number): ContactListQuery {
  return { ...filters, offset: page * CONTACTS_PAGE_SIZE, limit: CONTACTS_PAGE_SIZE };
}

/** A search or a filter narrows the list (showing the archived too does not). */
export function isFiltered(filters: ContactFilters): boolean {
  return (
    filters.search.trim() !== '' ||
    filters.access !== null ||
    filters.propertyId !== null ||
    filters.contractType !== null ||
    filters.invitation !== null
  );
}
