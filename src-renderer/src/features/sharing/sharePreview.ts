import { useLayoutEffect, useRef } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { skipToken, useQueryClient } from '@tanstack/react-query';
import type { Result } from '../../../../shared/errors';
import type { SharePreview, ShareRecipientView, ShareTarget, SkippedRecipient } from '../../../../shared/ipc';
import { channelQuery, useChannelFetch, useChannelQuery } from '../../api/queries';

/** A changed target waits this long, so that picking units one after another asks once. */
const PREVIEW_DELAY_MS = 250;
/** Requests per page when all recipients of a role are taken over (SmartPost): the channel's maximum. */
const TAKE_PAGE = 200;

/**
 * What `target` reaches, as the core resolves it; undefined while it is being asked (or no target is
 * chosen). `target` must keep its identity while unchanged (useMemo): the delay restarts on a new one.
 */
export function useSharePreview(contentId: number, target: ShareTarget | null) {
  const client = useQueryClient();
  const [asked] = useDebouncedValue(target, PREVIEW_DELAY_MS);
  // The first preview is asked at once, and before the pickers' option lists (a layout effect runs
  // before the children's effects): it is what the dialog opens to show.
  const first = useRef(target);
  useLayoutEffect(() => {
    if (first.current)
      void client.prefetchQuery(channelQuery('sharing.preview', { contentId, target: first.current }));
  }, [client, contentId]);
  const query = useChannelQuery('sharing.preview', asked ? { contentId, target: asked } : skipToken);
  // While a changed target waits its turn, the answer for the one before is not shown as its own.
  const current = asked === target;
  return { preview: current ? query.data : undefined, error: current ? query.error : null };
}

/** The skipped contacts as an individual share, for when they are added: their notifications by post. */
export function useSkippedAsIndividual(
  contentId: number,
  skipped: readonly SkippedRecipient[],
): SharePreview | undefined {
  const contactIds = skipped.map((contact) => contact.contactId);
  return useChannelQuery(
    'sharing.preview',
    contactIds.length === 0 ? skipToken : { contentId, target: { mode: 'individual', contactIds } },
  ).data;
}

/**
 * Every contact of a role (its recipients, page by page, and the skipped ones), for SmartPost's
 * "Kontakte aus Rolle übernehmen".
 */
export function useRoleContacts(
  contentId: number,
): (
  target: ShareTarget,
) => Promise<Result<{ recipients: ShareRecipientView[]; skipped: SkippedRecipient[] }>> {
  const previewOf = useChannelFetch('sharing.preview');
  const recipientsOf = useChannelFetch('sharing.recipients');
  return async (target) => {
    const preview = await previewOf({ contentId, target });
    if (!preview.ok) return preview;
    const recipients = [...preview.value.recipients];
    while (recipients.length < preview.value.recipientCount) {
      const more = await recipientsOf({ contentId, target, offset: recipients.length, limit: TAKE_PAGE });
      if (!more.ok) return more;
      if (more.value.items.length === 0) break; // fewer than counted: the portfolio changed meanwhile
      recipients.push(...more.value.items);
    }
    return { ok: true, value: { recipients, skipped: preview.value.skipped } };
  };
}
