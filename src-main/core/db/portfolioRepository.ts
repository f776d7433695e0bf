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
  const totals = db.prepare<[], PortfolioTotals>(`SELECT
      (SELECT COUNT(*) FROM properties) AS properties,
      (SELECT COUNT(*) FROM units) AS units,
      (SELECT COUNT(*) FROM contacts WHERE archived = 0) AS contacts,
      (SELECT COUNT(*) FROM contracts) AS contracts`);
  return {
    isEmpty: (): boolean => anyContact.get() === undefined,
    totals: (): PortfolioTotals => totals.get() ?? { properties: 0, units: 0, contacts: 0, contracts: 0 },
  };
}
