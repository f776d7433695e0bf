import { Anchor, Card, List, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SetupChecklist as Checklist } from '../../../../shared/ipc';
import { useChannelQuery } from '../../api/queries';
import { useAppStore, type Route } from '../../stores/appStore';

const steps: { key: keyof Checklist; route: Route }[] = [
  { key: 'senderSet', route: { page: 'mailSettings' } },
  { key: 'portalSet', route: { page: 'mailSettings' } },
  { key: 'smtpTested', route: { page: 'mailSettings' } },
  { key: 'accessReviewed', route: { page: 'accessSettings' } },
];

/**
 * The first-start checklist on the Übersicht: sender and portal address set (until then no letter
 * and no e-mail is made), SMTP tested, access rights reviewed. Gone once everything is done.
 */
export function SetupChecklist() {
  const { t } = useTranslation();
  const navigate = useAppStore((state) => state.navigate);
  const { data } = useChannelQuery('organisation.checklist', undefined);
  if (!data || steps.every((step) => data[step.key])) return null;
  return (
    <Card withBorder padding="md" data-testid="setup-checklist">
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('overview.checklist.title')}
        </Title>
        <Text size="sm">{t('overview.checklist.intro')}</Text>
        <List spacing="xs" size="sm">
          {steps.map(({ key, route }) => (
            <List.Item
              key={key}
              data-done={data[key]}
              icon={
                <ThemeIcon size={18} radius="xl" color={data[key] ? 'green' : 'gray'} aria-hidden>
                  {data[key] ? '✓' : '·'}
                </ThemeIcon>
              }
            >
              {data[key] ? (
                <Text size="sm">{t(`overview.checklist.${key}`)}</Text>
              ) : (
                <Anchor component="button" size="sm" onClick={() => navigate(route)}>
                  {t(`overview.checklist.${key}`)}
                </Anchor>
              )}
            </List.Item>
          ))}
        </List>
      </Stack>
    </Card>
  );
}
