/**
 * Hinweis vor Ende des Zugangs: "Ihr Zugang zum Kundenportal endet am …; laden Sie Ihre Dokumente
 * herunter" in the contact's language, with the documents the contact can still see, as plain text
 * and HTML (by e-mail, or the text as a letter of the print batch).
 */
import type { IsoDate } from '../../../shared/domain';
import type { Language, Organisation } from '../../../shared/ipc';
import { escapeHtml, formatDate, oneLine, salutationLine, type Addressee } from './format';
import type { MailContent } from './invitationMail';

export interface AccessEndNoticeInput {
  language: Language;
  addressee: Addressee;
  accessEnds: IsoDate;
  /** Titles of the documents the contact can still see in the portal. */
  documents: readonly string[];
  organisation: Organisation;
}

const words = {
  de: {
    subject: (day: string) => `Ihr Zugang zum Kundenportal endet am ${day}`,
    intro: (day: string) =>
      `Ihr Zugang zum Kundenportal endet am ${day}. Bitte laden Sie bis dahin Ihre Dokumente herunter.`,
    documents: 'Diese Dokumente können Sie noch sehen:',
    none: 'Zurzeit sind für Sie keine Dokumente im Kundenportal bereitgestellt.',
    open: 'Kundenportal:',
    closing: 'Mit freundlichen Grüßen',
  },
  en: {
    subject: (day: string) => `Your access to the customer portal ends on ${day}`,
    intro: (day: string) =>
      `Your access to the customer portal ends on ${day}. Please download your documents before then.`,
    documents: 'These documents are still available to you:',
    none: 'No documents are currently provided for you in the customer portal.',
    open: 'Customer portal:',
    closing: 'Kind regards',
  },
} as const;

export function accessEndNoticeMail(input: AccessEndNoticeInput): MailContent {
  const w = words[input.language];
  const { organisation } = input;
  const day = formatDate(input.language, input.accessEnds);
  const town = [organisation.postcode, organisation.city].filter((part) => part).join(' ');
  const signature = [
    oneLine(organisation.name),
    ...[organisation.street, town].filter((line): line is string => !!line),
  ];
  const salutation = salutationLine(input.language, input.addressee);
  const documents = input.documents.map(oneLine);
  const list = documents.length === 0 ? [w.none] : [w.documents, ...documents.map((title) => `- ${title}`)];
  const text = [
    salutation,
    '',
    w.intro(day),
    '',
    ...list,
    '',
    `${w.open} ${organisation.portalUrl}`,
    '',
    w.closing,
    ...signature,
    '',
  ].join('\n');
  const e = escapeHtml;
  const listHtml =
    documents.length === 0
      ? `<p>${e(w.none)}</p>`
      : `<p>${e(w.documents)}</p>\n<ul>${documents.map((title) => `<li>${e(title)}</li>`).join('')}</ul>`;
  const html = `<!DOCTYPE html>
<html lang="${input.language}">
<head><meta charset="utf-8"><title>${e(w.subject(day))}</title></head>
<body style="font-family: Arial, Helvetica, sans-serif; font-size: 15px; line-height: 1.5; color: #1a1a1a;">
<p>${e(salutation)}</p>
<p>${e(w.intro(day))}</p>
${listHtml}
<p>${e(w.open)} <a href="${e(organisation.portalUrl)}">${e(organisation.portalUrl)}</a></p>
<p>${e(w.closing)}<br>${signature.map(e).join('<br>')}</p>
</body>
</html>
`;
  return { subject: w.subject(day), text, html };
}
