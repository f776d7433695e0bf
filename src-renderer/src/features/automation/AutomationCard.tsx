import { Badge, Card, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { AutomationSettings } from '../../../../shared/contract/automation';
import { useChannelMutation, useChannelQuery } from '../../api/queries';
import { errorMessage } from '../../i18n';
import { LoadStatus } from '../common/LoadStatus';
import { AutomationPreview } from './AutomationPreview';

/**
 * Rollen & Zugriffsrechte › Automatisch: the automatic invitation, switched on and off at once
 * (saved with its own audit row), and who it will invite on the next days.
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
          </>
        )}
      </Stack>
    </Card>
  );
}
