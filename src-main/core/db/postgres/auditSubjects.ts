/**
 * PostgreSQL's twin of db/auditSubjects.ts: the contacts, properties and contents each audit row is
 * about (table audit_subject, migration 9), derived from the same things — the row's entity (a contract
 * names its contact and property, a share its content, contact or property …) and the integer ids its
 * recorded values carry (contactId, propertyId, contentId, a role share's recipients and skipped). $1 is
 * the first audit id to record. Stored JSON is read with portal_json (null when it is not JSON, as
 * SQLite's json_valid guard); an entity id that is not a whole number names nothing.
 */
type Kind = 'contact' | 'property' | 'content';

/** Entities whose own row names subjects: its table and, per kind, the column naming it. */
const NAMED_BY_ROW: [entity: string, table: string, columns: [Kind, string][]][] = [
  ['content', 'contents', [['property', 'property_id']]],
  [
    'contract',
    'contracts',
    [
      ['contact', 'contact_id'],
      ['property', 'property_id'],
    ],
  ],
  ['unit', 'units', [['property', 'property_id']]],
  ['invitation', 'invitations', [['contact', 'contact_id']]],
  ['outbox', 'outbox', [['contact', 'contact_id']]],
  [
    'share',
    'shares',
    [
      ['content', 'content_id'],
      ['contact', 'contact_id'],
      ['property', 'property_id'],
    ],
  ],
];

/** Lists in a share's recorded values naming contacts. */
const SHARE_LISTS = ['recipients', 'skipped'];

const branches = [
  ...(['contact', 'property', 'content'] as const).map(
    (kind) => `SELECT '${kind}', to_jsonb(a.entity_id), a.id FROM a WHERE a.entity = '${kind}'`,
  ),
  ...NAMED_BY_ROW.flatMap(([entity, table, columns]) =>
    columns.map(
      ([kind, column]) =>
        `SELECT '${kind}', to_jsonb(r.${column}), a.id FROM a JOIN ${table} r ON r.id = a.entity_id WHERE a.entity = '${entity}'`,
    ),
  ),
  ...SHARE_LISTS.map(
    (list) => `SELECT 'contact', r.value, a.id
      FROM a, jsonb_array_elements(CASE WHEN jsonb_typeof(a.after -> '${list}') = 'array'
        THEN a.after -> '${list}' ELSE '[]' END) r
      WHERE a.entity = 'share'`,
  ),
  `SELECT v.kind, side.value -> v.key, a.id
      FROM a,
        (VALUES ('contact', 'contactId'), ('property', 'propertyId'), ('content', 'contentId')) v (kind, key),
        LATERAL (SELECT a.before AS value UNION ALL SELECT a.after) side
      WHERE jsonb_typeof(side.value) = 'object'`,
];

export const auditSubjectsStatementPostgres = `
  WITH a AS (
    SELECT id, entity,
      CASE WHEN entity_id ~ '^-?[0-9]{1,18}$' THEN entity_id::bigint END AS entity_id,
      portal_json(before) AS before, portal_json(after) AS after
    FROM audit WHERE id >= $1
  ),
  named (kind, subject, audit_id) AS (
    ${branches.join('\n    UNION ALL ')}
  )
  INSERT INTO audit_subject (kind, subject_id, audit_id)
  SELECT DISTINCT kind, subject::text::bigint, audit_id FROM named
  WHERE jsonb_typeof(subject) = 'number' AND subject::text ~ '^-?[0-9]{1,18}$'
  ON CONFLICT DO NOTHING`;
