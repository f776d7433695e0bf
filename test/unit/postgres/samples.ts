/**
 * Sample rows written with the same plain SQL into a SQLite store and a PostgreSQL database of one
 * schema version, before both are migrated to the latest: every table of the portfolio, mail of before
 * with an invitation code in its text, audit rows naming contacts, properties and contents in every way
 * migration 9 reads, contacts whose search and sort keys migration 5 derives.
 */

/** The code_hash an invitation had before migration 7 keyed it. */
export const OLD_CODE_HASH = 'a3f1c2d4e5b6a7980011223344556677889900aabbccddeeff00112233445566';

interface Sample {
  /** The first schema version the statement fits. */
  since: number;
  /** The first version it no longer fits (the outbox changed its shape in 7). */
  until?: number;
  sql: string;
}

const samples: Sample[] = [
  {
    since: 1,
    sql: `INSERT INTO settings (key, value) VALUES
        ('access', '{"preContract":{"enabled":true,"days":30},"postContract":{"enabled":false,"days":30}}'),
        ('organisation', '{"name":"Hausverwaltung Lindner"}');
      INSERT INTO audit (id, at, actor, action, entity, entity_id, before, after) VALUES
        (1, '2026-01-05T09:00:00.000Z', 'desktop', 'invitations.create', 'invitation', '1', NULL, '{"outboxId":1}'),
        (2, '2026-01-05T09:01:00.000Z', 'desktop', 'sharing.share', 'share', '2', NULL,
          '{"contentId":1,"outboxIds":[2],"recipients":[1,3],"skipped":[2]}'),
        (3, '2026-01-05T09:02:00.000Z', 'desktop', 'contacts.update', 'contact', '2', '{"contactId":2}', 'no json'),
        (4, '2026-01-05T09:03:00.000Z', 'desktop', 'contracts.create', 'contract', '1', NULL, '{"propertyId":1}'),
        (5, '2026-01-05T09:04:00.000Z', 'desktop', 'settings.access', 'settings', NULL,
          '{"enabled":false}', '{"contentId":1.5,"contactId":"3"}'),
        (6, '2026-01-05T09:05:00.000Z', 'desktop', 'units.update', 'unit', '1', NULL, NULL),
        (7, '2026-01-05T09:06:00.000Z', 'desktop', 'sharing.share', 'share', '1', NULL, '{"contentId":1,"outboxId":3}');`,
  },
  {
    since: 2,
    sql: `INSERT INTO properties (id, name, reference_id, created_at) VALUES
        (1, 'Lindenhof', 'L-1', '2026-01-01T08:00:00.000Z'), (2, 'Am Markt 3', NULL, '2026-01-01T08:00:00.000Z');
      INSERT INTO property_addresses (id, property_id, street, house_no, postcode, city) VALUES
        (1, 1, 'Lindenstraße', '4a', '10115', 'Berlin');
      INSERT INTO units (id, property_id, name, number, usage, reference_id) VALUES
        (1, 1, '1. OG links', 'WE 1', 'private', 'L-1-1'), (2, 1, 'Laden', 'GE 1', 'commercial', NULL);
      INSERT INTO contacts (id, salutation, first_name, last_name, company, email, language, preference,
          reference_id, archived, sort_name) VALUES
        (1, 'mr', 'Hans', 'Müller-Lüdenscheidt', NULL, 'hans@example.net', 'de', 'online', 'K-1', 0, 'm'),
        (2, 'ms', 'Ayla', 'Öztürk', NULL, NULL, 'en', 'postal', 'K-2', 1, 'o'),
        (3, 'company', NULL, 'Hausbau GmbH', 'Hausbau GmbH', 'info@hausbau.example.com', 'de', 'online', 'K-3', 0, 'h'),
        (4, 'ms', 'Paula', 'Paul', NULL, NULL, 'de', 'online', 'K-4', 0, 'p');
      INSERT INTO contracts (id, contact_id, unit_id, property_id, type, number, start_date, end_date) VALUES
        (1, 1, 1, 1, 'tenant', 'MV-1', '2024-03-01', NULL),
        (2, 2, 1, 1, 'tenant', 'MV-0', '2019-01-01', '2024-02-29'),
        (3, 3, 2, 1, 'owner', 'EV-1', '2020-01-01', NULL);
      INSERT INTO portal_accounts (contact_id, registered_at) VALUES (1, '2026-01-06T10:00:00.000Z');
      INSERT INTO invitations (id, contact_id, code_hash, created_at, expires_on, channel, state) VALUES
        (1, 1, '${OLD_CODE_HASH}', '2026-01-05T09:00:00.000Z', '2026-02-04', 'email', 'pending');
      INSERT INTO contents (id, kind, title, body, property_id, created_at, updated_at) VALUES
        (1, 'announcement', 'Heizungswartung', 'Am Montag', 1, '2026-01-05T09:00:00.000Z', '2026-01-05T09:00:00.000Z');
      INSERT INTO shares (id, content_id, contact_id, role, property_id, unit_ids, created_at) VALUES
        (1, 1, 1, NULL, NULL, NULL, '2026-01-05T09:01:00.000Z'),
        (2, 1, NULL, 'tenant', 1, '[1]', '2026-01-05T09:01:00.000Z');`,
  },
  {
    since: 2,
    until: 7,
    sql: `INSERT INTO outbox (id, contact_id, recipient, language, subject, text_body, html_body, state, attempts,
          created_at, sent_at) VALUES
        (1, 1, 'hans@example.net', 'de', 'Einladung', 'Ihr Code: ABCD-EFGH-JKLM.', '<p>ABCD-EFGH-JKLM</p>',
          'queued', 0, '2026-01-05T09:00:00.000Z', NULL),
        (2, 1, 'hans@example.net', 'de', 'Neu', 'Code XYZW-2345-6789 und ABCD-EFGH-JKLMN', '<p>-</p>',
          'sent', 1, '2026-01-05T09:01:00.000Z', '2026-01-05T09:02:00.000Z'),
        (3, 3, 'info@hausbau.example.com', 'de', 'Freigabe', 'Code QRST-UVWX-YZ23', '<p>x</p>',
          'failed', 2, '2026-01-05T09:06:00.000Z', NULL),
        (4, NULL, 'x@example.com', 'en', 'Alt', 'Old text', '<p>Old</p>', 'sent', 1, '2026-01-04T09:00:00.000Z', NULL);`,
  },
  {
    since: 7,
    sql: `INSERT INTO outbox (id, contact_id, channel, kind, invitation_id, content_id, recipient, language,
          state, attempts, created_at) VALUES
        (1, 1, 'email', 'invitation', 1, NULL, 'hans@example.net', 'de', 'queued', 0, '2026-01-05T09:00:00.000Z'),
        (2, 3, 'letter', 'share', NULL, 1, '', 'de', 'sending', 1, '2026-01-05T09:01:00.000Z');`,
  },
  { since: 4, sql: "UPDATE contacts SET anonymised_at = '2026-02-01T00:00:00.000Z' WHERE id = 4" },
  {
    since: 6,
    sql: `INSERT INTO imports (id, at, actor, file_name, sha256, summary, backup_name, first_audit_id, last_audit_id)
        VALUES (1, '2026-01-07T10:00:00.000Z', 'desktop', 'stamm.csv', 'ab12', '{"created":3}', NULL, 4, 6);
      INSERT INTO import_mappings (id, name, headers, mapping, used_at)
        VALUES (1, 'ERP', '["Nr","Name"]', '{"Nr":"referenceId"}', '2026-01-07T10:00:00.000Z');`,
  },
  {
    since: 9,
    sql: `UPDATE contents SET deleted_at = '2026-03-01T00:00:00.000Z' WHERE id = 1;
      INSERT INTO audit_subject (kind, subject_id, audit_id) VALUES ('contact', 4, 3);`,
  },
  {
    since: 10,
    sql: `INSERT INTO contacts (id, salutation, last_name, language, preference, reference_id, sort_name)
        VALUES (5, 'couple', 'Werner', 'de', 'postal', 'K-5', 'werner')`,
  },
];

/** The sample statements a database of `version` takes (run in this order). */
export function samplesAt(version: number): string[] {
  return samples
    .filter((sample) => sample.since <= version && (sample.until === undefined || version < sample.until))
    .map((sample) => sample.sql);
}
