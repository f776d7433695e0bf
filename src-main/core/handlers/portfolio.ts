import type { portfolioChannels } from '../../../shared/contract/portfolio';
import type { Services } from '../services';
import type { HandlersOf } from './types';

export function portfolioHandlers({
  portfolio,
  properties,
  contacts,
  contracts,
}: Services): HandlersOf<typeof portfolioChannels> {
  return {
    'portfolio.overview': () => portfolio.overview(),
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
