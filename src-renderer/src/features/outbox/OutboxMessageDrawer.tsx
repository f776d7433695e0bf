import { useEffect, useState } from 'react';
import { Alert, Center, Drawer, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../../shared/errors';
import type { OutboxMessage } from '../../../../shared/ipc';
import { errorMessage, formatDateTime, formatNumber } from '../../i18n';
import { useOutboxStore } from '../../stores/outboxStore';
import { OutboxStateBadge } from './OutboxStateBadge';
import { useReturnFocus } from '../common/useReturnFocus';

/** One outbox message: its envelope and the plain-text body (never rendered as HTML). */
export function OutboxMessageDrawer({ id, onClose }: { id: number; onClose(): void }) {
  const { t } = useTranslation();
  useReturnFocus();
  const getMessage = useOutboxStore((state) => state.getMessage);
  const [message, setMessage] = useState<Result<OutboxMessage> | null>(null);

  useEffect(() => {
    let current = true;
    void getMessage(id).then((loaded) => {
      if (current) setMessage(loaded);
    });
    return () => {
      current = false;
    };
  }, [getMessage, id]);

  const title = message?.ok ? message.value.subject : t('outbox.message.title');

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
      closeButtonProps={{ 'aria-label': t('outbox.message.close') }}
    >
      {!message && (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      )}
      {message && !message.ok && <Alert color="red">{errorMessage(message.error)}</Alert>}
      {message?.ok && (
        <Stack gap="md">
          <Table variant="vertical" withTableBorder layout="fixed" data-testid="outbox-envelope">
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={160}>{t('outbox.message.to')}</Table.Th>
                <Table.Td>{message.value.recipient}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('outbox.columns.subject')}</Table.Th>
                <Table.Td>{message.value.subject}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('outbox.columns.language')}</Table.Th>
                <Table.Td>{t(`outbox.language.${message.value.language}`)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('outbox.columns.state')}</Table.Th>
                <Table.Td>
                  <OutboxStateBadge state={message.value.state} />
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('outbox.columns.attempts')}</Table.Th>
                <Table.Td>{formatNumber(message.value.attempts)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('outbox.columns.createdAt')}</Table.Th>
                <Table.Td>{formatDateTime(message.value.createdAt)}</Table.Td>
              </Table.Tr>
              {message.value.sentAt && (
                <Table.Tr>
                  <Table.Th>{t('outbox.message.sentAt')}</Table.Th>
                  <Table.Td>{formatDateTime(message.value.sentAt)}</Table.Td>
                </Table.Tr>
              )}
              {message.value.lastError && (
                <Table.Tr>
                  <Table.Th>{t('outbox.columns.lastError')}</Table.Th>
                  <Table.Td>
                    <Text size="sm" c="red" style={{ overflowWrap: 'anywhere' }}>
                      {message.value.lastError}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
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
                {message.value.textBody}
              </Text>
            </Paper>
          </Stack>
        </Stack>
      )}
    </Drawer>
  );
}
