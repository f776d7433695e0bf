/** The test message of Administration › E-Mail-Versand ("Test-E-Mail senden"). */
import type { Language } from '../../../shared/ipc';
import { escapeHtml, oneLine } from './format';
import type { MailContent } from './invitationMail';

const words = {
  de: {
    subject: (org: string) => `Test-E-Mail von Portal Access Admin – ${org}`,
    body: 'Diese Nachricht bestätigt, dass der E-Mail-Versand (SMTP) von Portal Access Admin funktioniert.',
  },
  en: {
    subject: (org: string) => `Test e-mail from Portal Access Admin – ${org}`,
    body: 'This message confirms that e-mail delivery (SMTP) from Portal Access Admin works.',
  },
} as const;

export function testMail(language: Language, organisationName: string): MailContent {
  const w = words[language];
  const subject = oneLine(w.subject(oneLine(organisationName)));
  return {
    subject,
    text: `${w.body}\n`,
    html: `<!DOCTYPE html>\n<html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body><p>${escapeHtml(w.body)}</p></body></html>\n`,
  };
}
