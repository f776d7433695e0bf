import type { invitationChannels } from '../../../shared/contract/invitations';
import type { Services } from '../services';
import type { HandlersOf } from './types';

export function invitationHandlers({ invitations }: Services): HandlersOf<typeof invitationChannels> {
  return {
    'invitations.waiting': () => invitations.waiting(),
    'invitations.create': ({ contactId, channel }) => invitations.create(contactId, channel),
    'invitations.reactivate': ({ id }) => invitations.reactivate(id),
    'invitations.revoke': ({ id }) => invitations.revoke(id),
    'invitations.redeem': ({ code }) => invitations.redeem(code),
    'invitations.previewProperty': ({ propertyId }) => invitations.previewProperty(propertyId),
    'invitations.inviteProperty': ({ propertyId, contactIds }) =>
      invitations.inviteProperty(propertyId, contactIds),
  };
}
