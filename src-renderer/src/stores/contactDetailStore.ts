import { create } from 'zustand';
import type { AppError, Result } from '../../../shared/errors';
import type {
  ContactDetail,
  ContactInput,
  ContractInput,
  CreatedInvitation,
  InvitationChannel,
} from '../../../shared/ipc';
import { api } from '../api/client';

interface ContactDetailState {
  detail: ContactDetail | null;
  loadError: AppError | null;
  load(id: number): Promise<void>;
  update(id: number, input: ContactInput): Promise<Result<ContactDetail>>;
  setArchived(id: number, archived: boolean): Promise<Result<ContactDetail>>;
  createContract(input: ContractInput): Promise<Result<ContactDetail>>;
  updateContract(id: number, input: ContractInput): Promise<Result<ContactDetail>>;
  endContract(id: number, end: string): Promise<Result<ContactDetail>>;
  invite(contactId: number, channel: InvitationChannel): Promise<Result<CreatedInvitation>>;
  reactivate(invitationId: number): Promise<Result<ContactDetail>>;
  revoke(invitationId: number): Promise<Result<ContactDetail>>;
  /** The portal's registration, simulated in the app. */
  redeem(code: string): Promise<Result<{ contactId: number }>>;
}

export const useContactDetailStore = create<ContactDetailState>((set, get) => {
  /** Every mutation answers with the contact as it is now; show that. */
  async function applying<T extends ContactDetail>(call: Promise<Result<T>>): Promise<Result<T>> {
    const result = await call;
    if (result.ok) set({ detail: result.value });
    return result;
  }

  return {
    detail: null,
    loadError: null,

    async load(id) {
      const result = await api.contacts.get({ id });
      set(result.ok ? { detail: result.value, loadError: null } : { detail: null, loadError: result.error });
    },

    update: (id, input) => applying(api.contacts.update({ ...input, id })),
    setArchived: (id, archived) => applying(api.contacts.setArchived({ id, archived })),
    createContract: (input) => applying(api.contracts.create(input)),
    updateContract: (id, input) => applying(api.contracts.update({ ...input, id })),
    endContract: (id, end) => applying(api.contracts.end({ id, end })),

    async invite(contactId, channel) {
      const result = await api.invitations.create({ contactId, channel });
      if (result.ok) set({ detail: result.value.contact });
      return result;
    },

    reactivate: (id) => applying(api.invitations.reactivate({ id })),
    revoke: (id) => applying(api.invitations.revoke({ id })),

    async redeem(code) {
      const result = await api.invitations.redeem({ code });
      const current = get().detail;
      if (result.ok && current) await get().load(current.contact.id);
      return result;
    },
  };
});
