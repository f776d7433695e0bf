import { Button, Card, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useImportProgress } from '../../api/queries';
import { formatNumber } from '../../i18n';

/**
 * While a file is read, checked or imported: how far the core got (event imports.progress) and
 * Abbrechen — until it writes; the commit's one transaction then finishes or rolls back whole.
 */
export function ImportProgressBar({
  active,
  onCancel,
}: {
  active: boolean;
  onCancel: (fileId: string) => void;
}) {
  const { t } = useTranslation();
  const progress = useImportProgress(active);
  if (!active) return null;
  const phase = progress?.phase ?? 'reading';
  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <Card withBorder data-testid="import-progress">
      <Stack gap="xs">
        <Text size="sm">{t(`dataImport.phase.${phase}`, { rows: formatNumber(progress?.rows ?? 0) })}</Text>
        <Progress value={percent} animated aria-label={t(`dataImport.phase.${phase}`, { rows: '' })} />
        <Group>
          <Button
            variant="default"
            disabled={progress === null || phase === 'writing'}
            onClick={() => progress && onCancel(progress.fileId)}
          >
            {t('app.cancel')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
