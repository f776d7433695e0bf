import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { AppError } from '../../../shared/errors';
import type { Language } from '../../../shared/ipc';
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

/** Calendar date `YYYY-MM-DD` in the UI language (dd.MM.yyyy / dd/MM/yyyy). */
export function formatDate(iso: string, language: string = i18next.language): string {
  const [year, month, day] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'de-DE', {
    timeZone: 'UTC',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1)));
}

export function formatNumber(value: number, language: string = i18next.language): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'de-DE').format(value);
}
