import { useState } from 'react';
import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportFormat } from '../../../../shared/contract/imports';
import { useChannelFetch } from '../../api/queries';
import { useAppStore } from '../../stores/appStore';
import { notifyError, notifySuccess } from '../common/notify';
import { useContactFilters } from './contactFilters';

/**
 * Kontakte › Exportieren: the list as filtered now (search and filters, not the page on screen) as
 * .csv or .xlsx, written by the app where the user chooses; the file imports again in
 * Administration › Stammdaten-Import.
 */
export function ContactsExportButton() {
  const { t } = useTranslation();
  const filters = useContactFilters((state) => state.filters);
  const language = useAppStore((state) => state.language);
  const exportContacts = useChannelFetch('contacts.export');
  const [exporting, setExporting] = useState(false);

  async function exportAs(format: ImportFormat) {
    setExporting(true);
    const result = await exportContacts({ ...filters, format, language });
    setExporting(false);
    if (!result.ok) return notifyError(result.error);
    // Written by the app where the user chose in the save dialog; cancelled: nothing to say.
    if (!result.value.saved) return;
    const { count, fileName } = result.value;
    notifySuccess(t('contacts.exported', { count, fileName }));
  }

  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="default" loading={exporting}>
          {t('contacts.export')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => void exportAs('xlsx')}>{t('contacts.exportXlsx')}</Menu.Item>
        <Menu.Item onClick={() => void exportAs('csv')}>{t('contacts.exportCsv')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
