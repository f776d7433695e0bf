import { Alert, Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../i18n';
import { useAppStore } from '../../stores/appStore';
import { useChannelQuery } from '../../api/queries';
import { KindBadge } from '../content/ContentPage';

const SHOWN = 8;

/**
 * "Sichtbare Inhalte heute" on a contact: individual shares plus role shares through active
 * contracts, as the portal preview computes them for today.
 */
export function VisibleContentCard({ contactId }: { contactId: number }) {
  const { t } = useTranslation();
  const navigate = useAppStore((state) => state.navigate);
  const { data: preview, error } = useChannelQuery('portal.preview', { contactId, day: null });

  return (
    <Card withBorder data-testid="visible-content">
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <Title order={3} size="h5">
            {t('portal.visibleToday.title')}
          </Title>
          {preview && (
            <Badge variant="light" color="teal" tt="none" data-testid="visible-content-count">
              {t('portal.items.count', {
                count: preview.items.length,
              })}
            </Badge>
          )}
        </Group>
      </Group>
      {error && !preview && <Alert color="red">{errorMessage(error)}</Alert>}
      {preview && preview.items.length === 0 && <Text c="dimmed">{t('portal.visibleToday.empty')}</Text>}
      {preview && preview.items.length > 0 && (
        <Stack gap={6}>
          {preview.items.slice(0, SHOWN).map((item) => (
            <Group key={item.id} gap="xs" wrap="nowrap">
              <KindBadge kind={item.kind} />
              <Anchor
                component="button"
                type="button"
                ta="left"
                onClick={() => navigate({ page: 'content', id: item.id })}
              >
                {item.title}
              </Anchor>
              <Text size="xs" c="dimmed">
                {t(`portal.via.${item.via}`)}
              </Text>
            </Group>
          ))}
          {preview.items.length > SHOWN && (
            <Anchor
              component="button"
              type="button"
              size="sm"
              ta="left"
              onClick={() => navigate({ page: 'portalPreview', contactId })}
            >
              {t('portal.visibleToday.more', { count: preview.items.length - SHOWN })}
            </Anchor>
          )}
        </Stack>
      )}
    </Card>
  );
}
