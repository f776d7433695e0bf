/**
 * The mapping suggested for a file's header: German and English field names and the usual ERP
 * synonyms (Domus, Karthago, iX-Haus, PowerHaus, Wodis: Objekt-Nr., WE-Nr., Personen-Nr.,
 * Mietbeginn/Einzug, Mietende/Auszug …). A header naming a person 1–4 ("Mieter 2 Vorname",
 * "E-Mail 2") fills that person's contact field.
 */
import {
  importFields,
  MAX_IMPORT_PERSONS,
  type ImportField,
  type ImportMapping,
  type ImportTarget,
} from '../../../shared/contract/imports';
import { fieldLabel } from '../../../shared/importTexts';

/** Header words (folded: lower case, umlauts spelt out, only letters and digits) per field. */
const SYNONYMS: Record<ImportField, readonly string[]> = {
  'property.referenceId': [
    'objektnr',
    'objektnummer',
    'objektid',
    'liegenschaftsnr',
    'liegenschaftsnummer',
    'liegenschaftnr',
    'liegenschaftid',
    'liegenschaftreferenzid',
    'liegenschaftsreferenzid',
    'propertyid',
    'propertyreference',
    'propertyreferenceid',
    'propertyref',
    'propertyno',
    'objekt',
  ],
  'property.name': [
    'objektname',
    'objektbezeichnung',
    'liegenschaft',
    'liegenschaftsname',
    'propertyname',
    'property',
  ],
  'property.street': ['objektstrasse', 'liegenschaftstrasse', 'liegenschaftsstrasse', 'propertystreet'],
  'property.houseNo': [
    'objekthausnr',
    'objekthausnummer',
    'liegenschafthausnr',
    'propertyhouseno',
    'propertyhousenumber',
  ],
  'property.postcode': [
    'objektplz',
    'liegenschaftplz',
    'liegenschaftsplz',
    'propertypostcode',
    'propertyzip',
  ],
  'property.city': ['objektort', 'liegenschaftort', 'liegenschaftsort', 'propertycity'],
  'unit.referenceId': [
    'wenr',
    'wenummer',
    'weid',
    'einheitnr',
    'einheitsnr',
    'einheitsnummer',
    'einheitid',
    'einheitreferenzid',
    'einheitsreferenzid',
    'mietobjektnr',
    'mieteinheitnr',
    'nutzeinheitnr',
    'unitid',
    'unitreference',
    'unitreferenceid',
    'unitref',
    'unitno',
  ],
  'unit.number': ['wohnungsnr', 'wohnungnr', 'wohnungsnummer', 'whgnr', 'unitnumber'],
  'unit.name': ['einheit', 'einheitbezeichnung', 'einheitsbezeichnung', 'lage', 'unitname', 'unit'],
  'unit.usage': ['nutzung', 'nutzungsart', 'usage', 'unitusage'],
  'contract.type': ['vertragsart', 'vertragstyp', 'art', 'typ', 'rolle', 'contracttype', 'type', 'role'],
  'contract.number': [
    'vertragsnr',
    'vertragsnummer',
    'mietvertragsnr',
    'mietvertragnr',
    'vertragid',
    'vertragreferenzid',
    'contractnumber',
    'contractno',
    'contractid',
    'contractreference',
  ],
  'contract.start': [
    'mietbeginn',
    'vertragsbeginn',
    'einzug',
    'einzugsdatum',
    'beginn',
    'von',
    'gueltigab',
    'contractstart',
    'startdate',
    'start',
    'movein',
    'from',
  ],
  'contract.end': [
    'mietende',
    'vertragsende',
    'auszug',
    'auszugsdatum',
    'ende',
    'bis',
    'gueltigbis',
    'contractend',
    'enddate',
    'end',
    'moveout',
    'to',
  ],
  'contact.referenceId': [
    'personennr',
    'personnr',
    'personennummer',
    'kontaktnr',
    'kontaktnummer',
    'kundennr',
    'kundennummer',
    'debitornr',
    'debitorennr',
    'mieternr',
    'eigentuemernr',
    'referenzid',
    'kontaktreferenzid',
    'contactid',
    'personid',
    'contactreference',
    'contactreferenceid',
    'referenceid',
  ],
  'contact.salutation': ['anrede', 'salutation'],
  'contact.title': ['titel', 'title'],
  'contact.firstName': ['vorname', 'firstname', 'givenname'],
  'contact.lastName': ['nachname', 'name', 'familienname', 'lastname', 'surname'],
  'contact.company': ['firma', 'firmenname', 'unternehmen', 'company'],
  'contact.email': ['email', 'emailadresse', 'mail', 'mailadresse'],
  'contact.phone': ['telefon', 'tel', 'telefonnr', 'telefonnummer', 'mobil', 'handy', 'phone', 'mobile'],
  'contact.language': ['sprache', 'korrespondenzsprache', 'language'],
  'contact.preference': [
    'kontaktweg',
    'versandart',
    'zustellung',
    'zustellweg',
    'preference',
    'contactpreference',
  ],
  'contact.street': ['strasse', 'street', 'anschrift'],
  'contact.houseNo': ['hausnr', 'hausnummer', 'houseno', 'housenumber'],
  'contact.postcode': ['plz', 'postleitzahl', 'postcode', 'zip', 'zipcode'],
  'contact.city': ['ort', 'stadt', 'wohnort', 'city'],
};

/** Words before a person's field that name whose it is ("Mieter 2 Vorname"). */
const PERSON_WORDS = ['mieter', 'person', 'kontakt', 'eigentuemer', 'tenant', 'owner', 'contact'];

const byWord = new Map<string, ImportField>();
for (const [field, words] of Object.entries(SYNONYMS) as [ImportField, readonly string[]][]) {
  for (const word of words) byWord.set(word, field);
}
// The app's own field names ("Referenz-ID der Liegenschaft", "Unit number"): the headers of its
// contacts export, so that an exported file imports again without remapping.
for (const field of importFields) {
  for (const language of ['de', 'en'] as const) {
    const word = foldHeader(fieldLabel(language, field));
    if (!byWord.has(word)) byWord.set(word, field);
  }
}

export function foldHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]/g, '');
}

/** The field one header names, with its person (1 unless the header says 2–4), or null. */
export function suggestTarget(header: string): (ImportTarget & { field: ImportField }) | null {
  const folded = foldHeader(header);
  const direct = byWord.get(folded);
  if (direct !== undefined) return { field: direct, person: 1 };
  const digits = folded.match(/\d+/g) ?? [];
  const person = digits.length === 1 ? Number(digits[0]) : 1;
  if (person < 1 || person > MAX_IMPORT_PERSONS) return null;
  let word = folded.replace(/\d+/, '');
  const found = byWord.get(word);
  if (found !== undefined) return { field: found, person: found.startsWith('contact.') ? person : 1 };
  const prefix = PERSON_WORDS.find((p) => word.startsWith(p) && word.length > p.length);
  if (prefix === undefined) return null;
  word = word.slice(prefix.length);
  const field = byWord.get(word);
  if (field === undefined || !field.startsWith('contact.')) return null;
  return { field, person };
}

/** A suggestion for every column; a field already taken by an earlier column is left unmapped. */
export function suggestMapping(headers: readonly string[]): ImportMapping {
  const taken = new Set<string>();
  return headers.map((header): ImportTarget => {
    const target = suggestTarget(header);
    if (target === null) return { field: null, person: 1 };
    const key = `${target.field}#${target.person}`;
    if (taken.has(key)) return { field: null, person: 1 };
    taken.add(key);
    return target;
  });
}
