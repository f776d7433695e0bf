import i18next from 'i18next';

/**
 * A timestamp (ISO 8601 with time, or SQLite's "YYYY-MM-DD HH:MM:SS" in UTC) as date and time in
 * Europe/Berlin, in the UI language: "27.11.2026, 14:05" / "27/11/2026, 14:05".
 */
export function formatDateTime(timestamp: string, language: string = i18next.language): string {
  const normalised = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/.test(timestamp)
    ? `${timestamp.replace(' ', 'T')}Z`
    : timestamp;
  const date = new Date(normalised);
  if (Number.isNaN(date.getTime())) return timestamp;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'de-DE', {
    timeZone: 'Europe/Berlin',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}
