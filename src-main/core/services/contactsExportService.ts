/**
 * Kontakte › Exportieren: the contacts list as filtered, as .csv or .xlsx, with access today by the
 * settings in force (import/contactsExport.ts makes the rows and the file). A read: nothing is
 * written, nothing audited. The file is answered whole (base64), as every file the app offers.
 */
import type { ContactsExportFile, ContactsExportQuery } from '../../../shared/contract/imports';
import type { CoreContext } from '../context';
import { accessBounds } from '../db/accessRepository';
import { contactExportRepository } from '../db/contactExportRepository';
import { contactExportRows, contactsExportFile } from '../import/contactsExport';
import type { SettingsService } from './settingsService';

export function contactsExportService(ctx: CoreContext, settings: SettingsService) {
  const source = contactExportRepository(ctx.db);
  return {
    async export(query: ContactsExportQuery): Promise<ContactsExportFile> {
      const today = ctx.clock.today();
      const current = settings.getAccess();
      const rows = contactExportRows(source, query, current, accessBounds(current, today), today);
      return contactsExportFile(rows, query, today);
    },
  };
}
