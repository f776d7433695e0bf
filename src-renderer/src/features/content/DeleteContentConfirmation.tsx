import { Alert, Button, Group, List, Modal, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ContentDetail } from '../../../../shared/ipc';
import { useChannelMutation } from '../../api/queries';
import { useAppStore } from '../../stores/appStore';
import { notifyError, notifySuccess } from '../common/notify';
import { useReturnFocus } from '../common/useReturnFocus';

/**
 * Before withdrawing a content: what happens to its shares, its notifications and its file, that
 * the Protokoll keeps it and backups still hold it — and that it is final. Deleting leads back to
 * the list of contents.
 */
export function DeleteContentConfirmation({ content, onClose }: { content: ContentDetail; onClose(): void }) {
  const { t } = useTranslation();
  useReturnFocus();
  const navigate = useAppStore((state) => state.navigate);
  const remove = useChannelMutation('content.delete');
  const count = content.shares.length;

  async function confirm() {
    const result = await remove.mutateAsync({ id: content.id });
    if (!result.ok) return notifyError(result.error);
    notifySuccess(t('content.delete.done', { title: content.title }));
    navigate({ page: 'contents' });
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('content.delete.title', { title: content.title })}
      centered
      size="lg"
    >
      <Stack gap="sm">
        <List size="sm" spacing={4}>
          <List.Item>{t('content.delete.shares', { count })}</List.Item>
          <List.Item>{t('content.delete.noNotification')}</List.Item>
          {content.kind === 'document' && <List.Item>{t('content.delete.file')}</List.Item>}
          <List.Item>{t('content.delete.audit')}</List.Item>
          <List.Item>
            {t('content.delete.backups', { where: `${t('nav.administration')} › ${t('nav.backups')}` })}
          </List.Item>
        </List>
        <Alert color="red">{t('content.delete.final')}</Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          <Button color="red" onClick={() => void confirm()} loading={remove.isPending}>
            {t('content.delete.accept')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
