import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  EmptyState,
  Group,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BackupInfo, BackupKind } from '../../../../shared/ipc';
import { useChannelMutation, useChannelQuery } from '../../api/queries';
import { formatBytes, formatDateTime } from '../../i18n';
import { LoadStatus } from '../common/LoadStatus';
import { notifySuccess, valueOrNotify } from '../common/notify';
import { PageHeader } from '../common/PageHeader';
import { TeamBackupNotice } from '../teamDatabase/TeamBackupNotice';
import { DeleteConfirmation } from './DeleteConfirmation';
import { RestoreConfirmation } from './RestoreConfirmation';

const kindColors: Record<BackupKind, string> = {
  automatic: 'gray',
  manual: 'blue',
  beforeRestore: 'orange',
  beforeImport: 'grape',
};

/** What a confirmation dialog is open for. */
interface Pending {
  action: 'restore' | 'delete';
  backup: BackupInfo;
}

/** Administration › Datensicherung: the backups, "Sicherung erstellen", restoring or deleting one of them. */
export function BackupsPage() {
  const { t } = useTranslation();
  const { data: overview, error: loadError } = useChannelQuery('backups.list', undefined);
  const create = useChannelMutation('backups.create');
  const restore = useChannelMutation('backups.restore');
  const remove = useChannelMutation('backups.delete');
  const [creating, setCreating] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);

  async function onCreate() {
    setCreating(true);
    const created = valueOrNotify(await create.mutateAsync(undefined));
    setCreating(false);
    if (created) notifySuccess(t('backups.created', { date: formatDateTime(created.createdAt) }));
  }

  async function onConfirm({ action, backup }: Pending) {
    setBusy(true);
    if (action === 'restore') {
      const restored = valueOrNotify(await restore.mutateAsync({ name: backup.name }));
      if (restored)
        notifySuccess(t('backups.restored', { date: formatDateTime(restored.restored.createdAt) }));
    } else {
      const deleted = valueOrNotify(await remove.mutateAsync({ name: backup.name }));
      if (deleted) notifySuccess(t('backups.deleted', { date: formatDateTime(deleted.createdAt) }));
    }
    setBusy(false);
    setPending(null);
  }

  function onCancel() {
    if (!busy) setPending(null);
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
      <TeamBackupNotice />
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

      <LoadStatus error={loadError} loaded={overview !== undefined} />

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
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="light"
                        aria-label={t('backups.restoreLabel', { date })}
                        onClick={() => setPending({ action: 'restore', backup })}
                      >
                        {t('backups.restore')}
                      </Button>
                      <Button
                        size="xs"
                        variant="light"
                        color="red"
                        aria-label={t('backups.deleteLabel', { date })}
                        onClick={() => setPending({ action: 'delete', backup })}
                      >
                        {t('app.delete')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}

      {pending?.action === 'restore' && (
        <RestoreConfirmation
          backup={pending.backup}
          restoring={busy}
          onConfirm={() => void onConfirm(pending)}
          onCancel={onCancel}
        />
      )}
      {pending?.action === 'delete' && (
        <DeleteConfirmation
          backup={pending.backup}
          deleting={busy}
          onConfirm={() => void onConfirm(pending)}
          onCancel={onCancel}
        />
      )}
    </Stack>
  );
}
