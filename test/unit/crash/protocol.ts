/** What crash.test.ts and its child process (worker.ts) say to each other, one JSON object per line. */

/** The bulk operation a child runs once the parent says go (on stdin). */
export type Operation =
  | { kind: 'demo' }
  /** A property-wide invitation of the contacts the preview found eligible. */
  | { kind: 'invite'; propertyId: number; contactIds: number[] }
  /** A new document (its file written to disk), shared with all contacts of a property, role-based
   * plus individually with the ones the role share skips. */
  | { kind: 'share'; propertyId: number; documentBytes: number; alsoIndividually: number[] }
  /** Deletion candidates anonymised in one request. */
  | { kind: 'anonymise'; contactIds: number[] }
  /** A backup of the data dir restored while the app runs. */
  | { kind: 'restore'; name: string }
  /** A Stammdaten-Import of an ERP file of `rows` rows (scripts/bench/importRows.ts): open, commit. */
  | { kind: 'import'; rows: number };

/** From the child, on stdout. `tx`: before every top-level SQLite transaction and after its commit. */
export type WorkerMessage =
  | { ready: true }
  | { start: true }
  | { tx: 'begin' | 'committed' }
  | { done: unknown[] }
  | { failed: string };
