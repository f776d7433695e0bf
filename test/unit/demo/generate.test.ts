import { describe, expect, it } from 'vitest';
import { isIsoDate } from '../../../shared/dates';
import { sortNameOf } from '../../../src-main/core/db/contactKeys';
import {
  DEFAULT_CONTACTS,
  generatePortfolio,
  type ContractRow,
  type DemoPortfolio,
  type DemoSituation,
} from '../../../src-main/core/demo/generate';

const SEED = 20261127;

/** Whole days from a to b (UTC arithmetic on calendar dates: independent of the generator's own). */
function days(a: string, b: string): number {
  return (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;
}

function contractsOf(p: DemoPortfolio, contactId: number): ContractRow[] {
  return p.contracts.filter((c) => c.contact_id === contactId);
}

function isActive(c: ContractRow, today: string): boolean {
  return c.start_date <= today && (c.end_date === null || today <= c.end_date);
}

/**
 * The situations, stated over raw rows and dates only (ARCHITECTURE.md §3): a check per planted
 * contact, returning a description of what is wrong or null.
 */
function checkSituation(p: DemoPortfolio, situation: DemoSituation, contactId: number): string | null {
  const today = p.today;
  const contact = p.contacts[contactId - 1];
  if (contact === undefined || contact.id !== contactId) return 'no such contact';
  const own = contractsOf(p, contactId);
  const tenant = own.filter((c) => c.type === 'tenant');
  const owner = own.filter((c) => c.type === 'owner');
  const registered = p.portalAccounts.some((a) => a.contact_id === contactId);
  const onlyOneTenancy = own.length === 1 && tenant.length === 1;
  const only = tenant[0];
  const activeTenant =
    onlyOneTenancy && only !== undefined && isActive(only, today) && contact.archived === 0;
  switch (situation) {
    case 'activeTenant':
      return activeTenant && !registered && contact.email !== null ? null : 'not an invitable active tenant';
    case 'registeredActiveTenant':
      return activeTenant && registered ? null : 'not a registered active tenant';
    case 'englishActiveTenant':
      return activeTenant && contact.language === 'en' ? null : 'not an English active tenant';
    case 'activeOwner':
      return owner.length > 0 && owner.every((c) => isActive(c, today)) && tenant.length === 0
        ? null
        : 'not an active owner only';
    case 'tenantStartingSoon': {
      if (!onlyOneTenancy || only === undefined) return 'not a single tenancy';
      const inDays = days(today, only.start_date);
      return inDays >= 1 && inDays <= 30 ? null : `starts in ${inDays} days`;
    }
    case 'tenantStartingLater': {
      if (!onlyOneTenancy || only === undefined) return 'not a single tenancy';
      const inDays = days(today, only.start_date);
      return inDays > 90 ? null : `starts in ${inDays} days`;
    }
    case 'recentlyEndedRegistered': {
      if (!onlyOneTenancy || only === undefined || only.end_date === null)
        return 'not a single ended tenancy';
      const ago = days(only.end_date, today);
      return ago >= 1 && ago <= 60 && registered ? null : `ended ${ago} days ago, registered ${registered}`;
    }
    case 'longEndedRegistered': {
      if (!onlyOneTenancy || only === undefined || only.end_date === null)
        return 'not a single ended tenancy';
      const ago = days(only.end_date, today);
      return ago > 365 && registered ? null : `ended ${ago} days ago, registered ${registered}`;
    }
    case 'ownerAndTenant': {
      const ownsActive = owner.filter((c) => isActive(c, today));
      const rentsActive = tenant.filter((c) => isActive(c, today));
      const elsewhere = rentsActive.some((t) => ownsActive.every((o) => o.unit_id !== t.unit_id));
      return ownsActive.length > 0 && elsewhere ? null : 'not owner here and tenant elsewhere';
    }
    case 'mover': {
      if (tenant.length !== 2 || owner.length !== 0) return 'not two tenancies';
      const [old, next] = [...tenant].sort((a, b) => (a.start_date < b.start_date ? -1 : 1)) as [
        ContractRow,
        ContractRow,
      ];
      if (old.end_date === null || old.end_date >= today) return 'old tenancy has not ended';
      const gap = days(old.end_date, next.start_date);
      const ok =
        old.property_id === next.property_id &&
        old.unit_id !== next.unit_id &&
        gap >= 1 &&
        gap <= 31 &&
        isActive(next, today);
      return ok ? null : 'not a move within one property';
    }
    case 'noEmail':
      return contact.email === null && contact.preference === 'postal' && own.some((c) => isActive(c, today))
        ? null
        : 'not an active contact without e-mail';
    case 'postalPreference':
      return contact.email !== null && contact.preference === 'postal' && own.some((c) => isActive(c, today))
        ? null
        : 'not an active contact with e-mail who prefers letters';
    case 'archived':
      return contact.archived === 1 && own.length > 0 ? null : 'not an archived contact';
    case 'noContract':
      return own.length === 0 && contact.archived === 0 ? null : 'has a contract';
  }
}

function expectEverySituation(p: DemoPortfolio): void {
  const problems: string[] = [];
  for (const [situation, planted] of Object.entries(p.situations) as [
    DemoSituation,
    DemoPortfolio['situations'][DemoSituation],
  ][]) {
    expect(planted.contactIds.length, situation).toBeGreaterThan(0);
    expect(planted.contactId).toBe(planted.contactIds[0]);
    for (const id of planted.contactIds) {
      const problem = checkSituation(p, situation, id);
      if (problem !== null) problems.push(`${situation} #${id}: ${problem}`);
    }
    for (const contractId of planted.contractIds) {
      const contract = p.contracts[contractId - 1];
      expect(contract?.id).toBe(contractId);
      expect(planted.contactIds).toContain(contract?.contact_id);
    }
  }
  expect(problems).toEqual([]);

  // The showcase property gathers pre- and post-window tenants for the role-based share demo.
  const showcase = p.showcasePropertyId;
  const inShowcase = (situation: DemoSituation) =>
    p.situations[situation].contactIds.filter((id) =>
      contractsOf(p, id).some((c) => c.type === 'tenant' && c.property_id === showcase),
    );
  expect(inShowcase('tenantStartingSoon').length).toBeGreaterThanOrEqual(2);
  expect(inShowcase('recentlyEndedRegistered').length).toBeGreaterThanOrEqual(2);
  expect(p.properties[0]?.name).toContain('Musterstraße 12');
  expect(p.propertyAddresses.find((a) => a.property_id === showcase)).toMatchObject({
    street: 'Musterstraße',
    house_no: '12',
    postcode: '10115',
    city: 'Berlin',
  });
  const mover = p.situations.mover.contractIds.map((id) => p.contracts[id - 1]?.property_id);
  expect(mover).toEqual([showcase, showcase]);
}

function expectConsistentRows(p: DemoPortfolio): void {
  const unique = (values: readonly unknown[]) => new Set(values).size === values.length;
  expect(unique(p.properties.map((x) => x.reference_id))).toBe(true);
  expect(unique(p.units.map((x) => x.reference_id))).toBe(true);
  expect(unique(p.units.map((x) => `${x.property_id}/${x.number}`))).toBe(true);
  expect(unique(p.contacts.map((x) => x.reference_id))).toBe(true);
  expect(unique(p.contacts.map((x) => x.email).filter((e) => e !== null))).toBe(true);
  expect(unique(p.contracts.map((x) => x.number))).toBe(true);
  expect(unique(p.portalAccounts.map((x) => x.contact_id))).toBe(true);
  p.properties.forEach((x, i) => expect(x.id).toBe(i + 1));
  p.units.forEach((x, i) => expect(x.id).toBe(i + 1));
  p.contacts.forEach((x, i) => expect(x.id).toBe(i + 1));
  p.contracts.forEach((x, i) => expect(x.id).toBe(i + 1));

  for (const c of p.contacts) {
    // Sorted and searched exactly like a contact entered in the app.
    expect(c.sort_name).toBe(
      sortNameOf({
        salutation: c.salutation,
        firstName: c.first_name,
        lastName: c.last_name,
        company: c.company,
      }),
    );
    expect(c.reference_id).toMatch(/^K-\d{6,}$/);
    if (c.email === null) expect(c.preference).toBe('postal');
    else expect(c.email).toMatch(/^[a-z0-9.-]+@([a-z0-9-]+\.)?example\.(com|net|org)$/);
  }

  const today = p.today;
  const byUnitAndType = new Map<string, ContractRow[]>();
  for (const c of p.contracts) {
    expect(isIsoDate(c.start_date), c.start_date).toBe(true);
    if (c.end_date !== null) {
      expect(isIsoDate(c.end_date), c.end_date).toBe(true);
      expect(c.end_date >= c.start_date, `contract ${c.id}`).toBe(true);
    }
    expect(p.units[c.unit_id - 1]?.property_id).toBe(c.property_id);
    expect(c.contact_id).toBeLessThanOrEqual(p.contacts.length);
    expect(c.number).toMatch(c.type === 'tenant' ? /^MV-\d{4}-\d{4,}$/ : /^EV-\d{4}-\d{4,}$/);
    const key = `${c.unit_id}/${c.type}`;
    const list = byUnitAndType.get(key);
    if (list === undefined) byUnitAndType.set(key, [c]);
    else list.push(c);
  }
  const overlaps: number[] = [];
  for (const list of byUnitAndType.values()) {
    list.sort((a, b) => (a.start_date < b.start_date ? -1 : a.start_date > b.start_date ? 1 : 0));
    for (let i = 1; i < list.length; i += 1) {
      const before = list[i - 1] as ContractRow;
      const after = list[i] as ContractRow;
      if (before.end_date === null || before.end_date >= after.start_date) overlaps.push(after.id);
    }
  }
  expect(overlaps).toEqual([]);

  const contractsByContact = new Map<number, ContractRow[]>();
  for (const c of p.contracts)
    contractsByContact.set(c.contact_id, [...(contractsByContact.get(c.contact_id) ?? []), c]);
  for (const account of p.portalAccounts) {
    const day = account.registered_at.slice(0, 10);
    expect(account.registered_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/);
    expect(day < today, `registered ${account.registered_at}`).toBe(true);
    const own = contractsByContact.get(account.contact_id) ?? [];
    const during = own.some((c) => c.start_date <= day && (c.end_date === null || day <= c.end_date));
    expect(during, `registration of contact ${account.contact_id}`).toBe(true);
  }
}

describe('generatePortfolio', () => {
  const today = '2026-05-15';
  const portfolio = generatePortfolio({ seed: SEED, today });

  it('is deterministic for the same seed and today', () => {
    expect(generatePortfolio({ seed: SEED, today })).toEqual(portfolio);
    const other = generatePortfolio({ seed: SEED + 1, today });
    expect(other.contacts.map((c) => c.sort_name)).not.toEqual(portfolio.contacts.map((c) => c.sort_name));
  });

  it('has the default size: about 8 properties, 400 units and exactly 600 contacts', () => {
    expect(DEFAULT_CONTACTS).toBe(600);
    expect(portfolio.contacts).toHaveLength(600);
    expect(portfolio.properties.length).toBeGreaterThanOrEqual(7);
    expect(portfolio.properties.length).toBeLessThanOrEqual(9);
    expect(portfolio.units.length).toBeGreaterThanOrEqual(380);
    expect(portfolio.units.length).toBeLessThanOrEqual(420);
    expect(portfolio.seed).toBe(SEED);
    expect(portfolio.today).toBe(today);
  });

  it('keeps its rows consistent: unique references, no overlapping contracts, end ≥ start', () => {
    expectConsistentRows(portfolio);
  });

  it('contains every planted situation', () => {
    expectEverySituation(portfolio);
  });

  it('is mostly active tenants and owners, about 40 % of them registered', () => {
    const active = new Set(portfolio.contracts.filter((c) => isActive(c, today)).map((c) => c.contact_id));
    expect(active.size / portfolio.contacts.length).toBeGreaterThan(0.7);
    const registered = portfolio.portalAccounts.filter((a) => active.has(a.contact_id)).length;
    expect(registered / active.size).toBeGreaterThan(0.3);
    expect(registered / active.size).toBeLessThan(0.5);
    const tenants = portfolio.contracts.filter((c) => c.type === 'tenant' && isActive(c, today));
    const owners = portfolio.contracts.filter((c) => c.type === 'owner' && isActive(c, today));
    expect(tenants.length).toBeGreaterThan(portfolio.units.length * 0.6);
    // Every unit has exactly one current owner.
    expect(new Set(owners.map((c) => c.unit_id)).size).toBe(portfolio.units.length);
    expect(owners).toHaveLength(portfolio.units.length);
  });

  it('reads like a German portfolio: umlauts, companies, families, English speakers, postal contacts', () => {
    const contacts = portfolio.contacts;
    const count = (predicate: (c: (typeof contacts)[number]) => boolean) => contacts.filter(predicate).length;
    expect(count((c) => /[äöüÄÖÜß]/.test(`${c.first_name ?? ''}${c.last_name}`))).toBeGreaterThan(20);
    expect(count((c) => c.salutation === 'company' && /GmbH|KG/.test(c.company ?? ''))).toBeGreaterThan(5);
    expect(count((c) => c.salutation === 'family' && c.first_name === null)).toBeGreaterThan(10);
    expect(count((c) => c.language === 'en')).toBeGreaterThan(2);
    expect(count((c) => c.email === null)).toBeGreaterThan(20);
    expect(count((c) => c.preference === 'postal' && c.email !== null)).toBeGreaterThan(10);
    expect(count((c) => c.archived === 1)).toBeGreaterThan(0);
    expect(count((c) => c.postcode !== null && /^\d{5}$/.test(c.postcode))).toBe(contacts.length);
    expect(portfolio.units.some((u) => u.usage === 'commercial')).toBe(true);
    expect(portfolio.units[2]?.name).toMatch(/^Whg\. 3, EG/);
    const owners = new Set(portfolio.contracts.filter((c) => c.type === 'owner').map((c) => c.contact_id));
    expect([...owners].some((id) => contacts[id - 1]?.salutation === 'company')).toBe(true);
    expect([...owners].some((id) => contacts[id - 1]?.salutation === 'family')).toBe(true);
  });

  it.each(['2026-05-15', '2028-02-29', '2026-12-31', '2027-01-01', '2026-03-29', '2026-10-25', '2031-06-30'])(
    'contains every situation when today is %s',
    (day) => {
      const p = generatePortfolio({ seed: SEED, today: day });
      expectEverySituation(p);
      expectConsistentRows(p);
    },
  );

  it('keeps names and shape across todays: only the dates move', () => {
    const later = generatePortfolio({ seed: SEED, today: '2028-02-29' });
    const names = (p: DemoPortfolio) => p.contacts.map((c) => `${c.reference_id} ${c.sort_name} ${c.email}`);
    expect(names(later)).toEqual(names(portfolio));
    const shape = (p: DemoPortfolio) => p.contracts.map((c) => `${c.contact_id} ${c.unit_id} ${c.type}`);
    expect(shape(later)).toEqual(shape(portfolio));
    expect(later.units).toEqual(portfolio.units);
    expect(later.situations).toEqual(portfolio.situations);
  });

  it('works for other seeds and the smallest size', () => {
    for (const seed of [0, 1, 42, 2 ** 40]) {
      const p = generatePortfolio({ seed, today, contacts: 100 });
      expect(p.contacts).toHaveLength(100);
      expectEverySituation(p);
      expectConsistentRows(p);
    }
  });

  it('refuses bad options', () => {
    expect(() => generatePortfolio({ seed: SEED, today, contacts: 99 })).toThrow(RangeError);
    expect(() => generatePortfolio({ seed: SEED, today, contacts: 600.5 })).toThrow(RangeError);
    expect(() => generatePortfolio({ seed: 1.5, today })).toThrow(RangeError);
    expect(() => generatePortfolio({ seed: SEED, today: '2026-02-30' })).toThrow(RangeError);
  });

  it('scales linearly: 100,000 contacts with proportional properties and units', () => {
    const p = generatePortfolio({ seed: SEED, today, contacts: 100_000 });
    expect(p.contacts).toHaveLength(100_000);
    expect(p.properties.length).toBeGreaterThan(1200);
    expect(p.properties.length).toBeLessThan(1500);
    expect(p.units.length).toBeGreaterThan(60_000);
    expect(p.units.length).toBeLessThan(70_000);
    expect(new Set(p.contacts.map((c) => c.reference_id)).size).toBe(100_000);
    expect(new Set(p.contacts.map((c) => c.email).filter((e) => e !== null)).size).toBe(
      p.contacts.filter((c) => c.email !== null).length,
    );
    expectEverySituation(p);
  });
});
