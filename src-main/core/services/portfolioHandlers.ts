import type { PortfolioChannelName } from '../../../shared/ipc';
import type { CoreContext } from '../context';
import type { SyncHandlers } from '../core';
import { contactService } from './contactService';
import { contractService } from './contractService';
import { propertyService } from './propertyService';
import type { SettingsService } from './settingsService';

/** The portfolio channels: properties, units, contacts, contracts (shared/contract/portfolio.ts). */
export function createPortfolioHandlers(
  ctx: CoreContext,
  settings: SettingsService,
): SyncHandlers<PortfolioChannelName> {
  const properties = propertyService(ctx, settings);
  const contacts = contactService(ctx, settings);
  const contracts = contractService(ctx, contacts);
  return {
    'properties.list': () => properties.list(),
    'properties.get': ({ id }) => properties.detail(id),
    'properties.create': (fields) => properties.create(fields),
    'properties.update': ({ id, ...fields }) => properties.update(id, fields),
    'units.create': (fields) => properties.createUnit(fields),
    'units.update': ({ id, ...fields }) => properties.updateUnit(id, fields),
    'units.options': ({ propertyId }) => properties.unitOptions(propertyId),
    'contacts.list': (query) => contacts.list(query),
    'contacts.get': ({ id }) => contacts.detail(id),
    'contacts.names': ({ ids }) => contacts.names(ids),
    'contacts.create': (fields) => contacts.create(fields),
    'contacts.update': ({ id, ...fields }) => contacts.update(id, fields),
    'contacts.setArchived': ({ id, archived }) => contacts.setArchived(id, archived),
    'contracts.create': (fields) => contracts.create(fields),
    'contracts.update': ({ id, ...fields }) => contracts.update(id, fields),
    'contracts.end': ({ id, end }) => contracts.end(id, end),
  };
}
