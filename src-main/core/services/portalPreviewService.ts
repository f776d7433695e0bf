/**
 * Portal-Vorschau: exactly what a contact would see in the customer portal on a day (default
 * today) and whether they could log in — computed by the same policy as everything else: access by
 * `contactAccess`, visibility by policy/shareVisibility.ts (individual shares while access ≠ none,
 * role shares through an active contract in scope; revoked shares and archived contacts never).
 */
import type { IsoDate } from '../../../shared/domain';
import { DomainError } from '../../../shared/errors';
import type { PortalPreview } from '../../../shared/ipc';
import type { CoreContext } from '../context';
import { shareFacts, shareRepository } from '../db/shareRepository';
import type { ContentService } from './contentService';
import { recipientLoader } from './shareRecipients';
import { visibleContents } from '../policy/shareVisibility';
import type { SettingsService } from './settingsService';

export function portalPreviewService(ctx: CoreContext, settings: SettingsService, contents: ContentService) {
  const shares = shareRepository(ctx.db);
  const loadRecipients = recipientLoader(ctx);

  return {
    async preview(contactId: number, day: IsoDate | null): Promise<PortalPreview> {
      const on = day ?? ctx.clock.today();
      const current = settings.getAccess();
      const info = (await loadRecipients([contactId], current, on)).get(contactId);
      if (info === undefined) throw new DomainError('NOT_FOUND', { entity: 'contact', id: contactId });
      const propertyIds = [...new Set(info.contracts.map((c) => c.propertyId))];
      const candidates = shares.liveForContact(contactId, propertyIds).map(shareFacts);
      const visible = visibleContents(candidates, info.facts, info.contracts, current, on);
      const items = (await contents.summaries([...visible.keys()])).map((summary) => ({
        ...summary,
        via: visible.get(summary.id) ?? 'role',
      }));
      return {
        contactId,
        displayName: info.displayName,
        day: on,
        access: info.access,
        canLogIn: info.facts.registered && info.access.grant !== 'none',
        registered: info.facts.registered,
        items,
      };
    },
  };
}
export type PortalPreviewService = ReturnType<typeof portalPreviewService>;
