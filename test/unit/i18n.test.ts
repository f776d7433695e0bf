import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { loadMessages, message } from '../messages';
import { errorCodes } from '../../shared/errors';

function keys(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix];
  return Object.entries(node).flatMap(([key, value]) => keys(value, prefix ? `${prefix}.${key}` : key));
}

function placeholders(text: string): string[] {
  // With the format, as in `{{count, number}}`: both languages must format a value alike.
  return [...text.matchAll(/\{\{(\w+(?:, \w+)?)\}\}/g)].map((match) => match[1] ?? '').sort();
}

const de = loadMessages('de');
const en = loadMessages('en');

describe('translations', () => {
  it('have the same keys in German and English', () => {
    expect(keys(en).sort()).toEqual(keys(de).sort());
  });

  it('use the same placeholders in both languages', () => {
    const lookup = (messages: unknown, key: string) =>
      key
        .split('.')
        .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages) as string;
    for (const key of keys(de))
      expect(placeholders(lookup(en, key)), key).toEqual(placeholders(lookup(de, key)));
  });

  it('translate every error code the core can return', () => {
    for (const code of errorCodes) {
      expect(message(de, `errors.${code}`), code).not.toBe('');
      expect(message(en, `errors.${code}`), code).not.toBe('');
    }
  });

  it('use the glossary terms', () => {
    const glossary: [string, string, string][] = [
      ['settings.pre.label', 'Vorvertraglicher Zugang', 'Pre-contract access'],
      ['settings.post.label', 'Zugang nach Vertragsende', 'Access after contract end'],
      ['settings.days', 'Zeitraum (Tage)', 'Period (days)'],
      ['nav.accessSettings', 'Rollen & Zugriffsrechte', 'Roles & access rights'],
      ['access.active', 'Aktiver Vertrag', 'Active contract'],
      ['access.pre', 'Vor Vertragsbeginn', 'Before contract start'],
      ['access.post', 'Nach Vertragsende', 'After contract end'],
      ['access.none', 'Kein Zugang', 'No access'],
      // A contract's role is one person's: singular in English (contract table, unit list, filter).
      ['contract.type.tenant', 'Mieter', 'Tenant'],
      ['contract.type.owner', 'Eigentümer', 'Owner'],
      // A role as a share target means everyone in it: plural in English.
      ['sharing.role.tenant', 'Mieter', 'Tenants'],
      ['sharing.role.owner', 'Eigentümer', 'Owners'],
      ['sharing.target.tenant', 'Alle Mieter', 'All tenants'],
      ['sharing.target.owner', 'Alle Eigentümer', 'All owners'],
    ];
    for (const [key, german, english] of glossary) {
      expect(message(de, key), key).toBe(german);
      expect(message(en, key), key).toBe(english);
    }
  });

  it('format counts by locale through i18next and keep the plural', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({
      resources: { de: { translation: de }, en: { translation: en } },
      lng: 'de',
      interpolation: { escapeValue: false },
    });
    expect(i18n.t('contacts.count', { count: 1234 })).toBe('1.234 Kontakte');
    expect(i18n.t('contacts.count', { count: 1 })).toBe('1 Kontakt');
    expect(i18n.t('contacts.count', { lng: 'en', count: 1234 })).toBe('1,234 contacts');
    expect(i18n.t('contacts.count', { lng: 'en', count: 1 })).toBe('1 contact');
  });
});
