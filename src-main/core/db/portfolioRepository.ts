import { sql } from 'kysely';
import type { Store } from './store';

export interface PortfolioTotals {
  properties: number;
  units: number;
  /** Non-archived contacts. */
  contacts: number;
  contracts: number;
}

/** Questions about the portfolio as a whole. */
export function portfolioRepository(store: Store) {
  // table_counts is kept by triggers (migration 8): five rows instead of counting every row.
  async function counted(): Promise<(name: string) => number> {
    const rows = await store.all(sql<{ name: string; n: number }>`SELECT name, n FROM table_counts`);
    const n = new Map(rows.map((row) => [row.name, row.n]));
    return (name) => n.get(name) ?? 0;
  }
  return {
    isEmpty: async (): Promise<boolean> =>
      (await store.first(sql<{ found: 1 }>`SELECT 1 AS found FROM contacts LIMIT 1`)) === undefined,
    async totals(): Promise<PortfolioTotals> {
      const get = await counted();
      return {
        properties: get('properties'),
        units: get('units'),
        contacts: get('contacts') - get('archived_contacts'),
        contracts: get('contracts'),
      };
    },
    archivedContacts: async (): Promise<number> => (await counted())('archived_contacts'),
  };
}
