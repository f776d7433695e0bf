import { useState } from 'react';
import { Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../../shared/contract/backups';
import { formatBytes, formatDateTime } from '../../i18n';

interface Props {
  /** Newest first; the newest is preselected. */
  backups: BackupInfo[];
  busy: boolean;
  onRestore(name: string): void;
}

/** The backups of the damaged data dir to pick one from, and a confirmation before restoring it. */
export function BackupChoice({ backups, busy, onRestore }: Props) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState(backups[0]?.name ?? '');
  const [confirming, setConfirming] = useState(false);
  const chosen = backups.find((backup) => backup.name === selected);
  return (
    <Stack gap="sm">
      <Radio.Group label={t('startup.backups.legend')} value={selected} onChange={setSelected}>
        <Stack gap="xs" mt="xs">
          {backups.map((backup) => (
            <Radio
              key={backup.name}
              value={backup.name}
              label={t('startup.backups.option', {
                date: formatDateTime(backup.createdAt),
                kind: t(`startup.backups.kinds.${backup.kind}`),
                size: formatBytes(backup.sizeBytes),
              })}
            />
          ))}
        </Stack>
      </Radio.Group>
      <Group>
        <Button loading={busy} disabled={!chosen} onClick={() => setConfirming(true)}>
          {t('startup.choices.restoreBackup')}
        </Button>
      </Group>
      {chosen && (
        <Modal
          opened={confirming}
          onClose={() => setConfirming(false)}
          title={t('startup.confirmRestore.title')}
          centered
        >
          <Stack gap="sm">
            <Text>{t('startup.confirmRestore.text', { date: formatDateTime(chosen.createdAt) })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(false)}>
                {t('app.cancel')}
              </Button>
              <Button
                color="orange"
                onClick={() => {
                  setConfirming(false);
                  onRestore(chosen.name);
                }}
              >
                {t('backups.restore')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Stack>
  );
}
