/** The words and names the Protokoll's sentences are made of (sentences.ts). */
import { tz } from '@date-fns/tz';
import { format } from 'date-fns';
import type { Language } from '../../../../shared/ipc';
import type { AuditNames } from '../../db/auditNames';
import { formatDate } from '../../mail/format';
import { displayName, nameOfRow } from '../portfolioViews';
import { de } from './de';
import { en } from './en';
import type { AuditTexts } from './texts';

export const auditTexts: Record<Language, AuditTexts> = { de, en };

export type Values = Record<string, unknown>;

export function parse(json: string | null): Values {
  if (json === null) return {};
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Values)
      : { value };
  } catch {
    return { value: json };
  }
}

export const num = (value: unknown): number | null => (typeof value === 'number' ? value : null);
export const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T/;
const inBerlin = tz('Europe/Berlin');

/** The words of one language with the names of one page or export. */
export function reader(language: Language, names: AuditNames) {
  const t = auditTexts[language];
  const day = (iso: unknown) =>
    typeof iso === 'string' && ISO_DAY.test(iso) ? formatDate(language, iso) : t.open;
  const instant = (iso: string) =>
    format(Date.parse(iso), language === 'de' ? 'dd.MM.yyyy HH:mm' : 'yyyy-MM-dd HH:mm', { in: inBerlin });
  const contact = (id: unknown): string => {
    const known = typeof id === 'number' ? names.contact(id) : null;
    return known === null ? t.contactNumbered(String(id)) : displayName(nameOfRow(known));
  };
  const property = (id: unknown) => (typeof id === 'number' ? names.property(id) : null) ?? `#${String(id)}`;
  const unit = (id: unknown): string => {
    const found = typeof id === 'number' ? names.unit(id) : null;
    if (found === null) return `#${String(id)}`;
    return t.sentences.unit(`${found.name} (${found.number})`, property(found.propertyId));
  };
  const content = (id: unknown, recorded?: Values): string => {
    const found = typeof id === 'number' ? names.content(id) : null;
    const title = str(recorded?.title) ?? found?.title ?? `#${String(id)}`;
    const kind = str(recorded?.kind) ?? found?.kind ?? '';
    return t.sentences.content(t.kind[kind] ?? '', t.quoted(title)).trim();
  };
  const quotedContent = (id: unknown) => {
    const found = typeof id === 'number' ? names.content(id) : null;
    return t.quoted(found?.title ?? `#${String(id)}`);
  };

  function value(key: string, v: unknown): string {
    if (v === null || v === undefined || v === '') return t.none;
    if (typeof v === 'boolean') return v ? t.on : t.off;
    if (key === 'contactId') return contact(v);
    if (key === 'unitId') return unit(v);
    if (key === 'propertyId') return property(v);
    if (typeof v === 'string') {
      if (ISO_DAY.test(v)) return day(v);
      if (ISO_INSTANT.test(v)) return instant(v);
      return t.values[v] ?? v;
    }
    if (typeof v === 'number') return String(v);
    return '';
  }

  /** "Nachname: Müller → Meier, E-Mail: – → a@b.de"; lists and objects by their name only. */
  function changes(before: Values, after: Values, skip: readonly string[] = []): string {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
      (k) => !skip.includes(k),
    );
    const parts = keys.flatMap((key) => {
      if (!Object.hasOwn(before, key) || !Object.hasOwn(after, key)) return [];
      if (JSON.stringify(before[key]) === JSON.stringify(after[key])) return [];
      const label = t.fields[key] ?? key;
      const [from, to] = [value(key, before[key]), value(key, after[key])];
      return from === '' || to === '' ? [label] : [`${label}: ${from} → ${to}`];
    });
    return parts.length === 0 ? t.sentences.noChanges : parts.join(', ');
  }

  /** "aus → an, 30 → 60 Tage" for one access window. */
  function windowChange(before: unknown, after: unknown): string | null {
    const b = (before ?? {}) as Values;
    const a = (after ?? {}) as Values;
    const parts: string[] = [];
    if (b.enabled !== a.enabled) parts.push(`${value('', b.enabled)} → ${value('', a.enabled)}`);
    if (b.days !== a.days) parts.push(`${String(b.days ?? t.none)} → ${t.days(num(a.days) ?? 0)}`);
    return parts.length === 0 ? null : parts.join(', ');
  }

  return { t, day, instant, contact, property, unit, content, quotedContent, changes, windowChange };
}
export type Reader = ReturnType<typeof reader>;

export interface Row {
  id: string | null;
  before: Values;
  after: Values;
}
