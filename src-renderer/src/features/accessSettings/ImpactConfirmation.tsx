import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AccessSettings, SettingsImpact } from '../../../../shared/domain';
import { formatNumber } from '../../i18n';
import { useReturnFocus } from '../common/useReturnFocus';
import { SeatForecastChart } from '../seatForecast/SeatForecastChart';

interface Props {
  kind: 'on' | 'longer';
  /** The settings about to be saved: their seat forecast is shown beside the current one. */
  proposed: AccessSettings;
  days: number;
  impact: SettingsImpact;
  onConfirm(): void;
  onCancel(): void;
}

/** Before access after contract end opens or grows: what it does today, in contacts and seats. */
export function ImpactConfirmation({ kind, proposed, days, impact, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  useReturnFocus();
  return (
    <Modal
      opened
      onClose={onCancel}
      title={t(kind === 'on' ? 'settings.confirm.title' : 'settings.confirm.titleLonger')}
      centered
      size="lg"
    >
      <Stack gap="sm">
        <Text fw={600}>{t('settings.confirm.immediate')}</Text>
        <Text data-testid="impact-regain">
          {t('settings.confirm.regain', { count: impact.gained.length, days })}
        </Text>
        <Text data-testid="impact-seats">
          {t('settings.confirm.seats', {
            before: formatNumber(impact.seatsBefore),
            after: formatNumber(impact.seatsAfter),
          })}
          {' · '}
          {impact.quota === null
            ? t('settings.confirm.noQuota')
            : t('settings.confirm.quota', { quota: formatNumber(impact.quota) })}
        </Text>
        {impact.overage > 0 && (
          <Alert color="red" data-testid="impact-overage">
            {t('settings.confirm.overage', { count: impact.overage })}
          </Alert>
        )}
        <SeatForecastChart proposed={proposed} />
        <Alert color="yellow">{t('settings.confirm.cost')}</Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('app.cancel')}
          </Button>
          <Button color="orange" onClick={onConfirm}>
            {t(kind === 'on' ? 'settings.confirm.accept' : 'settings.confirm.acceptLonger')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
