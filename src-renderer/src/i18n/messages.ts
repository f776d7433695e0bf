/**
 * All UI texts, one JSON file per top-level key and language: locales/<lang>/<key>.json becomes
 * `<key>.*`. Separate files let features own their texts without touching each other's.
 */
import { importTexts } from '../../../shared/importTexts';

const files = import.meta.glob<Record<string, unknown>>('./locales/*/*.json', {
  eager: true,
  import: 'default',
});

function messagesOf(language: 'de' | 'en'): Record<string, Record<string, unknown>> {
  const messages: Record<string, Record<string, unknown>> = {};
  for (const [file, content] of Object.entries(files)) {
    const match = /\.\/locales\/(\w+)\/(\w+)\.json$/.exec(file);
    if (match?.[1] === language && match[2]) messages[match[2]] = content;
  }
  return messages;
}

/** The import's field names and rejection reasons live in shared/ (the core writes them too). */
export const de = { ...messagesOf('de'), importTexts: importTexts.de };
export const en = { ...messagesOf('en'), importTexts: importTexts.en };
