import type { Db } from './connection';

export interface PortfolioTotals {
  properties: number;
  units: number;
  /** Non-archived contacts. */
  contacts: number;
  contracts: number;
}

/** Questions about the portfolio as a whole. */
export function portfolioRepository(db: Db) {
  const anyContact = db.prepare<[], { found: 1 }>('SELECT 1 AS found FROM contacts LIMIT 1');
  // table_counts is kept by triggers (migration 8): five rows instead of counting every row.
  const counts = db.prepare<[], { name: string; n: number }>('SELECT name, n FROM table_counts');
  function counted(): (name: string) => number {
    const n = new Map(counts.all().map((row) => [row.name, row.n]));
    return (name) => n.get(name) ?? 0;
  }
  return {
    isEmpty: (): boolean => anyContact.get() === undefined,
    totals(): PortfolioTotals {
      const get = counted();
      return {
        properties: get('properties'),
        units: get('units'),
        contacts: get('contacts') - get('archived_contacts'),
        contracts: get('contracts'),
      };
    },
    archivedContacts: (): number => counted()('archived_contacts'),
  };
}
