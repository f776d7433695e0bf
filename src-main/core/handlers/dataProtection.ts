import type { dataProtectionChannels } from '../../../shared/contract/dataProtection';
import type { Services } from '../services';
import type { HandlersOf } from './types';

export function dataProtectionHandlers({
  dataProtection,
  auditLog,
}: Services): HandlersOf<typeof dataProtectionChannels> {
  return {
    'dataProtection.getSettings': () => dataProtection.getSettings(),
    'dataProtection.updateSettings': (next) => dataProtection.updateSettings(next),
    'dataProtection.candidates': ({ offset, limit }) => dataProtection.candidates(offset, limit),
    'dataProtection.anonymise': ({ contactIds }) => dataProtection.anonymise(contactIds),
    'auditLog.list': ({ from, to, offset, limit, importId }) =>
      auditLog.page(from, to, offset, limit, importId),
    'auditLog.export': ({ from, to, language }) => auditLog.export(from, to, language),
  };
}
