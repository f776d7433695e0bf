import type { ErrorCode } from '../../../shared/errors';
import type { OutboxChannel, OutboxKind, OutboxState } from '../../../shared/ipc';
import type { Db } from './connection';

export interface OutboxRow {
  id: number;
  contact_id: number | null;
  channel: OutboxChannel;
  kind: OutboxKind;
  invitation_id: number | null;
  content_id: number | null;
  recipient: string;
  language: 'de' | 'en';
  /** Kind 'stored': the text to send. Otherwise NULL until sent, then what was sent (code masked). */
  subject: string | null;
  text_body: string | null;
  html_body: string | null;
  state: OutboxState;
  attempts: number;
  last_error: ErrorCode | null;
  created_at: string;
  sent_at: string | null;
}

/** A message to queue: what it is about, not its text (rendered when sent or printed). */
export type NewOutboxMessage = Pick<
  OutboxRow,
  'contact_id' | 'channel' | 'kind' | 'invitation_id' | 'content_id' | 'recipient' | 'language' | 'created_at'
>;

/** The reading statements (exported for the query-plan test). */
export const outboxStatements = {
  pageAll: 'SELECT * FROM outbox ORDER BY id DESC LIMIT :limit OFFSET :offset',
  pageByState: 'SELECT * FROM outbox WHERE state = :state ORDER BY id DESC LIMIT :limit OFFSET :offset',
  countByState: 'SELECT COUNT(*) AS n FROM outbox WHERE state = :state',
  // Two index ranges on outbox_by_state (state, id).
  due: `SELECT id FROM outbox WHERE state = 'queued' AND channel = 'email'
    UNION ALL
    SELECT id FROM outbox WHERE state = 'failed' AND channel = 'email' AND attempts < :maxAttempts
    ORDER BY id`,
  queuedLetters: "SELECT id FROM outbox WHERE state = 'queued' AND channel = 'letter' ORDER BY id",
} as const;
export type OutboxStatement = keyof typeof outboxStatements;

/** The outbox (Postausgang): mail and letters waiting for, or done with, delivery. */
export function outboxRepository(db: Db) {
  const insert = db.prepare<NewOutboxMessage>(
    `INSERT INTO outbox (contact_id, channel, kind, invitation_id, content_id, recipient, language, state,
       attempts, created_at)
     VALUES (:contact_id, :channel, :kind, :invitation_id, :content_id, :recipient, :language, 'queued', 0,
       :created_at)`,
  );
  const pageAll = db.prepare<{ limit: number; offset: number }, OutboxRow>(outboxStatements.pageAll);
  const pageByState = db.prepare<{ state: OutboxState; limit: number; offset: number }, OutboxRow>(
    outboxStatements.pageByState,
  );
  const countAll = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM outbox');
  const countByState = db.prepare<{ state: OutboxState }, { n: number }>(outboxStatements.countByState);
  const byId = db.prepare<[number], OutboxRow>('SELECT * FROM outbox WHERE id = ?');
  const due = db.prepare<{ maxAttempts: number }, { id: number }>(outboxStatements.due);
  const queuedLetters = db.prepare<[], { id: number }>(outboxStatements.queuedLetters);
  const queuedEmails = db.prepare<[], { n: number }>(
    "SELECT COUNT(*) AS n FROM outbox WHERE state = 'queued' AND channel = 'email'",
  );
  const setState = db.prepare<{ id: number; state: OutboxState; error: ErrorCode | null }>(
    'UPDATE outbox SET state = :state, last_error = :error WHERE id = :id',
  );
  const markSent = db.prepare<{
    id: number;
    at: string;
    subject: string;
    text_body: string;
    html_body: string;
  }>(
    `UPDATE outbox SET state = 'sent', attempts = attempts + 1, last_error = NULL, sent_at = :at,
       subject = :subject, text_body = :text_body, html_body = :html_body
     WHERE id = :id`,
  );
  const markFailed = db.prepare<{ id: number; error: ErrorCode; attempts: number | null }>(
    `UPDATE outbox SET state = 'failed', attempts = COALESCE(:attempts, attempts + 1), last_error = :error
     WHERE id = :id`,
  );
  const requeue = db.prepare<[number]>(
    "UPDATE outbox SET state = 'queued', attempts = 0, last_error = NULL WHERE id = ?",
  );
  const markPrinted = db.prepare<[string, number]>(
    "UPDATE outbox SET state = 'sent', sent_at = ?, attempts = attempts + 1 WHERE id = ? AND state = 'queued' AND channel = 'letter'",
  );
  const interrupted = db.prepare<[], OutboxRow>("SELECT * FROM outbox WHERE state = 'sending'");
  const openOfInvitation = db.prepare<[number], OutboxRow>(
    "SELECT * FROM outbox WHERE invitation_id = ? AND state IN ('queued', 'failed')",
  );
  const openEmailsOfContact = db.prepare<[number], OutboxRow>(
    "SELECT * FROM outbox WHERE contact_id = ? AND channel = 'email' AND state IN ('queued', 'failed')",
  );

  return {
    insert(message: NewOutboxMessage): number {
      return Number(insert.run(message).lastInsertRowid);
    },

    /** One page, newest first. */
    page(state: OutboxState | null, offset: number, limit: number): { total: number; rows: OutboxRow[] } {
      const rows =
        state === null ? pageAll.all({ limit, offset }) : pageByState.all({ state, limit, offset });
      const total = (state === null ? countAll.get() : countByState.get({ state }))?.n ?? 0;
      return { total, rows };
    },

    get(id: number): OutboxRow | undefined {
      return byId.get(id);
    },

    /** Ids of e-mail to deliver: queued, and failed with fewer than `maxAttempts` attempts; oldest first. */
    dueIds(maxAttempts: number): number[] {
      return due.all({ maxAttempts }).map((row) => row.id);
    },

    queuedLetterIds(): number[] {
      return queuedLetters.all().map((row) => row.id);
    },

    queuedEmailCount(): number {
      return queuedEmails.get()?.n ?? 0;
    },

    /** A sending attempt begins (committed before the message leaves). */
    markSending(id: number): void {
      setState.run({ id, state: 'sending', error: null });
    },

    withdraw(id: number, reason: ErrorCode): void {
      setState.run({ id, state: 'withdrawn', error: reason });
    },

    /** Delivered; what was sent is kept with the invitation code masked. */
    markSent(id: number, at: string, sent: { subject: string; text: string; html: string }): void {
      markSent.run({ id, at, subject: sent.subject, text_body: sent.text, html_body: sent.html });
    },

    /** Failed; `attempts` given = set to it (an interrupted attempt is not retried by itself). */
    markFailed(id: number, error: ErrorCode, attempts: number | null = null): void {
      markFailed.run({ id, error, attempts });
    },

    requeue(id: number): void {
      requeue.run(id);
    },

    markPrinted(id: number, at: string): boolean {
      return markPrinted.run(at, id).changes === 1;
    },

    /** Attempts in flight when the app stopped. */
    interrupted(): OutboxRow[] {
      return interrupted.all();
    },

    /** The invitation's mail not sent yet. */
    openOfInvitation(invitationId: number): OutboxRow[] {
      return openOfInvitation.all(invitationId);
    },

    /** The contact's e-mail not sent yet. */
    openEmailsOfContact(contactId: number): OutboxRow[] {
      return openEmailsOfContact.all(contactId);
    },
  };
}
export type OutboxRepository = ReturnType<typeof outboxRepository>;
