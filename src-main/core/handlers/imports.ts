import type { importChannels } from '../../../shared/contract/imports';
import type { Services } from '../services';
import type { HandlersOf } from './types';

export function importHandlers({ imports, contactsExport }: Services): HandlersOf<typeof importChannels> {
  return {
    'imports.open': ({ fileName, dataBase64, sheet }) => imports.open(fileName, dataBase64, sheet),
    'imports.preview': (run) => imports.preview(run),
    'imports.rejectedRows': (run) => imports.rejectedRows(run),
    'imports.commit': (run) => imports.commit(run),
    'imports.cancel': ({ fileId }) => imports.cancel(fileId),
    'imports.history': () => imports.history(),
    'contacts.export': (query) => contactsExport.export(query),
    'imports.restoreBefore': ({ id }) => imports.restoreBefore(id),
  };
}
