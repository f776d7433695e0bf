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

/**
 * A button's words: a verb ("Abbrechen", "Liegenschaft anlegen") or one of the few action words
 * that are not one. Sentences, questions, texts with a value and names ("Einheiten") are not.
 */
function isActionLabel(german: string, english: string): boolean {
  if (['Zurück', 'Weiter', 'OK', 'Fertig'].includes(german)) return true;
  if (/[{}.?!:…]/.test(german)) return false;
  const words = german.split(' ');
  if (words.length > 3) return false;
  // After its object the verb is written in lower case; alone it is capitalised like a noun, so
  // a plural name such as "Einheiten" / "Units" is told apart by its English.
  if (words.length > 1) return /^[a-zäöüß]+(?:en|ern|eln)$/.test(words.at(-1) ?? '');
  return /^[A-ZÄÖÜ][a-zäöüß]+(?:en|ern|eln)$/.test(german) && !english.endsWith('s');
}

/**
 * Keys that may hold the same action label in both languages, each group exactly as it stands.
 * Everything else says a common action under one key (the shared ones in app.json), so that its
 * wording changes in one place.
 */
const sameWordsAllowed: string[][] = [
  // Same word, different action: restoring a backup replaces all data; an archived contact is
  // merely brought back.
  ['backups.restore', 'contact.unarchive'],
  // The button that opens a dialog and the dialog's button that carries the action out: two
  // steps whose words may part ("Jetzt teilen").
  ['sharing.open', 'sharing.submit'],
  ['simulation.open', 'simulation.submit'],
  // A dialog's title repeats the button that opens it: a heading, not a second action label.
  ['mail.test.open', 'mail.test.title'],
  ['properties.create', 'properties.form.createTitle'],
  ['properties.units.create', 'properties.unitForm.createTitle'],
];

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

  it('tell action labels from names and sentences', () => {
    expect(isActionLabel('Abbrechen', 'Cancel')).toBe(true);
    expect(isActionLabel('Liegenschaft anlegen', 'Create property')).toBe(true);
    expect(isActionLabel('Zurück', 'Back')).toBe(true);
    expect(isActionLabel('Einheiten', 'Units')).toBe(false);
    expect(isActionLabel('Alle Kontakte', 'All contacts')).toBe(false);
    expect(isActionLabel('Sicherung wiederherstellen?', 'Restore backup?')).toBe(false);
    expect(isActionLabel('Einheit {{number}} bearbeiten', 'Edit unit {{number}}')).toBe(false);
  });

  it('keep each action label under one key', () => {
    const byText = new Map<string, string[]>();
    for (const key of keys(de)) {
      const german = message(de, key);
      const english = message(en, key);
      if (!isActionLabel(german, english)) continue;
      const text = `${german} / ${english}`;
      byText.set(text, [...(byText.get(text) ?? []), key]);
    }
    const shared = [...byText].filter(([, group]) => group.length > 1);
    const sorted = (group: string[]) => [...group].sort().join();
    const allowed = (group: string[]) => sameWordsAllowed.some((entry) => sorted(entry) === sorted(group));
    expect(shared.filter(([, group]) => !allowed(group))).toEqual([]);
    // An entry whose keys no longer share their words is taken off the list.
    const sharedGroups = shared.map(([, group]) => sorted(group));
    for (const entry of sameWordsAllowed) expect(sharedGroups, entry.join()).toContain(sorted(entry));
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
