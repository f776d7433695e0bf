import { useState } from 'react';
import { Alert, Button, Card, EmptyState, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/errors';
import type { OutboxState } from '../../../../shared/ipc';
import { errorMessage, formatDateTime, formatNumber } from '../../i18n';
import { useChannelMutation, useChannelQuery } from '../../api/queries';
import { useAppStore } from '../../stores/appStore';
import { usePagedQuery } from '../common/paging';
import { ListPagination, ListRange, PageTable } from '../common/ListPagination';
import { LoadStatus } from '../common/LoadStatus';
import { PageHeader } from '../common/PageHeader';
import { RowLink } from '../common/RowLink';
import { EmailAddress } from './EmailAddress';
import { OutboxMessageDrawer } from './OutboxMessageDrawer';
import { OutboxStateBadge } from './OutboxStateBadge';

type SendOutcome =
  { kind: 'done'; sent: number; failed: number } | { kind: 'smtpOff' } | { kind: 'error'; error: AppError };

const filters = ['all', 'queued', 'sent', 'failed'] as const;
const OUTBOX_PAGE_SIZE = 25;

/** "Mails stay in the outbox until SMTP is configured", with the way to the mail settings. */
function SmtpOffAlert({ message }: { message: string }) {
  const { t } = useTranslation();
  const navigate = useAppStore((state) => state.navigate);
  return (
    <Alert color="yellow" data-testid="smtp-off">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{message}</Text>
        <Button variant="light" size="xs" onClick={() => navigate({ page: 'mailSettings' })}>
          {t('outbox.configure')}
        </Button>
      </Stack>
    </Alert>
  );
}

/** Postausgang: every e-mail the app created, paged, with its state and the way to send it now. */
export function OutboxPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<OutboxState | null>(null);
  const list = usePagedQuery('outbox.list', { state: filter }, OUTBOX_PAGE_SIZE);
  const { page, pages, setPage, error } = list;
  const items = list.data?.items;
  const total = list.data?.total ?? 0;
  const loading = list.isPlaceholderData;
  const { data: smtp } = useChannelQuery('mail.getSettings', undefined);
  const sendNow = useChannelMutation('outbox.send');
  const [openId, setOpenId] = useState<number | null>(null);
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<SendOutcome | null>(null);

  async function onSend() {
    setSending(true);
    setOutcome(null);
    const result = await sendNow.mutateAsync(undefined);
    setSending(false);
    if (!result.ok) {
      setOutcome(
        result.error.code === 'SMTP_NOT_CONFIGURED'
          ? { kind: 'smtpOff' }
          : { kind: 'error', error: result.error },
      );
    } else if (smtp && !smtp.enabled && result.value.sent === 0 && result.value.failed === 0) {
      setOutcome({ kind: 'smtpOff' });
    } else {
      setOutcome({ kind: 'done', ...result.value });
    }
  }

  return (
    <Stack gap="lg" maw={1200}>
      <PageHeader
        title={t('outbox.title')}
        intro={t('outbox.intro')}
        action={
          <Button onClick={() => void onSend()} loading={sending}>
            {t('outbox.sendNow')}
          </Button>
        }
      />

      {smtp && !smtp.enabled && outcome?.kind !== 'smtpOff' && <SmtpOffAlert message={t('outbox.smtpOff')} />}
      {outcome?.kind === 'smtpOff' && <SmtpOffAlert message={t('outbox.notSentSmtpOff')} />}
      {outcome?.kind === 'done' && (
        <Alert
          color={outcome.failed > 0 ? 'orange' : 'green'}
          withCloseButton
          closeButtonLabel={t('outbox.dismiss')}
          onClose={() => setOutcome(null)}
          data-testid="send-result"
        >
          {t('outbox.sendResult', { sent: formatNumber(outcome.sent), failed: formatNumber(outcome.failed) })}
        </Alert>
      )}
      {outcome?.kind === 'error' && (
        <Alert
          color="red"
          withCloseButton
          closeButtonLabel={t('outbox.dismiss')}
          onClose={() => setOutcome(null)}
        >
          {errorMessage(outcome.error)}
        </Alert>
      )}

      <Group justify="space-between" align="center">
        <SegmentedControl
          aria-label={t('outbox.filter')}
          value={filter ?? 'all'}
          onChange={(value) => {
            setFilter(value === 'all' ? null : (value as OutboxState));
            setPage(1);
          }}
          data={filters.map((value) => ({
            value,
            label: value === 'all' ? t('outbox.all') : t(`outbox.state.${value}`),
          }))}
        />
        <ListRange total={total} page={page} pageSize={OUTBOX_PAGE_SIZE} testId="outbox-range" />
      </Group>

      <LoadStatus error={error} loaded={items !== undefined} />

      {items && items.length === 0 && !loading && (
        <Card withBorder padding="xl">
          {filter === null ? (
            <EmptyState title={t('outbox.empty.title')} description={t('outbox.empty.text')} />
          ) : (
            <EmptyState
              title={t('outbox.emptyFiltered.title')}
              description={t('outbox.emptyFiltered.text', { state: t(`outbox.state.${filter}`) })}
            />
          )}
        </Card>
      )}

      {items && items.length > 0 && (
        <PageTable highlightOnHover loading={loading} data-testid="outbox-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('outbox.columns.recipient')}</Table.Th>
              <Table.Th>{t('outbox.columns.subject')}</Table.Th>
              <Table.Th>{t('outbox.columns.language')}</Table.Th>
              <Table.Th>{t('outbox.columns.state')}</Table.Th>
              <Table.Th ta="right">{t('outbox.columns.attempts')}</Table.Th>
              <Table.Th>{t('outbox.columns.lastError')}</Table.Th>
              <Table.Th>{t('outbox.columns.createdAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.id} style={{ cursor: 'pointer' }} onClick={() => setOpenId(item.id)}>
                <Table.Td>
                  <EmailAddress address={item.recipient} />
                </Table.Td>
                <Table.Td>
                  <RowLink size="sm" ta="left" onOpen={() => setOpenId(item.id)}>
                    {item.subject}
                  </RowLink>
                </Table.Td>
                <Table.Td>{t(`outbox.language.${item.language}`)}</Table.Td>
                <Table.Td>
                  <OutboxStateBadge state={item.state} />
                </Table.Td>
                <Table.Td ta="right">{formatNumber(item.attempts)}</Table.Td>
                <Table.Td maw={260}>
                  {item.lastError ? (
                    <Text size="sm" c="red" lineClamp={2} title={item.lastError}>
                      {item.lastError}
                    </Text>
                  ) : (
                    <Text size="sm" c="dimmed">
                      –
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(item.createdAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </PageTable>
      )}

      <ListPagination pages={pages} value={page} onChange={setPage} />

      {openId !== null && <OutboxMessageDrawer id={openId} onClose={() => setOpenId(null)} />}
    </Stack>
  );
}
