/**
 * PostgreSQL's twin of the contact search (SQLite: the FTS5 trigram table of migration 5 and
 * contactKeys.contactSearchMatch). The table `contact_search (contact_id, name, address)` holds the same
 * folded words (contactKeys.contactSearchText, each word after WORD_START) with a pg_trgm GIN index per
 * column, which answers `LIKE '%…%'` from the index and rechecks exactly — the same substring semantics
 * as FTS5's trigram tokenizer: a term of 3+ characters anywhere in either column, a shorter one at the
 * start of a word of the name ('%  ab%'; its trigrams "  a", " ab" are in the index).
 */
import { sql, type RawBuilder } from 'kysely';
import {
  contactSearchText,
  INFIX_MIN_LENGTH,
  searchTerms,
  WORD_START,
  type SearchedFields,
} from '../contactKeys';

/** Writes (or replaces) a contact's search row; call it in the transaction that writes the contact. */
export function writeContactSearch(contactId: number, fields: SearchedFields): RawBuilder<unknown> {
  const { name, address } = contactSearchText(fields);
  return sql`INSERT INTO contact_search (contact_id, name, address) VALUES (${contactId}, ${name}, ${address})
    ON CONFLICT (contact_id) DO UPDATE SET name = EXCLUDED.name, address = EXCLUDED.address`;
}

/**
 * The condition "contact `s` (a row of contact_search) matches the search", or null when the search has
 * no terms: every term must match (AND), in any order. Terms hold only letters, digits and spaces
 * (contactKeys.searchFold), so no LIKE escapes are needed.
 */
export function contactSearchCondition(search: string): RawBuilder<boolean> | null {
  const terms = searchTerms(search);
  if (terms.length === 0) return null;
  const conditions = terms.map((term) => {
    if ([...term].length < INFIX_MIN_LENGTH) return sql<boolean>`s.name LIKE ${`%${WORD_START}${term}%`}`;
    const pattern = `%${term.replaceAll(' ', WORD_START)}%`;
    return sql<boolean>`(s.name LIKE ${pattern} OR s.address LIKE ${pattern})`;
  });
  return sql<boolean>`(${sql.join(conditions, sql` AND `)})`;
}
