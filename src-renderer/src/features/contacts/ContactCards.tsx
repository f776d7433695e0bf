/** The contact page's cards: Stammdaten, Einladung, Verträge. */
import { Fragment } from 'react';
import {
  Anchor,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ContactContractView, ContactDetail, ContractView } from '../../../../shared/ipc';
import { useChannelMutation } from '../../api/queries';
import { formatDate, formatInstantDate, languageNames } from '../../i18n';
import { useAppStore } from '../../stores/appStore';
import { AccessBadge, InvitationBadge } from '../common/AccessBadge';
import { valueOrNotify } from '../common/notify';
import { ContractTimeline } from './ContractTimeline';

/** The dialogs the contact page opens. */
export type ContactDialog =
  | { kind: 'invite' }
  | { kind: 'edit' }
  | { kind: 'addContract' }
  | { kind: 'editContract'; contract: ContractView }
  | { kind: 'endContract'; contract: ContactContractView }
  | { kind: 'simulate' };

export function MasterData({ detail }: { detail: ContactDetail }) {
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
export function Contracts({
  detail,
  editable,
  open,
}: {
  detail: ContactDetail;
  editable: boolean;
  open(dialog: ContactDialog): void;
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
                          {t('app.edit')}
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

export function Invitation({
  detail,
  editable,
  open,
}: {
  detail: ContactDetail;
  editable: boolean;
  open(dialog: ContactDialog): void;
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
