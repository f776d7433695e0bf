import { useState } from 'react';
import type { TFunction } from 'i18next';
import {
  Alert,
  Anchor,
  Breadcrumbs,
  Button,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ContactDetail } from '../../../../shared/ipc';
import { useChannelMutation, useChannelQuery } from '../../api/queries';
import { errorMessage, formatDate, formatInstantDate } from '../../i18n';
import { useAppStore } from '../../stores/appStore';
import { AccessBadge, useAccessSentence } from '../common/AccessBadge';
import { DecidingWindowNote } from '../common/DecidingWindowNote';
import { valueOrNotify } from '../common/notify';
import { VisibleContentCard } from '../portal/VisibleContentCard';
import { AnonymisedBadge } from './AnonymisedBadge';
import { ArchiveConfirmation, archiveNeedsConfirmation } from './ArchiveConfirmation';
import { Contracts, Invitation, MasterData, type ContactDialog } from './ContactCards';
import { ContactForm } from './ContactForm';
import { ContractForm, EndContractForm } from './ContractForm';
import { InviteDialog } from './InviteDialog';
import { SimulateRegistration } from './SimulateRegistration';

/** Why "Kontakt einladen" is not possible, in words, with the first possible day; null when it is. */
function inviteBlocker(t: TFunction, detail: ContactDetail): string | null {
  const { eligibility } = detail;
  if (eligibility.allowed) return null;
  const reason = t(`errors.${eligibility.reason}`);
  return eligibility.possibleFrom
    ? `${reason} ${t('invite.possibleFrom', { date: formatDate(eligibility.possibleFrom) })}`
    : reason;
}

export function ContactDetailPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const { data: detail, error } = useChannelQuery('contacts.get', { id });
  const update = useChannelMutation('contacts.update');
  const setArchived = useChannelMutation('contacts.setArchived');
  const createContract = useChannelMutation('contracts.create');
  const updateContract = useChannelMutation('contracts.update');
  const endContract = useChannelMutation('contracts.end');
  const navigate = useAppStore((state) => state.navigate);
  const sentence = useAccessSentence();
  const [dialog, setDialog] = useState<ContactDialog | null>(null);

  if (error) return <Alert color="red">{errorMessage(error)}</Alert>;
  if (!detail) return <Text>{t('app.loading')}</Text>;
  const { contact } = detail;
  // An anonymised contact is read-only: the core refuses every change (CONTACT_ANONYMISED).
  const editable = contact.anonymisedAt === null;
  const blocker = editable ? inviteBlocker(t, detail) : null;
  const close = () => setDialog(null);

  return (
    <Stack gap="md" maw={1100}>
      <Breadcrumbs>
        <Anchor component="button" onClick={() => navigate({ page: 'contacts' })}>
          {t('nav.contacts')}
        </Anchor>
        <Text>{contact.displayName}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2}>{contact.displayName}</Title>
            <AccessBadge access={detail.access} />
            {contact.archived && <Text c="red">{t('contact.archived')}</Text>}
            {!editable && <AnonymisedBadge />}
          </Group>
          <Text data-testid="access-sentence">{sentence(detail.access)}</Text>
        </Stack>
        <Group gap="xs">
          {editable && (
            <>
              <Tooltip label={blocker} disabled={!blocker} multiline w={280}>
                <span>
                  <Button disabled={!!blocker} onClick={() => setDialog({ kind: 'invite' })}>
                    {t('invite.open')}
                  </Button>
                </span>
              </Tooltip>
              <Button variant="default" onClick={() => setDialog({ kind: 'edit' })}>
                {t('app.edit')}
              </Button>
            </>
          )}
          <Button variant="default" onClick={() => navigate({ page: 'portalPreview', contactId: id })}>
            {t('portal.open')}
          </Button>
          {editable && (
            <Button
              variant="subtle"
              color={contact.archived ? 'teal' : 'red'}
              onClick={async () => {
                if (!contact.archived && archiveNeedsConfirmation(detail)) setDialog({ kind: 'archive' });
                else valueOrNotify(await setArchived.mutateAsync({ id, archived: !contact.archived }));
              }}
            >
              {t(contact.archived ? 'contact.unarchive' : 'contact.archive')}
            </Button>
          )}
        </Group>
      </Group>
      {contact.anonymisedAt !== null && (
        <Alert color="gray" data-testid="anonymised-notice">
          {t('contact.anonymised.notice', { date: formatInstantDate(contact.anonymisedAt) })}
        </Alert>
      )}
      {blocker && (
        <Alert color="gray" data-testid="invite-blocker">
          <Stack gap="xs">
            <Text size="sm">{blocker}</Text>
            {!detail.eligibility.allowed && detail.eligibility.window && (
              <DecidingWindowNote window={detail.eligibility.window} />
            )}
          </Stack>
        </Alert>
      )}
      <SimpleGrid cols={2}>
        <MasterData detail={detail} />
        <Invitation detail={detail} editable={editable} open={setDialog} />
      </SimpleGrid>
      <Contracts detail={detail} editable={editable} open={setDialog} />
      <VisibleContentCard contactId={id} />

      {dialog?.kind === 'invite' && <InviteDialog detail={detail} onClose={close} />}
      {dialog?.kind === 'simulate' && <SimulateRegistration onClose={close} />}
      {dialog?.kind === 'archive' && (
        <ArchiveConfirmation
          detail={detail}
          archiving={setArchived.isPending}
          onCancel={close}
          onConfirm={async () => {
            valueOrNotify(await setArchived.mutateAsync({ id, archived: true }));
            close();
          }}
        />
      )}
      {dialog?.kind === 'edit' && (
        <ContactForm
          contact={contact}
          onSubmit={(input) => update.mutateAsync({ ...input, id })}
          onClose={close}
        />
      )}
      {dialog?.kind === 'addContract' && (
        <ContractForm contactId={id} onSubmit={createContract.mutateAsync} onClose={close} />
      )}
      {dialog?.kind === 'editContract' && (
        <ContractForm
          contactId={id}
          contract={dialog.contract}
          onSubmit={(input) => updateContract.mutateAsync({ ...input, id: dialog.contract.id })}
          onClose={close}
        />
      )}
      {dialog?.kind === 'endContract' && (
        <EndContractForm
          contract={dialog.contract}
          today={detail.today}
          onSubmit={(end) => endContract.mutateAsync({ id: dialog.contract.id, end })}
          onClose={close}
        />
      )}
    </Stack>
  );
}
