import { sql } from 'kysely';
import type { ContentKind } from '../../../shared/ipc';
import { idList, jsonText } from './engineSql';
import type { Store } from './store';

/**
 * A row of `contents` with the name of its property. `body` holds the item's long text (announcement
 * and appointment text, SmartPost template, process description); `data` the other kind-specific
 * fields as JSON (see services/contentService.ts).
 */
export interface ContentRow {
  id: number;
  kind: ContentKind;
  title: string;
  body: string | null;
  property_id: number | null;
  data: string;
  created_at: string;
  updated_at: string;
  property_name: string | null;
}

export type ContentValues = Pick<ContentRow, 'kind' | 'title' | 'body' | 'property_id' | 'data'>;

const SELECT = sql`SELECT t.id, t.kind, t.title, t.body, t.property_id, t.data, t.created_at, t.updated_at,
    p.name AS property_name
  FROM contents t LEFT JOIN properties p ON p.id = t.property_id`;
// Withdrawn contents (deleted_at set) are gone for every reader but the Protokoll (db/auditNames.ts).
const LIVE = sql`t.deleted_at IS NULL`;

/** Contents (Inhalte): SQL only; the rules live in services/contentService.ts. */
export function contentRepository(store: Store) {
  return {
    get(id: number): Promise<ContentRow | undefined> {
      return store.first(sql<ContentRow>`${SELECT} WHERE t.id = ${id} AND ${LIVE}`);
    },

    /** Some contents, newest first. */
    async getMany(ids: readonly number[]): Promise<ContentRow[]> {
      if (ids.length === 0) return [];
      return store.all(
        sql<ContentRow>`${SELECT} WHERE t.id IN (${idList(store, ids)}) AND ${LIVE}
          ORDER BY t.created_at DESC, t.id DESC`,
      );
    },

    /** One page, newest first, of every kind or of one. */
    async page(
      kind: ContentKind | null,
      offset: number,
      limit: number,
    ): Promise<{ total: number; rows: ContentRow[] }> {
      // With a kind, a range of contents_by_kind (kind, created_at, rowid).
      const ofKind = kind === null ? sql`` : sql`t.kind = ${kind} AND`;
      const counted = await store.first(
        sql<{ n: number }>`SELECT COUNT(*) AS n FROM contents t WHERE ${ofKind} ${LIVE}`,
      );
      const total = counted?.n ?? 0;
      const rows =
        total <= offset
          ? []
          : await store.all(
              sql<ContentRow>`${SELECT} WHERE ${ofKind} ${LIVE}
                ORDER BY t.created_at DESC, t.id DESC LIMIT ${limit} OFFSET ${offset}`,
            );
      return { total, rows };
    },

    async insert(values: ContentValues, at: string): Promise<number> {
      const row = await store.first(
        sql<{
          id: number;
        }>`INSERT INTO contents (kind, title, body, property_id, data, created_at, updated_at)
          VALUES (${values.kind}, ${values.title}, ${values.body}, ${values.property_id}, ${values.data}, ${at}, ${at})
          RETURNING id`,
      );
      return row!.id;
    },

    async update(id: number, values: ContentValues, at: string): Promise<void> {
      await store.run(
        sql`UPDATE contents SET kind = ${values.kind}, title = ${values.title}, body = ${values.body},
            property_id = ${values.property_id}, data = ${values.data}, updated_at = ${at}
          WHERE id = ${id}`,
      );
    },

    /**
     * Withdraws a content: it is gone for every reader; its text and file reference are cleared,
     * title, kind and property stay for the Protokoll.
     */
    async markDeleted(id: number, at: string): Promise<void> {
      await store.run(
        sql`UPDATE contents SET deleted_at = ${at}, updated_at = ${at}, body = NULL, data = '{}' WHERE id = ${id}`,
      );
    },

    /** How many live documents refer to the file `sha256`. */
    async fileUsers(sha256: string): Promise<number> {
      const row = await store.first(
        sql<{ n: number }>`SELECT COUNT(*) AS n FROM contents t
          WHERE t.kind = 'document' AND ${LIVE} AND ${jsonText(store, 't.data', 'sha256')} = ${sha256}`,
      );
      return row?.n ?? 0;
    },

    async propertyExists(id: number): Promise<boolean> {
      return (
        (await store.first(sql<{ id: number }>`SELECT id FROM properties WHERE id = ${id}`)) !== undefined
      );
    },

    /** Which of the ids are contacts. */
    async existingContacts(ids: readonly number[]): Promise<Set<number>> {
      if (ids.length === 0) return new Set();
      const rows = await store.all(
        sql<{
          id: number;
        }>`SELECT id FROM contacts WHERE id IN (${idList(store, ids)})`,
      );
      return new Set(rows.map((row) => row.id));
    },
  };
}
export type ContentRepository = ReturnType<typeof contentRepository>;
