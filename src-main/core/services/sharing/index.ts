/**
 * Sharing (Teilen, ARCHITECTURE.md §3): the share dialog's preview (preview.ts), writing shares
 * with their notifications and revoking them (share.ts), and the "Geteilt mit" view of a content
 * (views.ts).
 *
 * - Role share (Alle Kontakte / Mieter / Eigentümer of a property or of some of its units): reaches
 *   the contacts with an ACTIVE contract of that role in that scope (accessRepository's
 *   resolveRoleShare, equal to the policy's). Contacts of the scope inside a pre/post window are
 *   `skipped`; the manager may add them with `alsoIndividually` (individual shares, which need
 *   access ≠ none today, else NO_ACCESS / ARCHIVED). One row: role, property, unit ids.
 * - Individual share: one row per contact; every contact needs access ≠ none today (the policy's
 *   individualShareAllowed), else the whole request is refused with NO_ACCESS (or ARCHIVED,
 *   UNKNOWN_CONTACT) and nothing is written. A contact who already has a live individual share of
 *   the content gets no second row and no second notification (plan.ts).
 * - SmartPost always shares individually: a role target is refused with SMARTPOST_ROLE_SHARE (the
 *   dialog may still preview a role scope to pick its contacts). Each recipient gets a personal
 *   letter (letters.ts); all letters come back as one PDF. Before sharing, one contact's letter can
 *   be read as text (letterPreview.ts), filled exactly as the share will fill it.
 */
import type { CoreContext } from '../../context';
import type { OrganisationService } from '../organisationService';
import type { OutboxService } from '../outboxService';
import type { SettingsService } from '../settingsService';
import { sharingDeps, type ShareTargetValue } from './deps';
import { letterPreview } from './letterPreview';
import { previewShare, recipientPage } from './preview';
import { revoke, share } from './share';
import { shareViews } from './views';

export function sharingService(
  ctx: CoreContext,
  settings: SettingsService,
  services: { outbox: OutboxService; organisation: OrganisationService },
) {
  const d = sharingDeps(ctx, settings, services);
  return {
    preview: (contentId: number, target: ShareTargetValue) => previewShare(d, contentId, target),
    recipientPage: (contentId: number, target: ShareTargetValue, page: { offset: number; limit: number }) =>
      recipientPage(d, contentId, target, page),
    share: (contentId: number, target: ShareTargetValue, alsoIndividually: readonly number[]) =>
      share(d, contentId, target, alsoIndividually),
    revoke: (shareId: number) => revoke(d, shareId),
    letterPreview: (contentId: number, contactId: number) => letterPreview(d, contentId, contactId),
    shareViews: (contentId: number) => shareViews(d, contentId),
  };
}
export type SharingService = ReturnType<typeof sharingService>;
