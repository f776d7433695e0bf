import { useState } from 'react';
import { Button, Card, EmptyState, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n';
import { useAppStore } from '../../stores/appStore';
import { useChannelFetch } from '../../api/queries';
import { usePagedQuery } from '../common/paging';
import { ListPagination, ListRange, PageTable } from '../common/ListPagination';
import { LoadStatus } from '../common/LoadStatus';
import { notifyError, notifySuccess } from '../common/notify';
import { PageHeader } from '../common/PageHeader';
import { AuditFilters, auditQuery, noAuditFilters, type AuditFilterValue } from './AuditFilters';

const AUDIT_PAGE_SIZE = 50;

/** Administration › Protokoll: every recorded change as a sentence, newest first, filters and CSV export. */
export function AuditLogPage() {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const [filters, setFiltersState] = useState<AuditFilterValue>(noAuditFilters);
  const query = { ...auditQuery(filters), language };
  const list = usePagedQuery('auditLog.list', query, AUDIT_PAGE_SIZE);
  const { page, pages, setPage, error } = list;
  const items = list.data?.items;
  const total = list.data?.total ?? 0;
  const loading = list.isPlaceholderData;
  const exportCsv = useChannelFetch('auditLog.export');
  const setFilters = (next: AuditFilterValue) => {
    setFiltersState(next);
    setPage(1);
  };
  const [exporting, setExporting] = useState(false);

  async function onExport() {
    setExporting(true);
    const result = await exportCsv(query);
    setExporting(false);
    if (!result.ok) return notifyError(result.error);
    // Written by the app where the user chose in the save dialog; cancelled: nothing to say.
    if (!result.value.saved) return;
    const { count, fileName } = result.value;
    notifySuccess(t('auditLog.exported', { count, fileName }));
  }

  return (
    <Stack gap="lg" maw={1200}>
      <PageHeader
        crumbs={[t('nav.administration'), t('nav.auditLog')]}
        title={t('auditLog.title')}
        intro={t('auditLog.intro')}
      />

      <Group align="flex-end" justify="space-between">
        <AuditFilters value={filters} onChange={setFilters} />
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
              <Table.Th>{t('auditLog.columns.object')}</Table.Th>
              <Table.Th>{t('auditLog.columns.description')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((entry) => (
              <Table.Tr key={entry.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at)}</Table.Td>
                <Table.Td>{entry.actor}</Table.Td>
                <Table.Td>{entry.actionLabel}</Table.Td>
                <Table.Td>{entry.object}</Table.Td>
                <Table.Td maw={480}>
                  <Text size="sm">{entry.description}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </PageTable>
      )}

      <ListPagination pages={pages} value={page} onChange={setPage} />
    </Stack>
  );
}
