import { useState } from 'react';
import { Alert, Button, Center, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PropertyInviteCandidate, PropertyInviteResult } from '../../../../shared/ipc';
import { errorMessage, formatNumber } from '../../i18n';
import { useAppStore } from '../../stores/appStore';
import { useChannelMutation, useChannelQuery } from '../../api/queries';
import { CandidateTable, InviteSummary, RefusalTable } from './InviteCandidates';
import { LettersProgress } from '../common/LettersProgress';
import { useReturnFocus } from '../common/useReturnFocus';

interface Props {
  propertyId: number;
  propertyName: string;
  onClose(): void;
}

/**
 * "Kontakte einladen" for a whole property: who can be invited today (all selected), who cannot
 * and why; sending puts e-mails in the outbox and returns one PDF with every letter.
 */
export function InviteContactsModal({ propertyId, propertyName, onClose }: Props) {
  const { t } = useTranslation();
  useReturnFocus();
  const { data: preview, error: previewError } = useChannelQuery('invitations.previewProperty', {
    propertyId,
  });
  const inviteContacts = useChannelMutation('invitations.inviteProperty');
  const navigate = useAppStore((state) => state.navigate);
  // Every eligible contact is chosen until the manager unticks them.
  const [unticked, setUnticked] = useState<ReadonlySet<number>>(new Set());
  const selected = new Set(
    preview?.eligible.map((candidate) => candidate.contactId).filter((id) => !unticked.has(id)),
  );
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<string | null>(null);
  const [result, setResult] = useState<PropertyInviteResult | null>(null);
  // The letters' codes are shown only now: closing before their PDF was saved asks first.
  const [lettersSaved, setLettersSaved] = useState(false);
  const [unsavedWarning, setUnsavedWarning] = useState(false);
  const unsaved = result?.lettersFile != null && !lettersSaved;
  const close = (then: () => void = onClose) => (unsaved ? setUnsavedWarning(true) : then());

  const title = t('properties.invite.title', { property: propertyName });

  function toggle(contactId: number, checked: boolean) {
    const next = new Set(unticked);
    if (checked) next.delete(contactId);
    else next.add(contactId);
    setUnticked(next);
  }

  async function send(candidates: PropertyInviteCandidate[]) {
    setSending(true);
    setSendError(null);
    const contactIds = candidates.filter((c) => selected.has(c.contactId)).map((c) => c.contactId);
    const sent = await inviteContacts.mutateAsync({ propertyId, contactIds });
    setSending(false);
    if (sent.ok) setResult(sent.value);
    else setSendError(errorMessage(sent.error));
  }

  function body() {
    if (result) {
      return (
        <InviteSummary
          result={result}
          onOutbox={() =>
            close(() => {
              onClose();
              navigate({ page: 'outbox' });
            })
          }
          onClose={() => close()}
          onLettersSaved={() => {
            setLettersSaved(true);
            setUnsavedWarning(false);
          }}
          unsavedWarning={unsavedWarning}
          onCloseAnyway={onClose}
        />
      );
    }
    if (previewError) {
      return (
        <Stack>
          <Alert color="red">{errorMessage(previewError)}</Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.close')}
            </Button>
          </Group>
        </Stack>
      );
    }
    if (!preview) {
      return (
        <Center py="xl">
          <Group gap="sm">
            <Loader size="sm" />
            <Text>{t('properties.invite.loading')}</Text>
          </Group>
        </Center>
      );
    }
    const { eligible, ineligible } = preview;
    const chosen = eligible.filter((candidate) => selected.has(candidate.contactId));
    const emails = chosen.filter((candidate) => candidate.channel === 'email').length;
    const letters = chosen.length - emails;
    return (
      <Stack gap="md">
        <Text size="sm">{t('properties.invite.intro')}</Text>

        <Stack gap="xs">
          <Group justify="space-between">
            <Title order={3} size="h5">
              {t('properties.invite.eligible', { total: formatNumber(eligible.length) })}
            </Title>
            {eligible.length > 0 && (
              <Group gap="xs">
                <Text size="sm" c="dimmed" data-testid="invite-selected">
                  {t('properties.invite.selected', {
                    selected: formatNumber(chosen.length),
                    total: formatNumber(eligible.length),
                  })}
                </Text>
                <Button variant="subtle" size="xs" onClick={() => setUnticked(new Set())}>
                  {t('properties.invite.selectAll')}
                </Button>
                <Button
                  variant="subtle"
                  size="xs"
                  onClick={() => setUnticked(new Set(eligible.map((candidate) => candidate.contactId)))}
                >
                  {t('properties.invite.selectNone')}
                </Button>
              </Group>
            )}
          </Group>
          {eligible.length === 0 ? (
            <Alert color="gray">{t('properties.invite.noneEligible')}</Alert>
          ) : (
            <CandidateTable candidates={eligible} selected={selected} onToggle={toggle} />
          )}
        </Stack>

        {ineligible.length > 0 && (
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t('properties.invite.ineligible', { total: formatNumber(ineligible.length) })}
            </Title>
            <RefusalTable refusals={ineligible} />
          </Stack>
        )}

        {chosen.length > 0 && (
          <Alert color="blue" data-testid="invite-plan">
            <Stack gap={2}>
              {emails > 0 && <Text size="sm">{t('properties.invite.planEmails', { count: emails })}</Text>}
              {letters > 0 && <Text size="sm">{t('properties.invite.planLetters', { count: letters })}</Text>}
            </Stack>
          </Alert>
        )}
        <LettersProgress active={sending} />
        {sendError && <Alert color="red">{sendError}</Alert>}

        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          <Button disabled={chosen.length === 0} loading={sending} onClick={() => void send(eligible)}>
            {t('properties.invite.confirm', { count: chosen.length })}
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Modal opened onClose={() => close()} title={title} size="xl" centered>
      {body()}
    </Modal>
  );
}
