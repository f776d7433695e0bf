/** The parts of "Kontakte einladen" for a property: who can be invited, who not and why, and the result. */
import {
  Alert,
  Badge,
  Box,
  Button,
  Checkbox,
  Group,
  List,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type {
  PropertyInviteCandidate,
  PropertyInviteRefusal,
  PropertyInviteResult,
} from '../../../../shared/ipc';
import { AccessBadge } from '../common/AccessBadge';
import { useWindowSentence } from '../common/DecidingWindowNote';
import { ScrollRegion } from '../common/ScrollRegion';
import { SavePdfButton } from '../common/SavePdfButton';
import { formatDate, formatNumber } from '../../i18n';

/** "bereits eingeladen", "möglich ab 01.12.2026": why a contact cannot be invited today. */
function RefusalReason({ refusal }: { refusal: PropertyInviteRefusal }) {
  const { t } = useTranslation();
  const windowSentence = useWindowSentence();
  return (
    <Stack gap={0}>
      <Text size="sm">{t(`errors.${refusal.reason}`)}</Text>
      {refusal.window && (
        <Text size="sm" c="dimmed">
          {windowSentence(refusal.window)}
        </Text>
      )}
      {refusal.possibleFrom && (
        <Text size="sm" c="blue">
          {t('properties.invite.possibleFrom', { date: formatDate(refusal.possibleFrom) })}
        </Text>
      )}
    </Stack>
  );
}

export function RefusalTable({ refusals }: { refusals: PropertyInviteRefusal[] }) {
  const { t } = useTranslation();
  return (
    <ScrollRegion
      label={t('properties.invite.ineligible', { total: formatNumber(refusals.length) })}
      mah={240}
    >
      <Table withTableBorder verticalSpacing="xs" stickyHeader data-testid="invite-ineligible">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('properties.invite.columns.name')}</Table.Th>
            <Table.Th>{t('properties.invite.columns.units')}</Table.Th>
            <Table.Th>{t('properties.invite.columns.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {refusals.map((refusal) => (
            <Table.Tr key={refusal.contactId}>
              <Table.Td>{refusal.displayName}</Table.Td>
              <Table.Td>{refusal.units}</Table.Td>
              <Table.Td>
                <RefusalReason refusal={refusal} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

export function CandidateTable({
  candidates,
  selected,
  onToggle,
}: {
  candidates: PropertyInviteCandidate[];
  selected: ReadonlySet<number>;
  onToggle(contactId: number, checked: boolean): void;
}) {
  const { t } = useTranslation();
  return (
    <ScrollRegion
      label={t('properties.invite.eligible', { total: formatNumber(candidates.length) })}
      mah={320}
    >
      <Table withTableBorder verticalSpacing="xs" stickyHeader data-testid="invite-eligible">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>
              <VisuallyHidden>{t('properties.invite.columns.select')}</VisuallyHidden>
            </Table.Th>
            <Table.Th>{t('properties.invite.columns.name')}</Table.Th>
            <Table.Th>{t('properties.invite.columns.units')}</Table.Th>
            <Table.Th>{t('properties.invite.columns.access')}</Table.Th>
            <Table.Th>{t('properties.invite.columns.channel')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {candidates.map((candidate) => (
            <Table.Tr key={candidate.contactId}>
              <Table.Td>
                <Checkbox
                  aria-label={candidate.displayName}
                  checked={selected.has(candidate.contactId)}
                  onChange={(event) => onToggle(candidate.contactId, event.currentTarget.checked)}
                />
              </Table.Td>
              <Table.Td>{candidate.displayName}</Table.Td>
              <Table.Td>{candidate.units}</Table.Td>
              <Table.Td>
                <Box style={{ minWidth: 'max-content' }}>
                  <AccessBadge access={candidate.access} />
                </Box>
              </Table.Td>
              <Table.Td>
                <Badge
                  variant="outline"
                  color={candidate.channel === 'email' ? 'teal' : 'grape'}
                  style={{ minWidth: 'max-content' }}
                >
                  {t(`properties.invite.channel.${candidate.channel}`)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

/** What inviting did: e-mails in the outbox, letters as one PDF. */
export function InviteSummary({
  result,
  onOutbox,
  onClose,
  onLettersSaved,
  unsavedWarning,
  onCloseAnyway,
}: {
  result: PropertyInviteResult;
  onOutbox(): void;
  onClose(): void;
  onLettersSaved(): void;
  /** Closing was asked for while the letters (and their codes, shown only now) were not saved. */
  unsavedWarning: boolean;
  onCloseAnyway(): void;
}) {
  const { t } = useTranslation();
  const lettersFile = result.lettersFile;
  return (
    <Stack gap="md" data-testid="invite-summary">
      <Alert color="green" title={t('properties.invite.done')}>
        <List size="sm">
          <List.Item>{t('properties.invite.emailed', { count: result.emailed })}</List.Item>
          <List.Item>{t('properties.invite.letters', { count: result.letters })}</List.Item>
        </List>
      </Alert>
      {lettersFile && <Text size="sm">{t('properties.invite.pdfHint')}</Text>}
      {result.refused.length > 0 && (
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            {t('properties.invite.refused', { count: result.refused.length })}
          </Text>
          <RefusalTable refusals={result.refused} />
        </Stack>
      )}
      {unsavedWarning && (
        <Alert
          color="orange"
          role="alert"
          title={t('properties.invite.unsavedTitle')}
          data-testid="invite-unsaved"
        >
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('properties.invite.unsavedText')}</Text>
            <Button variant="subtle" color="orange" size="xs" onClick={onCloseAnyway}>
              {t('properties.invite.closeAnyway')}
            </Button>
          </Stack>
        </Alert>
      )}
      <Group justify="flex-end">
        {lettersFile && (
          <SavePdfButton file={lettersFile} onSaved={onLettersSaved}>
            {t('properties.invite.savePdf')}
          </SavePdfButton>
        )}
        {result.emailed > 0 && (
          <Button variant="light" onClick={onOutbox}>
            {t('properties.invite.toOutbox')}
          </Button>
        )}
        <Button onClick={onClose}>{t('app.close')}</Button>
      </Group>
    </Stack>
  );
}
