/** shared/smartPost: the one reading of a SmartPost template, for the form and the core alike. */
import { describe, expect, it } from 'vitest';
import { fillTemplate, unknownPlaceholder } from '../../../shared/smartPost';

describe('unknownPlaceholder', () => {
  it('accepts the known placeholders, with spaces inside the braces', () => {
    expect(
      unknownPlaceholder('{{anrede}},\n{{ name }} · {{einheit}} · {{liegenschaft}} · {{datum}}'),
    ).toBeNull();
  });

  it('names an unknown placeholder as written', () => {
    expect(unknownPlaceholder('Hallo {{ strasse }}!')).toBe('{{ strasse }}');
    expect(unknownPlaceholder('{{}}')).toBe('{{}}');
  });

  it('names a stray brace pair with the rest of its line (the form used to let these through)', () => {
    expect(unknownPlaceholder('Hallo {{name\nGruß')).toBe('{{name');
    expect(unknownPlaceholder('Ende }}')).toBe('}}');
  });
});

describe('fillTemplate', () => {
  it('replaces every placeholder', () => {
    const values = {
      anrede: 'Sehr geehrte Frau Weber',
      name: 'Anna Weber',
      einheit: 'WE 3',
      liegenschaft: 'L',
      datum: 'D',
    };
    expect(fillTemplate('{{anrede}}, {{ name }} ({{einheit}})', values)).toBe(
      'Sehr geehrte Frau Weber, Anna Weber (WE 3)',
    );
  });
});

describe('fillTemplate leaves no doubled separators (issue 13 item 7)', () => {
  const values = {
    anrede: 'Sehr geehrter Herr Müller-Lüdenscheidt,',
    name: 'Jürgen Müller-Lüdenscheidt',
    einheit: '',
    liegenschaft: 'WEG Musterstraße 12',
    datum: '27.11.2026',
  };

  it('keeps one comma when the salutation already ends with the comma written after it', () => {
    expect(fillTemplate('{{anrede}},\n\nam {{datum}} …', values)).toBe(
      'Sehr geehrter Herr Müller-Lüdenscheidt,\n\nam 27.11.2026 …',
    );
    expect(fillTemplate('{{anrede}}\n', values)).toBe('Sehr geehrter Herr Müller-Lüdenscheidt,\n');
  });

  it('drops the comma after an empty value, and keeps punctuation after a filled one', () => {
    expect(fillTemplate('Für {{einheit}}, {{liegenschaft}}.', values)).toBe('Für WEG Musterstraße 12.');
    expect(fillTemplate('{{name}}, {{liegenschaft}}; {{datum}}!', values)).toBe(
      'Jürgen Müller-Lüdenscheidt, WEG Musterstraße 12; 27.11.2026!',
    );
  });
});
