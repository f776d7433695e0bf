/**
 * What "the copy holds the same rows" is checked by: per table the number of rows and an
 * order-independent checksum — the sum (mod 2^256) of each row's SHA-256 — so the two engines may
 * read their rows in any order, and a row missing, doubled or changed changes the sum. A row is
 * hashed as its values in the order of the column names, each normalised over the engines' type
 * differences: SQLite and node-postgres both answer integers as numbers (the engine reads int8 as a
 * number), text as strings and NULL as null; a blob is compared by its bytes.
 */
import { createHash } from 'node:crypto';

export interface TableSum {
  rows: number;
  /** The sum of the rows' hashes, hex. */
  sum: string;
}

const MODULUS = 1n << 256n;

function normalised(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'bigint') return `n${String(value)}`;
  if (typeof value === 'boolean') return `n${value ? 1 : 0}`;
  if (typeof value === 'string') return `s${value}`;
  if (value instanceof Uint8Array) return `b${Buffer.from(value).toString('hex')}`;
  throw new Error(`a value of type ${typeof value} in a copied table`);
}

/** Adds rows (their values in the order of `columns`) to a table's running sum. */
export function tableSummer(columns: readonly string[]) {
  const order = columns.map((name, index) => ({ name, index })).sort((a, b) => (a.name < b.name ? -1 : 1));
  let rows = 0;
  let sum = 0n;
  return {
    add(row: readonly unknown[]): void {
      const canonical = JSON.stringify(order.map(({ index }) => normalised(row[index])));
      const hash = createHash('sha256').update(canonical, 'utf8').digest('hex');
      sum = (sum + BigInt(`0x${hash}`)) % MODULUS;
      rows += 1;
    },
    result: (): TableSum => ({ rows, sum: sum.toString(16).padStart(64, '0') }),
  };
}

/** The first table whose rows differ between `expected` and `found`, or null when all agree. */
export function firstDifference(
  expected: Readonly<Record<string, TableSum>>,
  found: Readonly<Record<string, TableSum>>,
): string | null {
  const tables = new Set([...Object.keys(expected), ...Object.keys(found)]);
  for (const table of [...tables].sort()) {
    const [a, b] = [expected[table], found[table]];
    if (a === undefined || b === undefined || a.rows !== b.rows || a.sum !== b.sum) return table;
  }
  return null;
}
