/** The planted demo contacts for the UI tests' pinned day (same seed as the app's demo). */
import { generatePortfolio } from '../../src-main/core/demo/generate';
import { DEMO_SEED } from '../../src-main/core/services/portfolioService';
import { displayName, nameOfRow } from '../../src-main/core/services/portfolioViews';
import { TEST_TODAY } from './fixtures';

const portfolio = generatePortfolio({ seed: DEMO_SEED, today: TEST_TODAY });

export function demoContact(situation: keyof typeof portfolio.situations) {
  return contactOf(portfolio.situations[situation].contactId);
}

/** A German-speaking family ("Familie Weber": salutation family, no first name), not archived. */
export function demoFamily() {
  const row = portfolio.contacts.find(
    (c) => c.salutation === 'family' && c.first_name === null && c.language === 'de' && c.archived === 0,
  )!;
  return contactOf(row.id);
}

function contactOf(id: number) {
  const row = portfolio.contacts.find((contact) => contact.id === id)!;
  return {
    id,
    name: displayName(nameOfRow(row)),
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    referenceId: row.reference_id,
    contracts: portfolio.contracts.filter((contract) => contract.contact_id === id),
  };
}

/** Property and unit of a demo contract, as the contact page and the contacts list name them. */
export function placeOf(contract: { unit_id: number }) {
  const unit = portfolio.units.find((u) => u.id === contract.unit_id)!;
  const property = portfolio.properties.find((p) => p.id === unit.property_id)!;
  return { propertyName: property.name, unitNumber: unit.number, unitName: unit.name };
}

export const showcaseProperty = portfolio.properties.find((p) => p.id === portfolio.showcasePropertyId)!;
