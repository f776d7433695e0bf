import { useState } from 'react';
import { Alert, Button, Code, CopyButton, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ContactDetail, CreatedInvitation, InvitationChannel } from '../../../../shared/ipc';
import { formatDate } from '../../i18n';
import { useChannelMutation } from '../../api/queries';
import { notifyError } from '../common/notify';
import { SavePdfButton } from '../common/SavePdfButton';
import { useReturnFocus } from '../common/useReturnFocus';

/** "Kontakt einladen": by e-mail, by letter (PDF) or just the code; the code is shown once. */
export function InviteDialog({ detail, onClose }: { detail: ContactDetail; onClose(): void }) {
  const { t } = useTranslation();
  useReturnFocus();
  const invite = useChannelMutation('invitations.create');
  const { contact } = detail;
  const hasEmail = contact.email !== null;
  const [channel, setChannel] = useState<InvitationChannel>(
    hasEmail && contact.preference === 'online' ? 'email' : 'letter',
  );
  const [created, setCreated] = useState<CreatedInvitation | null>(null);

  async function submit() {
    const result = await invite.mutateAsync({ contactId: contact.id, channel });
    if (!result.ok) return notifyError(result.error);
    setCreated(result.value);
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('invite.title', { name: contact.displayName })}
      size="lg"
      centered
    >
      {created ? (
        <Stack>
          <Alert color="green">
            {t(`invite.done.${created.invitation.channel}`, { email: contact.email ?? '' })}
          </Alert>
          {created.code === null ? (
            <Text data-testid="code-at-sending">{t('invite.codeAtSending')}</Text>
          ) : (
            <>
              <Text>{t('invite.codeOnce')}</Text>
              <Group>
                <Code fz="xl" data-testid="invitation-code">
                  {created.code}
                </Code>
                <CopyButton value={created.code}>
                  {({ copied, copy }) => (
                    <Button variant="default" size="xs" onClick={copy}>
                      {copied ? t('invite.copied') : t('invite.copy')}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            </>
          )}
          <Text size="sm" c="dimmed">
            {t('invite.expires', { date: formatDate(created.invitation.expiresOn) })}
          </Text>
          <Group justify="flex-end">
            {created.letter && (
              <SavePdfButton file={created.letter} variant="filled">
                {t('invite.saveLetter')}
              </SavePdfButton>
            )}
            <Button variant="default" onClick={onClose}>
              {t('app.close')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack>
          <Radio.Group
            value={channel}
            onChange={(value) => setChannel(value as InvitationChannel)}
            label={t('invite.how')}
          >
            <Stack gap="xs" mt="xs">
              <Radio
                value="email"
                disabled={!hasEmail}
                label={t('invite.channel.email')}
                description={hasEmail ? contact.email : t('invite.noEmail')}
              />
              <Radio value="letter" label={t('invite.channel.letter')} description={t('invite.letterHint')} />
              <Radio value="code" label={t('invite.channel.code')} description={t('invite.codeHint')} />
            </Stack>
          </Radio.Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button loading={invite.isPending} onClick={() => void submit()}>
              {t('invite.submit')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
