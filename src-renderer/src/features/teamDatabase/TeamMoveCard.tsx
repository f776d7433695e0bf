import { useId, useState } from 'react';
import { Alert, Button, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/errors';
import type { TeamSettings } from '../../../../shared/ipc';
import { useChannelMutation } from '../../api/queries';
import { errorMessage, formatInstantDate, formatNumber } from '../../i18n';
import { ExportLocalCopy } from './ExportLocalCopy';

/**
 * The switch-over: "In Team-Datenbank übernehmen" (a verified copy into an empty team database, then
 * team mode from the next start) and "Lokale Kopie exportieren" back to a SQLite file.
 */
export function TeamMoveCard({ saved }: { saved: TeamSettings }) {
  const { t } = useTranslation();
  const headingId = useId();
  const move = useChannelMutation('team.moveIntoTeamDatabase');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<AppError | null>(null);
  const configured = saved.configured && saved.hasPassword;

  async function run() {
    setBusy(true);
    setRefusal(null);
    const result = await move.mutateAsync(undefined);
    setBusy(false);
    if (!result.ok) setRefusal(result.error);
  }

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={3} size="h4" id={headingId}>
          {t('team.move.button')}
        </Title>
        {saved.teamModeSince === null ? (
          <>
            <Text size="sm">{t('team.move.text')}</Text>
            <Text size="sm" c="dimmed">
              {t('team.move.documents')}
            </Text>
            {!configured && (
              <Text size="sm" c="dimmed">
                {t('team.move.needsConnection')}
              </Text>
            )}
            <Button
              onClick={() => void run()}
              loading={busy}
              disabled={!configured}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('team.move.button')}
            </Button>
            {busy && <Text size="sm">{t('team.move.running')}</Text>}
            {refusal && (
              <Alert color="red" role="alert" data-testid="team-move-result">
                {errorMessage(refusal)}
              </Alert>
            )}
          </>
        ) : (
          <Alert color="green" data-testid="team-move-result">
            <Stack gap="xs">
              <Text size="sm">{t('team.mode.active', { date: formatInstantDate(saved.teamModeSince) })}</Text>
              {move.data?.ok && (
                <Text size="sm">
                  {t('team.move.done', {
                    rows: formatNumber(move.data.value.rows),
                    contacts: formatNumber(move.data.value.contacts),
                  })}
                </Text>
              )}
              <Text size="sm">{t('team.mode.notYet')}</Text>
            </Stack>
          </Alert>
        )}
        <Title order={4} size="h5" mt="sm">
          {t('team.localCopy.button')}
        </Title>
        <ExportLocalCopy configured={configured} />
      </Stack>
    </Card>
  );
}
