import { createHmac, randomBytes } from 'node:crypto';
import { CODE_KEY_SETTING } from '../migrations/v07-outboxFacts';
import { TEXT, type PostgresMigration } from './migration';

/** A formatted invitation code inside a stored text (ABCD-EFGH-JKLM, no look-alikes), as a PostgreSQL ARE. */
const CODE_IN_TEXT =
  '(?<![A-HJ-NP-Z2-9])[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}(?![A-HJ-NP-Z2-9])';

export const v7: PostgresMigration = {
  version: 7,
  name: 'outbox of facts rendered at sending, letters, keyed invitation code hashes',
  sql: `
    -- A stored JSON text (audit before/after, contents.data) as jsonb, or NULL when it is not JSON:
    -- SQLite's json_valid guard (PostgreSQL 15 has no IS JSON). Used here and by postgres/auditSubjects.ts.
    CREATE FUNCTION portal_json(value text) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
    BEGIN
      RETURN value::jsonb;
    EXCEPTION WHEN others THEN
      RETURN NULL;
    END $$;

    -- SQLite rebuilds the table; here the columns are changed in place (same columns, constraints and
    -- indexes; the new columns stand at the end: the engine names columns, never relies on their order).
    ALTER TABLE outbox
      ADD COLUMN channel ${TEXT} NOT NULL DEFAULT 'email' CHECK (channel IN ('email', 'letter')),
      ADD COLUMN kind ${TEXT} NOT NULL DEFAULT 'stored' CHECK (kind IN ('invitation', 'share', 'stored')),
      ADD COLUMN invitation_id bigint REFERENCES invitations (id),
      ADD COLUMN content_id bigint,
      ALTER COLUMN subject DROP NOT NULL,
      ALTER COLUMN text_body DROP NOT NULL,
      ALTER COLUMN html_body DROP NOT NULL,
      DROP CONSTRAINT outbox_state_check,
      ADD CONSTRAINT outbox_state_check
        CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'withdrawn'));
    ALTER TABLE outbox ALTER COLUMN channel DROP DEFAULT, ALTER COLUMN kind DROP DEFAULT;
    CREATE INDEX outbox_by_invitation ON outbox (invitation_id) WHERE invitation_id IS NOT NULL;
    CREATE INDEX outbox_by_contact ON outbox (contact_id, state);

    -- Queued mail of before: linked to its invitation or share through the audit rows that caused it.
    UPDATE outbox SET kind = 'invitation', invitation_id = link.invitation_id
    FROM (
      SELECT a.entity_id::bigint AS invitation_id, (portal_json(a.after) ->> 'outboxId')::numeric AS outbox_id
      FROM audit a
      WHERE a.action = 'invitations.create' AND a.entity_id ~ '^[0-9]+$'
        AND jsonb_typeof(portal_json(a.after) -> 'outboxId') = 'number'
    ) link
    WHERE outbox.id = link.outbox_id;
    UPDATE outbox SET kind = 'share', content_id = link.content_id
    FROM (
      SELECT (j ->> 'contentId')::bigint AS content_id, mail.id::text::numeric AS outbox_id
      FROM (SELECT portal_json(after) AS j FROM audit WHERE action = 'sharing.share') a,
        jsonb_array_elements(CASE WHEN jsonb_typeof(j -> 'outboxIds') = 'array' THEN j -> 'outboxIds'
          ELSE jsonb_build_array(j -> 'outboxId') END) AS mail (id)
      WHERE jsonb_typeof(j -> 'contentId') = 'number' AND jsonb_typeof(mail.id) = 'number'
    ) link
    WHERE outbox.id = link.outbox_id;
    -- Mail not sent yet is rendered when it is sent: its old text (with a code in it) goes.
    UPDATE outbox SET subject = NULL, text_body = NULL, html_body = NULL
      WHERE kind <> 'stored' AND state IN ('queued', 'failed');
    UPDATE outbox SET
        text_body = regexp_replace(text_body, '${CODE_IN_TEXT}', '••••-••••-••••', 'g'),
        html_body = regexp_replace(html_body, '${CODE_IN_TEXT}', '••••-••••-••••', 'g')
      WHERE text_body IS NOT NULL OR html_body IS NOT NULL;
  `,
  async backfill(client) {
    // Codes at rest: HMAC-SHA-256 under a random key of this store over the old SHA-256, so every
    // code handed out before still registers (services/invitationCode.ts hashes the same way).
    const key = randomBytes(32).toString('hex');
    await client.query('INSERT INTO settings (key, value) VALUES ($1, $2)', [
      CODE_KEY_SETTING,
      JSON.stringify(key),
    ]);
    const { rows } = await client.query<{ id: string; code_hash: string }>(
      'SELECT id, code_hash FROM invitations',
    );
    await client.query(
      `UPDATE invitations SET code_hash = v.code_hash
       FROM unnest($1::bigint[], $2::text[]) AS v (id, code_hash) WHERE invitations.id = v.id`,
      [
        rows.map((row) => row.id),
        rows.map((row) => createHmac('sha256', key).update(row.code_hash, 'utf8').digest('hex')),
      ],
    );
  },
};
