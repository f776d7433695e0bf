import { skipToken } from '@tanstack/react-query';
import { useChannelQuery } from '../../api/queries';

export interface Option {
  value: string;
  label: string;
}

/** Every Liegenschaft as a Select option. */
export function usePropertyOptions(): Option[] {
  const { data: properties = [] } = useChannelQuery('properties.list', undefined);
  return properties.map((property) => ({ value: String(property.id), label: property.name }));
}

/**
 * The units of a property as options "WE 03 · 2. OG links"; empty while none is chosen. Loaded only
 * when `wanted` (e.g. once the picker opens).
 */
export function useUnitOptions(propertyId: number | null, wanted = true): Option[] {
  const { data: units = [] } = useChannelQuery(
    'units.options',
    propertyId === null || !wanted ? skipToken : { propertyId },
  );
  return units.map((unit) => ({ value: String(unit.id), label: unit.label }));
}

/** Display names of contacts known only by id (a process's linked contacts). */
export function useContactNames(ids: readonly number[]): Map<number, string> {
  const { data: names = [] } = useChannelQuery(
    'contacts.names',
    ids.length === 0 ? skipToken : { ids: [...ids] },
  );
  return new Map(names.map((contact) => [contact.id, contact.displayName]));
}
