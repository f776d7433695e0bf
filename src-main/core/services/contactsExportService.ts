/**
 * Kontakte › Exportieren: the contacts list as filtered, as .csv or .xlsx, with access today by the
 * settings in force (import/contactsExport.ts makes the rows and the file), written batch by batch
 * to the file the user chooses (exports/saveExport.ts). A read: nothing is written to the store,
 * nothing audited. The answer's count is the contacts exported.
 */
import type { SavedExport } from '../../../shared/contract/exports';
import type { ContactsExportQuery } from '../../../shared/contract/imports';
import type { CoreContext } from '../context';
import { accessBounds } from '../db/accessRepository';
import { contactExportRepository } from '../db/contactExportRepository';
import { saveExport } from '../exports/saveExport';
import { contactExportRows, contactsExportChunks, contactsExportName } from '../import/contactsExport';
import type { SettingsService } from './settingsService';

export function contactsExportService(ctx: CoreContext, settings: SettingsService) {
  const source = contactExportRepository(ctx.db);
  return {
    async export(query: ContactsExportQuery): Promise<SavedExport> {
      const today = ctx.clock.today();
      return await saveExport(ctx.saveDialog, contactsExportName(query, today), () => {
        const current = settings.getAccess();
        const rows = contactExportRows(source, query, current, accessBounds(current, today), today);
        return contactsExportChunks(rows, query);
      });
    },
  };
}
