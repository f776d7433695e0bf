import { useEffect, useState } from 'react';
import type { PropertySummary, UnitView } from '../../../../shared/ipc';
import { api } from '../../api/client';

export interface Option {
  value: string;
  label: string;
}

/** Every Liegenschaft as a Select option. */
export function usePropertyOptions(): Option[] {
  const [properties, setProperties] = useState<PropertySummary[]>([]);
  useEffect(() => {
    void api.properties.list().then((result) => {
      if (result.ok) setProperties(result.value);
    });
  }, []);
  return properties.map((property) => ({ value: String(property.id), label: property.name }));
}

/**
 * The units of a property as options "WE 03 · 2. OG links"; empty while none is chosen. Loaded only
 * when `wanted` (e.g. once the picker opens): a large property's detail is megabytes.
 */
export function useUnitOptions(propertyId: number | null, wanted = true): Option[] {
  const [loaded, setLoaded] = useState<{ propertyId: number; units: UnitView[] } | null>(null);
  useEffect(() => {
    if (propertyId === null || !wanted) return;
    let current = true;
    void api.properties.get({ id: propertyId }).then((result) => {
      if (current && result.ok) setLoaded({ propertyId, units: result.value.units });
    });
    return () => {
      current = false;
    };
  }, [propertyId, wanted]);
  if (propertyId === null || loaded?.propertyId !== propertyId) return [];
  return loaded.units.map((unit) => ({ value: String(unit.id), label: `${unit.number} · ${unit.name}` }));
}

/** Display names of contacts known only by id (a process's linked contacts). */
export function useContactNames(ids: readonly number[]): Map<number, string> {
  const [names, setNames] = useState<Map<number, string>>(new Map());
  const key = ids.join(',');
  useEffect(() => {
    if (!key) return;
    let current = true;
    const wanted = key.split(',').map(Number);
    void Promise.all(wanted.map((id) => api.contacts.get({ id }))).then((results) => {
      if (!current) return;
      const next = new Map<number, string>();
      results.forEach((result, index) => {
        if (result.ok) next.set(wanted[index] ?? 0, result.value.contact.displayName);
      });
      setNames(next);
    });
    return () => {
      current = false;
    };
  }, [key]);
  return names;
}
