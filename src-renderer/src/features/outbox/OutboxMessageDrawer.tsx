import {
  Alert,
  Button,
  Center,
  Drawer,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage, formatDateTime, formatNumber } from '../../i18n';
import { useChannelMutation, useChannelQuery } from '../../api/queries';
import { OutboxStateBadge } from './OutboxStateBadge';
import { useReturnFocus } from '../common/useReturnFocus';

/** One outbox message: its envelope and the plain-text body (never rendered as HTML). */
export function OutboxMessageDrawer({ id, onClose }: { id: number; onClose(): void }) {
  const { t } = useTranslation();
  useReturnFocus();
  const { data: message, error } = useChannelQuery('outbox.get', { id });
  const title = message ? message.subject : t('outbox.message.title');
  const withdraw = useChannelMutation('outbox.withdraw');
  const requeue = useChannelMutation('outbox.requeue');
  const refused =
    withdraw.data?.ok === false
      ? withdraw.data.error
      : requeue.data?.ok === false
        ? requeue.data.error
        : null;

  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="xl"
      title={
        <Title order={3} size="h4">
          {title}
        </Title>
      }
      closeButtonProps={{ 'aria-label': t('app.close') }}
    >
      {!message && !error && (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      )}
      {error && <Alert color="red">{errorMessage(error)}</Alert>}
      {message && (
        <Stack gap="md">
          <Table variant="vertical" withTableBorder layout="fixed" data-testid="outbox-envelope">
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={160}>{t('outbox.message.to')}</Table.Th>
                <Table.Td>{message.recipient}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('outbox.columns.subject')}</Table.Th>
                <Table.Td>{message.subject}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('outbox.columns.language')}</Table.Th>
                <Table.Td>{t(`outbox.language.${message.language}`)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('outbox.columns.state')}</Table.Th>
                <Table.Td>
                  <OutboxStateBadge state={message.state} />
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('outbox.columns.attempts')}</Table.Th>
                <Table.Td>{formatNumber(message.attempts)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('outbox.columns.createdAt')}</Table.Th>
                <Table.Td>{formatDateTime(message.createdAt)}</Table.Td>
              </Table.Tr>
              {message.sentAt && (
                <Table.Tr>
                  <Table.Th>{t('outbox.message.sentAt')}</Table.Th>
                  <Table.Td>{formatDateTime(message.sentAt)}</Table.Td>
                </Table.Tr>
              )}
              {message.lastError && (
                <Table.Tr>
                  <Table.Th>{t('outbox.columns.lastError')}</Table.Th>
                  <Table.Td>
                    <Text size="sm" c="red" style={{ overflowWrap: 'anywhere' }}>
                      {errorMessage({ code: message.lastError, params: {} })}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
          <Group gap="sm">
            {(message.state === 'queued' || message.state === 'failed') && (
              <Button variant="light" color="red" size="xs" onClick={() => withdraw.mutate({ id })}>
                {t('outbox.withdraw')}
              </Button>
            )}
            {message.state === 'failed' && (
              <Button variant="light" size="xs" onClick={() => requeue.mutate({ id })}>
                {t('outbox.requeue')}
              </Button>
            )}
          </Group>
          {refused && <Alert color="red">{errorMessage(refused)}</Alert>}
          <Stack gap="xs">
            <Title order={4} size="h5">
              {t('outbox.message.body')}
            </Title>
            <Paper withBorder p="md" bg="gray.0">
              {/* Plain text as a text node: nothing in a message is ever interpreted as markup. */}
              <Text
                size="sm"
                style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
                data-testid="outbox-body"
              >
                {message.textBody}
              </Text>
            </Paper>
          </Stack>
        </Stack>
      )}
    </Drawer>
  );
}
