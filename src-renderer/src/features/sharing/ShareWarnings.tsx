import { Alert, Box, Button, Checkbox, Group, List, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RefusedRecipient, SkippedRecipient } from '../../../../shared/ipc';
import { formatDate } from '../../i18n';
import { AccessBadge } from '../common/AccessBadge';
import { ScrollRegion } from '../common/ScrollRegion';

/** The contacts of a role's scope inside a pre/post window: they will NOT receive a role share. */
export function SkippedWarning({
  skipped,
  alsoIndividually,
  onAlsoIndividually,
}: {
  skipped: SkippedRecipient[];
  alsoIndividually: boolean;
  onAlsoIndividually(value: boolean): void;
}) {
  const { t } = useTranslation();
  const count = skipped.length;
  return (
    <Alert
      color="orange"
      variant="light"
      role="alert"
      data-testid="share-skipped-warning"
      title={t('sharing.skipped.title', { count })}
    >
      <Stack gap="sm">
        <Text size="sm">{t('sharing.skipped.text')}</Text>
        <ScrollRegion label={t('sharing.skipped.tableLabel')} mah={200}>
          <Table
            withTableBorder
            verticalSpacing={6}
            stickyHeader
            bg="var(--mantine-color-body)"
            aria-label={t('sharing.skipped.tableLabel')}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sharing.columns.name')}</Table.Th>
                <Table.Th>{t('sharing.columns.unit')}</Table.Th>
                <Table.Th>{t('sharing.columns.access')}</Table.Th>
                <Table.Th>{t('sharing.columns.windowEnd')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {skipped.map((contact) => (
                <Table.Tr key={contact.contactId}>
                  <Table.Td>{contact.displayName}</Table.Td>
                  <Table.Td>{contact.units || '—'}</Table.Td>
                  <Table.Td>
                    <Box miw="max-content">
                      <AccessBadge access={{ grant: contact.grant }} />
                    </Box>
                  </Table.Td>
                  <Table.Td>{formatDate(contact.windowEnd)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
        <Checkbox
          fw={600}
          label={t('sharing.skipped.alsoIndividually', { count })}
          description={t('sharing.skipped.alsoIndividuallyHint')}
          checked={alsoIndividually}
          onChange={(event) => onAlsoIndividually(event.currentTarget.checked)}
        />
      </Stack>
    </Alert>
  );
}

/** Individual share: contacts without access today cannot receive it; the reason in words. */
export function RefusedList({ refused, onRemove }: { refused: RefusedRecipient[]; onRemove(): void }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="red"
      variant="light"
      data-testid="share-refused"
      title={t('sharing.refused.title', { count: refused.length })}
    >
      <Stack gap="sm">
        <Text size="sm">{t('sharing.refused.text')}</Text>
        <Table withTableBorder verticalSpacing={6} bg="var(--mantine-color-body)">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sharing.columns.name')}</Table.Th>
              <Table.Th>{t('sharing.columns.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {refused.map((contact) => (
              <Table.Tr key={contact.contactId}>
                <Table.Td>{contact.displayName}</Table.Td>
                <Table.Td>{t(`errors.${contact.reason}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group>
          <Button size="xs" variant="white" color="red.9" onClick={onRemove}>
            {t('sharing.refused.remove', { count: refused.length })}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/** Recipients without e-mail: `count` of them, `contacts` the ones named (the preview names the first). */
export function NeedsPost({
  count,
  contacts,
}: {
  count: number;
  contacts: { contactId: number; displayName: string }[];
}) {
  const { t } = useTranslation();
  const title = t('sharing.needsPost', { count });
  const more = count - contacts.length;
  return (
    <Alert color="blue" variant="light" data-testid="share-needs-post" title={title}>
      <ScrollRegion label={title} mah={140}>
        <List size="sm">
          {contacts.map((contact) => (
            <List.Item key={contact.contactId}>{contact.displayName}</List.Item>
          ))}
        </List>
        {more > 0 && (
          <Text size="sm" c="dimmed" mt={4}>
            {t('sharing.needsPostMore', { count: more })}
          </Text>
        )}
      </ScrollRegion>
    </Alert>
  );
}
