/** The contact page's cards: Stammdaten, Einladung, Verträge. */
import { Fragment } from 'react';
import { Anchor, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ContactContractView, ContactDetail, ContractView } from '../../../../shared/ipc';
import { useChannelMutation, useChannelQuery } from '../../api/queries';
import { formatDate, formatInstantDate, languageNames } from '../../i18n';
import { useAppStore } from '../../stores/appStore';
import { AccessBadge, InvitationBadge } from '../common/AccessBadge';
import { valueOrNotify } from '../common/notify';
import { ContractTimeline, TimelineLegend } from './ContractTimeline';

/** The dialogs the contact page opens. */
export type ContactDialog =
  | { kind: 'invite' }
  | { kind: 'edit' }
  | { kind: 'addContract' }
  | { kind: 'editContract'; contract: ContractView }
  | { kind: 'endContract'; contract: ContactContractView }
  | { kind: 'simulate' }
  | { kind: 'archive' };

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
          <div key={label} style={{ minWidth: 0 }}>
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            {/* A long e-mail address breaks inside the card instead of running out of it. */}
            <Text style={{ overflowWrap: 'anywhere' }}>{value ?? '—'}</Text>
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
        <Table layout="fixed" verticalSpacing="xs" data-testid="contracts-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="28%">
                {t('contract.fields.property')} · {t('contract.fields.unit')}
              </Table.Th>
              <Table.Th w="17%">{t('contract.fields.type')}</Table.Th>
              <Table.Th w="27%">
                {t('contract.fields.start')} – {t('contract.fields.end')}
              </Table.Th>
              <Table.Th w="28%">{t('contract.fields.access')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {detail.contracts.map((contract) => (
              <Fragment key={contract.id}>
                <Table.Tr style={{ verticalAlign: 'top' }}>
                  <Table.Td>
                    <Anchor
                      component="button"
                      ta="left"
                      onClick={() => navigate({ page: 'property', id: contract.propertyId })}
                    >
                      {contract.propertyName}
                    </Anchor>
                    <Text size="sm" c="dimmed" data-testid="contract-unit">
                      {contract.unitNumber} · {contract.unitName}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t(`contract.type.${contract.type}`)}</Text>
                    <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {contract.number}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {formatDate(contract.start)} –{' '}
                    <Text span inherit style={{ whiteSpace: 'nowrap' }}>
                      {contract.end ? formatDate(contract.end) : t('timeline.openEnded')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={6} align="flex-start">
                      <AccessBadge access={contract.access} />
                      {editable && (
                        <Group gap={4}>
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
                      )}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Td colSpan={4} pt={0}>
                    <ContractTimeline contract={contract} today={detail.today} />
                  </Table.Td>
                </Table.Tr>
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {detail.contracts.length > 0 && <TimelineLegend />}
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
  // The portal's registration is simulated in the demo only (the core refuses it elsewhere: DEMO_ONLY).
  const demo = useChannelQuery('app.status', undefined).data?.demo === true;
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
            {demo && invitationState === 'pending' && (
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
