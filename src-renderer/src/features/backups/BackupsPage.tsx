import { useEffect, useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  EmptyState,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BackupInfo, BackupKind } from '../../../../shared/ipc';
import { formatBytes, formatDateTime } from '../../i18n';
import { LoadStatus } from '../common/LoadStatus';
import { notifySuccess, valueOrNotify } from '../common/notify';
import { PageHeader } from '../common/PageHeader';
import { useBackupsStore } from './backupsStore';
import { RestoreConfirmation } from './RestoreConfirmation';

const kindColors: Record<BackupKind, string> = { automatic: 'gray', manual: 'blue', beforeRestore: 'orange' };

/** Administration › Datensicherung: the backups, "Sicherung erstellen" and restoring one of them. */
export function BackupsPage() {
  const { t } = useTranslation();
  const { overview, loadError, load, create, restore } = useBackupsStore();
  const [creating, setCreating] = useState(false);
  const [confirming, setConfirming] = useState<BackupInfo | null>(null);
  const [restoring, setRestoring] = useState(false);

  useEffect(() => {
    void load();
  }, [load]);

  async function onCreate() {
    setCreating(true);
    const created = valueOrNotify(await create());
    setCreating(false);
    if (created) notifySuccess(t('backups.created', { date: formatDateTime(created.createdAt) }));
  }

  async function onRestore(backup: BackupInfo) {
    setRestoring(true);
    const restored = valueOrNotify(await restore(backup.name));
    setRestoring(false);
    setConfirming(null);
    if (restored) notifySuccess(t('backups.restored', { date: formatDateTime(restored.restored.createdAt) }));
  }

  return (
    <Stack gap="lg" maw={960}>
      <PageHeader
        crumbs={[t('nav.administration'), t('nav.backups')]}
        title={t('backups.title')}
        intro={t('backups.intro')}
        action={
          <Button onClick={() => void onCreate()} loading={creating}>
            {t('backups.create')}
          </Button>
        }
      />
      <Alert color="blue">
        <Stack gap={4}>
          <Text size="sm">{t('backups.documents')}</Text>
          {overview && (
            <Text size="sm">
              {t('backups.folder')} <Code data-testid="backups-folder">{overview.folder}</Code>
            </Text>
          )}
        </Stack>
      </Alert>

      <LoadStatus error={loadError} loaded={overview !== null} />

      {overview && overview.backups.length === 0 && (
        <Card withBorder padding="xl">
          <EmptyState title={t('backups.empty.title')} description={t('backups.empty.text')} />
        </Card>
      )}

      {overview && overview.backups.length > 0 && (
        <Table withTableBorder verticalSpacing="sm" data-testid="backups-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('backups.columns.createdAt')}</Table.Th>
              <Table.Th>{t('backups.columns.kind')}</Table.Th>
              <Table.Th ta="right">{t('backups.columns.size')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('backups.columns.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {overview.backups.map((backup) => {
              const date = formatDateTime(backup.createdAt);
              return (
                <Table.Tr key={backup.name}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{date}</Table.Td>
                  <Table.Td>
                    <Badge color={kindColors[backup.kind]} variant="light">
                      {t(`backups.kind.${backup.kind}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">{formatBytes(backup.sizeBytes)}</Table.Td>
                  <Table.Td ta="right">
                    <Button
                      size="xs"
                      variant="light"
                      aria-label={t('backups.restoreLabel', { date })}
                      onClick={() => setConfirming(backup)}
                    >
                      {t('backups.restore')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}

      {confirming && (
        <RestoreConfirmation
          backup={confirming}
          restoring={restoring}
          onConfirm={() => void onRestore(confirming)}
          onCancel={() => {
            if (!restoring) setConfirming(null);
          }}
        />
      )}
    </Stack>
  );
}
