/**
 * The Stammdaten-Import's reads and writes: the records a file names, by Referenz-ID, in one
 * statement per level (json_each over the file's ids, so 100,000 rows are a few index lookups each),
 * the imports made, and the mappings kept. The record writes go through the repositories of each
 * level (search keys and sort names stay right), new units and contracts with a prepared statement
 * each; their audit rows are written here, one per record as the audit repository writes them, and
 * their subjects once for all rows at the end (RECORD_SUBJECTS).
 */
import type { ImportMapping, ImportValueMap, SavedImportMapping } from '../../../shared/contract/imports';
import type { AuditEntry } from './auditRepository';
import type { Db } from './connection';
import type { ContactRow } from './contactRepository';
import type { ContractRow, ContractValues } from './contractRepository';
import type { UnitRow, UnitValues } from './unitRepository';

export interface ImportPropertyRow {
  id: number;
  reference_id: string;
  name: string;
  /** Its main (first) address, if any. */
  address_id: number | null;
  street: string | null;
  house_no: string | null;
  postcode: string | null;
  city: string | null;
}

export type ImportUnitRow = UnitRow & { reference_id: string; property_reference_id: string | null };
export type ImportContactRow = ContactRow & { registered: 0 | 1 };

export interface ImportRow {
  id: number;
  at: string;
  actor: string;
  file_name: string;
  sha256: string;
  summary: string;
  backup_name: string | null;
  first_audit_id: number | null;
  last_audit_id: number | null;
}

const IDS = 'SELECT value FROM json_each(?)';

/**
 * The subjects (db/auditSubjects.ts) of an import's record rows, from audit row :first on, in one
 * statement: the branches of the general statement for the entities an import writes — property,
 * unit, contact, contract — whose recorded values carry no ids (snake_case columns, dates), so the
 * general statement's other 12 branches find nothing in them. Run per row, the general statement
 * was most of a 150,000-contract commit; test/unit/import/commit.test.ts checks both agree.
 */
const RECORD_SUBJECTS = `
  INSERT OR IGNORE INTO audit_subject (kind, subject_id, audit_id)
  SELECT kind, subject_id, audit_id FROM (
    SELECT a.entity AS kind, CAST(a.entity_id AS INTEGER) AS subject_id, a.id AS audit_id
      FROM audit a NOT INDEXED WHERE a.id >= :first AND a.entity IN ('contact', 'property')
    UNION ALL SELECT 'property', u.property_id, a.id
      FROM audit a NOT INDEXED JOIN units u ON u.id = CAST(a.entity_id AS INTEGER)
      WHERE a.id >= :first AND a.entity = 'unit'
    UNION ALL SELECT 'contact', c.contact_id, a.id
      FROM audit a NOT INDEXED JOIN contracts c ON c.id = CAST(a.entity_id AS INTEGER)
      WHERE a.id >= :first AND a.entity = 'contract'
    UNION ALL SELECT 'property', c.property_id, a.id
      FROM audit a NOT INDEXED JOIN contracts c ON c.id = CAST(a.entity_id AS INTEGER)
      WHERE a.id >= :first AND a.entity = 'contract'
  ) WHERE subject_id IS NOT NULL AND typeof(subject_id) = 'integer'`;

export function importRepository(db: Db) {
  const properties = db.prepare<[string], ImportPropertyRow>(
    `SELECT p.id, p.reference_id, p.name, a.id AS address_id, a.street, a.house_no, a.postcode, a.city
     FROM properties p
     LEFT JOIN property_addresses a ON a.id = (SELECT MIN(x.id) FROM property_addresses x WHERE x.property_id = p.id)
     WHERE p.reference_id IN (${IDS})`,
  );
  const units = db.prepare<[string], ImportUnitRow>(
    `SELECT u.*, p.reference_id AS property_reference_id FROM units u JOIN properties p ON p.id = u.property_id
     WHERE u.reference_id IN (${IDS})`,
  );
  const contacts = db.prepare<[string], ImportContactRow>(
    `SELECT c.*, EXISTS (SELECT 1 FROM portal_accounts pa WHERE pa.contact_id = c.id) AS registered
     FROM contacts c WHERE c.reference_id IN (${IDS})`,
  );
  const unitsOfProperties = db.prepare<[string], UnitRow>(
    `SELECT * FROM units WHERE property_id IN (${IDS})`,
  );
  const contactsById = db.prepare<[string], ImportContactRow>(
    `SELECT c.*, EXISTS (SELECT 1 FROM portal_accounts pa WHERE pa.contact_id = c.id) AS registered
     FROM contacts c WHERE c.id IN (${IDS})`,
  );
  const contractsOfProperties = db.prepare<[string], ContractRow>(
    `SELECT * FROM contracts WHERE property_id IN (${IDS}) ORDER BY id`,
  );
  const contractsOfContacts = db.prepare<[string], ContractRow>(
    `SELECT * FROM contracts WHERE contact_id IN (${IDS}) ORDER BY id`,
  );
  const unitLabels = db.prepare<[string], { id: number; label: string; property_name: string }>(
    `SELECT u.id, u.number || ' · ' || u.name AS label, p.name AS property_name
     FROM units u JOIN properties p ON p.id = u.property_id WHERE u.id IN (${IDS})`,
  );
  const insertImport = db.prepare<Omit<ImportRow, 'id'>>(
    `INSERT INTO imports (at, actor, file_name, sha256, summary, backup_name, first_audit_id, last_audit_id)
     VALUES (:at, :actor, :file_name, :sha256, :summary, :backup_name, :first_audit_id, :last_audit_id)`,
  );
  const setAuditRange = db.prepare<[number | null, number | null, number]>(
    'UPDATE imports SET first_audit_id = ?, last_audit_id = ? WHERE id = ?',
  );
  const history = db.prepare<[], ImportRow>('SELECT * FROM imports ORDER BY id DESC LIMIT 100');
  const byId = db.prepare<[number], ImportRow>('SELECT * FROM imports WHERE id = ?');
  const lastAuditId = db.prepare<[], { id: number | null }>('SELECT MAX(id) AS id FROM audit');
  const stateMark = db.prepare<[], { mark: string }>(
    `SELECT id || ' ' || at AS mark FROM audit WHERE entity <> 'backup' OR action = 'backup.restored'
     ORDER BY id DESC LIMIT 1`,
  );
  const mappings = db.prepare<[], { name: string; headers: string; mapping: string; used_at: string }>(
    'SELECT name, headers, mapping, used_at FROM import_mappings ORDER BY used_at DESC, id DESC',
  );
  const insertMapping = db.prepare<[string, string, string, string]>(
    'INSERT INTO import_mappings (name, headers, mapping, used_at) VALUES (?, ?, ?, ?)',
  );
  const deleteMapping = db.prepare<[string, string]>(
    'DELETE FROM import_mappings WHERE headers = ? AND name = ?',
  );
  const pruneMappings = db.prepare<[string, string, number]>(
    `DELETE FROM import_mappings WHERE headers = ? AND id NOT IN
       (SELECT id FROM import_mappings WHERE headers = ? ORDER BY used_at DESC, id DESC LIMIT ?)`,
  );
  const insertAudit = db.prepare<
    [string, string, string, string, string | null, string | null, string | null]
  >('INSERT INTO audit (at, actor, action, entity, entity_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insertUnit = db.prepare<UnitValues>(
    `INSERT INTO units (property_id, name, number, usage, reference_id)
     VALUES (:property_id, :name, :number, :usage, :reference_id)`,
  );
  const insertContract = db.prepare<ContractValues>(
    `INSERT INTO contracts (contact_id, unit_id, property_id, type, number, start_date, end_date)
     VALUES (:contact_id, :unit_id, :property_id, :type, :number, :start_date, :end_date)`,
  );
  const auditSubjects = db.prepare<{ first: number }>(RECORD_SUBJECTS);
  const json = (values: readonly (string | number)[]) => JSON.stringify(values);
  const jsonOrNull = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

  return {
    propertiesByReference: (refs: readonly string[]) => properties.all(json(refs)),
    unitsByReference: (refs: readonly string[]) => units.all(json(refs)),
    contactsByReference: (refs: readonly string[]) => contacts.all(json(refs)),
    unitsOfProperties: (ids: readonly number[]) => unitsOfProperties.all(json(ids)),
    contactsById: (ids: readonly number[]) => contactsById.all(json(ids)),
    contractsOfProperties: (ids: readonly number[]) => contractsOfProperties.all(json(ids)),
    contractsOfContacts: (ids: readonly number[]) => contractsOfContacts.all(json(ids)),
    unitLabels: (ids: readonly number[]) => unitLabels.all(json(ids)),

    /** The newest audit row's id (0 when none): an import's rows are the ones after it. */
    lastAuditId(): number {
      return lastAuditId.get()?.id ?? 0;
    },
    /**
     * The newest audit row but the backups made (its id and time): a plan made while it stays the
     * same still holds — every change and every restore writes a newer one.
     */
    stateMark(): string {
      return stateMark.get()?.mark ?? '';
    },
    /**
     * Sets SQLite's page cache of this connection (KiB) and answers the one it had: a commit of
     * 150,000 contracts touches far more pages than the default 2 MB hold, and every page it has to
     * read again or spill turns its inserts slower the bigger the store gets.
     */
    cacheKib(kib: number): number {
      const before = db.pragma('cache_size', { simple: true }) as number;
      db.pragma(`cache_size = ${-Math.abs(Math.trunc(kib))}`);
      return Math.abs(before);
    },
    /**
     * A new unit or contract of the commit, with one prepared statement each (the rows of
     * unitRepository / contractRepository's insert, without a query built per row): most of a
     * large import's records are these.
     */
    insertUnit: (values: UnitValues): number => Number(insertUnit.run(values).lastInsertRowid),
    insertContract: (values: ContractValues): number => Number(insertContract.run(values).lastInsertRowid),
    /** One record's audit row, inside the commit's change; its subjects follow in `auditSubjectsFrom`. */
    recordAudit(at: string, actor: string, entry: AuditEntry): void {
      if (!db.inTransaction) throw new Error('audit rows are written inside the change they record');
      insertAudit.run(
        at,
        actor,
        entry.action,
        entry.entity,
        entry.entityId == null ? null : String(entry.entityId),
        jsonOrNull(entry.before),
        jsonOrNull(entry.after),
      );
    },
    /** The subjects of the import's record rows from audit row `first` on (RECORD_SUBJECTS). */
    auditSubjectsFrom(first: number): void {
      auditSubjects.run({ first });
    },
    insertImport(row: Omit<ImportRow, 'id'>): number {
      return Number(insertImport.run(row).lastInsertRowid);
    },
    setAuditRange(id: number, first: number | null, last: number | null): void {
      setAuditRange.run(first, last, id);
    },
    history: () => history.all(),
    get: (id: number) => byId.get(id),

    savedMappings(): SavedImportMapping[] {
      return mappings.all().map((row) => {
        const kept = JSON.parse(row.mapping) as { mapping: ImportMapping; values: ImportValueMap };
        return { name: row.name, headers: JSON.parse(row.headers) as string[], ...kept, usedAt: row.used_at };
      });
    },
    /** Keeps a mapping under its name for this header (replacing one of that name), the newest `keep`. */
    saveMapping(saved: SavedImportMapping, keep: number): void {
      const headers = JSON.stringify(saved.headers);
      deleteMapping.run(headers, saved.name);
      insertMapping.run(
        saved.name,
        headers,
        JSON.stringify({ mapping: saved.mapping, values: saved.values }),
        saved.usedAt,
      );
      pruneMappings.run(headers, headers, keep);
    },
  };
}
export type ImportRepository = ReturnType<typeof importRepository>;
