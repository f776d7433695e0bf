/**
 * Values of an ERP export read as the app's values: contract types (M/E/Mieter/Eigentümer/tenant/
 * owner), salutations (Herr/Frau/Firma/Eheleute/Familie/keine Angabe …), languages, contact preferences, usages, and
 * dates (31.12.2026, 2026-12-31, Excel serial days; 9999-12-31 and its kind = open-ended).
 */
import type { ImportValueField, ImportValueMap } from '../../../shared/contract/imports';
import { isContractDate, isIsoDate } from '../../../shared/dates';
import { foldHeader } from './suggest';

/** Folded file values per app value, per field (folded as headers are). */
const VALUE_SYNONYMS: Record<ImportValueField, Record<string, readonly string[]>> = {
  'contract.type': {
    tenant: ['m', 'mieter', 'mieterin', 'miete', 'mietvertrag', 'mv', 't', 'tenant', 'lessee'],
    owner: ['e', 'eigentuemer', 'eigentuemerin', 'eigentum', 'et', 'weg', 'o', 'owner'],
  },
  'contact.salutation': {
    mr: ['herr', 'hr', 'mr', 'mister', 'm'],
    ms: ['frau', 'fr', 'ms', 'mrs', 'miss', 'f', 'w'],
    mx: ['divers', 'mx', 'neutral', 'd'],
    none: ['keineangabe', 'ohne', 'none', 'notspecified'],
    company: ['firma', 'fa', 'company', 'gmbh', 'unternehmen'],
    couple: ['eheleute', 'ehepaar', 'herrundfrau', 'herrnundfrau', 'mrandmrs', 'mrmrs', 'couple'],
    family: ['familie', 'fam', 'family'],
  },
  'contact.language': {
    de: ['de', 'deutsch', 'german', 'd', 'ger', 'deu'],
    en: ['en', 'englisch', 'english', 'e', 'eng'],
  },
  'contact.preference': {
    postal: ['post', 'postal', 'brief', 'papier', 'letter', 'mail'],
    online: ['online', 'email', 'portal', 'digital'],
  },
  'unit.usage': {
    private: ['wohnen', 'wohnung', 'privat', 'wohnraum', 'w', 'p', 'private', 'residential'],
    commercial: ['gewerbe', 'gewerblich', 'g', 'c', 'laden', 'buero', 'commercial', 'business'],
  },
};

const lookup = new Map<string, string>();
for (const [field, values] of Object.entries(VALUE_SYNONYMS)) {
  for (const [value, words] of Object.entries(values)) {
    for (const word of words) lookup.set(`${field}:${word}`, value);
  }
}

/**
 * The app value of a file value, the manager's own translations first; null when unknown. The
 * app values themselves are accepted as they are.
 */
export function mapValue(field: ImportValueField, raw: string, own: ImportValueMap): string | null {
  const manual = own[field];
  if (manual !== undefined) {
    const hit = Object.entries(manual).find(
      ([from]) => from.trim().toLowerCase() === raw.trim().toLowerCase(),
    );
    if (hit !== undefined) return hit[1];
  }
  return lookup.get(`${field}:${foldHeader(raw)}`) ?? null;
}

export type DateReading =
  { kind: 'date'; iso: string } | { kind: 'open' } | { kind: 'unreadable' } | { kind: 'outOfRange' };

/** Excel's day 0 (1899-12-30, so that its 1900 leap-year bug cancels out after February 1900). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Placeholders ERPs write for "no end": year 9998 or 9999, or all zeros. */
function isOpenPlaceholder(year: number, month: number, day: number): boolean {
  return year >= 9998 || (year === 0 && month === 0 && day === 0);
}

function checked(year: number, month: number, day: number): DateReading {
  if (isOpenPlaceholder(year, month, day)) return { kind: 'open' };
  const iso = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  if (!isIsoDate(iso)) return { kind: 'unreadable' };
  return isContractDate(iso) ? { kind: 'date', iso } : { kind: 'outOfRange' };
}

/** Reads 31.12.2026, 1.2.26, 2026-12-31(T…), an Excel serial day; '' and placeholders are open. */
export function readDate(raw: string): DateReading {
  const text = raw.trim();
  if (text === '') return { kind: 'open' };
  let match = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(text);
  if (match !== null) {
    const [, d, m, y] = match.map(Number) as [number, number, number, number];
    const year = match[3]?.length === 2 ? 2000 + y : y;
    return checked(year, m, d);
  }
  match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/.exec(text);
  if (match !== null) {
    const [, y, m, d] = match.map(Number) as [number, number, number, number];
    return checked(y, m, d);
  }
  if (/^\d{1,7}(?:[.,]\d+)?$/.test(text)) {
    const serial = Math.floor(Number(text.replace(',', '.')));
    if (serial >= 2_958_000) return { kind: 'open' };
    const date = new Date(EXCEL_EPOCH_MS + serial * DAY_MS);
    return checked(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  }
  return { kind: 'unreadable' };
}
