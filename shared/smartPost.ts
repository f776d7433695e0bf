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

/** The template with every placeholder replaced (check it with unknownPlaceholder first). */
export function fillTemplate(template: string, values: PlaceholderValues): string {
  return template.replace(TOKEN, (whole, name: string) => {
    const key = name.trim();
    return known.has(key) ? values[key as SmartPostPlaceholder] : whole;
  });
}
