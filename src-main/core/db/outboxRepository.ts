import type { OutboxItem, OutboxMessage, OutboxState } from '../../../shared/ipc';
import type { Db } from './connection';

export interface OutboxRow {
  id: number;
  contact_id: number | null;
  recipient: string;
  language: 'de' | 'en';
  subject: string;
  text_body: string;
  html_body: string;
  state: OutboxState;
  attempts: number;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export type NewOutboxMessage = Pick<
  OutboxRow,
  'contact_id' | 'recipient' | 'language' | 'subject' | 'text_body' | 'html_body' | 'created_at'
>;

const ITEM_COLUMNS =
  'id, contact_id, recipient, language, subject, state, attempts, last_error, created_at, sent_at';

type ItemRow = Omit<OutboxRow, 'text_body' | 'html_body'>;

function toItem(row: ItemRow): OutboxItem {
  return {
    id: row.id,
    contactId: row.contact_id,
    recipient: row.recipient,
    language: row.language,
    subject: row.subject,
    state: row.state,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}

export function toOutboxMessage(row: OutboxRow): OutboxMessage {
  return { ...toItem(row), textBody: row.text_body, htmlBody: row.html_body };
}

/** The reading statements (exported for the query-plan test). */
export const outboxStatements = {
  pageAll: `SELECT ${ITEM_COLUMNS} FROM outbox ORDER BY id DESC LIMIT :limit OFFSET :offset`,
  pageByState: `SELECT ${ITEM_COLUMNS} FROM outbox WHERE state = :state ORDER BY id DESC LIMIT :limit OFFSET :offset`,
  countByState: 'SELECT COUNT(*) AS n FROM outbox WHERE state = :state',
  // Two index ranges on outbox_by_state (state, id).
  due: `SELECT id FROM outbox WHERE state = 'queued'
    UNION ALL
    SELECT id FROM outbox WHERE state = 'failed' AND attempts < :maxAttempts
    ORDER BY id`,
} as const;
export type OutboxStatement = keyof typeof outboxStatements;

/** The outbox (Postausgang): mail waiting for, or done with, delivery. */
export function outboxRepository(db: Db) {
  const insert = db.prepare<NewOutboxMessage>(
    `INSERT INTO outbox (contact_id, recipient, language, subject, text_body, html_body, state, attempts, created_at)
     VALUES (:contact_id, :recipient, :language, :subject, :text_body, :html_body, 'queued', 0, :created_at)`,
  );
  const pageAll = db.prepare<{ limit: number; offset: number }, ItemRow>(outboxStatements.pageAll);
  const pageByState = db.prepare<{ state: OutboxState; limit: number; offset: number }, ItemRow>(
    outboxStatements.pageByState,
  );
  const countAll = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM outbox');
  const countByState = db.prepare<{ state: OutboxState }, { n: number }>(outboxStatements.countByState);
  const byId = db.prepare<[number], OutboxRow>('SELECT * FROM outbox WHERE id = ?');
  const due = db.prepare<{ maxAttempts: number }, { id: number }>(outboxStatements.due);
  const markSent = db.prepare<{ id: number; at: string; text_body: string; html_body: string }>(
    `UPDATE outbox SET state = 'sent', attempts = attempts + 1, last_error = NULL, sent_at = :at,
       text_body = :text_body, html_body = :html_body
     WHERE id = :id`,
  );
  const markFailed = db.prepare<[string, number]>(
    "UPDATE outbox SET state = 'failed', attempts = attempts + 1, last_error = ? WHERE id = ?",
  );

  return {
    insert(message: NewOutboxMessage): number {
      return Number(insert.run(message).lastInsertRowid);
    },

    /** One page, newest first. */
    page(state: OutboxState | null, offset: number, limit: number): { total: number; items: OutboxItem[] } {
      const rows =
        state === null ? pageAll.all({ limit, offset }) : pageByState.all({ state, limit, offset });
      const total = (state === null ? countAll.get() : countByState.get({ state }))?.n ?? 0;
      return { total, items: rows.map(toItem) };
    },

    get(id: number): OutboxRow | undefined {
      return byId.get(id);
    },

    /** Ids of mail to deliver: queued, and failed with fewer than `maxAttempts` attempts; oldest first. */
    dueIds(maxAttempts: number): number[] {
      return due.all({ maxAttempts }).map((row) => row.id);
    },

    /** Delivered; the bodies are stored as given (with one-time codes blanked out). */
    markSent(id: number, at: string, textBody: string, htmlBody: string): void {
      markSent.run({ id, at, text_body: textBody, html_body: htmlBody });
    },

    markFailed(id: number, error: string): void {
      markFailed.run(error, id);
    },
  };
}
export type OutboxRepository = ReturnType<typeof outboxRepository>;
