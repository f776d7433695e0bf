import { useId } from 'react';
import { Card, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useChannelQuery } from '../../api/queries';
import { ExportLocalCopy } from './ExportLocalCopy';

/**
 * Datensicherung in team mode: what the server's backup must cover (pg_dump, PITR) and "Lokale Kopie
 * exportieren" as an on-demand copy. Nothing while this desktop is not in team mode.
 */
export function TeamBackupNotice() {
  const { t } = useTranslation();
  const headingId = useId();
  const { data: team } = useChannelQuery('team.getSettings', undefined);
  if (!team?.teamModeSince) return null;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId} data-testid="team-backup">
      <Stack gap="sm">
        <Title order={3} size="h4" id={headingId}>
          {t('team.backup.title')}
        </Title>
        <Text size="sm">{t('team.backup.text')}</Text>
        <List size="sm" spacing={4}>
          <List.Item>{t('team.backup.dump')}</List.Item>
          <List.Item>{t('team.backup.pitr')}</List.Item>
          <List.Item>{t('team.backup.restore')}</List.Item>
        </List>
        <Text size="sm">{t('team.backup.localCopy')}</Text>
        <ExportLocalCopy configured={team.configured && team.hasPassword} />
      </Stack>
    </Card>
  );
}
