import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useChannelQuery } from '../../api/queries';
import { LoadStatus } from '../common/LoadStatus';
import { PageHeader } from '../common/PageHeader';
import { TeamConnectionForm } from './TeamConnectionForm';
import { TeamMoveCard } from './TeamMoveCard';

/** Administration › Team-Datenbank: what team mode is, and this desktop's connection to the server. */
export function TeamDatabasePage() {
  const { t } = useTranslation();
  const { data: saved, error } = useChannelQuery('team.getSettings', undefined);

  return (
    <Stack gap="lg" maw={820}>
      <PageHeader
        crumbs={[t('nav.administration'), t('nav.teamDatabase')]}
        title={t('nav.teamDatabase')}
        intro={t('team.intro')}
      />
      <Text size="sm">{t('team.setup')}</Text>
      {saved?.teamModeSince == null && (
        <Alert color="blue" data-testid="team-status">
          {t('team.status')}
        </Alert>
      )}
      <LoadStatus error={error} loaded={saved !== undefined} />
      {saved && <TeamConnectionForm saved={saved} />}
      {saved && <TeamMoveCard saved={saved} />}
    </Stack>
  );
}
