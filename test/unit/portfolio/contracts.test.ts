import { describe, expect, it } from 'vitest';
import { invalidPayload, ok, testCore } from '../support';
import {
  auditRows,
  createContact,
  createContract,
  createProperty,
  createUnit,
  expectRefused,
  setAccess,
  withDatabase,
  type TestCore,
} from './fixtures';

async function setup(today = '2026-11-27') {
  const core = testCore(today);
  const property = await createProperty(core);
  const other = await createProperty(core, { name: 'Zweite', referenceId: 'L-9002' });
  const unit = await createUnit(core, property.id);
  const unit2 = await createUnit(core, other.id, { name: 'Laden 1', number: '1', usage: 'commercial' });
  const contact = await createContact(core);
  return { core, property, other, unit, unit2, contactId: contact.contact.id };
}

function storedPropertyId(core: TestCore, contractId: number): number | undefined {
  return withDatabase(core, (db) =>
    db
      .prepare<[number], { property_id: number }>('SELECT property_id FROM contracts WHERE id = ?')
      .get(contractId),
  )?.property_id;
}

describe('contracts', () => {
  it('create answers with the contact page: the contract with names and its access today', async () => {
    const { core, property, unit, contactId } = await setup();
    const events: string[] = [];
    core.events.onAny((event) => events.push(event));
    const detail = await createContract(core, {
      contactId,
      unitId: unit.id,
      start: '2026-01-01',
      end: '2027-06-30',
    });
    expect(events).toEqual(['portfolio.changed']);
    expect(detail.contracts).toHaveLength(1);
    const contract = detail.contracts[0]!;
    expect(contract).toEqual({
      id: contract.id,
      contactId,
      contactName: 'Jürgen Müller',
      unitId: unit.id,
      unitName: 'Whg. 1, EG links',
      unitNumber: '1',
      propertyId: property.id,
      propertyName: 'WEG Lindenallee 5',
      type: 'tenant',
      number: 'MV-1',
      start: '2026-01-01',
      end: '2027-06-30',
      access: { grant: 'active', until: '2027-06-30', contractId: contract.id },
      windows: { preFrom: null, postUntil: null },
      timeline: expect.objectContaining({ from: '2025-12-12', until: '2027-07-20' }),
      canEnd: true,
    });
    expect(detail.access).toEqual(contract.access);
    expect(detail.eligibility).toEqual({ allowed: true, access: contract.access });
    expect(storedPropertyId(core, contract.id)).toBe(property.id);
    expect(auditRows(core).at(-1)).toMatchObject({
      action: 'contract.create',
      entity_id: String(contract.id),
    });
  });

  it('a future contract gives pre-contract access once the window is enabled', async () => {
    const { core, unit, contactId } = await setup('2026-11-27');
    const detail = await createContract(core, { contactId, unitId: unit.id, start: '2026-12-15' });
    expect(detail.access.grant).toBe('none');
    expect(detail.eligibility).toEqual({
      allowed: false,
      reason: 'OUTSIDE_ACCESS_WINDOW',
      possibleFrom: '2026-12-15',
      // The refusal names the window that decides it: the pre-contract window, switched off.
      window: { window: 'pre', enabled: false, days: 30, contractDay: '2026-12-15', windowDay: null },
    });
    await setAccess(core, { preContract: { enabled: true, days: 30 } });
    const after = await ok(core, 'contacts.get', { id: contactId });
    expect(after.access).toMatchObject({ grant: 'pre', until: '2026-12-14' });
    expect(after.contracts[0]?.access.grant).toBe('pre');
    // The contact page's timeline gets the window from the core, as of the settings just saved.
    expect(after.contracts[0]?.windows).toEqual({ preFrom: '2026-11-15', postUntil: null });
    expect(after.contracts[0]?.timeline.pre).toEqual({ from: 20, to: 50 });
  });

  it('update may move the contract to a unit of another property (property follows the unit)', async () => {
    const { core, other, unit, unit2, contactId } = await setup();
    const created = await createContract(core, { contactId, unitId: unit.id });
    const id = created.contracts[0]!.id;
    const updated = await ok(core, 'contracts.update', {
      id,
      contactId,
      unitId: unit2.id,
      type: 'owner',
      number: 'EV-7',
      start: '2025-01-01',
      end: null,
    });
    expect(updated.contracts[0]).toMatchObject({
      id,
      unitId: unit2.id,
      propertyId: other.id,
      type: 'owner',
      number: 'EV-7',
    });
    expect(storedPropertyId(core, id)).toBe(other.id);
    const audit = auditRows(core).at(-1);
    expect(audit?.action).toBe('contract.update');
    expect(JSON.parse(audit?.before ?? 'null')).toMatchObject({ unitId: unit.id, type: 'tenant' });
    expect(JSON.parse(audit?.after ?? 'null')).toMatchObject({ unitId: unit2.id, propertyId: other.id });
  });

  it('end ends an open-ended contract, may end it earlier, and refuses to extend an ended one', async () => {
    const { core, unit, contactId } = await setup('2026-11-27');
    const created = await createContract(core, { contactId, unitId: unit.id, start: '2020-01-01' });
    const id = created.contracts[0]!.id;
    const ended = await ok(core, 'contracts.end', { id, end: '2026-12-31' });
    expect(ended.contracts[0]).toMatchObject({
      end: '2026-12-31',
      access: { grant: 'active', until: '2026-12-31' },
    });
    expect(auditRows(core).at(-1)).toMatchObject({ action: 'contract.end', entity_id: String(id) });
    const earlier = await ok(core, 'contracts.end', { id, end: '2026-11-01' });
    expect(earlier.contracts[0]?.end).toBe('2026-11-01');
    expect(earlier.access.grant).toBe('none');
    await expectRefused(core, 'contracts.end', { id, end: '2026-12-31' }, 'CONTRACT_ALREADY_ENDED', {
      end: '2026-11-01',
    });
    await expectRefused(core, 'contracts.end', { id, end: '2019-12-31' }, 'END_BEFORE_START');
    await expectRefused(core, 'contracts.end', { id, end: '2026-02-30' }, 'INVALID_DATE');
    await expectRefused(core, 'contracts.end', { id: 999, end: '2026-12-31' }, 'NOT_FOUND');
    // Ending on the day it already ends changes nothing.
    const audits = auditRows(core).length;
    await ok(core, 'contracts.end', { id, end: '2026-11-01' });
    expect(auditRows(core)).toHaveLength(audits);
  });

  it('allows back-to-back contracts, another type on the same unit and the same dates on another unit', async () => {
    const { core, unit, unit2, contactId } = await setup();
    await createContract(core, { contactId, unitId: unit.id, start: '2020-01-01', end: '2022-12-31' });
    await createContract(core, {
      contactId,
      unitId: unit.id,
      start: '2023-01-01',
      end: null,
      number: 'MV-2',
    });
    await createContract(core, {
      contactId,
      unitId: unit.id,
      type: 'owner',
      start: '2021-01-01',
      number: 'EV-1',
    });
    const detail = await createContract(core, {
      contactId,
      unitId: unit2.id,
      start: '2021-01-01',
      number: 'MV-3',
    });
    expect(detail.contracts).toHaveLength(4);
  });

  it("bounds contract dates to 1900-01-01 … 9997-12-31: an ERP's 9999-12-31 is refused before anything commits", async () => {
    const { core, unit, unit2, contactId } = await setup();
    await setAccess(core, {
      preContract: { enabled: true, days: 365 },
      postContract: { enabled: true, days: 365 },
    });
    const base = { contactId, unitId: unit.id, type: 'tenant', number: 'MV-9' } as const;
    const refused = [
      ['contracts.create', { ...base, start: '2026-01-01', end: '9999-12-31' }, 'end'],
      ['contracts.create', { ...base, start: '9998-01-01', end: null }, 'start'],
      ['contracts.create', { ...base, start: '1899-12-31', end: null }, 'start'],
    ] as const;
    for (const [channel, payload, field] of refused)
      await expectRefused(core, channel, payload, 'DATE_OUT_OF_RANGE', { field });
    // The bounds themselves work with the widest access windows, and so does the contact page after.
    const detail = await createContract(core, { ...base, start: '1900-01-01', end: '9997-12-31' });
    const contract = detail.contracts[0]!;
    expect(contract.windows).toEqual({ preFrom: '1899-01-01', postUntil: '9998-12-31' });
    await createContract(core, { ...base, unitId: unit2.id, start: '9997-12-31', end: null });
    await expectRefused(core, 'contracts.end', { id: contract.id, end: '9999-12-31' }, 'DATE_OUT_OF_RANGE');
    await expectRefused(
      core,
      'contracts.update',
      { ...base, id: contract.id, start: '1900-01-01', end: '9999-12-31' },
      'DATE_OUT_OF_RANGE',
    );
    await ok(core, 'contacts.get', { id: contactId });
  });

  it('refuses bad input with its code and writes nothing', async () => {
    const { core, unit, contactId } = await setup();
    const other = await createContact(core, { referenceId: 'K-2' });
    const first = await createContract(core, {
      contactId,
      unitId: unit.id,
      start: '2024-01-01',
      end: '2025-12-31',
    });
    const openEnded = await createContract(core, {
      contactId,
      unitId: unit.id,
      start: '2027-01-01',
      number: 'MV-2',
    });
    const base = {
      contactId,
      unitId: unit.id,
      type: 'tenant' as const,
      number: 'MV-9',
      start: '2026-01-01',
      end: '2026-06-30',
    };

    await expectRefused(core, 'contracts.create', { ...base, end: '2025-12-31' }, 'END_BEFORE_START', {
      start: '2026-01-01',
      end: '2025-12-31',
    });
    await expectRefused(core, 'contracts.create', { ...base, start: '2025-12-31' }, 'OVERLAPPING_CONTRACT', {
      contractId: first.contracts[0]!.id,
    });
    // Open-ended = for ever: anything from its start on overlaps.
    await expectRefused(
      core,
      'contracts.create',
      { ...base, start: '2040-01-01', end: null },
      'OVERLAPPING_CONTRACT',
      {
        contractId: openEnded.contracts[1]!.id,
      },
    );
    await expectRefused(
      core,
      'contracts.create',
      { ...base, start: '2023-01-01', end: null },
      'OVERLAPPING_CONTRACT',
    );
    await expectRefused(core, 'contracts.create', { ...base, unitId: 999 }, 'UNKNOWN_UNIT', { unitId: 999 });
    await expectRefused(core, 'contracts.create', { ...base, contactId: 999 }, 'UNKNOWN_CONTACT', {
      contactId: 999,
    });
    await expectRefused(core, 'contracts.create', { ...base, start: '2026-02-30' }, 'INVALID_DATE');
    await expectRefused(core, 'contracts.create', { ...base, end: '2026-13-01' }, 'INVALID_DATE');
    await expectRefused(core, 'contracts.create', { ...base, start: '1.1.2026' }, 'INVALID_DATE');
    await expectRefused(core, 'contracts.create', { ...base, number: ' ' }, 'REQUIRED');
    await expectRefused(
      core,
      'contracts.create',
      invalidPayload({ ...base, type: 'lodger' }),
      'INVALID_PAYLOAD',
    );
    // Updating into an overlap with another contract of the contact is refused; with itself it is not.
    const firstId = first.contracts[0]!.id;
    await expectRefused(
      core,
      'contracts.update',
      { ...base, id: firstId, start: '2024-01-01', end: '2027-01-01' },
      'OVERLAPPING_CONTRACT',
    );
    await expectRefused(core, 'contracts.update', { ...base, id: 999 }, 'NOT_FOUND');
    await ok(core, 'contracts.update', { ...base, id: firstId, start: '2024-01-01', end: '2026-12-31' });
    // Another contact may rent the same unit at the same time (flat shares): not this rule.
    await createContract(core, { contactId: other.contact.id, unitId: unit.id, start: '2024-01-01' });
  });
});
