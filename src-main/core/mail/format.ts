/**
 * How mail and letters address a contact and write a date, in the contact's language.
 * Pure: no clock, no I/O.
 */
import { formatCalendarDate } from '../../../shared/dates';
import type { IsoDate } from '../../../shared/domain';
import type { Language, Salutation } from '../../../shared/ipc';

/** What a salutation needs of a contact. */
export interface Addressee {
  salutation: Salutation;
  title: string | null;
  firstName: string | null;
  lastName: string;
  company: string | null;
}

/** A postal address block: the addressee and, when known, street and town. */
export interface PostalAddressee extends Addressee {
  street: string | null;
  houseNo: string | null;
  postcode: string | null;
  city: string | null;
}

function join(...parts: (string | null | undefined)[]): string {
  return parts
    .map((part) => part?.trim())
    .filter((part) => part)
    .join(' ');
}

/**
 * The opening line of a letter or e-mail: "Sehr geehrte Frau Dr. Müller," / "Dear Dr. Müller,",
 * "Sehr geehrter Herr Weber," / "Dear Mr Weber,", "Guten Tag Alex Schmidt," / "Dear Alex Schmidt,",
 * "Sehr geehrte Familie Weber," / "Dear Weber family,", "Sehr geehrte Damen und Herren," /
 * "Dear Sir or Madam," (companies), "Sehr geehrte Eheleute Weber," / "Dear Mr and Mrs Weber,",
 * without a salutation (keine Angabe) "Guten Tag Alex Schmidt," / "Dear Alex Schmidt,".
 */
export function salutationLine(language: Language, a: Addressee): string {
  if (language === 'de') {
    switch (a.salutation) {
      case 'ms':
        return `Sehr geehrte Frau ${join(a.title, a.lastName)},`;
      case 'mr':
        return `Sehr geehrter Herr ${join(a.title, a.lastName)},`;
      case 'family':
        return `Sehr geehrte Familie ${a.lastName.trim()},`;
      case 'couple':
        return `Sehr geehrte Eheleute ${a.lastName.trim()},`;
      case 'company':
        return 'Sehr geehrte Damen und Herren,';
      case 'mx':
      case 'none':
        return `Guten Tag ${join(a.title, a.firstName, a.lastName)},`;
    }
  }
  switch (a.salutation) {
    case 'ms':
      return `Dear ${a.title ? join(a.title, a.lastName) : join('Ms', a.lastName)},`;
    case 'mr':
      return `Dear ${a.title ? join(a.title, a.lastName) : join('Mr', a.lastName)},`;
    case 'family':
      return `Dear ${a.lastName.trim()} family,`;
    case 'couple':
      return `Dear Mr and Mrs ${a.lastName.trim()},`;
    case 'company':
      return 'Dear Sir or Madam,';
    case 'mx':
    case 'none':
      return `Dear ${join(a.title, a.firstName, a.lastName)},`;
  }
}

/**
 * A contact's name as every screen shows it: the address block's name without "Frau" / "Herrn",
 * in the contact's language (the language they are written to in): "Dr. Anna Müller",
 * "Familie Weber" / "Weber family", a company by its company name ("Hausbau GmbH").
 */
export function contactName(language: Language, a: Addressee): string {
  switch (a.salutation) {
    case 'company':
      return a.company?.trim() || join(a.title, a.firstName, a.lastName);
    case 'family':
      return language === 'de' ? join('Familie', a.firstName, a.lastName) : `${a.lastName.trim()} family`;
    case 'couple':
      return language === 'de'
        ? join('Eheleute', a.firstName, a.lastName)
        : join('Mr and Mrs', a.firstName, a.lastName);
    case 'none':
    case 'ms':
    case 'mr':
    case 'mx':
      return join(a.title, a.firstName, a.lastName);
  }
}

/** The name line of an address block: "Frau Dr. Anna Müller", "Herrn Jan Weber", "Familie Weber". */
export function addresseeLine(language: Language, a: Addressee): string {
  const name = contactName(language, a);
  switch (a.salutation) {
    case 'company':
      return name;
    case 'family':
      return language === 'de' ? name : `The ${name}`;
    case 'couple':
      return name;
    case 'ms':
      return language === 'de' ? join('Frau', name) : a.title ? name : join('Ms', name);
    case 'mr':
      // DIN 5008: "Herrn" in the address block.
      return language === 'de' ? join('Herrn', name) : a.title ? name : join('Mr', name);
    case 'mx':
    case 'none':
      return name;
  }
}

/** The address block lines: name, street and house number, postcode and town (unknown lines left out). */
export function addressLines(language: Language, a: PostalAddressee): string[] {
  return [addresseeLine(language, a), join(a.street, a.houseNo), join(a.postcode, a.city)].filter(
    (line) => line !== '',
  );
}

const dateFormats: Record<Language, Intl.DateTimeFormat> = {
  de: new Intl.DateTimeFormat('de-DE', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** A calendar date as the language writes it in a letter: "27.12.2026" / "27 December 2026". */
export function formatDate(language: Language, iso: IsoDate): string {
  return formatCalendarDate(dateFormats[language], iso);
}

/** For HTML bodies: every value from the data store goes through this. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) =>
    ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '"' ? '&quot;' : '&#39;',
  );
}

/** Header values (subject, names) on one line. */
export function oneLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').trim();
}
