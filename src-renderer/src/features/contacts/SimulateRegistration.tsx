import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../i18n';
import { useChannelMutation } from '../../api/queries';
import { notifySuccess } from '../common/notify';
import { useReturnFocus } from '../common/useReturnFocus';

/**
 * What the customer portal does when a contact registers with their code — simulated here so that
 * the demo can show registered contacts. Clearly marked: nothing is sent anywhere.
 */
export function SimulateRegistration({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  useReturnFocus();
  const redeem = useChannelMutation('invitations.redeem');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    const result = await redeem.mutateAsync({ code });
    if (!result.ok) return setError(errorMessage(result.error));
    notifySuccess(t('simulation.done'));
    onClose();
  }

  return (
    <Modal opened onClose={onClose} title={t('simulation.title')} centered>
      <Stack>
        <Alert color="grape">{t('simulation.explanation')}</Alert>
        <TextInput
          label={t('simulation.code')}
          value={code}
          error={error}
          onChange={(event) => {
            setCode(event.currentTarget.value);
            setError(null);
          }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          <Button color="grape.7" onClick={() => void submit()} disabled={!code.trim()}>
            {t('simulation.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
