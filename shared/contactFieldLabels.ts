/**
 * The names of a contact's fields in de and en, as the contact form labels them: one source for the
 * import's column mapping (shared/importTexts.ts) and the Protokoll's change lists (core auditLog).
 */
export const contactFieldLabels = {
  de: {
    salutation: 'Anrede',
    title: 'Titel',
    firstName: 'Vorname',
    lastName: 'Nachname',
    company: 'Firma',
    email: 'E-Mail',
    phone: 'Telefon',
    language: 'Sprache',
    preference: 'Kontaktweg',
    street: 'Straße',
    houseNo: 'Hausnummer',
    postcode: 'PLZ',
    city: 'Ort',
  },
  en: {
    salutation: 'Salutation',
    title: 'Title',
    firstName: 'First name',
    lastName: 'Last name',
    company: 'Company',
    email: 'E-mail',
    phone: 'Phone',
    language: 'Language',
    preference: 'Contact preference',
    street: 'Street',
    houseNo: 'House number',
    postcode: 'Postcode',
    city: 'City',
  },
} as const;
