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
    'auditLog.list': ({ language, offset, limit, ...query }) => auditLog.page(query, language, offset, limit),
    'auditLog.export': ({ language, ...query }) => auditLog.export(query, language),
    'auditLog.facets': ({ language }) => auditLog.facets(language),
  };
}
