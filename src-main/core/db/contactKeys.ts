/**
 * The keys stored beside a contact's fields so that the list can be searched and sorted from an
 * index: the sort key (`contacts.sort_name`) and the search text (`contact_search`). Pure functions;
 * every writer of contacts (repositories, the demo's bulk writer, migration 5) derives them here.
 */
import type { ContactFields } from '../../../shared/ipc';

/**
 * The search key of a text: Unicode NFC, lower-cased (umlauts too, unlike SQL lower()), runs of
 * white space as one space, trimmed.
 */
export function searchKey(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Ahead of every character of a search key: "weber" sorts before "weber hans". */
const TIE_BREAK = '\u0001';

/** Letters that Unicode does not decompose into a base letter and a mark, as their base letters. */
const BASE_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  ı: 'i',
  ł: 'l',
  ø: 'o',
  đ: 'd',
  æ: 'ae',
  œ: 'oe',
};

/** Every letter as its base letter: accents and umlauts dropped (ö as o), ß as ss, ł as l … */
function baseLetters(text: string): string {
  return text
    .replace(/[ßıłøđæœ]/g, (letter) => BASE_LETTERS[letter] ?? letter)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC');
}

/**
 * The sort key of a text in DIN 5007-1 order ("Wörterbuch"): ä, ö, ü sort as a, o, u, ß as ss and
 * other letters as their base letter (é as e, ł as l), case ignored; names equal so are ordered by
 * their search key behind TIE_BREAK (Muller before Müller), so one binary-collated column sorts them.
 */
export function germanSortKey(text: string): string {
  const key = searchKey(text);
  return `${baseLetters(key)}${TIE_BREAK}${key}`;
}

/** The stored `sort_name`: "last first" (a company by its company name) as a German sort key. */
export function sortNameOf(
  fields: Pick<ContactFields, 'salutation' | 'firstName' | 'lastName' | 'company'>,
): string {
  if (fields.salutation === 'company' && fields.company) return germanSortKey(fields.company);
  return germanSortKey(`${fields.lastName} ${fields.firstName ?? ''}`);
}

const UMLAUT_SPELLING: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue' };

/**
 * A text as the search compares it: its search key with ä, ö, ü spelled ae, oe, ue (so that
 * "Mueller" and "Müller" are the same), other letters as their base letters (é as e, ß as ss), and
 * every run of characters that are neither letters nor digits (space, hyphen, dot, @ …) as one
 * space between words.
 */
export function searchFold(text: string): string {
  return baseLetters(searchKey(text).replace(/[äöü]/g, (letter) => UMLAUT_SPELLING[letter] ?? letter))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The fields a contact is found by. */
export interface SearchedFields {
  first_name: string | null;
  last_name: string;
  company: string | null;
  email: string | null;
  reference_id: string;
}

/** Folded words of some fields, each after WORD_START. */
function indexedWords(texts: readonly (string | null)[]): string {
  return texts
    .flatMap((text) => (text ? searchFold(text).split(' ') : []))
    .filter((word) => word !== '')
    .map((word) => WORD_START + word)
    .join('');
}

/**
 * Before every word of the indexed text: two characters, so that a term of one letter after it is
 * a whole trigram (the trigram index finds nothing shorter).
 */
export const WORD_START = '  ';

/** Terms of at least this many characters match anywhere; shorter ones match the start of a name's word. */
export const INFIX_MIN_LENGTH = 3;

/**
 * The columns `contact_search` indexes for a contact: the words of its name (first and last name,
 * double names split, company) and of its e-mail address and reference id, each after WORD_START.
 * Two columns, so that one or two letters look at the start of a name's words only: every
 * reference starts with "k" and most addresses hold "example" and "com".
 */
export function contactSearchText(fields: SearchedFields): { name: string; address: string } {
  return {
    name: indexedWords([fields.first_name, fields.last_name, fields.company]),
    address: indexedWords([fields.email, fields.reference_id]),
  };
}

/** The terms of a search as typed: its white-space separated parts, folded, the empty ones dropped. */
export function searchTerms(search: string): string[] {
  return search
    .split(/\s+/)
    .map(searchFold)
    .filter((term) => term !== '');
}

/**
 * The FTS5 MATCH expression of a search, or null when it has no terms: every term must match (AND),
 * in any order — a term of INFIX_MIN_LENGTH or more characters anywhere in either column (its inner
 * word breaks as in the text), a shorter one at the start of a word of the name. Terms hold only letters,
 * digits and spaces (searchFold), so quoting them needs no escapes.
 */
export function contactSearchMatch(search: string): string | null {
  const terms = searchTerms(search);
  if (terms.length === 0) return null;
  return terms
    .map((term) =>
      [...term].length < INFIX_MIN_LENGTH
        ? `name : "${WORD_START}${term}"`
        : `"${term.replaceAll(' ', WORD_START)}"`,
    )
    .join(' AND ');
}
