import type { Language } from '../../../../shared/ipc';

/**
 * The language when no preference can be read (a start-up fault before the preferences were
 * opened): the first of the system's languages we speak, else German. Electron and Chromium take
 * `navigator.languages` from the operating system.
 */
export function systemLanguage(languages: readonly string[]): Language {
  for (const tag of languages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'de' || primary === 'en') return primary;
  }
  return 'de';
}
