import type { ContentKind } from '../../../shared/ipc';
import type { Db } from './connection';

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

const SELECT = `SELECT t.id, t.kind, t.title, t.body, t.property_id, t.data, t.created_at, t.updated_at,
    p.name AS property_name
  FROM contents t LEFT JOIN properties p ON p.id = t.property_id`;
const LIVE = 't.deleted_at IS NULL';

/** Contents (Inhalte): SQL only; the rules live in services/contentService.ts. */
export function contentRepository(db: Db) {
  // Withdrawn contents (deleted_at set) are gone for every reader but the Protokoll (db/auditNames.ts).
  const byId = db.prepare<[number], ContentRow>(`${SELECT} WHERE t.id = ? AND ${LIVE}`);
  const byIds = db.prepare<[string], ContentRow>(
    `${SELECT} WHERE t.id IN (SELECT value FROM json_each(?)) AND ${LIVE}
     ORDER BY t.created_at DESC, t.id DESC`,
  );
  // Newest first; with a kind, a range of contents_by_kind (kind, created_at, rowid).
  const pageAll = db.prepare<[number, number], ContentRow>(
    `${SELECT} WHERE ${LIVE} ORDER BY t.created_at DESC, t.id DESC LIMIT ? OFFSET ?`,
  );
  const pageOfKind = db.prepare<[ContentKind, number, number], ContentRow>(
    `${SELECT} WHERE t.kind = ? AND ${LIVE} ORDER BY t.created_at DESC, t.id DESC LIMIT ? OFFSET ?`,
  );
  const countAll = db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM contents t WHERE ${LIVE}`);
  const countOfKind = db.prepare<[ContentKind], { n: number }>(
    `SELECT COUNT(*) AS n FROM contents t WHERE t.kind = ? AND ${LIVE}`,
  );
  const markDeleted = db.prepare<{ id: number; at: string }>(
    `UPDATE contents SET deleted_at = :at, updated_at = :at, body = NULL, data = '{}' WHERE id = :id`,
  );
  const fileUsers = db.prepare<[string], { n: number }>(
    `SELECT COUNT(*) AS n FROM contents t
     WHERE t.kind = 'document' AND ${LIVE} AND json_extract(t.data, '$.sha256') = ?`,
  );
  const insert = db.prepare<ContentValues & { at: string }>(
    `INSERT INTO contents (kind, title, body, property_id, data, created_at, updated_at)
     VALUES (:kind, :title, :body, :property_id, :data, :at, :at)`,
  );
  const update = db.prepare<ContentValues & { id: number; at: string }>(
    `UPDATE contents SET kind = :kind, title = :title, body = :body, property_id = :property_id,
       data = :data, updated_at = :at
     WHERE id = :id`,
  );
  const propertyExists = db.prepare<[number], { id: number }>('SELECT id FROM properties WHERE id = ?');
  const existingContacts = db.prepare<[string], { id: number }>(
    'SELECT id FROM contacts WHERE id IN (SELECT value FROM json_each(?))',
  );

  return {
    get(id: number): ContentRow | undefined {
      return byId.get(id);
    },

    /** Some contents, newest first. */
    getMany(ids: readonly number[]): ContentRow[] {
      if (ids.length === 0) return [];
      return byIds.all(JSON.stringify(ids));
    },

    /** One page, newest first, of every kind or of one. */
    page(kind: ContentKind | null, offset: number, limit: number): { total: number; rows: ContentRow[] } {
      const total = (kind === null ? countAll.get() : countOfKind.get(kind))?.n ?? 0;
      const rows =
        total <= offset
          ? []
          : kind === null
            ? pageAll.all(limit, offset)
            : pageOfKind.all(kind, limit, offset);
      return { total, rows };
    },

    insert(values: ContentValues, at: string): number {
      return Number(insert.run({ ...values, at }).lastInsertRowid);
    },

    update(id: number, values: ContentValues, at: string): void {
      update.run({ ...values, id, at });
    },

    /**
     * Withdraws a content: it is gone for every reader; its text and file reference are cleared,
     * title, kind and property stay for the Protokoll.
     */
    markDeleted(id: number, at: string): void {
      markDeleted.run({ id, at });
    },

    /** How many live documents refer to the file `sha256`. */
    fileUsers(sha256: string): number {
      return fileUsers.get(sha256)?.n ?? 0;
    },

    propertyExists(id: number): boolean {
      return propertyExists.get(id) !== undefined;
    },

    /** Which of the ids are contacts. */
    existingContacts(ids: readonly number[]): Set<number> {
      if (ids.length === 0) return new Set();
      return new Set(existingContacts.all(JSON.stringify(ids)).map((row) => row.id));
    },
  };
}
export type ContentRepository = ReturnType<typeof contentRepository>;
