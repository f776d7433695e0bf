/** Small builders for the portfolio tests: everything goes through `core.invoke`, as the renderer does. */
import type { AccessSettings } from '../../../shared/domain';
import type {
  ContactDetail,
  ContactInput,
  ContractInput,
  PropertyDetail,
  PropertyInput,
  UnitInput,
  UnitView,
} from '../../../shared/ipc';
import type { Core } from '../../../src-main/core/core';
import { ok, withDatabase } from '../support';

export { withDatabase };

export type TestCore = Core & { dataDir: string };

export const propertyInput = (extra: Partial<PropertyInput> = {}): PropertyInput => ({
  name: 'WEG Lindenallee 5',
  referenceId: 'L-9001',
  addresses: [{ street: 'Lindenallee', houseNo: '5', postcode: '10115', city: 'Berlin' }],
  ...extra,
});

export const contactInput = (extra: Partial<ContactInput> = {}): ContactInput => ({
  salutation: 'mr',
  title: null,
  firstName: 'Jürgen',
  lastName: 'Müller',
  company: null,
  email: 'juergen.mueller@example.com',
  phone: null,
  language: 'de',
  preference: 'online',
  referenceId: 'K-1',
  note: null,
  street: null,
  houseNo: null,
  postcode: null,
  city: null,
  ...extra,
});

export async function createProperty(
  core: TestCore,
  extra: Partial<PropertyInput> = {},
): Promise<PropertyDetail> {
  return await ok(core, 'properties.create', propertyInput(extra));
}

export async function createUnit(
  core: TestCore,
  propertyId: number,
  extra: Partial<UnitInput> = {},
): Promise<UnitView> {
  const input: UnitInput = {
    propertyId,
    name: 'Whg. 1, EG links',
    number: '1',
    usage: 'private',
    referenceId: null,
    ...extra,
  };
  return await ok(core, 'units.create', input);
}

export async function createContact(
  core: TestCore,
  extra: Partial<ContactInput> = {},
): Promise<ContactDetail> {
  return await ok(core, 'contacts.create', contactInput(extra));
}

export async function createContract(
  core: TestCore,
  input: Partial<ContractInput> & Pick<ContractInput, 'contactId' | 'unitId'>,
): Promise<ContactDetail> {
  const full: ContractInput = { type: 'tenant', number: 'MV-1', start: '2026-01-01', end: null, ...input };
  return await ok(core, 'contracts.create', full);
}

export async function setAccess(core: TestCore, settings: Partial<AccessSettings>): Promise<void> {
  const full: AccessSettings = {
    preContract: { enabled: false, days: 30 },
    postContract: { enabled: false, days: 30 },
    seatQuota: null,
    ...settings,
  };
  await ok(core, 'settings.updateAccess', full);
}

export { expectRefused } from '../support';

/** The audit rows, oldest first. */
export function auditRows(core: TestCore): {
  action: string;
  entity: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
}[] {
  return withDatabase(core, (db) =>
    db
      .prepare<
        [],
        {
          action: string;
          entity: string;
          entity_id: string | null;
          before: string | null;
          after: string | null;
        }
      >('SELECT action, entity, entity_id, before, after FROM audit ORDER BY id')
      .all(),
  );
}
