import { Badge, Card, Group, NumberInput, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { AutomationSettings } from '../../../../shared/contract/automation';
import { useChannelMutation, useChannelQuery } from '../../api/queries';
import { errorMessage } from '../../i18n';
import { LoadStatus } from '../common/LoadStatus';
import { AutomationPreview } from './AutomationPreview';

/**
 * Rollen & Zugriffsrechte › Automatisch: the automatic invitation and the notice before access ends,
 * each saved at once (with its own audit row), and whom the invitation will invite on the next days.
 */
export function AutomationCard() {
  const { t } = useTranslation();
  const { data: settings, error } = useChannelQuery('automation.getSettings', undefined);
  const save = useChannelMutation('automation.updateSettings');

  async function update(next: AutomationSettings) {
    const result = await save.mutateAsync(next);
    notifications.show(
      result.ok
        ? { color: 'green', message: t('automation.saved') }
        : { color: 'red', message: errorMessage(result.error) },
    );
  }

  return (
    <Card withBorder padding="lg" data-testid="automation">
      <Stack gap="md">
        <Group gap="xs">
          <Title order={3} size="h4">
            {t('automation.title')}
          </Title>
          <Badge variant="light" color="gray">
            {t('automation.actor')}
          </Badge>
        </Group>
        {!settings ? (
          <LoadStatus error={error} />
        ) : (
          <>
            <Switch
              size="md"
              checked={settings.autoInvite}
              disabled={save.isPending}
              onChange={(event) => void update({ ...settings, autoInvite: event.currentTarget.checked })}
              label={<Text fw={600}>{t('automation.invite.label')}</Text>}
              description={t('automation.invite.description')}
            />
            <AutomationPreview />
            <Switch
              size="md"
              checked={settings.notice.enabled}
              disabled={save.isPending}
              onChange={(event) =>
                void update({
                  ...settings,
                  notice: { ...settings.notice, enabled: event.currentTarget.checked },
                })
              }
              label={<Text fw={600}>{t('automation.notice.label')}</Text>}
              description={t('automation.notice.description')}
            />
            <NumberInput
              key={settings.notice.days}
              label={t('automation.notice.days')}
              description={t('settings.daysHint')}
              w={220}
              min={1}
              max={365}
              allowDecimal={false}
              defaultValue={settings.notice.days}
              disabled={!settings.notice.enabled || save.isPending}
              onBlur={(event) => {
                const days = Number(event.currentTarget.value);
                if (Number.isInteger(days) && days >= 1 && days <= 365 && days !== settings.notice.days)
                  void update({ ...settings, notice: { ...settings.notice, days } });
              }}
            />
          </>
        )}
      </Stack>
    </Card>
  );
}
