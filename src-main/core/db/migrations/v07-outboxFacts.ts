import { createHmac, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Migration } from './migration';

/** The settings key of the per-store secret that invitation codes are hashed with (HMAC-SHA-256). */
export const CODE_KEY_SETTING = 'invitation.codeKey';

/** A formatted invitation code inside a stored text (ABCD-EFGH-JKLM, no look-alikes). */
const CODE_IN_TEXT =
  /(?<![A-HJ-NP-Z2-9])[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}(?![A-HJ-NP-Z2-9])/g;
const BLANKED = '••••-••••-••••';

interface AuditLink {
  action: string;
  entity_id: string | null;
  after: string | null;
}

function parse(text: string | null): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text ?? '{}');
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Queued mail of before: linked to its invitation or share through the audit rows that caused it. */
function linkOldMail(db: Database.Database): void {
  const asInvitation = db.prepare<[number, number]>(
    "UPDATE outbox SET kind = 'invitation', invitation_id = ? WHERE id = ?",
  );
  const asShare = db.prepare<[number, number]>(
    "UPDATE outbox SET kind = 'share', content_id = ? WHERE id = ?",
  );
  const links = db
    .prepare<[], AuditLink>(
      "SELECT action, entity_id, after FROM audit WHERE action IN ('invitations.create', 'sharing.share')",
    )
    .all();
  for (const link of links) {
    const after = parse(link.after);
    if (link.action === 'invitations.create' && typeof after.outboxId === 'number') {
      asInvitation.run(Number(link.entity_id), after.outboxId);
    } else if (link.action === 'sharing.share' && typeof after.contentId === 'number') {
      const ids = Array.isArray(after.outboxIds) ? after.outboxIds : [after.outboxId];
      for (const id of ids) if (typeof id === 'number') asShare.run(after.contentId, id);
    }
  }
}

export const v7: Migration = {
  version: 7,
  name: 'outbox of facts rendered at sending, letters, keyed invitation code hashes',
  sql: `
    -- The outbox keeps what a message is about (an invitation, a share) and renders it when it is
    -- sent or printed: a corrected sender or portal address reaches mail not sent yet, and an
    -- invitation code is issued only then (never stored in a body). 'stored' rows carry their own
    -- text (mail of before that could not be linked). 'sending' marks an attempt in flight: one
    -- left behind by a crash is never retried by itself (it may have been delivered).
    CREATE TABLE outbox_v7 (
      id            INTEGER PRIMARY KEY,
      contact_id    INTEGER REFERENCES contacts (id),
      channel       TEXT NOT NULL CHECK (channel IN ('email', 'letter')),
      kind          TEXT NOT NULL CHECK (kind IN ('invitation', 'share', 'stored')),
      invitation_id INTEGER REFERENCES invitations (id),
      content_id    INTEGER,
      recipient     TEXT NOT NULL,
      language      TEXT NOT NULL CHECK (language IN ('de', 'en')),
      subject       TEXT,
      text_body     TEXT,
      html_body     TEXT,
      state         TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'withdrawn')),
      attempts      INTEGER NOT NULL DEFAULT 0,
      last_error    TEXT,
      created_at    TEXT NOT NULL,
      sent_at       TEXT
    );
    INSERT INTO outbox_v7 (id, contact_id, channel, kind, recipient, language, subject, text_body,
        html_body, state, attempts, last_error, created_at, sent_at)
      SELECT id, contact_id, 'email', 'stored', recipient, language, subject, text_body, html_body,
        state, attempts, last_error, created_at, sent_at
      FROM outbox;
    DROP TABLE outbox;
    ALTER TABLE outbox_v7 RENAME TO outbox;
    CREATE INDEX outbox_by_state ON outbox (state, id);
    CREATE INDEX outbox_by_invitation ON outbox (invitation_id) WHERE invitation_id IS NOT NULL;
    CREATE INDEX outbox_by_contact ON outbox (contact_id, state);
  `,
  backfill(db) {
    linkOldMail(db);
    // Mail not sent yet is rendered when it is sent: its old text (with a code in it) goes.
    db.exec(`UPDATE outbox SET subject = NULL, text_body = NULL, html_body = NULL
      WHERE kind <> 'stored' AND state IN ('queued', 'failed')`);
    const blank = db.prepare<[string | null, string | null, number]>(
      'UPDATE outbox SET text_body = ?, html_body = ? WHERE id = ?',
    );
    const bodies = db.prepare<[], { id: number; text_body: string | null; html_body: string | null }>(
      'SELECT id, text_body, html_body FROM outbox WHERE text_body IS NOT NULL OR html_body IS NOT NULL',
    );
    for (const row of bodies.all()) {
      blank.run(
        row.text_body?.replace(CODE_IN_TEXT, BLANKED) ?? null,
        row.html_body?.replace(CODE_IN_TEXT, BLANKED) ?? null,
        row.id,
      );
    }
    // Codes at rest: HMAC-SHA-256 under a random key of this store over the old SHA-256, so every
    // code handed out before still registers (services/invitationCode.ts hashes the same way).
    const key = randomBytes(32).toString('hex');
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(CODE_KEY_SETTING, JSON.stringify(key));
    const rehash = db.prepare<[string, number]>('UPDATE invitations SET code_hash = ? WHERE id = ?');
    for (const row of db
      .prepare<[], { id: number; code_hash: string }>('SELECT id, code_hash FROM invitations')
      .all()) {
      rehash.run(createHmac('sha256', key).update(row.code_hash, 'utf8').digest('hex'), row.id);
    }
  },
};
