/**
 * The import's field names and rejection reasons in both languages, in one place: the renderer
 * shows them as the `importTexts.*` namespace (i18n/messages.ts), and the core writes them into
 * the "Fehler" column of the rejected-rows file. Placeholders are i18next's `{{name}}`.
 */
import { contactFieldLabels } from './contactFieldLabels';
import type { ImportField, ImportLevel, ImportRejectionCode } from './contract/imports';

type FieldLabels = { [L in ImportLevel]: Record<ImportField extends `${L}.${infer F}` ? F : never, string> };

interface ImportTexts {
  levels: Record<ImportLevel, string>;
  fields: FieldLabels;
  /** Shown after a contact field's label: "Vorname (Person 2)". */
  person: string;
  /** The column added to the rejected-rows file. */
  errorColumn: string;
  rejections: Record<ImportRejectionCode, string>;
}

const de: ImportTexts = {
  levels: { property: 'Liegenschaft', unit: 'Einheit', contact: 'Kontakt', contract: 'Vertrag' },
  fields: {
    property: {
      referenceId: 'Referenz-ID der Liegenschaft',
      name: 'Name der Liegenschaft',
      street: 'Straße der Liegenschaft',
      houseNo: 'Hausnummer der Liegenschaft',
      postcode: 'PLZ der Liegenschaft',
      city: 'Ort der Liegenschaft',
    },
    unit: {
      referenceId: 'Referenz-ID der Einheit',
      number: 'Nummer der Einheit',
      name: 'Bezeichnung der Einheit',
      usage: 'Nutzung der Einheit',
    },
    contract: {
      type: 'Vertragsart',
      number: 'Vertragsnummer',
      start: 'Vertragsbeginn',
      end: 'Vertragsende',
    },
    contact: { referenceId: 'Referenz-ID des Kontakts', ...contactFieldLabels.de },
  },
  person: '{{label}} (Person {{person}})',
  errorColumn: 'Fehler',
  rejections: {
    MISSING_REFERENCE_ID: 'Die Referenz-ID fehlt ({{field}}).',
    MISSING_VALUE: 'Pflichtfeld leer: {{field}}.',
    UNREADABLE_DATE: '{{field}}: „{{value}}“ ist kein lesbares Datum (erwartet z. B. 31.12.2026).',
    DATE_OUT_OF_RANGE: '{{field}}: „{{value}}“ liegt außerhalb von 1900 bis 9997.',
    END_BEFORE_START: 'Das Vertragsende liegt vor dem Vertragsbeginn.',
    INVALID_EMAIL: '„{{value}}“ ist keine gültige E-Mail-Adresse.',
    INVALID_POSTCODE: '{{field}}: „{{value}}“ ist keine fünfstellige Postleitzahl.',
    UNKNOWN_VALUE: '{{field}}: „{{value}}“ ist unbekannt.',
    TOO_LONG: '{{field}} ist länger als {{max}} Zeichen.',
    CONFLICTING_ROWS:
      '{{field}} weicht von Zeile {{otherLine}} ab, die dieselbe Referenz-ID {{referenceId}} nennt.',
    UNIT_IN_OTHER_PROPERTY: 'Die Einheit {{referenceId}} gehört zu einer anderen Liegenschaft.',
    OVERLAPPING_CONTRACT:
      'Der Vertrag überschneidet sich mit einem anderen Vertrag desselben Kontakts für diese Einheit.',
    UNIT_NUMBER_TAKEN: 'Die Nummer {{number}} hat schon eine andere Einheit dieser Liegenschaft.',
    CONTACT_ARCHIVED: 'Der Kontakt {{referenceId}} ist archiviert; der Import holt ihn nicht zurück.',
    CONTACT_ANONYMISED: 'Der Kontakt {{referenceId}} wurde anonymisiert und kann nicht geändert werden.',
    NOT_IN_APP: '„Nur aktualisieren“: {{level}} {{referenceId}} gibt es noch nicht.',
  },
};

const en: ImportTexts = {
  levels: { property: 'Property', unit: 'Unit', contact: 'Contact', contract: 'Contract' },
  fields: {
    property: {
      referenceId: 'Property reference ID',
      name: 'Property name',
      street: 'Property street',
      houseNo: 'Property house number',
      postcode: 'Property postcode',
      city: 'Property city',
    },
    unit: {
      referenceId: 'Unit reference ID',
      number: 'Unit number',
      name: 'Unit name',
      usage: 'Unit usage',
    },
    contract: {
      type: 'Contract type',
      number: 'Contract number',
      start: 'Contract start',
      end: 'Contract end',
    },
    contact: { referenceId: 'Contact reference ID', ...contactFieldLabels.en },
  },
  person: '{{label}} (person {{person}})',
  errorColumn: 'Error',
  rejections: {
    MISSING_REFERENCE_ID: 'The reference ID is missing ({{field}}).',
    MISSING_VALUE: 'Required field empty: {{field}}.',
    UNREADABLE_DATE: '{{field}}: "{{value}}" is not a readable date (expected e.g. 31.12.2026).',
    DATE_OUT_OF_RANGE: '{{field}}: "{{value}}" lies outside 1900 to 9997.',
    END_BEFORE_START: 'The contract end lies before the contract start.',
    INVALID_EMAIL: '"{{value}}" is not a valid e-mail address.',
    INVALID_POSTCODE: '{{field}}: "{{value}}" is not a five-digit postcode.',
    UNKNOWN_VALUE: '{{field}}: "{{value}}" is unknown.',
    TOO_LONG: '{{field}} is longer than {{max}} characters.',
    CONFLICTING_ROWS:
      '{{field}} differs from line {{otherLine}}, which gives the same reference ID {{referenceId}}.',
    UNIT_IN_OTHER_PROPERTY: 'The unit {{referenceId}} belongs to another property.',
    OVERLAPPING_CONTRACT: 'The contract overlaps another contract of the same contact for this unit.',
    UNIT_NUMBER_TAKEN: 'Another unit of this property already has the number {{number}}.',
    CONTACT_ARCHIVED: 'The contact {{referenceId}} is archived; the import does not bring it back.',
    CONTACT_ANONYMISED: 'The contact {{referenceId}} has been anonymised and cannot be changed.',
    NOT_IN_APP: '"Update only": {{level}} {{referenceId}} does not exist yet.',
  },
};

export const importTexts = { de, en } as const;
export type ImportTextsOf = ImportTexts;

/** "Vertragsbeginn", "Vorname (Person 2)". */
export function fieldLabel(language: 'de' | 'en', field: string, person?: number): string {
  const texts = importTexts[language];
  const [level, name] = field.split('.') as [ImportLevel, string];
  const label = (texts.fields[level] as Record<string, string> | undefined)?.[name] ?? field;
  if (person === undefined || person <= 1) return label;
  return texts.person.replace('{{label}}', label).replace('{{person}}', String(person));
}
