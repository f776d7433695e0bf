import { Anchor, Badge, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AutomationPreview as Preview } from '../../../../shared/contract/automation';
import { useChannelQuery } from '../../api/queries';
import { formatDate } from '../../i18n';
import { LoadStatus } from '../common/LoadStatus';
import { useAppStore } from '../../stores/appStore';

function DayList({ day, first }: { day: Preview['days'][number]; first: boolean }) {
  const { t } = useTranslation();
  const navigate = useAppStore((state) => state.navigate);
  const date = formatDate(day.day);
  return (
    <Stack gap={4} data-testid={`preview-${day.day}`}>
      <Text size="sm" fw={600}>
        {first ? t('automation.preview.tomorrow', { date }) : date}
      </Text>
      <List size="sm" spacing={2} listStyleType="none">
        {day.invitations.map((invitation) => (
          <List.Item key={invitation.contactId}>
            <Group gap="xs" wrap="nowrap">
              <Anchor
                component="button"
                size="sm"
                onClick={() => navigate({ page: 'contact', id: invitation.contactId })}
              >
                {invitation.displayName}
              </Anchor>
              <Badge size="sm" variant="light" color={invitation.channel === 'email' ? 'blue' : 'grape'}>
                {t(`automation.channel.${invitation.channel}`)}
              </Badge>
              <Text size="xs" c="dimmed">
                {t(`automation.occasion.${invitation.occasion}`)}
              </Text>
            </Group>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

/** Who the automatic invitation will invite tomorrow and on the 6 days after (as the data stand now). */
export function AutomationPreview() {
  const { t } = useTranslation();
  const { data: preview, error } = useChannelQuery('automation.preview', undefined);
  if (!preview) return <LoadStatus error={error} />;
  const days = preview.days.filter((day, index) => index === 0 || day.invitations.length > 0);
  const count = preview.days.reduce((sum, day) => sum + day.invitations.length, 0);
  return (
    <Stack gap="sm" data-testid="automation-preview">
      <Text size="sm" fw={600}>
        {t(preview.enabled ? 'automation.preview.title' : 'automation.preview.titleOff')}
      </Text>
      {count === 0 ? (
        <Text size="sm" c="dimmed">
          {t('automation.preview.none')}
        </Text>
      ) : (
        days.map((day, index) =>
          day.invitations.length === 0 ? (
            <Text key={day.day} size="sm" c="dimmed">
              {t('automation.preview.tomorrowNone', { date: formatDate(day.day) })}
            </Text>
          ) : (
            <DayList key={day.day} day={day} first={index === 0} />
          ),
        )
      )}
    </Stack>
  );
}
