import { create } from 'zustand';
import type { AppError, Result } from '../../../shared/errors';
import type {
  PropertyDetail,
  PropertyInput,
  PropertyInvitePreview,
  PropertyInviteResult,
  PropertySummary,
  UnitInput,
  UnitView,
} from '../../../shared/ipc';
import { api } from '../api/client';

interface PropertiesState {
  /** Liegenschaften for the list page; null until loaded. */
  list: PropertySummary[] | null;
  listError: AppError | null;
  /** The property the detail page shows; null until loaded. */
  detail: PropertyDetail | null;
  /** The id the last detail request was for, so that a page never shows another property's error. */
  detailId: number | null;
  detailError: AppError | null;
  loadList(): Promise<void>;
  loadDetail(id: number): Promise<void>;
  createProperty(input: PropertyInput): Promise<Result<PropertyDetail>>;
  updateProperty(id: number, input: PropertyInput): Promise<Result<PropertyDetail>>;
  createUnit(input: UnitInput): Promise<Result<UnitView>>;
  updateUnit(id: number, input: UnitInput): Promise<Result<UnitView>>;
  /** Who of a property can be invited today, and why the others cannot. */
  previewInvitations(propertyId: number): Promise<Result<PropertyInvitePreview>>;
  /** Invites the chosen contacts: e-mails go to the outbox, letters come back as one PDF. */
  inviteContacts(propertyId: number, contactIds: number[]): Promise<Result<PropertyInviteResult>>;
}

export const usePropertiesStore = create<PropertiesState>((set, get) => ({
  list: null,
  listError: null,
  detail: null,
  detailId: null,
  detailError: null,

  async loadList() {
    const result = await api.properties.list();
    if (result.ok) set({ list: result.value, listError: null });
    else set({ listError: result.error });
  },

  async loadDetail(id) {
    set({ detailId: id, detailError: null });
    const result = await api.properties.get({ id });
    if (get().detailId !== id) return; // another property was opened meanwhile
    if (result.ok) set({ detail: result.value, detailError: null });
    else set({ detailError: result.error });
  },

  async createProperty(input) {
    const result = await api.properties.create(input);
    if (result.ok) {
      set({ detail: result.value, detailId: result.value.id, detailError: null });
      void get().loadList();
    }
    return result;
  },

  async updateProperty(id, input) {
    const result = await api.properties.update({ ...input, id });
    if (result.ok) {
      if (get().detailId === id) set({ detail: result.value, detailError: null });
      void get().loadList();
    }
    return result;
  },

  async createUnit(input) {
    const result = await api.units.create(input);
    if (result.ok) await get().loadDetail(input.propertyId);
    return result;
  },

  async updateUnit(id, input) {
    const result = await api.units.update({ ...input, id });
    if (result.ok) await get().loadDetail(input.propertyId);
    return result;
  },

  previewInvitations: (propertyId) => api.invitations.previewProperty({ propertyId }),

  inviteContacts: (propertyId, contactIds) => api.invitations.inviteProperty({ propertyId, contactIds }),
}));
