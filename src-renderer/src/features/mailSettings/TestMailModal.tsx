import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/errors';
import { errorMessage } from '../../i18n';
import { useChannelMutation } from '../../api/queries';
import { isEmail } from './mailForms';
import { useReturnFocus } from '../common/useReturnFocus';

interface Props {
  /** Suggested recipient, e.g. the sender address. */
  initialTo: string;
  /** The form has changes that are not saved: the test uses the saved settings. */
  unsavedChanges: boolean;
  onClose(): void;
}

type Outcome = { ok: true; to: string } | { ok: false; error: AppError };

/** "Testnachricht senden": asks for a recipient, then shows success or what the mail server said. */
export function TestMailModal({ initialTo, unsavedChanges, onClose }: Props) {
  const { t } = useTranslation();
  useReturnFocus();
  const sendTest = useChannelMutation('mail.sendTest');
  const [to, setTo] = useState(initialTo);
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const invalid = !to.trim() ? 'errors.REQUIRED' : !isEmail(to) ? 'errors.INVALID_EMAIL' : null;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (invalid) return;
    setBusy(true);
    setOutcome(null);
    const recipient = to.trim();
    const result = await sendTest.mutateAsync({ to: recipient });
    setBusy(false);
    setOutcome(result.ok ? { ok: true, to: recipient } : { ok: false, error: result.error });
  }

  return (
    <Modal opened onClose={onClose} title={t('mail.test.title')} centered>
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('mail.test.intro')}</Text>
          {unsavedChanges && (
            <Alert color="yellow" data-testid="test-unsaved">
              {t('mail.test.usesSaved')}
            </Alert>
          )}
          <TextInput
            label={t('mail.test.to')}
            type="email"
            withAsterisk
            data-autofocus
            maxLength={254}
            value={to}
            error={submitted && invalid ? t(invalid) : undefined}
            onChange={(event) => {
              setTo(event.currentTarget.value);
              setOutcome(null);
            }}
          />
          {outcome?.ok && (
            <Alert color="green" data-testid="test-result">
              {t('mail.test.success', { to: outcome.to })}
            </Alert>
          )}
          {outcome && !outcome.ok && (
            <Alert color="red" title={t('mail.test.failed')} data-testid="test-result">
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {errorMessage(outcome.error)}
              </Text>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.close')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('mail.test.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
