/** The UI texts as the renderer merges them (src-renderer/src/i18n/messages.ts), for Node-side tests. */
import fs from 'node:fs';
import path from 'node:path';

const localesDir = path.resolve(import.meta.dirname, '../src-renderer/src/i18n/locales');

export type Messages = Record<string, unknown>;

export function loadMessages(language: 'de' | 'en'): Messages {
  const dir = path.join(localesDir, language);
  return Object.fromEntries(
    fs
      .readdirSync(dir)
      .filter((file) => file.endsWith('.json'))
      .map((file) => [
        path.basename(file, '.json'),
        JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')),
      ]),
  );
}

/**
 * The text for a dotted key with {{placeholders}} filled, e.g. `message(m, 'app.save')`; a
 * `{{count, number}}` is formatted as i18next's number formatter does in the app's locale.
 */
export function message(
  messages: Messages,
  key: string,
  params: Record<string, string | number> = {},
  language: 'de' | 'en' = 'de',
): string {
  const value = key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], messages);
  if (typeof value !== 'string') throw new Error(`no message ${key}`);
  return value.replace(/\{\{(\w+)(, number)?\}\}/g, (placeholder, name: string, number?: string) => {
    const param = params[name];
    if (param === undefined) return placeholder;
    return number && typeof param === 'number'
      ? new Intl.NumberFormat(language).format(param)
      : String(param);
  });
}
