import { sql, type RawBuilder } from 'kysely';
import type { Store } from './store';

/**
 * The few SQL phrases that differ between the engines of the storage port (store.ts), as pieces for
 * the `sql` tag. A list is ONE parameter however long it is, so that a statement's text stays the
 * same (prepared once on SQLite) and no engine's limit on parameters is reached.
 */

/** The ids as a one-column subquery: `WHERE id IN (${idList(store, ids)})`. */
export function idList(store: Store, ids: readonly number[]): RawBuilder<unknown> {
  return store.engine === 'sqlite'
    ? sql`SELECT value FROM json_each(${JSON.stringify(ids)})`
    : sql`SELECT unnest(CAST(${ids} AS bigint[]))`;
}

/** The texts as a one-column subquery: `WHERE entity_id IN (${textList(store, names)})`. */
export function textList(store: Store, values: readonly string[]): RawBuilder<unknown> {
  return store.engine === 'sqlite'
    ? sql`SELECT value FROM json_each(${JSON.stringify(values)})`
    : sql`SELECT unnest(CAST(${values} AS text[]))`;
}

/**
 * The member `key` of the JSON object stored as text in `column` (a trusted column reference), as
 * text; null when absent or not JSON on PostgreSQL (portal_json, postgres/v07).
 */
export function jsonText(store: Store, column: string, key: string): RawBuilder<string | null> {
  return store.engine === 'sqlite'
    ? sql`json_extract(${sql.raw(column)}, ${`$.${key}`})`
    : sql`(portal_json(${sql.raw(column)}) ->> ${key})`;
}
