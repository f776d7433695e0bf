/**
 * SmartPost templates (Serienbrief): the letter text with the placeholders {{anrede}}, {{name}},
 * {{einheit}}, {{liegenschaft}} and {{datum}} (spaces inside the braces allowed: {{ name }}).
 * Anything else between double braces, and a stray "{{" or "}}", is refused with
 * UNKNOWN_PLACEHOLDER and `placeholder` = the text as written. Pure.
 */
import { DomainError } from '../../../shared/errors';

export const smartPostPlaceholders = ['anrede', 'name', 'einheit', 'liegenschaft', 'datum'] as const;
export type SmartPostPlaceholder = (typeof smartPostPlaceholders)[number];

export type PlaceholderValues = Record<SmartPostPlaceholder, string>;

const TOKEN = /\{\{([^{}]*)\}\}/g;
const known: ReadonlySet<string> = new Set(smartPostPlaceholders);

/** Refuses a template with an unknown placeholder or unbalanced braces (UNKNOWN_PLACEHOLDER). */
export function checkTemplate(template: string): void {
  for (const match of template.matchAll(TOKEN)) {
    const name = (match[1] ?? '').trim();
    if (!known.has(name)) throw new DomainError('UNKNOWN_PLACEHOLDER', { placeholder: match[0] });
  }
  const rest = template.replace(TOKEN, '');
  const stray = /\{\{|\}\}/.exec(rest);
  if (stray !== null) {
    const at = stray.index;
    throw new DomainError('UNKNOWN_PLACEHOLDER', {
      placeholder: rest.slice(at, at + 20).split('\n')[0] ?? '',
    });
  }
}

/** The template with every placeholder replaced (call checkTemplate first). */
export function fillTemplate(template: string, values: PlaceholderValues): string {
  return template.replace(TOKEN, (whole, name: string) => {
    const key = name.trim();
    return known.has(key) ? values[key as SmartPostPlaceholder] : whole;
  });
}
