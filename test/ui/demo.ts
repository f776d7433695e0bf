/** The planted demo contacts for the UI tests' pinned day (same seed as the app's demo). */
import { generatePortfolio } from '../../src-main/core/demo/generate';
import { DEMO_SEED } from '../../src-main/core/services/portfolioService';
import { TEST_TODAY } from './fixtures';

const portfolio = generatePortfolio({ seed: DEMO_SEED, today: TEST_TODAY });

export function demoContact(situation: keyof typeof portfolio.situations) {
  const id = portfolio.situations[situation].contactId;
  const row = portfolio.contacts.find((contact) => contact.id === id)!;
  return {
    id,
    name: [row.title, row.first_name, row.last_name].filter(Boolean).join(' '),
    lastName: row.last_name,
    email: row.email,
    referenceId: row.reference_id,
    contracts: portfolio.contracts.filter((contract) => contract.contact_id === id),
  };
}

export const showcaseProperty = portfolio.properties.find((p) => p.id === portfolio.showcasePropertyId)!;
