import { useState } from 'react';
import { Button, Card, Code, Drawer, EmptyState, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditLogEntry } from '../../../../shared/ipc';
import { formatDateTime } from '../../i18n';
import { useAppStore } from '../../stores/appStore';
import { useChannelFetch } from '../../api/queries';
import { usePagedQuery } from '../common/paging';
import { saveBase64File } from '../common/download';
import { ListPagination, ListRange, PageTable } from '../common/ListPagination';
import { LoadStatus } from '../common/LoadStatus';
import { notifyError, notifySuccess } from '../common/notify';
import { PageHeader } from '../common/PageHeader';
import { RowLink } from '../common/RowLink';
import { changeSummary, prettyJson } from './changes';

const AUDIT_PAGE_SIZE = 50;

/** Labels for what the audit records; an action or entity without one is shown as recorded. */
function useAuditLabels() {
  const { t } = useTranslation();
  return {
    action: (entry: AuditLogEntry) => t(`auditLog.action.${entry.action}`, { defaultValue: entry.action }),
    entity: (entry: AuditLogEntry) => {
      const name = t(`auditLog.entity.${entry.entity}`, { defaultValue: entry.entity });
      return entry.entityId === null ? name : `${name} #${entry.entityId}`;
    },
  };
}

/** Administration › Protokoll: every recorded change, newest first, and its CSV export. */
export function AuditLogPage() {
  const { t } = useTranslation();
  // The range of Berlin calendar days, both inclusive; null = open.
  const [range, setRangeState] = useState<{ from: string | null; to: string | null }>({
    from: null,
    to: null,
  });
  const { from, to } = range;
  const list = usePagedQuery('auditLog.list', range, AUDIT_PAGE_SIZE);
  const { page, pages, setPage, error } = list;
  const items = list.data?.items;
  const total = list.data?.total ?? 0;
  const loading = list.isPlaceholderData;
  const exportCsv = useChannelFetch('auditLog.export');
  const setRange = (from: string | null, to: string | null) => {
    setRangeState({ from, to });
    setPage(1);
  };
  const language = useAppStore((state) => state.language);
  const labels = useAuditLabels();
  const [open, setOpen] = useState<AuditLogEntry | null>(null);
  const [exporting, setExporting] = useState(false);

  async function onExport() {
    setExporting(true);
    const result = await exportCsv({ from, to, language });
    setExporting(false);
    if (!result.ok) return notifyError(result.error);
    saveBase64File(result.value.csvBase64, result.value.fileName, 'text/csv;charset=utf-8');
    const count = result.value.rows;
    notifySuccess(t('auditLog.exported', { count }));
  }

  return (
    <Stack gap="lg" maw={1200}>
      <PageHeader
        crumbs={[t('nav.administration'), t('nav.auditLog')]}
        title={t('auditLog.title')}
        intro={t('auditLog.intro')}
      />

      <Group align="flex-end" justify="space-between">
        <Group align="flex-end">
          <TextInput
            type="date"
            label={t('auditLog.from')}
            value={from ?? ''}
            onChange={(event) => setRange(event.currentTarget.value || null, to)}
          />
          <TextInput
            type="date"
            label={t('auditLog.to')}
            value={to ?? ''}
            onChange={(event) => setRange(from, event.currentTarget.value || null)}
          />
          {(from !== null || to !== null) && (
            <Button variant="default" onClick={() => setRange(null, null)}>
              {t('auditLog.allDays')}
            </Button>
          )}
        </Group>
        <Button onClick={() => void onExport()} loading={exporting} disabled={error !== null}>
          {t('auditLog.export')}
        </Button>
      </Group>

      <LoadStatus error={error} loaded={items !== undefined} />
      <ListRange total={total} page={page} pageSize={AUDIT_PAGE_SIZE} testId="audit-range" />

      {items && items.length === 0 && !loading && !error && (
        <Card withBorder padding="xl">
          <EmptyState title={t('auditLog.empty.title')} description={t('auditLog.empty.text')} />
        </Card>
      )}

      {items && items.length > 0 && (
        <PageTable highlightOnHover loading={loading} data-testid="audit-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('auditLog.columns.at')}</Table.Th>
              <Table.Th>{t('auditLog.columns.actor')}</Table.Th>
              <Table.Th>{t('auditLog.columns.action')}</Table.Th>
              <Table.Th>{t('auditLog.columns.entity')}</Table.Th>
              <Table.Th>{t('auditLog.columns.changes')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((entry) => (
              <Table.Tr key={entry.id} style={{ cursor: 'pointer' }} onClick={() => setOpen(entry)}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at)}</Table.Td>
                <Table.Td>{entry.actor}</Table.Td>
                <Table.Td>
                  <RowLink size="sm" ta="left" onOpen={() => setOpen(entry)}>
                    {labels.action(entry)}
                  </RowLink>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{labels.entity(entry)}</Table.Td>
                <Table.Td maw={420}>
                  <Text size="sm" lineClamp={2}>
                    {changeSummary(entry.before, entry.after)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </PageTable>
      )}

      <ListPagination pages={pages} value={page} onChange={setPage} />

      {open && <AuditEntryDrawer entry={open} onClose={() => setOpen(null)} />}
    </Stack>
  );
}

function AuditEntryDrawer({ entry, onClose }: { entry: AuditLogEntry; onClose(): void }) {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="lg"
      title={labels.action(entry)}
      closeButtonProps={{ 'aria-label': t('app.close') }}
    >
      <Stack gap="sm">
        <Text size="sm">
          {formatDateTime(entry.at)} · {entry.actor} · {labels.entity(entry)}
        </Text>
        <Text size="sm" c="dimmed">
          {entry.action}
        </Text>
        {(['before', 'after'] as const).map((side) =>
          entry[side] === null ? null : (
            <Stack gap={4} key={side}>
              <Text fw={600} size="sm">
                {t(`auditLog.${side}`)}
              </Text>
              <Code block>{prettyJson(entry[side])}</Code>
            </Stack>
          ),
        )}
      </Stack>
    </Drawer>
  );
}
