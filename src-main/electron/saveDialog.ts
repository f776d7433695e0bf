/**
 * The system's save dialog for exports (core/exports/saveExport.ts): the shell owns the dialog and
 * the path. The page asks for an export by its channel; the core asks this dialog where to write;
 * the path the user picks goes straight to the core's writer for that one request and never
 * travels over IPC, so a hostile page cannot make the app write anywhere the user did not choose.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, type SaveDialogOptions } from 'electron';
import type { ExportKind, SaveDialog } from '../core/exports/saveExport';

/** The file types offered, by the export's kind (format names read the same in de and en). */
const filters: Record<ExportKind, SaveDialogOptions['filters']> = {
  csv: [{ name: 'CSV', extensions: ['csv'] }],
  pdf: [{ name: 'PDF', extensions: ['pdf'] }],
  xlsx: [{ name: 'Excel', extensions: ['xlsx'] }],
  sqlite: [{ name: 'SQLite', extensions: ['sqlite'] }],
};

export function electronSaveDialog(): SaveDialog {
  return {
    async choose({ suggestedName, kind }) {
      const options: SaveDialogOptions = {
        defaultPath: path.join(app.getPath('documents'), path.basename(suggestedName)),
        filters: filters[kind],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const window = BrowserWindow.getFocusedWindow();
      const result = await (window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options));
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
