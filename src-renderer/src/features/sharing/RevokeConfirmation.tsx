import { useState } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ShareView } from '../../../../shared/contract/content';
import { useChannelMutation } from '../../api/queries';
import { notifyError, notifySuccess } from '../common/notify';
import { useReturnFocus } from '../common/useReturnFocus';
import { useShareTargetText } from './targetText';

/** "Freigabe entfernen": asks first, then revokes the share. */
export function RevokeConfirmation({ share, onClose }: { share: ShareView; onClose(): void }) {
  const { t } = useTranslation();
  useReturnFocus();
  const revoke = useChannelMutation('sharing.revoke');
  const targetText = useShareTargetText();
  const [busy, setBusy] = useState(false);
  async function confirm() {
    setBusy(true);
    const result = await revoke.mutateAsync({ shareId: share.id });
    setBusy(false);
    if (!result.ok) return notifyError(result.error);
    notifySuccess(t('sharing.revoked'));
    onClose();
  }
  return (
    <Modal opened onClose={onClose} centered title={t('sharing.revokeTitle')}>
      <Stack>
        <Text>{t('sharing.revokeText', { target: targetText(share.target) })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          <Button color="red" loading={busy} onClick={() => void confirm()}>
            {t('sharing.revoke')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
