import { useState } from 'react';
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ShareView } from '../../../../shared/contract/content';
import { useChannelMutation, useChannelQuery } from '../../api/queries';
import { formatInstantDate } from '../../i18n';
import { useAppStore } from '../../stores/appStore';
import { DetailBreadcrumbs, DetailPlaceholder } from '../common/DetailPage';
import { notifySuccess } from '../common/notify';
import { RevokeConfirmation } from '../sharing/RevokeConfirmation';
import { ShareDialog } from '../sharing/ShareDialog';
import { SharedWith } from '../sharing/SharedWith';
import { ContentFields } from './ContentFields';
import { DeleteContentConfirmation } from './DeleteContentConfirmation';
import { ContentForm } from './ContentForm';
import { KindBadge } from './ContentPage';

type Dialog =
  { kind: 'edit' } | { kind: 'share' } | { kind: 'revoke'; share: ShareView } | { kind: 'delete' } | null;

/** One content item: its fields, "Löschen", "Bearbeiten", "Teilen", and with whom it is shared. */
export function ContentDetailPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const navigate = useAppStore((state) => state.navigate);
  const { data: detail, error } = useChannelQuery('content.get', { id });
  const update = useChannelMutation('content.update');
  const [dialog, setDialog] = useState<Dialog>(null);

  const breadcrumbs = (
    <DetailBreadcrumbs
      listLabel={t('nav.contents')}
      onOpenList={() => navigate({ page: 'contents' })}
      itemLabel={detail?.title}
    />
  );

  if (!detail) return <DetailPlaceholder breadcrumbs={breadcrumbs} error={error} />;

  const close = () => setDialog(null);

  return (
    <Stack gap="lg" maw={1100}>
      {breadcrumbs}
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2}>{detail.title}</Title>
            <KindBadge kind={detail.kind} />
          </Group>
          <Text size="sm" c="dimmed">
            {detail.propertyName ?? t('content.noProperty')} ·{' '}
            {t('content.createdOn', { date: formatInstantDate(detail.createdAt) })}
            {detail.updatedAt !== detail.createdAt &&
              ` · ${t('content.updatedOn', { date: formatInstantDate(detail.updatedAt) })}`}
          </Text>
        </Stack>
        <Group gap="xs">
          <Button variant="subtle" color="red" onClick={() => setDialog({ kind: 'delete' })}>
            {t('app.delete')}
          </Button>
          <Button variant="default" onClick={() => setDialog({ kind: 'edit' })}>
            {t('app.edit')}
          </Button>
          <Button onClick={() => setDialog({ kind: 'share' })}>{t('sharing.open')}</Button>
        </Group>
      </Group>

      <Card withBorder>
        <ContentFields content={detail} />
      </Card>

      <SharedWith
        shares={detail.shares}
        onShare={() => setDialog({ kind: 'share' })}
        onRevoke={(share) => setDialog({ kind: 'revoke', share })}
      />

      {dialog?.kind === 'edit' && (
        <ContentForm
          kind={detail.kind}
          content={detail}
          onClose={close}
          onSubmit={async (input) => {
            const result = await update.mutateAsync({ id: detail.id, input });
            if (result.ok) notifySuccess(t('content.updated', { title: result.value.title }));
            return result;
          }}
        />
      )}
      {dialog?.kind === 'share' && <ShareDialog content={detail} onClose={close} />}
      {dialog?.kind === 'revoke' && <RevokeConfirmation share={dialog.share} onClose={close} />}
      {dialog?.kind === 'delete' && <DeleteContentConfirmation content={detail} onClose={close} />}
    </Stack>
  );
}
