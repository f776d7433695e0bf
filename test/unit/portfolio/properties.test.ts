import { describe, expect, it } from 'vitest';
import { invalidPayload, ok, testCore } from '../support';
import {
  auditRows,
  createContact,
  createContract,
  createProperty,
  createUnit,
  expectRefused,
  propertyInput,
} from './fixtures';

describe('properties', () => {
  it('create → get → list round trip, the first address being the main one', async () => {
    const core = testCore();
    const events: string[] = [];
    core.events.onAny((event) => events.push(event));
    const created = await createProperty(core, {
      addresses: [
        { street: 'Musterstraße', houseNo: '12', postcode: '10115', city: 'Berlin' },
        { street: 'Hinterhof', houseNo: '12a', postcode: '10115', city: 'Berlin' },
      ],
    });
    expect(created).toMatchObject({ name: 'WEG Lindenallee 5', referenceId: 'L-9001', units: [] });
    expect(created.addresses.map((a) => a.street)).toEqual(['Musterstraße', 'Hinterhof']);
    expect(events).toEqual(['portfolio.changed']);

    expect(await ok(core, 'properties.get', { id: created.id })).toEqual(created);
    expect(await ok(core, 'properties.list')).toEqual([
      {
        id: created.id,
        name: 'WEG Lindenallee 5',
        referenceId: 'L-9001',
        address: 'Musterstraße 12, 10115 Berlin',
        units: 0,
        activeContacts: 0,
      },
    ]);
    expect(auditRows(core).at(-1)).toMatchObject({
      action: 'property.create',
      entity: 'property',
      entity_id: String(created.id),
    });
  });

  it('update replaces the addresses as a whole and audits before and after', async () => {
    const core = testCore();
    const created = await createProperty(core);
    const updated = await ok(core, 'properties.update', {
      id: created.id,
      ...propertyInput({
        name: 'WEG Lindenallee 5–7',
        referenceId: null,
        addresses: [
          { street: 'Lindenallee', houseNo: '7', postcode: '10115', city: 'Berlin' },
          { street: 'Lindenallee', houseNo: '5', postcode: '10115', city: 'Berlin' },
        ],
      }),
    });
    expect(updated.name).toBe('WEG Lindenallee 5–7');
    expect(updated.referenceId).toBeNull();
    expect(updated.addresses.map((a) => a.houseNo)).toEqual(['7', '5']);
    const audit = auditRows(core).at(-1);
    expect(audit?.action).toBe('property.update');
    expect(JSON.parse(audit?.before ?? 'null')).toMatchObject({
      name: 'WEG Lindenallee 5',
      referenceId: 'L-9001',
    });
    expect(JSON.parse(audit?.after ?? 'null')).toMatchObject({
      name: 'WEG Lindenallee 5–7',
      referenceId: null,
    });
    const [summary] = await ok(core, 'properties.list');
    expect(summary?.address).toBe('Lindenallee 7, 10115 Berlin');
  });

  it('an unchanged update writes nothing', async () => {
    const core = testCore();
    const created = await createProperty(core);
    const audits = auditRows(core).length;
    await ok(core, 'properties.update', { id: created.id, ...propertyInput() });
    expect(auditRows(core)).toHaveLength(audits);
  });

  it('refuses bad input with its code and writes nothing', async () => {
    const core = testCore();
    const first = await createProperty(core);
    await createProperty(core, { referenceId: 'L-9002', name: 'Zweite' });
    await expectRefused(core, 'properties.create', propertyInput(), 'DUPLICATE_REFERENCE_ID', {
      referenceId: 'L-9001',
    });
    await expectRefused(
      core,
      'properties.update',
      { id: first.id, ...propertyInput({ referenceId: 'L-9002' }) },
      'DUPLICATE_REFERENCE_ID',
    );
    await expectRefused(
      core,
      'properties.create',
      propertyInput({ name: '   ', referenceId: 'X' }),
      'REQUIRED',
    );
    await expectRefused(
      core,
      'properties.create',
      propertyInput({
        referenceId: 'X',
        addresses: [{ street: 'A', houseNo: '1', postcode: '1011', city: 'B' }],
      }),
      'INVALID_POSTCODE',
    );
    await expectRefused(
      core,
      'properties.create',
      propertyInput({ referenceId: 'X', addresses: [] }),
      'INVALID_PAYLOAD',
    );
    await expectRefused(
      core,
      'properties.update',
      { id: 999, ...propertyInput({ referenceId: 'X' }) },
      'NOT_FOUND',
    );
    await expectRefused(core, 'properties.get', { id: 999 }, 'NOT_FOUND');
  });
});

describe('units', () => {
  it('are listed in natural number order with their current and next contracts', async () => {
    const core = testCore('2026-11-27');
    const property = await createProperty(core);
    const u10 = await createUnit(core, property.id, { number: '10', name: 'Whg. 10' });
    const u2 = await createUnit(core, property.id, {
      number: '2',
      name: 'Whg. 2',
      referenceId: 'L-9001-002',
    });
    const u3a = await createUnit(core, property.id, { number: '3a', name: 'Whg. 3a' });
    expect(u2).toMatchObject({ number: '2', referenceId: 'L-9001-002', current: [], next: [] });

    const anna = await createContact(core, { firstName: 'Anna', lastName: 'Alt', referenceId: 'K-1' });
    const bert = await createContact(core, { firstName: 'Bert', lastName: 'Bald', referenceId: 'K-2' });
    const carl = await createContact(core, { firstName: 'Carl', lastName: 'Später', referenceId: 'K-3' });
    const olga = await createContact(core, { firstName: 'Olga', lastName: 'Owner', referenceId: 'K-4' });
    // Unit 2: Anna until the end of the year, Bert from January, Carl later still; Olga owns it.
    await createContract(core, {
      contactId: anna.contact.id,
      unitId: u2.id,
      start: '2020-01-01',
      end: '2026-12-31',
    });
    await createContract(core, {
      contactId: bert.contact.id,
      unitId: u2.id,
      start: '2027-01-01',
      number: 'MV-2',
    });
    await createContract(core, {
      contactId: carl.contact.id,
      unitId: u2.id,
      start: '2028-01-01',
      number: 'MV-3',
    });
    await createContract(core, {
      contactId: olga.contact.id,
      unitId: u2.id,
      type: 'owner',
      start: '2010-01-01',
      number: 'EV-1',
    });
    // An ended contract shows nowhere.
    await createContract(core, {
      contactId: carl.contact.id,
      unitId: u10.id,
      start: '2010-01-01',
      end: '2011-01-01',
    });

    const detail = await ok(core, 'properties.get', { id: property.id });
    expect(detail.units.map((u) => u.number)).toEqual(['2', '3a', '10']);
    const unit2 = detail.units[0]!;
    expect(unit2.current.map((c) => [c.contactName, c.type, c.access.grant])).toEqual([
      ['Olga Owner', 'owner', 'active'],
      ['Anna Alt', 'tenant', 'active'],
    ]);
    expect(unit2.next.map((c) => c.contactName)).toEqual(['Bert Bald']);
    expect(unit2.next[0]).toMatchObject({
      unitName: 'Whg. 2',
      unitNumber: '2',
      propertyId: property.id,
      propertyName: 'WEG Lindenallee 5',
      start: '2027-01-01',
      end: null,
      access: { grant: 'none', until: null, contractId: null },
    });
    expect(detail.units[1]).toMatchObject({ id: u3a.id, current: [], next: [] });
    expect(detail.units[2]).toMatchObject({ id: u10.id, current: [], next: [] });

    const [summary] = await ok(core, 'properties.list');
    expect(summary).toMatchObject({ units: 3, activeContacts: 2 });
  });

  it('update changes the unit; a move to another property takes its contracts along', async () => {
    const core = testCore();
    const one = await createProperty(core);
    const two = await createProperty(core, { name: 'Zweite', referenceId: 'L-9002' });
    const unit = await createUnit(core, one.id);
    const contact = await createContact(core);
    await createContract(core, { contactId: contact.contact.id, unitId: unit.id });

    const moved = await ok(core, 'units.update', {
      id: unit.id,
      propertyId: two.id,
      name: 'Laden 1',
      number: '1',
      usage: 'commercial',
      referenceId: 'L-9002-001',
    });
    expect(moved).toMatchObject({ propertyId: two.id, name: 'Laden 1', usage: 'commercial' });
    expect(moved.current[0]).toMatchObject({ propertyId: two.id, propertyName: 'Zweite' });
    const detail = await ok(core, 'contacts.get', { id: contact.contact.id });
    expect(detail.contracts.map((c) => c.propertyId)).toEqual([two.id]);
    expect(auditRows(core).at(-1)).toMatchObject({ action: 'unit.update', entity_id: String(unit.id) });
  });

  it('refuses bad input with its code and writes nothing', async () => {
    const core = testCore();
    const property = await createProperty(core);
    const unit = await createUnit(core, property.id, { number: '1', referenceId: 'E-1' });
    const other = await createUnit(core, property.id, { number: '2', referenceId: 'E-2' });
    const base = {
      propertyId: property.id,
      name: 'Whg.',
      number: '3',
      usage: 'private' as const,
      referenceId: null,
    };
    await expectRefused(core, 'units.create', { ...base, propertyId: 999 }, 'UNKNOWN_PROPERTY', {
      propertyId: 999,
    });
    await expectRefused(core, 'units.create', { ...base, number: '1' }, 'DUPLICATE_UNIT_NUMBER', {
      number: '1',
    });
    await expectRefused(core, 'units.create', { ...base, referenceId: 'E-1' }, 'DUPLICATE_REFERENCE_ID', {
      referenceId: 'E-1',
    });
    await expectRefused(
      core,
      'units.update',
      { ...base, id: other.id, number: '1' },
      'DUPLICATE_UNIT_NUMBER',
    );
    await expectRefused(
      core,
      'units.update',
      { ...base, id: other.id, referenceId: 'E-1' },
      'DUPLICATE_REFERENCE_ID',
    );
    await expectRefused(core, 'units.update', { ...base, id: 999 }, 'NOT_FOUND');
    await expectRefused(core, 'units.create', { ...base, name: '' }, 'REQUIRED');
    await expectRefused(
      core,
      'units.create',
      invalidPayload({ ...base, usage: 'garage' }),
      'INVALID_PAYLOAD',
    );
    // Keeping its own number and reference id is no conflict.
    await ok(core, 'units.update', {
      ...base,
      id: unit.id,
      number: '1',
      referenceId: 'E-1',
      name: 'Neu',
    });
  });
});
