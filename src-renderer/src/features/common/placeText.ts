import type { ContactPlace } from '../../../../shared/ipc';

/** Where a contact is, as the list and the pickers name it: "Lindenhof · WE 03 · 2. OG links". */
export function placeText(place: ContactPlace): string {
  return `${place.propertyName} · ${place.unitNumber} · ${place.unitName}`;
}
