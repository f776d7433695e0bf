import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ContactDetail } from '../../../../shared/ipc';
import { useReturnFocus } from '../common/useReturnFocus';

/** Archiving needs a word first when it takes something away: access today, an account or an open invitation. */
export function archiveNeedsConfirmation(detail: ContactDetail): boolean {
  return (
    detail.access.grant !== 'none' || detail.registeredAt !== null || detail.invitationState === 'pending'
  );
}

interface Props {
  detail: ContactDetail;
  archiving: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/** Before archiving a contact with access, an account or an open invitation: what it loses at once. */
export function ArchiveConfirmation({ detail, archiving, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  useReturnFocus();
  const name = detail.contact.displayName;
  const consequences = [
    detail.access.grant !== 'none' &&
      t('contact.archiveConfirm.access', { access: t(`access.${detail.access.grant}`) }),
    detail.registeredAt !== null && t('contact.archiveConfirm.registered'),
    detail.invitationState === 'pending' && t('contact.archiveConfirm.invitation'),
  ].filter((line): line is string => typeof line === 'string');
  return (
    <Modal opened onClose={onCancel} title={t('contact.archiveConfirm.title', { name })} centered>
      <Stack gap="sm">
        <List size="sm" spacing={4} data-testid="archive-consequences">
          {consequences.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
        <Text size="sm" c="dimmed">
          {t('contact.archiveConfirm.undo')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={archiving}>
            {t('app.cancel')}
          </Button>
          <Button color="red" onClick={onConfirm} loading={archiving}>
            {t('contact.archive')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
