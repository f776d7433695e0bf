import type { contentChannels } from '../../../shared/contract/content';
import type { Services } from '../services';
import type { HandlersOf } from './types';

export function contentHandlers({ content, sharing, portal }: Services): HandlersOf<typeof contentChannels> {
  return {
    'content.list': (query) => content.list(query),
    'content.get': ({ id }) => content.detail(id),
    'content.create': (input) => content.create(input),
    'content.update': ({ id, input }) => content.update(id, input),
    'content.delete': ({ id }) => content.delete(id),
    'content.documentFile': ({ id }) => content.documentFile(id),
    'sharing.preview': ({ contentId, target }) => sharing.preview(contentId, target),
    'sharing.recipients': ({ contentId, target, offset, limit }) =>
      sharing.recipientPage(contentId, target, { offset, limit }),
    'sharing.share': ({ contentId, target, alsoIndividually }) =>
      sharing.share(contentId, target, alsoIndividually),
    'sharing.revoke': async ({ shareId }) => content.detail(await sharing.revoke(shareId)),
    'sharing.letterPreview': ({ contentId, contactId }) => sharing.letterPreview(contentId, contactId),
    'portal.preview': ({ contactId, day }) => portal.preview(contactId, day),
  };
}
