import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Grant } from '../../../../shared/domain';
import { formatNumber } from '../../i18n';
import { useChannelQuery } from '../../api/queries';
import { LoadStatus } from '../common/LoadStatus';
import { SetupChecklist } from './SetupChecklist';
import { SeatForecastChart } from '../seatForecast/SeatForecastChart';

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
  if (!overview) return <LoadStatus error={error} />;
  const { seats } = overview;
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
            <Badge
              key={grant}
              color={grantColors[grant]}
              size="lg"
              variant="light"
              data-testid={`access-${grant}`}
            >
              {t(`access.${grant}`)}: {formatNumber(overview.contactsByAccess[grant])}
            </Badge>
          ))}
        </Group>
      </Card>
      <Card withBorder padding="md">
        <Title order={3} size="h5" mb="sm">
          {t('overview.seats')}
        </Title>
        <Text data-testid="seats">
          {seats.quota === null
            ? `${t('overview.seatsUsed', { count: seats.used })} · ${t('overview.noQuota')}`
            : t('overview.seatsOfQuota', {
                used: formatNumber(seats.used),
                quota: formatNumber(seats.quota),
              })}
        </Text>
      </Card>
      <SeatForecastChart />
    </Stack>
  );
}
