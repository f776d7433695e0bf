import { useState } from 'react';
import { Alert, Button, Card, EmptyState, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/errors';
import type { DeliveryReport, OutboxState } from '../../../../shared/ipc';
import { errorMessage, formatDateTime, formatNumber } from '../../i18n';
import { useChannelMutation } from '../../api/queries';
import { useAppStore } from '../../stores/appStore';
import { usePagedQuery } from '../common/paging';
import { ListPagination, ListRange, PageTable } from '../common/ListPagination';
import { LoadStatus } from '../common/LoadStatus';
import { PageHeader } from '../common/PageHeader';
import { RowLink } from '../common/RowLink';
import { EmailAddress } from './EmailAddress';
import { LettersBatch } from './LettersBatch';
import { OutboxMessageDrawer } from './OutboxMessageDrawer';
import { OutboxStateBadge } from './OutboxStateBadge';

type SendOutcome = { kind: 'done'; report: DeliveryReport } | { kind: 'error'; error: AppError };

const filters = ['all', 'queued', 'sent', 'failed', 'withdrawn'] as const;
const OUTBOX_PAGE_SIZE = 25;

/** Why mail stays in the outbox (SMTP off or untested, placeholder sender), with the way to fix it. */
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

/**
 * Postausgang: every e-mail the app created, paged, with its state and the way to send it now;
 * opened on the messages of `initialState` (the Übersicht's "failed e-mails").
 */
export function OutboxPage({ initialState }: { initialState: OutboxState | null }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<OutboxState | null>(initialState);
  const list = usePagedQuery('outbox.list', { state: filter }, OUTBOX_PAGE_SIZE);
  const { page, pages, setPage, error } = list;
  const items = list.data?.items;
  const total = list.data?.total ?? 0;
  const loading = list.isPlaceholderData;
  const sendNow = useChannelMutation('outbox.send');
  const [openId, setOpenId] = useState<number | null>(null);
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<SendOutcome | null>(null);

  async function onSend() {
    setSending(true);
    setOutcome(null);
    const result = await sendNow.mutateAsync(undefined);
    setSending(false);
    setOutcome(result.ok ? { kind: 'done', report: result.value } : { kind: 'error', error: result.error });
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

      {list.data?.waiting && outcome?.kind !== 'error' && (
        <SmtpOffAlert message={errorMessage({ code: list.data.waiting, params: {} })} />
      )}
      <LettersBatch queued={list.data?.lettersQueued ?? 0} />
      {outcome?.kind === 'done' && (
        <Alert
          color={outcome.report.failed > 0 || outcome.report.stoppedBy ? 'orange' : 'green'}
          withCloseButton
          closeButtonLabel={t('outbox.dismiss')}
          onClose={() => setOutcome(null)}
          data-testid="send-result"
        >
          {t('outbox.sendResult', {
            sent: formatNumber(outcome.report.sent),
            failed: formatNumber(outcome.report.failed),
            withdrawn: formatNumber(outcome.report.withdrawn),
            queued: formatNumber(outcome.report.stillQueued),
          })}
          {outcome.report.stoppedBy &&
            ` ${t('outbox.stoppedBy', { reason: errorMessage({ code: outcome.report.stoppedBy, params: {} }) })}`}
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
                  {item.channel === 'letter' ? (
                    <Text size="sm">
                      {t('outbox.channel.letter')}: {item.recipient}
                    </Text>
                  ) : (
                    <EmailAddress address={item.recipient} />
                  )}
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
                    <Text size="sm" c={item.state === 'withdrawn' ? 'dimmed' : 'red'} lineClamp={3}>
                      {errorMessage({ code: item.lastError, params: {} })}
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
