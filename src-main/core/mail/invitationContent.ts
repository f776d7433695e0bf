/**
 * The words of an invitation (Einladung zum Kundenportal), in German and English. The e-mail
 * (invitationMail.ts) and the letter (letters/invitationLetter.ts) are both laid out from this, so
 * they always say the same.
 */
import type { IsoDate } from '../../../shared/domain';
import type { Language, Organisation } from '../../../shared/ipc';
import { formatDate, oneLine, salutationLine, type Addressee } from './format';

export interface InvitationTextInput {
  language: Language;
  addressee: Addressee;
  /** The code as shown to the contact ("ABCD-EFGH-JKLM"). */
  code: string;
  /** Last day the code is valid. */
  expiresOn: IsoDate;
  organisation: Organisation;
}

export interface InvitationText {
  subject: string;
  salutation: string;
  intro: string;
  stepsTitle: string;
  /** Steps; the first one ends with the portal address, given separately for links. */
  openPortal: string;
  portalUrl: string;
  enterCode: string;
  codeLabel: string;
  code: string;
  validLabel: string;
  validUntil: string;
  note: string;
  closing: string;
  /** The organisation: name, then its address when known. */
  signature: string[];
}

const words = {
  de: {
    subject: (org: string) => `Ihre Einladung zum Kundenportal – ${org}`,
    intro:
      'wir laden Sie herzlich zu unserem Kundenportal ein. Dort finden Sie Mitteilungen, Termine und Dokumente zu Ihrer Wohnung oder Einheit und erreichen uns direkt.',
    stepsTitle: 'So registrieren Sie sich:',
    openPortal: 'Öffnen Sie im Browser',
    enterCode: 'Wählen Sie „Registrieren“ und geben Sie Ihren persönlichen Einladungscode ein.',
    codeLabel: 'Ihr Einladungscode:',
    validLabel: 'Gültig bis einschließlich:',
    note: 'Der Code gilt nur für Sie und kann einmal verwendet werden. Bitte geben Sie ihn nicht weiter. Ist er abgelaufen, melden Sie sich gern bei uns.',
    closing: 'Mit freundlichen Grüßen',
  },
  en: {
    subject: (org: string) => `Your invitation to the customer portal – ${org}`,
    intro:
      'We would like to invite you to our customer portal, where you will find announcements, appointments and documents about your home or unit, and can reach us directly.',
    stepsTitle: 'How to register:',
    openPortal: 'Open in your browser',
    enterCode: 'Choose “Register” and enter your personal invitation code.',
    codeLabel: 'Your invitation code:',
    validLabel: 'Valid until (inclusive):',
    note: 'The code is for you only and can be used once. Please do not pass it on. If it has expired, just get in touch with us.',
    closing: 'Kind regards',
  },
} as const;

export function invitationText(input: InvitationTextInput): InvitationText {
  const w = words[input.language];
  const org = oneLine(input.organisation.name);
  const { street, postcode, city } = input.organisation;
  const town = [postcode, city].filter((part) => part).join(' ');
  return {
    subject: oneLine(w.subject(org)),
    salutation: salutationLine(input.language, input.addressee),
    intro: w.intro,
    stepsTitle: w.stepsTitle,
    openPortal: w.openPortal,
    portalUrl: input.organisation.portalUrl,
    enterCode: w.enterCode,
    codeLabel: w.codeLabel,
    code: input.code,
    validLabel: w.validLabel,
    validUntil: formatDate(input.language, input.expiresOn),
    note: w.note,
    closing: w.closing,
    signature: [org, ...[street, town].filter((line): line is string => !!line)],
  };
}
