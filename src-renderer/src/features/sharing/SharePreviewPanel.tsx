import { useState } from 'react';
import { Alert, Button, Group, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/errors';
import type { SharePreview, ShareTarget, SkippedRecipient } from '../../../../shared/ipc';
import { errorMessage } from '../../i18n';
import { RecipientTable } from './RecipientTable';
import { NeedsPost, RefusedList, SkippedWarning } from './ShareWarnings';

/** What the dialog has resolved of its target so far. */
export interface ResolvedShare {
  target: ShareTarget | null;
  /** undefined while it is being asked. */
  preview: SharePreview | undefined;
  error: AppError | null;
  /** The skipped contacts added one by one, and their own preview (for their letters). */
  added: SkippedRecipient[];
  addedPreview: SharePreview | undefined;
}

/**
 * The live preview under the share dialog's choices: how many it reaches, by name on demand, whom
 * a role share skips (with the offer to add them), whom an individual share cannot reach, and whose
 * notification goes by post.
 */
export function SharePreviewPanel({
  contentId,
  mode,
  resolved: { target, preview, error, added, addedPreview },
  alsoIndividually,
  onAlsoIndividually,
  onRemoveRefused,
}: {
  contentId: number;
  mode: 'role' | 'individual';
  resolved: ResolvedShare;
  alsoIndividually: boolean;
  onAlsoIndividually(value: boolean): void;
  onRemoveRefused(contactIds: ReadonlySet<number>): void;
}) {
  const { t } = useTranslation();
  const [showRecipients, setShowRecipients] = useState(false);
  if (target === null) {
    return (
      <Text c="dimmed" size="sm">
        {t(mode === 'role' ? 'sharing.chooseProperty' : 'sharing.chooseContacts')}
      </Text>
    );
  }
  if (error) return <Alert color="red">{errorMessage(error)}</Alert>;
  if (!preview) {
    return (
      <Group gap="xs">
        <Loader size="xs" />
        <Text size="sm" c="dimmed">
          {t('sharing.previewing')}
        </Text>
      </Group>
    );
  }
  const skipped = mode === 'role' ? preview.skipped : [];
  const refused = mode === 'individual' ? preview.refused : [];
  const count = preview.recipientCount + added.length;
  const needsPostCount = preview.needsPostCount + (addedPreview?.needsPostCount ?? 0);
  const needsPost = [...preview.needsPost, ...(addedPreview?.needsPost ?? [])];
  return (
    <>
      <Group justify="space-between">
        <Group gap="xs" align="baseline">
          <Text fw={700} size="lg" data-testid="share-recipient-count">
            {t('sharing.recipientCount', { count })}
          </Text>
          {added.length > 0 && (
            <Text size="sm" c="dimmed">
              {t('sharing.alsoCount', { count: added.length })}
            </Text>
          )}
        </Group>
        {count > 0 && (
          <Button variant="subtle" size="xs" onClick={() => setShowRecipients(!showRecipients)}>
            {t(showRecipients ? 'sharing.hideRecipients' : 'sharing.showRecipients')}
          </Button>
        )}
      </Group>
      {showRecipients && count > 0 && (
        <RecipientTable contentId={contentId} target={target} preview={preview} added={added} />
      )}
      {skipped.length > 0 && (
        <SkippedWarning
          skipped={skipped}
          alsoIndividually={alsoIndividually}
          onAlsoIndividually={onAlsoIndividually}
        />
      )}
      {refused.length > 0 && (
        <RefusedList
          refused={refused}
          onRemove={() => onRemoveRefused(new Set(refused.map((contact) => contact.contactId)))}
        />
      )}
      {needsPostCount > 0 && <NeedsPost count={needsPostCount} contacts={needsPost} />}
      {count === 0 && refused.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('sharing.nobody')}
        </Text>
      )}
    </>
  );
}
