/**
 * The handlers of the channels `content.*`, `sharing.*` and `portal.preview`
 * (shared/contract/content.ts). Thin: validation happened in `core.invoke`; the use cases are in
 * contentService, sharingService and portalPreviewService. Share notifications go through the
 * outbox given here (one per data store), so their delivery after the commit shares the queue of
 * every other mail.
 */
import type { ContentChannelName } from '../../../shared/ipc';
import type { CoreContext } from '../context';
import type { Handlers } from '../core';
import { contentService } from './contentService';
import type { OrganisationService } from './organisationService';
import type { OutboxService } from './outboxService';
import { portalPreviewService } from './portalPreviewService';
import type { SettingsService } from './settingsService';
import { sharingService } from './sharingService';

export function createContentHandlers(
  ctx: CoreContext,
  settings: SettingsService,
  deps: { outbox: OutboxService; organisation: OrganisationService },
): Pick<Handlers, ContentChannelName> {
  const sharing = sharingService(ctx, settings, deps);
  const contents = contentService(ctx, settings, (contentId) => sharing.shareViews(contentId));
  const portal = portalPreviewService(ctx, settings, contents);

  return {
    'content.list': (query) => contents.list(query),
    'content.get': ({ id }) => contents.detail(id),
    'content.create': (input) => contents.create(input),
    'content.update': ({ id, input }) => contents.update(id, input),
    'content.documentFile': ({ id }) => contents.documentFile(id),
    'sharing.preview': ({ contentId, target }) => sharing.preview(contentId, target),
    'sharing.recipients': ({ contentId, target, offset, limit }) =>
      sharing.recipientPage(contentId, target, { offset, limit }),
    'sharing.share': ({ contentId, target, alsoIndividually }) =>
      sharing.share(contentId, target, alsoIndividually),
    'sharing.revoke': ({ shareId }) => contents.detail(sharing.revoke(shareId)),
    'portal.preview': ({ contactId, day }) => portal.preview(contactId, day),
  };
}
