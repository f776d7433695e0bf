/**
 * The share dialog: counts, every skipped or refused contact, and only the first page of recipients
 * by name (a 5,000-unit property has thousands); `recipientPage` gives further pages, role shares
 * paged in SQL (accessRepository.roleRecipientPage). The share does not use them: it resolves its
 * recipients again, inside its transaction.
 */
import { SHARE_RECIPIENT_PAGE_SIZE } from '../../../../shared/contract/content';
import type { SharePreview, ShareRecipientPage } from '../../../../shared/ipc';
import { notifiedByLetter } from '../../mail/address';
import { bySortName } from '../shareRecipients';
import { requireContent, roleScope, type ShareTargetValue, type SharingDeps } from './deps';
import { individualViews, judgeIndividually, requireInfo, roleViews, scopeContracts } from './recipientViews';

/**
 * Whom the target reaches today (how many, and the first page by name), every contact a role share
 * skips, whom an individual share refuses, and who needs a letter.
 */
export async function previewShare(
  d: SharingDeps,
  contentId: number,
  target: ShareTargetValue,
): Promise<SharePreview> {
  const content = await requireContent(d, contentId);
  const day = d.ctx.clock.today();
  const current = d.settings.getAccess();
  const firstPage = { offset: 0, limit: SHARE_RECIPIENT_PAGE_SIZE };
  if (target.mode === 'individual') {
    const judged = await judgeIndividually(d, target.contactIds, current, day);
    const byPost = judged.allowed.filter((info) => notifiedByLetter(info.row));
    return {
      recipientCount: judged.allowed.length,
      recipients: individualViews(content, judged, firstPage, current, day),
      skipped: [],
      refused: judged.refused,
      needsPostCount: byPost.length,
      needsPost: byPost
        .slice(0, firstPage.limit)
        .map((info) => ({ contactId: info.row.id, displayName: info.displayName })),
    };
  }
  const scope = roleScope(d, target);
  // One statement gives the count, the first page and who has no e-mail address.
  const reached = d.access.roleRecipientsByName(scope, current, day);
  const byPost = reached.filter((row) => notifiedByLetter(row));
  const skippedContacts = d.access.roleShareSkipped(scope, current, day);
  const pageIds = reached.slice(0, firstPage.limit).map((row) => row.id);
  const directory = await d.loadRecipients(
    [...pageIds, ...skippedContacts.map((s) => s.contactId)],
    current,
    day,
  );
  const skipped = skippedContacts
    .map((s) => ({ s, info: requireInfo(directory, s.contactId) }))
    .sort((a, b) => bySortName(a.info, b.info))
    .map(({ s, info }) => ({
      contactId: s.contactId,
      displayName: info.displayName,
      units: directory.unitsLabel(scopeContracts(info, scope, current, day, ['pre', 'post'])),
      grant: s.grant,
      windowEnd: s.windowEnd,
    }));
  return {
    recipientCount: reached.length,
    recipients: roleViews(contentId, scope, pageIds, directory, current, day),
    skipped,
    refused: [],
    needsPostCount: byPost.length,
    needsPost: d.loadNames(byPost.slice(0, firstPage.limit).map((row) => row.id)),
  };
}

/** A page of the preview's recipients, in the same order. */
export async function recipientPage(
  d: SharingDeps,
  contentId: number,
  target: ShareTargetValue,
  page: { offset: number; limit: number },
): Promise<ShareRecipientPage> {
  const content = await requireContent(d, contentId);
  const day = d.ctx.clock.today();
  const current = d.settings.getAccess();
  if (target.mode === 'individual') {
    const judged = await judgeIndividually(d, target.contactIds, current, day);
    return { total: judged.allowed.length, items: individualViews(content, judged, page, current, day) };
  }
  const scope = roleScope(d, target);
  const { total, rows } = d.access.roleRecipientPage(scope, current, day, page);
  const ids = rows.map((row) => row.id);
  return {
    total,
    items: roleViews(contentId, scope, ids, await d.loadRecipients(ids, current, day), current, day),
  };
}
