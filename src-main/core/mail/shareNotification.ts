/**
 * The notification of a share (Benachrichtigung): "something new for you in the customer portal",
 * in the contact's language, as plain text and HTML. It names the item (kind, title, property; for
 * an appointment when and where) but never carries its text or file: those stay in the portal.
 * It goes to every recipient of a share, active or not (ARCHITECTURE.md §3 "Notifications"), so it
 * also tells a contact who has not registered yet how to get in.
 */
import type { ContentKind, Language, Organisation } from '../../../shared/ipc';
import { escapeHtml, formatDate, oneLine, salutationLine, type Addressee } from './format';
import type { MailContent } from './invitationMail';

export interface ShareNotificationInput {
  language: Language;
  addressee: Addressee;
  content: {
    kind: ContentKind;
    title: string;
    propertyName: string | null;
    /** Appointments: local date-times `YYYY-MM-DDTHH:mm`, and the place. */
    startsAt?: string | null;
    endsAt?: string | null;
    place?: string | null;
  };
  organisation: Organisation;
}

const words = {
  de: {
    subject: (title: string) => `Neu im Kundenportal: ${title}`,
    intro: {
      announcement: 'im Kundenportal ist eine neue Mitteilung für Sie bereitgestellt:',
      appointment: 'im Kundenportal ist ein neuer Termin für Sie eingetragen:',
      document: 'im Kundenportal ist ein neues Dokument für Sie bereitgestellt:',
      smartpost: 'im Kundenportal liegt ein neuer Brief für Sie bereit:',
      process: 'im Kundenportal wurde ein Vorgang für Sie freigegeben:',
    } satisfies Record<ContentKind, string>,
    property: 'Liegenschaft',
    when: 'Wann',
    place: 'Ort',
    open: 'Sie finden alles im Kundenportal unter',
    notRegistered:
      'Sie haben sich noch nicht registriert? Dann nutzen Sie bitte Ihren Einladungscode oder melden Sie sich bei uns.',
    closing: 'Mit freundlichen Grüßen',
    time: (time: string) => `${time} Uhr`,
  },
  en: {
    subject: (title: string) => `New in the customer portal: ${title}`,
    intro: {
      announcement: 'A new announcement is waiting for you in the customer portal:',
      appointment: 'A new appointment has been entered for you in the customer portal:',
      document: 'A new document is waiting for you in the customer portal:',
      smartpost: 'A new letter is waiting for you in the customer portal:',
      process: 'A process has been shared with you in the customer portal:',
    } satisfies Record<ContentKind, string>,
    property: 'Property',
    when: 'When',
    place: 'Place',
    open: 'You will find everything in the customer portal at',
    notRegistered: 'Not registered yet? Please use your invitation code or get in touch with us.',
    closing: 'Kind regards',
    time: (time: string) => time,
  },
} as const;

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/;

/**
 * When an appointment takes place, as the language writes it: "03.12.2026, 10:00 – 11:30 Uhr" /
 * "3 December 2026, 10:00 – 11:30"; over several days both ends in full. null when not parseable.
 */
export function appointmentWhen(language: Language, startsAt: string, endsAt: string | null): string | null {
  const start = LOCAL_DATE_TIME.exec(startsAt);
  if (start === null) return null;
  const w = words[language];
  const [, startDay = '', startTime = ''] = start;
  const from = `${formatDate(language, startDay)}, ${startTime}`;
  const end = endsAt === null ? null : LOCAL_DATE_TIME.exec(endsAt);
  if (end === null) return w.time(from);
  const [, endDay = '', endTime = ''] = end;
  if (endDay === startDay) return w.time(`${from} – ${endTime}`);
  return `${w.time(from)} – ${w.time(`${formatDate(language, endDay)}, ${endTime}`)}`;
}

export function shareNotificationMail(input: ShareNotificationInput): MailContent {
  const w = words[input.language];
  const { content, organisation } = input;
  const org = oneLine(organisation.name);
  const town = [organisation.postcode, organisation.city].filter((part) => part).join(' ');
  const signature = [org, ...[organisation.street, town].filter((line): line is string => !!line)];
  const title = oneLine(content.title);
  const facts: [string, string][] = [];
  if (content.propertyName) facts.push([w.property, oneLine(content.propertyName)]);
  if (content.kind === 'appointment' && content.startsAt) {
    const when = appointmentWhen(input.language, content.startsAt, content.endsAt ?? null);
    if (when !== null) facts.push([w.when, when]);
  }
  if (content.kind === 'appointment' && content.place) facts.push([w.place, oneLine(content.place)]);
  const salutation = salutationLine(input.language, input.addressee);
  const intro = w.intro[content.kind];

  const text = [
    salutation,
    '',
    intro,
    '',
    title,
    ...facts.map(([label, value]) => `${label}: ${value}`),
    '',
    `${w.open} ${organisation.portalUrl}`,
    w.notRegistered,
    '',
    w.closing,
    ...signature,
    '',
  ].join('\n');

  const e = escapeHtml;
  const html = `<!DOCTYPE html>
<html lang="${input.language}">
<head><meta charset="utf-8"><title>${e(w.subject(title))}</title></head>
<body style="font-family: Arial, Helvetica, sans-serif; font-size: 15px; line-height: 1.5; color: #1a1a1a;">
<p>${e(salutation)}</p>
<p>${e(intro)}</p>
<p><strong>${e(title)}</strong>${facts.map(([label, value]) => `<br>${e(label)}: ${e(value)}`).join('')}</p>
<p>${e(w.open)} <a href="${e(organisation.portalUrl)}">${e(organisation.portalUrl)}</a></p>
<p style="color: #555;">${e(w.notRegistered)}</p>
<p>${e(w.closing)}<br>${signature.map(e).join('<br>')}</p>
</body>
</html>
`;
  return { subject: oneLine(w.subject(title)), text, html };
}
