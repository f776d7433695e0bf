import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MAX_LETTERS } from '../../../../shared/contract/exports';
import { useCoreEvent } from '../../api/queries';
import { formatNumber } from '../../i18n';

/**
 * While a request that prints is running (`active`): how many of its letters are set, as a bar.
 * Letters are rendered in the background (a worker), so the window keeps answering meanwhile.
 */
export function LettersProgress({ active }: { active: boolean }) {
  const { t } = useTranslation();
  const progress = useCoreEvent('letters.progress', active);
  if (progress === null) return null;
  const label = t('app.letters.progress', {
    done: formatNumber(progress.done),
    total: formatNumber(progress.total),
  });
  return (
    <Stack gap={4} data-testid="letters-progress">
      <Text size="sm">{label}</Text>
      <Progress value={(100 * progress.done) / Math.max(1, progress.total)} aria-label={label} animated />
      <Text size="xs" c="dimmed">
        {t('app.letters.bound', { max: formatNumber(MAX_LETTERS) })}
      </Text>
    </Stack>
  );
}
