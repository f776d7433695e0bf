import { describe, expect, it } from 'vitest';
import de from '../../src-renderer/src/i18n/de.json';
import en from '../../src-renderer/src/i18n/en.json';
import { errorCodes } from '../../shared/errors';

function keys(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix];
  return Object.entries(node).flatMap(([key, value]) => keys(value, prefix ? `${prefix}.${key}` : key));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1] ?? '').sort();
}

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
      expect(de.errors, code).toHaveProperty(code);
      expect(en.errors, code).toHaveProperty(code);
    }
  });

  it('use the glossary terms', () => {
    expect(de.settings.pre.label).toBe('Vorvertraglicher Zugang');
    expect(de.settings.post.label).toBe('Zugang nach Vertragsende');
    expect(en.settings.pre.label).toBe('Pre-contract access');
    expect(en.settings.post.label).toBe('Access after contract end');
    expect(de.settings.days).toBe('Zeitraum (Tage)');
    expect(en.settings.days).toBe('Period (days)');
    expect(de.nav.accessSettings).toBe('Rollen & Zugriffsrechte');
  });
});
