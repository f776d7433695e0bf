import { Alert, Anchor, Card, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PortfolioOverview } from '../../../../shared/ipc';
import { formatNumber } from '../../i18n';
import { useAppStore } from '../../stores/appStore';

/** Portal seats in use of the licence's quota; a warning with the numbers when more are in use. */
export function SeatsCard({ seats }: { seats: PortfolioOverview['seats'] }) {
  const { t } = useTranslation();
  const navigate = useAppStore((state) => state.navigate);
  const over = seats.quota !== null && seats.used > seats.quota ? seats.used - seats.quota : 0;
  return (
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
      {over > 0 && seats.quota !== null && (
        <Alert color="red" mt="sm" title={t('overview.overQuota.title')} data-testid="seats-over-quota">
          <Text size="sm">
            {t('overview.overQuota.text', {
              count: over,
              used: formatNumber(seats.used),
              quota: formatNumber(seats.quota),
            })}
          </Text>
          <Anchor component="button" size="sm" onClick={() => navigate({ page: 'accessSettings' })}>
            {t('overview.overQuota.link')}
          </Anchor>
        </Alert>
      )}
    </Card>
  );
}
