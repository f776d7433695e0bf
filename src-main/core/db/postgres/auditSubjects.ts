/**
 * PostgreSQL's twin of db/auditSubjects.ts: the contacts, properties and contents each audit row is
 * about (table audit_subject, migration 9), derived from the same things — the row's entity (a contract
 * names its contact and property, a share its content, contact or property …) and the integer ids its
 * recorded values carry (contactId, propertyId, contentId, a role share's recipients and skipped). $1 is
 * the first audit id to record. Stored JSON is read with portal_json (null when it is not JSON, as
 * SQLite's json_valid guard); an entity id that is not a whole number names nothing.
 */
export const auditSubjectsStatementPostgres = `
  WITH a AS (
    SELECT id, entity,
      CASE WHEN entity_id ~ '^-?[0-9]{1,18}$' THEN entity_id::bigint END AS entity_id,
      portal_json(before) AS before, portal_json(after) AS after
    FROM audit WHERE id >= $1
  ),
  named (kind, subject, audit_id) AS (
    SELECT 'contact', to_jsonb(a.entity_id), a.id FROM a WHERE a.entity = 'contact'
    UNION ALL SELECT 'property', to_jsonb(a.entity_id), a.id FROM a WHERE a.entity = 'property'
    UNION ALL SELECT 'content', to_jsonb(a.entity_id), a.id FROM a WHERE a.entity = 'content'
    UNION ALL SELECT 'property', to_jsonb(t.property_id), a.id
      FROM a JOIN contents t ON t.id = a.entity_id WHERE a.entity = 'content'
    UNION ALL SELECT 'contact', to_jsonb(c.contact_id), a.id
      FROM a JOIN contracts c ON c.id = a.entity_id WHERE a.entity = 'contract'
    UNION ALL SELECT 'property', to_jsonb(c.property_id), a.id
      FROM a JOIN contracts c ON c.id = a.entity_id WHERE a.entity = 'contract'
    UNION ALL SELECT 'property', to_jsonb(u.property_id), a.id
      FROM a JOIN units u ON u.id = a.entity_id WHERE a.entity = 'unit'
    UNION ALL SELECT 'contact', to_jsonb(i.contact_id), a.id
      FROM a JOIN invitations i ON i.id = a.entity_id WHERE a.entity = 'invitation'
    UNION ALL SELECT 'contact', to_jsonb(o.contact_id), a.id
      FROM a JOIN outbox o ON o.id = a.entity_id WHERE a.entity = 'outbox'
    UNION ALL SELECT 'content', to_jsonb(s.content_id), a.id
      FROM a JOIN shares s ON s.id = a.entity_id WHERE a.entity = 'share'
    UNION ALL SELECT 'contact', to_jsonb(s.contact_id), a.id
      FROM a JOIN shares s ON s.id = a.entity_id WHERE a.entity = 'share'
    UNION ALL SELECT 'property', to_jsonb(s.property_id), a.id
      FROM a JOIN shares s ON s.id = a.entity_id WHERE a.entity = 'share'
    UNION ALL SELECT 'contact', r.value, a.id
      FROM a, jsonb_array_elements(CASE WHEN jsonb_typeof(a.after -> 'recipients') = 'array'
        THEN a.after -> 'recipients' ELSE '[]' END) r
      WHERE a.entity = 'share'
    UNION ALL SELECT 'contact', r.value, a.id
      FROM a, jsonb_array_elements(CASE WHEN jsonb_typeof(a.after -> 'skipped') = 'array'
        THEN a.after -> 'skipped' ELSE '[]' END) r
      WHERE a.entity = 'share'
    UNION ALL SELECT v.kind, side.value -> v.key, a.id
      FROM a,
        (VALUES ('contact', 'contactId'), ('property', 'propertyId'), ('content', 'contentId')) v (kind, key),
        LATERAL (SELECT a.before AS value UNION ALL SELECT a.after) side
      WHERE jsonb_typeof(side.value) = 'object'
  )
  INSERT INTO audit_subject (kind, subject_id, audit_id)
  SELECT DISTINCT kind, subject::text::bigint, audit_id FROM named
  WHERE jsonb_typeof(subject) = 'number' AND subject::text ~ '^-?[0-9]{1,18}$'
  ON CONFLICT DO NOTHING`;
