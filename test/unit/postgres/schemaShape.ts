/**
 * A schema as both engines can describe it, for the parity test: per table its columns (name, type class,
 * nullability), primary key, foreign keys and indexes (unique or not, columns, partial or not).
 * Engine-specific tables are left out: SQLite's FTS5 table contact_search (and its shadow tables) and
 * PostgreSQL's contact_search (compared by searching) and portal_schema_version (SQLite's user_version).
 */
import type Database from 'better-sqlite3';
import type pg from 'pg';

type TypeClass = 'integer' | 'text' | 'real' | 'blob';

export interface TableShape {
  columns: { name: string; type: TypeClass; notNull: boolean }[];
  primaryKey: string[];
  foreignKeys: { columns: string[]; references: string; to: string[]; onDelete: string }[];
  /** "name: columns" for plain indexes; unique ones by their columns only (SQLite names them itself). */
  indexes: string[];
}

export type SchemaShape = Record<string, TableShape>;

const engineOnly = (table: string) => table.startsWith('contact_search') || table === 'portal_schema_version';

const byName = <T extends { name: string }>(rows: T[]) =>
  [...rows].sort((a, b) => a.name.localeCompare(b.name));

/** SQLite's type affinity rules (datatype3.html §3.1), as a class. */
function sqliteClass(declared: string): TypeClass {
  const type = declared.toUpperCase();
  if (type.includes('INT')) return 'integer';
  if (/CHAR|CLOB|TEXT/.test(type)) return 'text';
  if (/REAL|FLOA|DOUB/.test(type)) return 'real';
  return 'blob';
}

function postgresClass(type: string): TypeClass {
  if (['smallint', 'integer', 'bigint'].includes(type)) return 'integer';
  if (['text', 'character varying', 'character'].includes(type)) return 'text';
  if (['real', 'double precision', 'numeric'].includes(type)) return 'real';
  return 'blob';
}

const indexLine = (name: string, unique: boolean, columns: string[], partial: boolean) =>
  `${unique ? 'UNIQUE' : name}: ${columns.join(', ')}${partial ? ' WHERE …' : ''}`;

export function sqliteShape(db: Database.Database): SchemaShape {
  const tables = db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
    )
    .all()
    .map((row) => row.name)
    .filter((name) => !engineOnly(name));
  const shape: SchemaShape = {};
  for (const table of tables) {
    const info = db
      .prepare<[string], { name: string; type: string; notnull: number; pk: number }>(
        'SELECT name, type, "notnull", pk FROM pragma_table_info(?)',
      )
      .all(table);
    const foreignKeys = db
      .prepare<[string], { table: string; from: string; to: string; on_delete: string }>(
        'SELECT "table", "from", "to", on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq',
      )
      .all(table);
    const indexes = db
      .prepare<[string], { name: string; unique: number; origin: string; partial: number }>(
        'SELECT name, "unique", origin, partial FROM pragma_index_list(?)',
      )
      .all(table)
      .filter((index) => index.origin !== 'pk')
      .map((index) => {
        const columns = db
          .prepare<[string], { name: string | null }>(
            'SELECT name FROM pragma_index_xinfo(?) WHERE key = 1 ORDER BY seqno',
          )
          .all(index.name)
          .map((column) => column.name ?? '(expression)');
        return indexLine(index.name, index.unique === 1, columns, index.partial === 1);
      });
    shape[table] = {
      // A primary key column is never null for the app (SQLite's pragma says 0 for INTEGER PRIMARY KEY).
      columns: byName(info).map((c) => ({
        name: c.name,
        type: sqliteClass(c.type),
        notNull: c.notnull === 1 || c.pk > 0,
      })),
      primaryKey: info
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name),
      foreignKeys: foreignKeys
        .map((fk) => ({ columns: [fk.from], references: fk.table, to: [fk.to], onDelete: fk.on_delete }))
        .sort((a, b) => a.columns.join().localeCompare(b.columns.join())),
      indexes: indexes.sort(),
    };
  }
  return shape;
}

const ON_DELETE: Record<string, string> = {
  a: 'NO ACTION',
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
};

export async function postgresShape(client: pg.ClientBase): Promise<SchemaShape> {
  const tables = (
    await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
    )
  ).rows
    .map((row) => row.name)
    .filter((name) => !engineOnly(name));
  const shape: SchemaShape = {};
  for (const table of tables) {
    const columns = await client.query<{ name: string; type: string; nullable: string }>(
      `SELECT column_name AS name, data_type AS type, is_nullable AS nullable FROM information_schema.columns
       WHERE table_schema = current_schema() AND table_name = $1`,
      [table],
    );
    const constraints = await client.query<{
      type: string;
      columns: string[];
      references: string | null;
      to: string[] | null;
      on_delete: string;
    }>(
      `SELECT c.contype AS type,
         ARRAY(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k (n, i)
               JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i)::text[] AS columns,
         c.confrelid::regclass::text AS references,
         ARRAY(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k (n, i)
               JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i)::text[] AS to,
         c.confdeltype AS on_delete
       FROM pg_constraint c WHERE c.conrelid = $1::regclass AND c.contype IN ('p', 'f')`,
      [table],
    );
    const indexes = await client.query<{
      name: string;
      unique: boolean;
      partial: boolean;
      columns: string[];
    }>(
      `SELECT i.relname AS name, x.indisunique AS unique, x.indpred IS NOT NULL AS partial,
         ARRAY(SELECT COALESCE(a.attname, '(expression)') FROM unnest(x.indkey::int2[]) WITH ORDINALITY k (n, o)
               LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.n ORDER BY k.o)::text[] AS columns
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
       WHERE x.indrelid = $1::regclass AND NOT x.indisprimary`,
      [table],
    );
    shape[table] = {
      columns: byName(columns.rows).map((c) => ({
        name: c.name,
        type: postgresClass(c.type),
        notNull: c.nullable === 'NO',
      })),
      primaryKey: constraints.rows.find((c) => c.type === 'p')?.columns ?? [],
      foreignKeys: constraints.rows
        .filter((c) => c.type === 'f')
        .map((c) => ({
          columns: c.columns,
          references: c.references ?? '',
          to: c.to ?? [],
          onDelete: ON_DELETE[c.on_delete] ?? c.on_delete,
        }))
        .sort((a, b) => a.columns.join().localeCompare(b.columns.join())),
      indexes: indexes.rows
        .map((index) => indexLine(index.name, index.unique, index.columns, index.partial))
        .sort(),
    };
  }
  return shape;
}
