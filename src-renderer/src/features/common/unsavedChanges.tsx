import { useEffect } from 'react';
import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../stores/appStore';

/** A page's form tells the shell whether it holds unsaved changes; leaving the page then asks first. */
export function useUnsavedChanges(dirty: boolean): void {
  const setUnsaved = useAppStore((state) => state.setUnsaved);
  useEffect(() => {
    setUnsaved(dirty);
    return () => setUnsaved(false);
  }, [dirty, setUnsaved]);
}

/** "Ungespeicherte Änderungen verwerfen?" when the user leaves a page with unsaved changes. */
export function LeaveConfirmation() {
  const { t } = useTranslation();
  const pending = useAppStore((state) => state.pendingRoute !== null);
  const leave = useAppStore((state) => state.leave);
  const stay = useAppStore((state) => state.stay);
  return (
    <Modal opened={pending} onClose={stay} title={t('app.unsaved.title')} centered>
      <Text size="sm">{t('app.unsaved.text')}</Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={stay} data-autofocus>
          {t('app.unsaved.stay')}
        </Button>
        <Button color="red" onClick={leave}>
          {t('app.unsaved.discard')}
        </Button>
      </Group>
    </Modal>
  );
}
