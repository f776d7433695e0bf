/**
 * SmartPost templates (Serienbrief): the letter text with the placeholders {{anrede}}, {{name}},
 * {{einheit}}, {{liegenschaft}} and {{datum}} (spaces inside the braces allowed: {{ name }}). The one
 * reading of a template: the form checks it while typing, the core refuses it and fills it.
 */
export const smartPostPlaceholders = ['anrede', 'name', 'einheit', 'liegenschaft', 'datum'] as const;
export type SmartPostPlaceholder = (typeof smartPostPlaceholders)[number];

export type PlaceholderValues = Record<SmartPostPlaceholder, string>;

const TOKEN = /\{\{([^{}]*)\}\}/g;
const known: ReadonlySet<string> = new Set(smartPostPlaceholders);

/**
 * The first thing between double braces that is not a placeholder, or a stray "{{" or "}}" with
 * what follows it on its line — as written; null when the template is fine.
 */
export function unknownPlaceholder(template: string): string | null {
  for (const match of template.matchAll(TOKEN)) {
    if (!known.has((match[1] ?? '').trim())) return match[0];
  }
  const rest = template.replace(TOKEN, '');
  const stray = /\{\{|\}\}/.exec(rest);
  if (stray === null) return null;
  return rest.slice(stray.index, stray.index + 20).split('\n')[0] ?? '';
}

/** A placeholder with the punctuation right after it and the blank that follows that. */
const TOKEN_AND_AFTER = /\{\{([^{}]*)\}\}([,.;:!?]?)([ \t]?)/g;

/**
 * The template with every placeholder replaced (check it with unknownPlaceholder first), without
 * doubled separators: a value that ends with the punctuation written after its placeholder keeps
 * one ("{{anrede}}," with "Sehr geehrter Herr Müller," gives one comma), and an empty value takes
 * the comma or semicolon after it along ("{{einheit}}, {{liegenschaft}}" without a unit).
 */
export function fillTemplate(template: string, values: PlaceholderValues): string {
  return template.replace(TOKEN_AND_AFTER, (whole, name: string, mark: string, blank: string) => {
    const key = name.trim();
    if (!known.has(key)) return whole;
    const value = values[key as SmartPostPlaceholder];
    if (value === '' && (mark === ',' || mark === ';')) return '';
    if (mark !== '' && value.endsWith(mark)) return value + blank;
    return value + mark + blank;
  });
}
