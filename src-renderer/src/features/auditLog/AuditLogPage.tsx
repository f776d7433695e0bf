import { useEffect, useState } from 'react';
import {
  Alert,
  Breadcrumbs,
  Button,
  Card,
  Center,
  Code,
  Drawer,
  EmptyState,
  Group,
  Loader,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditLogEntry } from '../../../../shared/ipc';
import { errorMessage, formatNumber } from '../../i18n';
import { useAppStore } from '../../stores/appStore';
import { AUDIT_PAGE_SIZE, useAuditLogStore } from '../../stores/auditLogStore';
import { saveBase64File } from '../common/download';
import { ListPagination } from '../common/ListPagination';
import { notifyError, notifySuccess } from '../common/notify';
import { RowLink } from '../common/RowLink';
import { formatDateTime } from '../outbox/format';
import { changeSummary, prettyJson } from './changes';

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
  const { items, total, from, to, page, loading, error, load, setRange, setPage, exportCsv } =
    useAuditLogStore();
  const language = useAppStore((state) => state.language);
  const labels = useAuditLabels();
  const [open, setOpen] = useState<AuditLogEntry | null>(null);
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    void load();
  }, [load]);

  async function onExport() {
    setExporting(true);
    const result = await exportCsv(language);
    setExporting(false);
    if (!result.ok) return notifyError(result.error);
    saveBase64File(result.value.csvBase64, result.value.fileName, 'text/csv;charset=utf-8');
    const count = result.value.rows;
    notifySuccess(t('auditLog.exported', { count, formatted: formatNumber(count) }));
  }

  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const first = total === 0 ? 0 : (page - 1) * AUDIT_PAGE_SIZE + 1;
  const last = Math.min(total, page * AUDIT_PAGE_SIZE);

  return (
    <Stack gap="lg" maw={1200}>
      <Breadcrumbs>
        <Text size="sm">{t('nav.administration')}</Text>
        <Text size="sm">{t('nav.auditLog')}</Text>
      </Breadcrumbs>
      <Title order={2}>{t('auditLog.title')}</Title>
      <Text c="dimmed">{t('auditLog.intro')}</Text>

      <Group align="flex-end" justify="space-between">
        <Group align="flex-end">
          <TextInput
            type="date"
            label={t('auditLog.from')}
            value={from ?? ''}
            onChange={(event) => void setRange(event.currentTarget.value || null, to)}
          />
          <TextInput
            type="date"
            label={t('auditLog.to')}
            value={to ?? ''}
            onChange={(event) => void setRange(from, event.currentTarget.value || null)}
          />
          {(from !== null || to !== null) && (
            <Button variant="default" onClick={() => void setRange(null, null)}>
              {t('auditLog.allDays')}
            </Button>
          )}
        </Group>
        <Button onClick={() => void onExport()} loading={exporting} disabled={error !== null}>
          {t('auditLog.export')}
        </Button>
      </Group>

      {error && <Alert color="red">{errorMessage(error)}</Alert>}
      {total > 0 && (
        <Text size="sm" c="dimmed" data-testid="audit-range">
          {t('auditLog.range', {
            from: formatNumber(first),
            to: formatNumber(last),
            total: formatNumber(total),
          })}
        </Text>
      )}

      {!items && !error && (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      )}

      {items && items.length === 0 && !loading && !error && (
        <Card withBorder padding="xl">
          <EmptyState title={t('auditLog.empty.title')} description={t('auditLog.empty.text')} />
        </Card>
      )}

      {items && items.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table
            highlightOnHover
            withTableBorder
            verticalSpacing="sm"
            style={{ opacity: loading ? 0.6 : 1 }}
            data-testid="audit-table"
          >
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
          </Table>
        </Table.ScrollContainer>
      )}

      <ListPagination pages={pages} value={page} onChange={(next) => void setPage(next)} />

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
      closeButtonProps={{ 'aria-label': t('auditLog.close') }}
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
