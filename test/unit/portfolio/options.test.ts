/** The small answers pickers and the contact page need: units.options, contacts.names, canEnd. */
import { describe, expect, it } from 'vitest';
import { invalidPayload, ok, testCore } from '../support';
import { createContact, createContract, createProperty, createUnit, expectRefused } from './fixtures';

describe('units.options', () => {
  it('lists a property’s units as "number · name" in unit-number order, without contracts', async () => {
    const core = testCore();
    const property = await createProperty(core);
    const ten = await createUnit(core, property.id, { number: '10', name: 'DG' });
    const two = await createUnit(core, property.id, { number: '2', name: 'EG links' });
    const other = await createProperty(core, { name: 'Andere', referenceId: 'L-2' });
    await createUnit(core, other.id, { number: '1', name: 'Laden' });

    const options = await ok(core, 'units.options', { propertyId: property.id });
    expect(options).toEqual([
      { id: two.id, label: '2 · EG links' },
      { id: ten.id, label: '10 · DG' },
    ]);
  });

  it('refuses an unknown property', async () => {
    const core = testCore();
    await expectRefused(core, 'units.options', { propertyId: 999 }, 'NOT_FOUND');
  });
});

describe('contacts.names', () => {
  it('answers display names in the order asked, leaving unknown ids out, in one request', async () => {
    const core = testCore();
    const mueller = await createContact(core);
    const weber = await createContact(core, {
      salutation: 'family',
      firstName: null,
      lastName: 'Weber',
      referenceId: 'K-2',
    });
    const names = await ok(core, 'contacts.names', {
      ids: [weber.contact.id, 999, mueller.contact.id],
    });
    expect(names).toEqual([
      { id: weber.contact.id, displayName: weber.contact.displayName },
      { id: mueller.contact.id, displayName: mueller.contact.displayName },
    ]);
  });

  it('is bounded: more ids than a process can link are refused', async () => {
    const core = testCore();
    const ids = Array.from({ length: 1001 }, (_, index) => index + 1);
    await expectRefused(core, 'contacts.names', invalidPayload({ ids }), 'INVALID_PAYLOAD');
  });
});

describe('canEnd on the contact page', () => {
  it('is true for open-ended contracts and those ending today or later, false once ended', async () => {
    const core = testCore('2026-11-27');
    const property = await createProperty(core);
    const unit = await createUnit(core, property.id);
    const second = await createUnit(core, property.id, { number: '2' });
    const third = await createUnit(core, property.id, { number: '3' });
    const { contact } = await createContact(core);
    await createContract(core, { contactId: contact.id, unitId: unit.id, number: 'open', end: null });
    await createContract(core, {
      contactId: contact.id,
      unitId: second.id,
      number: 'today',
      end: '2026-11-27',
    });
    const detail = await createContract(core, {
      contactId: contact.id,
      unitId: third.id,
      number: 'ended',
      end: '2026-11-26',
    });
    const canEnd = Object.fromEntries(detail.contracts.map((c) => [c.number, c.canEnd]));
    expect(canEnd).toEqual({ open: true, today: true, ended: false });
  });
});
