import { useState } from 'react';
import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/errors';
import { useChannelMutation } from '../../api/queries';
import { errorMessage } from '../../i18n';
import { LettersProgress } from '../common/LettersProgress';

/**
 * The print batch: letters waiting (notifications of contacts without e-mail or who prefer post),
 * printed as one PDF into the file the user chooses; once saved they are marked printed.
 */
export function LettersBatch({ queued }: { queued: number }) {
  const { t } = useTranslation();
  const printLetters = useChannelMutation('outbox.printLetters');
  const markPrinted = useChannelMutation('outbox.markPrinted');
  const [error, setError] = useState<AppError | null>(null);
  const [printed, setPrinted] = useState<number | null>(null);

  async function onPrint() {
    setError(null);
    const batch = await printLetters.mutateAsync(undefined);
    if (!batch.ok) return setError(batch.error);
    // Saved by the app where the user chose; cancelled (or nothing waiting): nothing printed.
    if (!batch.value.saved) return;
    const marked = await markPrinted.mutateAsync({ ids: batch.value.ids });
    if (marked.ok) setPrinted(marked.value.printed);
    else setError(marked.error);
  }

  if (queued === 0 && printed === null && error === null) return null;
  return (
    <Alert color="blue" data-testid="letters-batch">
      <Group justify="space-between" gap="sm">
        <Text size="sm">
          {printed !== null
            ? t('outbox.letters.printed', { count: printed })
            : t('outbox.letters.queued', { count: queued })}
        </Text>
        {queued > 0 && (
          <Button size="xs" onClick={() => void onPrint()} loading={printLetters.isPending}>
            {t('outbox.letters.print')}
          </Button>
        )}
      </Group>
      <LettersProgress active={printLetters.isPending} />
      {error && (
        <Text size="sm" c="red" mt="xs">
          {errorMessage(error)}
        </Text>
      )}
    </Alert>
  );
}
