import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../../shared/ipc';
import { formatDateTime } from '../../i18n';

interface Props {
  backup: BackupInfo;
  restoring: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/** Before a restore: what it replaces, and that the current state is kept as a backup first. */
export function RestoreConfirmation({ backup, restoring, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  const date = formatDateTime(backup.createdAt);
  return (
    <Modal opened onClose={onCancel} title={t('backups.confirm.title')} centered size="lg">
      <Stack gap="sm">
        <Text fw={600}>{t('backups.confirm.replaces', { date })}</Text>
        <List spacing="xs">
          <List.Item>{t('backups.confirm.savedFirst')}</List.Item>
          <List.Item>{t('backups.confirm.documents')}</List.Item>
          <List.Item>{t('backups.confirm.verified')}</List.Item>
        </List>
        <Alert color="yellow">{t('backups.confirm.since', { date })}</Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={restoring}>
            {t('app.cancel')}
          </Button>
          <Button color="red" onClick={onConfirm} loading={restoring}>
            {t('backups.restore')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
