import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../../shared/ipc';
import { formatDateTime } from '../../i18n';
import { useReturnFocus } from '../common/useReturnFocus';

interface Props {
  backup: BackupInfo;
  deleting: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/** Before deleting a backup: which one (date and kind), what stays, and that it is final. */
export function DeleteConfirmation({ backup, deleting, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  useReturnFocus();
  const date = formatDateTime(backup.createdAt);
  return (
    <Modal opened onClose={onCancel} title={t('backups.deleteConfirm.title')} centered>
      <Stack gap="sm">
        <Text fw={600}>
          {t('backups.deleteConfirm.which', { date, kind: t(`backups.kind.${backup.kind}`) })}
        </Text>
        <Text size="sm">{t('backups.deleteConfirm.kept')}</Text>
        <Alert color="red">{t('backups.deleteConfirm.final')}</Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={deleting}>
            {t('app.cancel')}
          </Button>
          <Button color="red" onClick={onConfirm} loading={deleting}>
            {t('backups.deleteConfirm.accept')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
