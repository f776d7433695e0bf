import type Database from 'better-sqlite3';

/**
 * Which contacts, properties and contents an audit row is about (table audit_subject, migration 9):
 * what the Protokoll filters by, so that "who gave Herr X access, and when?" is one index range.
 * Derived from what the row names — its entity (a contract names its contact and property, a share
 * its content, contact or property, an invitation its contact …) and the ids its recorded values
 * carry (contactId, propertyId, contentId, the recipients of a role share). The same statement
 * fills the table for the rows before migration 9 and for every row written since. Each branch
 * reads `audit` by its id range only (NOT INDEXED): through the entity index a row's insert would
 * walk every earlier row of its entity, and a change writing many rows (an import) turn quadratic.
 */
export const auditSubjectsStatement = `
  INSERT OR IGNORE INTO audit_subject (kind, subject_id, audit_id)
  SELECT kind, subject_id, audit_id FROM (
    SELECT 'contact' AS kind, CAST(a.entity_id AS INTEGER) AS subject_id, a.id AS audit_id
      FROM audit a NOT INDEXED WHERE a.id >= :first AND a.entity = 'contact'
    UNION ALL SELECT 'property', CAST(a.entity_id AS INTEGER), a.id
      FROM audit a NOT INDEXED WHERE a.id >= :first AND a.entity = 'property'
    UNION ALL SELECT 'content', CAST(a.entity_id AS INTEGER), a.id
      FROM audit a NOT INDEXED WHERE a.id >= :first AND a.entity = 'content'
    UNION ALL SELECT 'property', t.property_id, a.id
      FROM audit a NOT INDEXED JOIN contents t ON t.id = CAST(a.entity_id AS INTEGER)
      WHERE a.id >= :first AND a.entity = 'content'
    UNION ALL SELECT 'contact', c.contact_id, a.id
      FROM audit a NOT INDEXED JOIN contracts c ON c.id = CAST(a.entity_id AS INTEGER)
      WHERE a.id >= :first AND a.entity = 'contract'
    UNION ALL SELECT 'property', c.property_id, a.id
      FROM audit a NOT INDEXED JOIN contracts c ON c.id = CAST(a.entity_id AS INTEGER)
      WHERE a.id >= :first AND a.entity = 'contract'
    UNION ALL SELECT 'property', u.property_id, a.id
      FROM audit a NOT INDEXED JOIN units u ON u.id = CAST(a.entity_id AS INTEGER)
      WHERE a.id >= :first AND a.entity = 'unit'
    UNION ALL SELECT 'contact', i.contact_id, a.id
      FROM audit a NOT INDEXED JOIN invitations i ON i.id = CAST(a.entity_id AS INTEGER)
      WHERE a.id >= :first AND a.entity = 'invitation'
    UNION ALL SELECT 'contact', o.contact_id, a.id
      FROM audit a NOT INDEXED JOIN outbox o ON o.id = CAST(a.entity_id AS INTEGER)
      WHERE a.id >= :first AND a.entity = 'outbox'
    UNION ALL SELECT 'content', s.content_id, a.id
      FROM audit a NOT INDEXED JOIN shares s ON s.id = CAST(a.entity_id AS INTEGER)
      WHERE a.id >= :first AND a.entity = 'share'
    UNION ALL SELECT 'contact', s.contact_id, a.id
      FROM audit a NOT INDEXED JOIN shares s ON s.id = CAST(a.entity_id AS INTEGER)
      WHERE a.id >= :first AND a.entity = 'share'
    UNION ALL SELECT 'property', s.property_id, a.id
      FROM audit a NOT INDEXED JOIN shares s ON s.id = CAST(a.entity_id AS INTEGER)
      WHERE a.id >= :first AND a.entity = 'share'
    UNION ALL SELECT 'contact', r.value, a.id
      FROM audit a NOT INDEXED, json_each(a.after, '$.recipients') r
      WHERE a.id >= :first AND a.entity = 'share' AND json_valid(a.after)
    UNION ALL SELECT 'contact', r.value, a.id
      FROM audit a NOT INDEXED, json_each(a.after, '$.skipped') r
      WHERE a.id >= :first AND a.entity = 'share' AND json_valid(a.after)
    UNION ALL SELECT v.kind, json_extract(side.value, v.path), a.id
      FROM audit a NOT INDEXED,
        (SELECT 'contact' AS kind, '$.contactId' AS path
         UNION ALL SELECT 'property', '$.propertyId'
         UNION ALL SELECT 'content', '$.contentId') v,
        (SELECT 'before' AS name UNION ALL SELECT 'after') s,
        json_each(json_array(CASE s.name WHEN 'before' THEN a.before ELSE a.after END)) side
      WHERE a.id >= :first AND json_valid(side.value) AND json_type(side.value) = 'object'
  ) WHERE subject_id IS NOT NULL AND typeof(subject_id) = 'integer'`;

/** Records the subjects of the audit rows from `first` on (see above). */
export function recordAuditSubjects(db: Database.Database, first: number): void {
  db.prepare(auditSubjectsStatement).run({ first });
}
