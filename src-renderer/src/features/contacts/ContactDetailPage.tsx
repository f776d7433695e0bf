import { Fragment, useState } from 'react';
import type { TFunction } from 'i18next';
import {
  Alert,
  Anchor,
  Breadcrumbs,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ContactContractView, ContactDetail, ContractView } from '../../../../shared/ipc';
import { useChannelMutation, useChannelQuery } from '../../api/queries';
import { errorMessage, formatDate, formatInstantDate, languageNames } from '../../i18n';
import { useAppStore } from '../../stores/appStore';
import { AccessBadge, InvitationBadge, useAccessSentence } from '../common/AccessBadge';
import { valueOrNotify } from '../common/notify';
import { AnonymisedBadge } from './AnonymisedBadge';
import { ContactForm } from './ContactForm';
import { ContractForm, EndContractForm } from './ContractForm';
import { ContractTimeline } from './ContractTimeline';
import { VisibleContentCard } from '../portal/VisibleContentCard';
import { InviteDialog } from './InviteDialog';
import { SimulateRegistration } from './SimulateRegistration';

type Dialog =
  | { kind: 'invite' }
  | { kind: 'edit' }
  | { kind: 'addContract' }
  | { kind: 'editContract'; contract: ContractView }
  | { kind: 'endContract'; contract: ContactContractView }
  | { kind: 'simulate' };

/** Why "Kontakt einladen" is not possible, in words, with the first possible day; null when it is. */
function inviteBlocker(t: TFunction, detail: ContactDetail): string | null {
  const { eligibility } = detail;
  if (eligibility.allowed) return null;
  const reason = t(`errors.${eligibility.reason}`);
  return eligibility.possibleFrom
    ? `${reason} ${t('invite.possibleFrom', { date: formatDate(eligibility.possibleFrom) })}`
    : reason;
}

function MasterData({ detail }: { detail: ContactDetail }) {
  const { t } = useTranslation();
  const { contact } = detail;
  const rows: [string, string | null][] = [
    [t('contact.fields.referenceId'), contact.referenceId],
    [t('contact.fields.email'), contact.email],
    [t('contact.fields.phone'), contact.phone],
    [t('contact.fields.language'), languageNames[contact.language]],
    [t('contact.fields.preference'), t(`contact.preference.${contact.preference}`)],
    [
      t('contact.address'),
      [
        [contact.street, contact.houseNo].filter(Boolean).join(' '),
        [contact.postcode, contact.city].filter(Boolean).join(' '),
      ]
        .filter(Boolean)
        .join(', ') || null,
    ],
    [t('contact.fields.note'), contact.note],
  ];
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="sm">
        {t('contact.masterData')}
      </Title>
      <SimpleGrid cols={2} spacing="xs">
        {rows.map(([label, value]) => (
          <div key={label}>
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text>{value ?? '—'}</Text>
          </div>
        ))}
      </SimpleGrid>
    </Card>
  );
}

/** `editable` false (an anonymised contact): the contracts are shown, nothing can be changed. */
function Contracts({
  detail,
  editable,
  open,
}: {
  detail: ContactDetail;
  editable: boolean;
  open(dialog: Dialog): void;
}) {
  const { t } = useTranslation();
  const navigate = useAppStore((state) => state.navigate);
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h5">
          {t('contract.title')}
        </Title>
        {editable && (
          <Button size="xs" variant="light" onClick={() => open({ kind: 'addContract' })}>
            {t('contract.create')}
          </Button>
        )}
      </Group>
      {detail.contracts.length === 0 ? (
        <Text c="dimmed">{t('contract.none')}</Text>
      ) : (
        <Table style={{ whiteSpace: 'nowrap' }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>
                {t('contract.fields.property')} · {t('contract.fields.unit')}
              </Table.Th>
              <Table.Th>{t('contract.fields.type')}</Table.Th>
              <Table.Th>{t('contract.fields.number')}</Table.Th>
              <Table.Th>{t('contract.fields.start')}</Table.Th>
              <Table.Th>{t('contract.fields.end')}</Table.Th>
              <Table.Th>{t('contract.fields.access')}</Table.Th>
              {editable && (
                <Table.Th>
                  <VisuallyHidden>{t('contract.actions')}</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {detail.contracts.map((contract) => (
              <Fragment key={contract.id}>
                <Table.Tr>
                  <Table.Td>
                    <Anchor
                      component="button"
                      onClick={() => navigate({ page: 'property', id: contract.propertyId })}
                    >
                      {contract.propertyName}
                    </Anchor>
                  </Table.Td>

                  <Table.Td>{t(`contract.type.${contract.type}`)}</Table.Td>
                  <Table.Td>{contract.number}</Table.Td>
                  <Table.Td>{formatDate(contract.start)}</Table.Td>
                  <Table.Td>{contract.end ? formatDate(contract.end) : t('timeline.openEnded')}</Table.Td>
                  <Table.Td>
                    <AccessBadge access={contract.access} />
                  </Table.Td>
                  {editable && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          onClick={() => open({ kind: 'editContract', contract })}
                        >
                          {t('contract.editShort')}
                        </Button>
                        {contract.canEnd && (
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            color="orange"
                            onClick={() => open({ kind: 'endContract', contract })}
                          >
                            {t('contract.end')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
                <Table.Tr>
                  <Table.Td colSpan={editable ? 7 : 6} pt={0}>
                    <ContractTimeline contract={contract} today={detail.today} />
                  </Table.Td>
                </Table.Tr>
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

function Invitation({
  detail,
  editable,
  open,
}: {
  detail: ContactDetail;
  editable: boolean;
  open(dialog: Dialog): void;
}) {
  const { t } = useTranslation();
  const reactivate = useChannelMutation('invitations.reactivate');
  const revoke = useChannelMutation('invitations.revoke');
  const { invitation, invitationState } = detail;
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h5">
          {t('invite.section')}
        </Title>
        <InvitationBadge state={invitationState} testId="invitation-state" />
      </Group>
      <Stack gap="xs">
        {detail.registeredAt && (
          <Text>{t('invite.registeredAt', { date: formatInstantDate(detail.registeredAt) })}</Text>
        )}
        {invitation && (
          <Text size="sm" data-testid="invitation-summary">
            {t(`invite.summary.${invitation.channel}`, {
              created: formatInstantDate(invitation.createdAt),
              expires: formatDate(invitation.expiresOn),
            })}
          </Text>
        )}
        {editable && (
          <Group gap="xs">
            {invitation && invitationState === 'expired' && (
              <Button
                size="xs"
                variant="light"
                onClick={async () => valueOrNotify(await reactivate.mutateAsync({ id: invitation.id }))}
              >
                {t('invite.reactivate')}
              </Button>
            )}
            {invitation && (invitationState === 'pending' || invitationState === 'expired') && (
              <Button
                size="xs"
                variant="light"
                color="red"
                onClick={async () => valueOrNotify(await revoke.mutateAsync({ id: invitation.id }))}
              >
                {t('invite.revoke')}
              </Button>
            )}
            {invitationState === 'pending' && (
              <Button size="xs" variant="outline" color="grape" onClick={() => open({ kind: 'simulate' })}>
                {t('simulation.open')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Card>
  );
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
  const [dialog, setDialog] = useState<Dialog | null>(null);

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
                {t('contact.editShort')}
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
              onClick={async () =>
                valueOrNotify(await setArchived.mutateAsync({ id, archived: !contact.archived }))
              }
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
          {blocker}
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
