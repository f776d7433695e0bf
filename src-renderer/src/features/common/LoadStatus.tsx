import { Alert, Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/errors';
import { errorMessage } from '../../i18n';

/** The error that stopped loading; without one, a loader until the data is there (`loaded`). */
export function LoadStatus({ error, loaded = false }: { error: AppError | null; loaded?: boolean }) {
  const { t } = useTranslation();
  if (error) return <Alert color="red">{errorMessage(error)}</Alert>;
  if (loaded) return null;
  return (
    <Center py="xl">
      <Loader aria-label={t('app.loading')} />
    </Center>
  );
}
