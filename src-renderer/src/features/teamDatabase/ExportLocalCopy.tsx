import { useState } from 'react';
import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/errors';
import { useChannelMutation } from '../../api/queries';
import { errorMessage, formatNumber } from '../../i18n';

/**
 * "Lokale Kopie exportieren": the team database into a self-contained SQLite file where the user
 * chooses (Team-Datenbank, and Datensicherung in team mode). The outcome stays beside the button.
 */
export function ExportLocalCopy({ configured }: { configured: boolean }) {
  const { t } = useTranslation();
  const exportCopy = useChannelMutation('team.exportLocalCopy', { refetch: false });
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ saved: string } | { error: AppError } | null>(null);

  async function run() {
    setBusy(true);
    setOutcome(null);
    const result = await exportCopy.mutateAsync(undefined);
    setBusy(false);
    if (!result.ok) return setOutcome({ error: result.error });
    if (result.value.saved) {
      const { fileName, count } = result.value;
      setOutcome({ saved: t('team.localCopy.saved', { fileName, contacts: formatNumber(count) }) });
    }
  }

  return (
    <Stack gap="xs" align="flex-start">
      <Text size="sm">{t('team.localCopy.text')}</Text>
      <Button variant="default" onClick={() => void run()} loading={busy} disabled={!configured}>
        {t('team.localCopy.button')}
      </Button>
      {outcome && (
        <Alert
          color={'saved' in outcome ? 'green' : 'red'}
          data-testid="team-local-copy-result"
          role={'saved' in outcome ? 'status' : 'alert'}
        >
          {'saved' in outcome ? outcome.saved : errorMessage(outcome.error)}
        </Alert>
      )}
    </Stack>
  );
}
