import { Button } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { HeldFile } from '../../../../shared/ipc';
import { useChannelMutation } from '../../api/queries';
import { notifySuccess, valueOrNotify } from './notify';

/**
 * The button that saves letters the app holds for saving (a batch of letters as one PDF): the app
 * asks where in the system's save dialog and writes the file; the page never holds it.
 */
export function SavePdfButton({
  file,
  variant = 'light',
  children,
  onSaved,
}: {
  file: HeldFile;
  variant?: 'light' | 'filled';
  children: ReactNode;
  /** Called once the letters were saved to a file. */
  onSaved?: () => void;
}) {
  const { t } = useTranslation();
  const save = useChannelMutation('exports.save', { refetch: false });

  async function onSave() {
    const saved = valueOrNotify(await save.mutateAsync({ id: file.id }));
    // Cancelled in the save dialog: nothing written, nothing to say.
    if (saved?.saved) {
      notifySuccess(t('app.saved', { fileName: saved.fileName }));
      onSaved?.();
    }
  }

  return (
    <Button variant={variant} loading={save.isPending} onClick={() => void onSave()}>
      {children}
    </Button>
  );
}
