import { LineChart } from '@mantine/charts';
import { skipToken } from '@tanstack/react-query';
import { Card, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AccessSettings } from '../../../../shared/domain';
import { useChannelQuery } from '../../api/queries';
import { formatDate, formatNumber } from '../../i18n';
import { LoadStatus } from '../common/LoadStatus';

interface Props {
  /** Settings about to be saved: their forecast is drawn beside the current one. */
  proposed?: AccessSettings;
}

/**
 * Portal seats in use per day for the next 12 months against the quota (Übersicht, and the
 * confirmation of a settings change: current beside proposed). Computed by the core from the
 * maintained access figures.
 */
export function SeatForecastChart({ proposed }: Props) {
  const { t } = useTranslation();
  const current = useChannelQuery('settings.seatForecast', proposed === undefined ? undefined : skipToken);
  const preview = useChannelQuery('settings.previewSeatForecast', proposed ?? skipToken);
  const { data, error } = proposed === undefined ? current : preview;
  if (!data) return <LoadStatus error={error} />;
  // One point a week (and the last day): a year of days is more points than the chart has pixels.
  const rows = data.days
    .filter((_, i) => i % 7 === 0 || i === data.days.length - 1)
    .map((d) => ({ day: formatDate(d.day), current: d.current, proposed: d.proposed }));
  const quotas = proposed ? [data.quota, data.proposedQuota] : [data.quota];
  const referenceLines = [...new Set(quotas)].flatMap((quota) =>
    quota === null
      ? []
      : [{ y: quota, label: t('seatForecast.quota', { quota: formatNumber(quota) }), color: 'red.6' }],
  );
  const series = [
    { name: 'current', label: t(proposed ? 'seatForecast.current' : 'seatForecast.seats'), color: 'blue.6' },
    ...(proposed ? [{ name: 'proposed', label: t('seatForecast.proposed'), color: 'orange.6' }] : []),
  ];
  return (
    <Card withBorder padding="md" data-testid="seat-forecast">
      <Title order={3} size="h5">
        {t('seatForecast.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('seatForecast.hint')}
      </Text>
      <LineChart
        h={220}
        data={rows}
        dataKey="day"
        series={series}
        curveType="stepAfter"
        withDots={false}
        withLegend={proposed !== undefined}
        referenceLines={referenceLines}
        valueFormatter={(value) => formatNumber(value)}
      />
    </Card>
  );
}
