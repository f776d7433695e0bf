import { Alert, Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/errors';
import { errorMessage } from '../../i18n';

/** The end of a form: the error no field shows, then "Abbrechen" and "Speichern" (the form's submit). */
export function FormFooter({
  formError,
  busy,
  onCancel,
}: {
  formError?: AppError | null;
  busy: boolean;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {formError && <Alert color="red">{errorMessage(formError)}</Alert>}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('app.cancel')}
        </Button>
        <Button type="submit" loading={busy}>
          {t('app.save')}
        </Button>
      </Group>
    </>
  );
}
