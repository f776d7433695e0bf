import { Badge, Card, Group, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Grant } from '../../../../shared/domain';
import { formatNumber } from '../../i18n';
import { useChannelQuery } from '../../api/queries';
import { LoadStatus } from '../common/LoadStatus';
import { SetupChecklist } from './SetupChecklist';
import { SeatForecastChart } from '../seatForecast/SeatForecastChart';
import { SeatsCard } from './SeatsCard';
import { TodoList, useOpenContacts } from './TodoList';

const grantColors: Record<Grant, string> = { active: 'green', pre: 'blue', post: 'orange', none: 'gray' };

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <Card withBorder padding="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {formatNumber(value)}
      </Text>
    </Card>
  );
}

/** The portfolio at a glance: sizes, contacts by their access today, portal seats. */
export function OverviewPage() {
  const { t } = useTranslation();
  const { data: overview, error } = useChannelQuery('portfolio.overview', undefined);
  const openContacts = useOpenContacts();
  if (!overview) return <LoadStatus error={error} />;
  return (
    <Stack gap="lg" maw={960}>
      <Title order={2}>{t('overview.title')}</Title>
      <SetupChecklist />
      <SimpleGrid cols={4}>
        <Figure label={t('overview.properties')} value={overview.properties} />
        <Figure label={t('overview.units')} value={overview.units} />
        <Figure label={t('overview.contacts')} value={overview.contacts} />
        <Figure label={t('overview.contracts')} value={overview.contracts} />
      </SimpleGrid>
      <Card withBorder padding="md">
        <Title order={3} size="h5" mb="sm">
          {t('overview.byAccess')}
        </Title>
        <Group>
          {(['active', 'pre', 'post', 'none'] as const).map((grant) => (
            <UnstyledButton
              key={grant}
              onClick={() => openContacts({ access: grant })}
              title={t('overview.showContacts')}
              data-testid={`access-${grant}`}
            >
              <Badge color={grantColors[grant]} size="lg" variant="light" style={{ cursor: 'pointer' }}>
                {t(`access.${grant}`)}: {formatNumber(overview.contactsByAccess[grant])}
              </Badge>
            </UnstyledButton>
          ))}
        </Group>
      </Card>
      <TodoList />
      <SeatsCard seats={overview.seats} />
      <SeatForecastChart />
    </Stack>
  );
}
