/**
 * Copies a whole data store from one engine to the other and checks the copy: every copied table's
 * rows with their ids (storeTables.ts says which and in what order), the contact search rows written
 * anew from the contacts, then per table the number of rows and the order-independent checksum
 * (tableChecksum.ts) of the source's rows — taken while they were read — compared with the target's
 * read back, together with the row counts the target's triggers kept. The caller holds both ends'
 * transactions and decides on the mismatch (TEAM_COPY_MISMATCH): its target is rolled back.
 */
import { DomainError } from '../../../shared/errors';
import { contactSearchText, type SearchedFields } from '../db/contactKeys';
import { type CopyEnd, type SearchRow } from './engineRows';
import { firstDifference, tableSummer, type TableSum } from './tableChecksum';
import { comparedTables, SEEDED_BY_MIGRATIONS, TRIGGER_MARKS, type CopiedTable } from './storeTables';

export interface CopyReport {
  /** Rows per copied table. */
  rows: Record<string, number>;
}

/** The contacts' search rows, from the contacts' own columns. */
function searchRows(table: CopiedTable, rows: unknown[][]): SearchRow[] {
  const at = (name: string) => table.columns.indexOf(name);
  const [id, first, last, company, email, reference] = [
    'id',
    'first_name',
    'last_name',
    'company',
    'email',
    'reference_id',
  ].map(at) as [number, number, number, number, number, number];
  return rows.map((row) => {
    const fields = {
      first_name: row[first],
      last_name: row[last],
      company: row[company],
      email: row[email],
      reference_id: row[reference],
    } as SearchedFields;
    return { contactId: Number(row[id]), ...contactSearchText(fields) };
  });
}

async function sumsOf(end: CopyEnd, tables: CopiedTable[]): Promise<Record<string, TableSum>> {
  const sums: Record<string, TableSum> = {};
  for (const table of tables) {
    const summer = tableSummer(table.columns);
    for await (const batch of end.batches(table)) for (const row of batch) summer.add(row);
    sums[table.name] = summer.result();
  }
  return sums;
}

/**
 * Copies `tables` (in their order) from `source` into `target`, whose store is empty but for what
 * its migrations seeded, then compares.
 */
export async function copyStore(
  source: CopyEnd,
  target: CopyEnd,
  tables: CopiedTable[],
): Promise<CopyReport> {
  for (const table of [...tables].reverse()) {
    if ((SEEDED_BY_MIGRATIONS as readonly string[]).includes(table.name)) await target.clear(table.name);
  }
  const expected: Record<string, TableSum> = {};
  const rows: Record<string, number> = {};
  for (const table of tables) {
    // The marks the target's triggers wrote while the other tables went in give way to the source's.
    if (table.name === TRIGGER_MARKS) await target.clear(table.name);
    const summer = tableSummer(table.columns);
    let copied = 0;
    for await (const batch of source.batches(table)) {
      for (const row of batch) summer.add(row);
      await target.insert(table, batch);
      if (table.name === 'contacts') await target.insertSearch(searchRows(table, batch));
      copied += batch.length;
    }
    expected[table.name] = summer.result();
    rows[table.name] = copied;
  }
  const others = comparedTables([]);
  Object.assign(expected, await sumsOf(source, others));
  const found = await sumsOf(target, comparedTables(tables));
  const table = firstDifference(expected, found);
  if (table !== null) {
    console.error('team: the copy differs from its source', table, expected[table], found[table]);
    throw new DomainError('TEAM_COPY_MISMATCH', { table });
  }
  return { rows };
}
