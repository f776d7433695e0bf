import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { formatCalendarDate } from '../../../shared/dates';
import type { AppError } from '../../../shared/errors';
import type { Language } from '../../../shared/ipc';
import { berlinDayOf, parseInstant } from './instants';
import { de, en } from './messages';

/** Each language named in itself, as language pickers conventionally do (not translated). */
export const languageNames: Record<Language, string> = { de: 'Deutsch', en: 'English' };
export const languageOptions = (Object.keys(languageNames) as Language[]).map((value) => ({
  value,
  label: languageNames[value],
}));

export const resources = { de: { translation: de }, en: { translation: en } } as const;

export async function initI18n(language: Language): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'de',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  document.documentElement.lang = language;
}

export async function changeLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

/** The translated sentence for a coded error from the core. */
export function errorMessage(error: AppError): string {
  return i18next.t(`errors.${error.code}`, error.params);
}

/** The locale Intl formats with: British English (day first, 24 hours) or German. */
function intlLocale(language: string): string {
  return language === 'en' ? 'en-GB' : 'de-DE';
}

/** Calendar date `YYYY-MM-DD` in the UI language (dd.MM.yyyy / dd/MM/yyyy). */
export function formatDate(iso: string, language: string = i18next.language): string {
  const format = new Intl.DateTimeFormat(intlLocale(language), {
    timeZone: 'UTC',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  });
  return formatCalendarDate(format, iso);
}

/**
 * A timestamp (ISO 8601 with time, or SQLite's "YYYY-MM-DD HH:MM:SS" in UTC) as date and time in
 * Europe/Berlin, in the UI language: "27.11.2026, 14:05" / "27/11/2026, 14:05".
 */
export function formatDateTime(timestamp: string, language: string = i18next.language): string {
  const date = parseInstant(timestamp);
  if (date === null) return timestamp;
  return new Intl.DateTimeFormat(intlLocale(language), {
    timeZone: 'Europe/Berlin',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/** The Europe/Berlin calendar day of a timestamp (a creation or invitation time), in the UI language. */
export function formatInstantDate(timestamp: string, language: string = i18next.language): string {
  const date = parseInstant(timestamp);
  return date === null ? timestamp : formatDate(berlinDayOf(date), language);
}

export function formatNumber(value: number, language: string = i18next.language): string {
  return new Intl.NumberFormat(intlLocale(language)).format(value);
}

/** "812 B", "34,5 KB", "10 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes)} B`;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / (1024 * 1024), 'MB'];
  return `${formatNumber(Math.round(value * 10) / 10)} ${unit}`;
}
