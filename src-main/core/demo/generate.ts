/**
 * The deterministic demo portfolio: German properties, units, contacts, contracts and portal
 * accounts around a given `today`. Pure: the same (seed, today, contacts) gives the same rows;
 * no clock reads, no Math.random, no shared faker state (a local seeded generator indexes into
 * word lists taken from faker's German locale once, see data.ts).
 *
 * Shape:
 * - Property 1, the showcase "WEG Musterstraße 12", 10115 Berlin (24 units), holds the planted
 *   situations (see `DemoSituation`): tenants starting in 1–30 and >90 days, registered tenants whose
 *   contract ended 1–60 days and >1 year ago, a mover, an archived former tenant, … — so that a
 *   role-based share "with all tenants" of it always has skipped contacts to show. Property 2 holds
 *   the owner contract of the owner-and-tenant contact.
 * - Every other unit gets an owner (WEG: one owner per 1–4 units, some owner-occupied; rental
 *   buildings: one owner for all units), most get an active tenant, some are vacant, some have a
 *   successor signed, and the remaining contacts are former tenants/owners and a few contacts
 *   without contract. About 40 % of active contacts are registered in the portal.
 * - Dates are drawn as day offsets from `today` independently of `today`, so another `today` moves
 *   the dates but keeps names, units and the shape of every timeline.
 * - Tenant contracts of one unit never overlap, nor do owner contracts; end ≥ start always.
 * - E-mail addresses are unique and live on reserved example domains (example.com/.net/.org), so a
 *   configured SMTP server can never mail a real person.
 *
 * Linear in the number of contacts: ~1 s per 100,000 contacts.
 */
import type { ContractType, IsoDate } from '../../../shared/domain';
import { sortNameOf } from '../db/contactKeys';
import { DayTable } from './calendar';
import {
  BERLIN,
  CITIES,
  COMMERCIAL_KINDS,
  ENGLISH_FEMALE,
  ENGLISH_LAST,
  ENGLISH_MALE,
  FEMALE_FIRST,
  LAST_NAMES,
  MALE_FIRST,
  MOBILE_PREFIXES,
  NEUTRAL_FIRST,
  NOTES,
  OWNER_COMPANIES,
  POTSDAM,
  SIDES,
  STREETS,
  TRADE_COMPANIES,
  type City,
} from './data';
import { Random } from './random';
import type {
  ContactPreference,
  ContactRow,
  ContractRow,
  DemoPortfolio,
  DemoSituations,
  GenerateOptions,
  Language,
  PlantedSituation,
  PortalAccountRow,
  PropertyAddressRow,
  PropertyRow,
  Salutation,
  UnitRow,
  UnitUsage,
} from './types';

export type * from './types';

export const DEFAULT_CONTACTS = 600;
export const MIN_CONTACTS = 100;
/** Contacts per property and units per contact: 600 contacts → 8 properties, 400 units. */
const CONTACTS_PER_PROPERTY = 75;
const UNITS_PER_CONTACT = 2 / 3;
const SHOWCASE_UNITS = 24;
const MIN_UNITS_PER_PROPERTY = 4;
/** Calendar range in days: generic timelines reach back at most ~58 years, forward ~1 year. */
const PAST_DAYS = 62 * 366;
const FUTURE_DAYS = 800;
const MAX_FORMERS_PER_UNIT = 4;
/** Portal registrations reach back at most five years. */
const REGISTRATION_HORIZON = -1825;

interface Address {
  street: string;
  houseNo: string;
  postcode: string;
  city: City;
}

interface ContactSpec {
  salutation: Salutation;
  title?: string | null;
  first: string | null;
  last: string;
  company?: string | null;
  language: Language;
  /** Whether the contact has an e-mail address. */
  email: boolean;
  preference: ContactPreference;
  phone?: string | null;
  note?: string | null;
  address: Address | null;
}

type OwnerKind = 'person' | 'family' | 'company';

const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org'] as const;

const TRANSLITERATION: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', ı: 'i' };

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function generatePortfolio(options: GenerateOptions): DemoPortfolio {
  return new PortfolioBuilder(options).build();
}

class PortfolioBuilder {
  private readonly seed: number;
  private readonly today: IsoDate;
  private readonly size: number;
  /** Unit counts fixed for properties 2, 3, … (`GenerateOptions.largeProperties`). */
  private readonly largeProperties: readonly number[];
  private readonly rng: Random;
  private readonly days: DayTable;

  private readonly properties: PropertyRow[] = [];
  private readonly addresses: PropertyAddressRow[] = [];
  private readonly addressCities: City[] = [];
  private readonly units: UnitRow[] = [];
  private readonly contacts: ContactRow[] = [];
  private readonly contracts: ContractRow[] = [];
  private readonly accounts: PortalAccountRow[] = [];

  /** Per unit (index = id − 1): index into `addresses`, flags and the current owner's start. */
  private unitAddress = new Int32Array(0);
  private unitCommercial = new Uint8Array(0);
  private unitWeg = new Uint8Array(0);
  /** Tenancies of this unit are planted (showcase); generic tenants stay away. */
  private unitReserved = new Uint8Array(0);
  private unitOwnerOccupied = new Uint8Array(0);
  /** Owner fixed by a planted situation (contact id), 0 = generic. */
  private unitForcedOwner = new Int32Array(0);
  private unitOwnerStart = new Int32Array(0);

  private readonly emailLocals = new Map<string, number>();
  private readonly slugs = new Map<string, string>();
  private readonly propertyNames = new Set<string>();
  /** The planted situations; owner contracts are added to them by assignOwners. */
  private situations: DemoSituations | null = null;

  constructor(options: GenerateOptions) {
    const size = options.contacts ?? DEFAULT_CONTACTS;
    if (!Number.isSafeInteger(size) || size < MIN_CONTACTS) {
      throw new RangeError(`contacts must be an integer ≥ ${MIN_CONTACTS}: ${size}`);
    }
    this.seed = options.seed;
    this.today = options.today;
    this.size = size;
    this.largeProperties = options.largeProperties ?? [];
    for (const units of this.largeProperties) {
      if (!Number.isSafeInteger(units) || units < MIN_UNITS_PER_PROPERTY) {
        throw new RangeError(`largeProperties: unit counts must be integers ≥ ${MIN_UNITS_PER_PROPERTY}`);
      }
    }
    this.rng = new Random(options.seed);
    this.days = new DayTable(options.today, PAST_DAYS, FUTURE_DAYS);
  }

  build(): DemoPortfolio {
    this.buildProperties();
    const situations = this.plantSituations();
    this.assignOwners();
    this.fillTenancies();
    this.numberContracts();
    if (this.contacts.length !== this.size) {
      throw new Error(`demo generator produced ${this.contacts.length} contacts, expected ${this.size}`);
    }
    return {
      seed: this.seed,
      today: this.today,
      showcasePropertyId: 1,
      properties: this.properties,
      propertyAddresses: this.addresses,
      units: this.units,
      contacts: this.contacts,
      contracts: this.contracts,
      portalAccounts: this.accounts,
      situations,
    };
  }

  // ── properties and units ───────────────────────────────────────────────────────────────

  private buildProperties(): void {
    const rng = this.rng;
    const propertyCount = Math.max(2, Math.round(this.size / CONTACTS_PER_PROPERTY));
    const unitCount = Math.max(
      SHOWCASE_UNITS + MIN_UNITS_PER_PROPERTY * (propertyCount - 1),
      Math.round(this.size * UNITS_PER_CONTACT),
    );
    // Properties 2 … 1 + large.length have fixed sizes; the others share the rest by weight.
    const large = this.largeProperties;
    const fixedUnits = large.reduce((sum, units) => sum + units, 0);
    const pool =
      unitCount - SHOWCASE_UNITS - fixedUnits - MIN_UNITS_PER_PROPERTY * (propertyCount - 1 - large.length);
    if (large.length >= propertyCount - 1 || pool < 0) {
      throw new RangeError(
        `largeProperties do not fit ${propertyCount} properties with ${unitCount} units: ${large.join(', ')}`,
      );
    }
    const sizes = [SHOWCASE_UNITS];
    const weights: number[] = [];
    let weightSum = 0;
    for (let p = 1; p < propertyCount; p += 1) {
      // Drawn for every property, so that the stream (and all else) stays as without the option.
      const w = 0.4 + 1.2 * rng.next();
      const fixed = p <= large.length;
      weights.push(fixed ? 0 : w);
      if (!fixed) weightSum += w;
    }
    let assigned = 0;
    weights.forEach((w, x) => {
      if (x < large.length) {
        sizes.push(large[x] as number);
        return;
      }
      const extra = Math.floor((pool * w) / weightSum);
      sizes.push(MIN_UNITS_PER_PROPERTY + extra);
      assigned += extra;
    });
    const firstFree = 1 + large.length;
    for (let p = firstFree; assigned < pool; p = p + 1 < propertyCount ? p + 1 : firstFree) {
      sizes[p] = (sizes[p] as number) + 1;
      assigned += 1;
    }

    this.unitAddress = new Int32Array(unitCount);
    this.unitCommercial = new Uint8Array(unitCount);
    this.unitWeg = new Uint8Array(unitCount);
    this.unitReserved = new Uint8Array(unitCount);
    this.unitOwnerOccupied = new Uint8Array(unitCount);
    this.unitForcedOwner = new Int32Array(unitCount);
    this.unitOwnerStart = new Int32Array(unitCount);

    sizes.forEach((n, p) => {
      if (p === 0) {
        this.addProperty({
          units: n,
          weg: true,
          street: 'Musterstraße',
          houseNo: 12,
          city: BERLIN,
          postcode: '10115',
          perFloor: 4,
          commercial: 2,
          attic: true,
        });
        return;
      }
      const r = rng.next();
      const city = r < 0.45 ? BERLIN : r < 0.55 ? POTSDAM : rng.pick(CITIES);
      const perFloor = n <= 8 ? 2 : rng.int(2, 4);
      this.addProperty({
        units: n,
        weg: p === 1 || rng.chance(0.55),
        street: rng.pick(STREETS),
        houseNo: rng.int(1, 140),
        city,
        postcode: pad(rng.int(city.postcodeFrom, city.postcodeTo), 5),
        perFloor,
        commercial: rng.chance(0.3) ? Math.min(rng.int(1, 2), n - 1) : 0,
        attic: rng.chance(0.4),
      });
    });
  }

  private addProperty(spec: {
    units: number;
    weg: boolean;
    street: string;
    houseNo: number;
    city: City;
    postcode: string;
    perFloor: number;
    commercial: number;
    attic: boolean;
  }): void {
    const rng = this.rng;
    const id = this.properties.length + 1;
    const reference = `L-${1000 + id}`;
    const perEntrance = spec.perFloor * 7;
    const entrances = Math.ceil(spec.units / perEntrance);
    let first = spec.houseNo;
    let name = '';
    for (;;) {
      const numbers = entrances === 1 ? `${first}` : `${first}–${first + 2 * (entrances - 1)}`;
      name = `${spec.weg ? 'WEG ' : ''}${spec.street} ${numbers}`;
      if (!this.propertyNames.has(name)) break;
      first += 1;
    }
    this.propertyNames.add(name);
    const createdAt = this.timestamp(-rng.int(200, 4000), rng.next());
    this.properties.push({ id, name, reference_id: reference, created_at: createdAt });

    let number = 0;
    for (let e = 0; e < entrances; e += 1) {
      const houseNo = String(first + 2 * e);
      const addressIndex = this.addresses.length;
      this.addresses.push({
        id: addressIndex + 1,
        property_id: id,
        street: spec.street,
        house_no: houseNo,
        postcode: spec.postcode,
        city: spec.city.name,
      });
      this.addressCities.push(spec.city);
      const inEntrance = Math.floor(spec.units / entrances) + (e < spec.units % entrances ? 1 : 0);
      const floors = Math.ceil(inEntrance / spec.perFloor);
      for (let k = 0; k < inEntrance; k += 1) {
        number += 1;
        const floor = Math.floor(k / spec.perFloor);
        const onFloor = Math.min(spec.perFloor, inEntrance - floor * spec.perFloor);
        const side = (SIDES[onFloor] as readonly string[])[k % spec.perFloor] as string;
        const floorLabel =
          floor === 0 ? 'EG' : floor === floors - 1 && spec.attic && floors >= 3 ? 'DG' : `${floor}. OG`;
        const commercial = e === 0 && k < spec.commercial;
        const kind = commercial ? rng.pick(COMMERCIAL_KINDS) : 'Whg.';
        const house = entrances > 1 ? `Hs. ${houseNo}, ` : '';
        const unitIndex = this.units.length;
        const usage: UnitUsage = commercial ? 'commercial' : 'private';
        this.units.push({
          id: unitIndex + 1,
          property_id: id,
          name: `${kind} ${number}, ${house}${floorLabel}${side === '' ? '' : ` ${side}`}`,
          number: String(number),
          usage,
          reference_id: `${reference}-${pad(number, 3)}`,
        });
        this.unitAddress[unitIndex] = addressIndex;
        this.unitCommercial[unitIndex] = commercial ? 1 : 0;
        this.unitWeg[unitIndex] = spec.weg ? 1 : 0;
      }
    }
  }

  private unitIdsOf(propertyId: number): number[] {
    const ids: number[] = [];
    for (const unit of this.units) if (unit.property_id === propertyId) ids.push(unit.id);
    return ids;
  }

  private addressOfUnit(unitId: number): Address {
    const index = this.unitAddress[unitId - 1] as number;
    const row = this.addresses[index] as PropertyAddressRow;
    return {
      street: row.street,
      houseNo: row.house_no,
      postcode: row.postcode,
      city: this.addressCities[index] as City,
    };
  }

  // ── planted situations ─────────────────────────────────────────────────────────────────

  private plantSituations(): DemoSituations {
    const showcase = 1;
    const units = this.unitIdsOf(showcase).filter((id) => this.unitCommercial[id - 1] === 0);
    // 22 flats; the first 14 carry the planted timelines, the rest stay generic.
    const flat = (x: number): number => {
      const id = units[x] as number;
      this.unitReserved[id - 1] = 1;
      return id;
    };
    const [a, b, c, d, e, f, g] = [flat(0), flat(1), flat(2), flat(3), flat(4), flat(5), flat(6)];
    const [h, i, j, k, l, m, n] = [flat(7), flat(8), flat(9), flat(10), flat(11), flat(12), flat(13)];
    const elsewhere = (): Address => this.randomAddress();
    const person = (
      salutation: Salutation,
      first: string,
      last: string,
      address: Address,
      extra: Partial<ContactSpec> = {},
    ): number =>
      this.addContact({
        salutation,
        first,
        last,
        language: 'de',
        email: true,
        preference: 'online',
        address,
        ...extra,
      });
    const tenancy = (contact: number, unit: number, start: number, end: number | null): number =>
      this.addContract(contact, unit, 'tenant', start, end);
    const register = (contact: number, offset: number): void => {
      this.accounts.push({ contact_id: contact, registered_at: this.timestamp(offset, 0.37) });
    };

    // A: registered tenant moved out 10 days ago; the successor moves in in 14 days.
    const schroeder = person('mr', 'Klaus', 'Schröder', elsewhere());
    const schroederContract = tenancy(schroeder, a, -2345, -10);
    register(schroeder, -900);
    const koehler = person('ms', 'Lena', 'Köhler', elsewhere());
    const koehlerContract = tenancy(koehler, a, 14, null);
    // B: ended 25 days ago (registered); successor in 5 days.
    const baecker = person('ms', 'Ursula', 'Bäcker', elsewhere(), { title: 'Dr.' });
    const baeckerContract = tenancy(baecker, b, -4100, -25);
    register(baecker, -1500);
    const yilmaz = person('mr', 'Mehmet', 'Yılmaz', elsewhere());
    const yilmazContract = tenancy(yilmaz, b, 5, null);
    // C: archived former tenant (ended 30 days ago); an English-speaking successor in 28 days.
    const wolff = person('mr', 'Björn', 'Wolff', elsewhere(), {
      note: 'Ausgezogen, Kaution abgerechnet – Vorgang abgeschlossen.',
    });
    const wolffContract = tenancy(wolff, c, -1480, -30);
    (this.contacts[wolff - 1] as ContactRow).archived = 1;
    const clarke = person('ms', 'Emily', 'Clarke', elsewhere(), { language: 'en' });
    const clarkeContract = tenancy(clarke, c, 28, null);
    // D: ended 45 days ago (registered); renovation; the next tenant starts in 120 days.
    const hoffmann = person('mr', 'Michael', 'Hoffmann', elsewhere());
    const hoffmannContract = tenancy(hoffmann, d, -3050, -45);
    register(hoffmann, -700);
    const krueger = person('mr', 'Tobias', 'Krüger', elsewhere());
    const kruegerContract = tenancy(krueger, d, 120, null);
    // E: the current tenant has given notice (ends in 149 days); the successor starts in 150.
    const schmitz = person('mr', 'Dieter', 'Schmitz', this.addressOfUnit(e));
    tenancy(schmitz, e, -3300, 149);
    const gross = person('ms', 'Anja', 'Groß', elsewhere());
    const grossContract = tenancy(gross, e, 150, null);
    // F: registered tenant who left 500 days ago; the unit has been let again since.
    const fuchs = person('ms', 'Gisela', 'Fuchs', elsewhere());
    const fuchsContract = tenancy(fuchs, f, -3650, -500);
    register(fuchs, -1200);
    const neumann = person('ms', 'Julia', 'Neumann', this.addressOfUnit(f));
    tenancy(neumann, f, -480, null);
    // G → H: moved within the house; G ended 20 days ago, H started 3 days later.
    const boehm = person('ms', 'Katharina', 'Böhm', this.addressOfUnit(h));
    const boehmOld = tenancy(boehm, g, -1900, -20);
    register(boehm, -1000);
    const zimmermann = person('mr', 'Uwe', 'Zimmermann', elsewhere());
    tenancy(zimmermann, h, -2600, -40);
    const boehmNew = tenancy(boehm, h, -17, null);
    // I, J: active tenants (not registered / registered), both let by the Weber family.
    const mueller = person('mr', 'Jürgen', 'Müller', this.addressOfUnit(i));
    const muellerContract = tenancy(mueller, i, -1461, null);
    const schaefer = person('ms', 'Sabine', 'Schäfer', this.addressOfUnit(j));
    const schaeferContract = tenancy(schaefer, j, -2200, null);
    register(schaefer, -400);
    const weber = this.addContact({
      salutation: 'family',
      first: null,
      last: 'Weber',
      language: 'de',
      email: true,
      preference: 'online',
      address: elsewhere(),
    });
    this.unitForcedOwner[i - 1] = weber;
    this.unitOwnerStart[i - 1] = -4383;
    this.unitForcedOwner[j - 1] = weber;
    this.unitOwnerStart[j - 1] = -4383;
    // K: tenant here, owner of the first unit of property 2.
    const jaeger = person('mr', 'Stefan', 'Jäger', this.addressOfUnit(k));
    const jaegerTenancy = tenancy(jaeger, k, -730, null);
    const otherUnit = this.unitIdsOf(2)[0] as number;
    this.unitForcedOwner[otherUnit - 1] = jaeger;
    this.unitOwnerStart[otherUnit - 1] = -2190;
    // L: no e-mail; M: e-mail but prefers letters; N: English-speaking.
    const schulze = person('mr', 'Günter', 'Schulze', this.addressOfUnit(l), {
      email: false,
      preference: 'postal',
    });
    const schulzeContract = tenancy(schulze, l, -5000, null);
    const lehmann = person('ms', 'Renate', 'Lehmann', this.addressOfUnit(m), { preference: 'postal' });
    const lehmannContract = tenancy(lehmann, m, -3900, null);
    const bennett = person('mr', 'Oliver', 'Bennett', this.addressOfUnit(n), { language: 'en' });
    const bennettContract = tenancy(bennett, n, -600, null);
    // Without any contract: an applicant.
    const hartmann = person('ms', 'Petra', 'Hartmann', elsewhere(), {
      note: 'Interessentin für eine Wohnung – noch kein Vertrag.',
    });

    // Owner contracts are written with the owners (assignOwners) and looked up afterwards.
    const planted = (
      contactIds: number[],
      contractIds: number[],
      propertyId: number | null = showcase,
    ): PlantedSituation => ({ contactId: contactIds[0] as number, contactIds, contractIds, propertyId });
    const situations: DemoSituations = {
      activeTenant: planted([mueller], [muellerContract]),
      registeredActiveTenant: planted([schaefer], [schaeferContract]),
      englishActiveTenant: planted([bennett], [bennettContract]),
      activeOwner: planted([weber], []),
      tenantStartingSoon: planted(
        [koehler, yilmaz, clarke],
        [koehlerContract, yilmazContract, clarkeContract],
      ),
      tenantStartingLater: planted([krueger, gross], [kruegerContract, grossContract]),
      recentlyEndedRegistered: planted(
        [schroeder, baecker, hoffmann],
        [schroederContract, baeckerContract, hoffmannContract],
      ),
      longEndedRegistered: planted([fuchs], [fuchsContract]),
      ownerAndTenant: planted([jaeger], [jaegerTenancy]),
      mover: planted([boehm], [boehmOld, boehmNew]),
      noEmail: planted([schulze], [schulzeContract]),
      postalPreference: planted([lehmann], [lehmannContract]),
      archived: planted([wolff], [wolffContract]),
      noContract: planted([hartmann], [], null),
    };
    this.situations = situations;
    return situations;
  }

  // ── owners ─────────────────────────────────────────────────────────────────────────────

  private assignOwners(): void {
    const rng = this.rng;
    const situations = this.situations;
    let unit = 0;
    for (const property of this.properties) {
      const first = unit;
      while (unit < this.units.length && (this.units[unit] as UnitRow).property_id === property.id) unit += 1;
      const weg = this.unitWeg[first] === 1;
      let owner = 0;
      let remaining = 0;
      let start = 0;
      if (!weg) {
        const r = rng.next();
        owner = this.ownerContact(
          r < 0.65 ? 'company' : r < 0.85 ? 'family' : 'person',
          this.randomAddress(),
        );
        start = this.days.firstOfMonth(-Math.min(10950, 365 + rng.expo(4000)));
        this.maybeRegister(owner, start, null, 0.4);
      }
      for (let u = first; u < unit; u += 1) {
        const unitId = u + 1;
        const forced = this.unitForcedOwner[u] as number;
        if (forced !== 0) {
          const contract = this.addContract(forced, unitId, 'owner', this.unitOwnerStart[u] as number, null);
          if (situations !== null) {
            if (forced === situations.activeOwner.contactId) {
              situations.activeOwner.contractIds.push(contract);
            } else if (forced === situations.ownerAndTenant.contactId) {
              situations.ownerAndTenant.contractIds.push(contract);
            }
          }
          continue;
        }
        if (weg && remaining === 0) {
          const r = rng.next();
          remaining = r < 0.72 ? 1 : r < 0.92 ? 2 : rng.int(3, 4);
          const k = rng.next();
          const kind: OwnerKind = k < 0.55 ? 'person' : k < 0.8 ? 'family' : 'company';
          const occupies =
            rng.chance(0.4) &&
            kind !== 'company' &&
            this.unitCommercial[u] === 0 &&
            this.unitReserved[u] === 0;
          owner = this.ownerContact(kind, occupies ? this.addressOfUnit(unitId) : this.randomAddress());
          if (occupies) this.unitOwnerOccupied[u] = 1;
          start = this.days.firstOfMonth(-Math.min(10950, 180 + rng.expo(3650)));
          this.maybeRegister(owner, start, null, 0.4);
        }
        this.addContract(owner, unitId, 'owner', start, null);
        this.unitOwnerStart[u] = start;
        remaining -= 1;
      }
    }
  }

  private ownerContact(kind: OwnerKind, address: Address): number {
    const rng = this.rng;
    if (kind === 'company') {
      const pattern = rng.pick(OWNER_COMPANIES);
      const name = pattern
        .replace('#', rng.pick(LAST_NAMES))
        .replace('#', rng.pick(LAST_NAMES))
        .replace('@', rng.pick(CITIES).name);
      return this.companyContact(name, address);
    }
    if (kind === 'family') return this.familyContact(address);
    return this.personContact(address, 0.02);
  }

  // ── tenants ────────────────────────────────────────────────────────────────────────────

  private fillTenancies(): void {
    const rng = this.rng;
    const days = this.days;
    const eligible: number[] = [];
    const formerOwnerUnits: number[] = [];
    for (let u = 0; u < this.units.length; u += 1) {
      if (this.unitReserved[u] === 1) continue;
      if (this.unitOwnerOccupied[u] === 0) eligible.push(u);
      if (this.unitWeg[u] === 1 && this.unitForcedOwner[u] === 0) formerOwnerUnits.push(u);
    }
    const free = this.size - this.contacts.length;
    if (free < 0) throw new Error('demo portfolio too small for its owners');
    const reserve = Math.round(this.size * 0.12);
    const current = Math.max(0, Math.min(Math.round(eligible.length * 0.95), free - reserve));
    const rest = free - current;
    const upcoming = Math.min(Math.floor(rest * 0.12), eligible.length);
    const formerOwners = Math.min(Math.floor(rest * 0.1), formerOwnerUnits.length);
    let noContract = Math.floor(rest * 0.02);
    let formers = rest - upcoming - formerOwners - noContract;
    const capacity = eligible.length * MAX_FORMERS_PER_UNIT;
    if (formers > capacity) {
      noContract += formers - capacity;
      formers = capacity;
    }

    const hasCurrent = this.selectExactly(eligible.length, current);
    const hasUpcoming = this.selectExactly(eligible.length, upcoming);
    const formerCount = new Uint8Array(eligible.length);
    for (let x = 0; x < formers; x += 1) {
      let slot = rng.int(0, eligible.length - 1);
      while ((formerCount[slot] as number) >= MAX_FORMERS_PER_UNIT) slot = (slot + 1) % eligible.length;
      formerCount[slot] = (formerCount[slot] as number) + 1;
    }

    eligible.forEach((u, slot) => {
      const unitId = u + 1;
      const commercial = this.unitCommercial[u] === 1;
      // Random draws first, then dates: the draws never depend on `today`.
      const currentStartDraw = 30 + rng.expo(2600);
      const upcomingDraw = rng.int(1, 150);
      const vacantUpcomingDraw = rng.int(1, 180);
      const notice = rng.chance(0.03);
      const noticeDraw = rng.int(5, 200);
      const vacancyDraw = rng.int(1, 365);
      let earliest: number | null = null;
      if (hasCurrent[slot] === 1) {
        const start = days.firstOfMonth(-Math.min(9125, currentStartDraw));
        let end: number | null = null;
        if (hasUpcoming[slot] === 1) {
          const next = days.nextFirstOfMonth(upcomingDraw);
          end = next - 1;
          this.addContract(
            this.tenantContact(commercial, this.randomAddress()),
            unitId,
            'tenant',
            next,
            null,
          );
        } else if (notice) {
          end = days.lastOfMonth(noticeDraw);
        }
        const tenant = this.tenantContact(commercial, this.addressOfUnit(unitId));
        this.addContract(tenant, unitId, 'tenant', start, end);
        this.maybeRegister(tenant, start, end, 0.4);
        earliest = start;
      } else if (hasUpcoming[slot] === 1) {
        const next = days.nextFirstOfMonth(vacantUpcomingDraw);
        this.addContract(this.tenantContact(commercial, this.randomAddress()), unitId, 'tenant', next, null);
      }
      for (let x = 0; x < (formerCount[slot] as number); x += 1) {
        const gapDraw = rng.chance(0.7) ? 0 : rng.int(1, 90);
        const durationDraw = Math.min(2922, 180 + rng.expo(1800));
        const archivedDraw = rng.next();
        let end: number;
        if (earliest === null) end = -vacancyDraw;
        else end = days.lastOfMonth(earliest - 1 - gapDraw);
        const start = days.firstOfMonth(end - durationDraw);
        const tenant = this.tenantContact(commercial, this.randomAddress());
        this.addContract(tenant, unitId, 'tenant', start, end);
        const archived = archivedDraw < 0.3 && end < -730;
        if (archived) (this.contacts[tenant - 1] as ContactRow).archived = 1;
        this.maybeRegister(tenant, start, end, archived || end < -1095 ? 0 : 0.3);
        earliest = start;
      }
    });

    const sellers = this.selectExactly(formerOwnerUnits.length, formerOwners);
    formerOwnerUnits.forEach((u, slot) => {
      if (sellers[slot] !== 1) return;
      const k = rng.next();
      const durationDraw = Math.min(7300, 730 + rng.expo(3000));
      const archivedDraw = rng.next();
      const end = (this.unitOwnerStart[u] as number) - 1;
      const start = days.firstOfMonth(end - durationDraw);
      const seller = this.ownerContact(
        k < 0.6 ? 'person' : k < 0.9 ? 'family' : 'company',
        this.randomAddress(),
      );
      this.addContract(seller, u + 1, 'owner', start, end);
      const archived = archivedDraw < 0.4 && end < -730;
      if (archived) (this.contacts[seller - 1] as ContactRow).archived = 1;
      this.maybeRegister(seller, start, end, archived || end < -1095 ? 0 : 0.3);
    });

    for (let x = 0; x < noContract; x += 1) {
      const contact = this.personContact(this.randomAddress(), 0.02);
      (this.contacts[contact - 1] as ContactRow).note = 'Interessent – noch kein Vertrag.';
    }
  }

  private tenantContact(commercial: boolean, address: Address): number {
    const rng = this.rng;
    if (commercial) {
      const name = rng
        .pick(TRADE_COMPANIES)
        .replace('#', rng.pick(LAST_NAMES))
        .replace('#', rng.pick(LAST_NAMES))
        .replace('$', rng.pick(FEMALE_FIRST));
      return this.companyContact(name, address);
    }
    return rng.chance(0.08) ? this.familyContact(address) : this.personContact(address, 0.03);
  }

  /** Flags exactly k of n slots, uniformly (selection sampling). */
  private selectExactly(n: number, k: number): Uint8Array {
    const flags = new Uint8Array(n);
    let needed = k;
    for (let i = 0; i < n && needed > 0; i += 1) {
      if (this.rng.next() * (n - i) < needed) {
        flags[i] = 1;
        needed -= 1;
      }
    }
    return flags;
  }

  // ── contacts ───────────────────────────────────────────────────────────────────────────

  private personContact(address: Address, englishShare: number): number {
    const rng = this.rng;
    const english = rng.chance(englishShare);
    const r = rng.next();
    const salutation: Salutation = r < 0.49 ? 'mr' : r < 0.98 ? 'ms' : 'mx';
    const first =
      salutation === 'mx'
        ? rng.pick(NEUTRAL_FIRST)
        : english
          ? rng.pick(salutation === 'mr' ? ENGLISH_MALE : ENGLISH_FEMALE)
          : rng.pick(salutation === 'mr' ? MALE_FIRST : FEMALE_FIRST);
    const last = rng.pick(english ? ENGLISH_LAST : LAST_NAMES);
    const t = rng.next();
    const hasEmail = rng.chance(0.88);
    return this.addContact({
      salutation,
      title: t < 0.04 ? 'Dr.' : t < 0.05 ? 'Prof. Dr.' : null,
      first,
      last,
      language: english ? 'en' : 'de',
      email: hasEmail,
      preference: !hasEmail || rng.chance(0.1) ? 'postal' : 'online',
      address,
    });
  }

  private familyContact(address: Address): number {
    const hasEmail = this.rng.chance(0.85);
    return this.addContact({
      salutation: 'family',
      first: null,
      last: this.rng.pick(LAST_NAMES),
      language: 'de',
      email: hasEmail,
      preference: !hasEmail || this.rng.chance(0.15) ? 'postal' : 'online',
      address,
    });
  }

  private companyContact(name: string, address: Address): number {
    const hasEmail = this.rng.chance(0.95);
    return this.addContact({
      salutation: 'company',
      first: null,
      last: name,
      company: name,
      language: 'de',
      email: hasEmail,
      preference: hasEmail ? 'online' : 'postal',
      address,
    });
  }

  private addContact(spec: ContactSpec): number {
    const rng = this.rng;
    const id = this.contacts.length + 1;
    const address = spec.address;
    const phone = spec.phone !== undefined ? spec.phone : this.phone(address?.city ?? BERLIN);
    const noteDraw = rng.next();
    const note = spec.note !== undefined ? spec.note : noteDraw < 0.04 ? rng.pick(NOTES) : null;
    const sortName = sortNameOf({
      salutation: spec.salutation,
      firstName: spec.first,
      lastName: spec.last,
      company: spec.company ?? null,
    });
    this.contacts.push({
      id,
      salutation: spec.salutation,
      title: spec.title ?? null,
      first_name: spec.first,
      last_name: spec.last,
      company: spec.company ?? null,
      email: spec.email ? this.email(spec) : null,
      phone,
      language: spec.language,
      preference: spec.preference,
      reference_id: `K-${100000 + id}`,
      note,
      archived: 0,
      sort_name: sortName,
      street: address?.street ?? null,
      house_no: address?.houseNo ?? null,
      postcode: address?.postcode ?? null,
      city: address?.city.name ?? null,
    });
    return id;
  }

  private slug(text: string): string {
    let slug = this.slugs.get(text);
    if (slug === undefined) {
      slug = text
        .toLowerCase()
        .replace(/[äöüßı]/g, (ch) => TRANSLITERATION[ch] ?? ch)
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/['’.]/g, '')
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '');
      this.slugs.set(text, slug);
    }
    return slug;
  }

  /**
   * A unique address. Raw local parts never end in a digit except the `name42` pattern (exactly two
   * digits after letters), and collisions get a counter appended, so no two contacts share one.
   */
  private email(spec: ContactSpec): string {
    const rng = this.rng;
    if (spec.salutation === 'company') {
      const prefix = rng.pick(['info', 'kontakt', 'verwaltung']);
      const host = this.uniqueLocal(this.slug(spec.last).slice(0, 40));
      return `${prefix}@${host}.example.com`;
    }
    const domain = rng.pick(EMAIL_DOMAINS);
    const last = this.slug(spec.last);
    let local: string;
    if (spec.first === null) {
      local = `familie.${last}`;
    } else {
      const first = this.slug(spec.first);
      const r = rng.next();
      const digits = rng.int(10, 99);
      if (r < 0.6) local = `${first}.${last}`;
      else if (r < 0.8) local = `${first.charAt(0)}.${last}`;
      else if (r < 0.9) local = `${last}.${first}`;
      else local = `${first}${last}${digits}`.replace(/-/g, '');
    }
    return `${this.uniqueLocal(local)}@${domain}`;
  }

  private uniqueLocal(base: string): string {
    const seen = this.emailLocals.get(base);
    if (seen === undefined) {
      this.emailLocals.set(base, 1);
      return base;
    }
    this.emailLocals.set(base, seen + 1);
    return `${base}${base.includes('.') ? '' : '-'}${seen + 1}`;
  }

  private phone(city: City): string | null {
    const rng = this.rng;
    const r = rng.next();
    const mobile = rng.pick(MOBILE_PREFIXES);
    const digits = rng.next();
    if (r < 0.45) return `${mobile} ${1_000_000 + Math.floor(digits * 99_000_000)}`;
    if (r < 0.85) {
      const length = 11 - city.areaCode.length;
      const low = 10 ** (length - 1);
      return `${city.areaCode} ${low * 2 + Math.floor(digits * low * 7)}`;
    }
    return null;
  }

  private randomAddress(): Address {
    const rng = this.rng;
    const r = rng.next();
    const city = r < 0.35 ? BERLIN : rng.pick(CITIES);
    const suffix = rng.next();
    return {
      street: rng.pick(STREETS),
      houseNo: `${rng.int(1, 120)}${suffix < 0.05 ? 'a' : suffix < 0.08 ? 'b' : ''}`,
      postcode: pad(rng.int(city.postcodeFrom, city.postcodeTo), 5),
      city,
    };
  }

  // ── contracts and registrations ────────────────────────────────────────────────────────

  private addContract(
    contactId: number,
    unitId: number,
    type: ContractType,
    start: number,
    end: number | null,
  ): number {
    const id = this.contracts.length + 1;
    this.contracts.push({
      id,
      contact_id: contactId,
      unit_id: unitId,
      property_id: (this.units[unitId - 1] as UnitRow).property_id,
      type,
      number: '',
      start_date: this.days.date(start),
      end_date: end === null ? null : this.days.date(end),
    });
    return id;
  }

  /**
   * Registers a contact with probability p, on a day inside its contract, within the last five
   * years and before today. Always draws the same numbers so that `today` never shifts the stream.
   */
  private maybeRegister(contactId: number, start: number, end: number | null, p: number): void {
    const rng = this.rng;
    const chance = rng.next();
    const when = rng.next();
    const time = rng.next();
    const low = Math.max(start, REGISTRATION_HORIZON);
    const high = Math.min(end ?? -1, -1);
    if (chance >= p || low > high) return;
    this.accounts.push({
      contact_id: contactId,
      registered_at: this.timestamp(low + Math.floor(when * (high - low + 1)), time),
    });
  }

  /** An ISO timestamp on the day `offset`, between 06:00 and 19:00 UTC (same day in Berlin). */
  private timestamp(offset: number, fraction: number): string {
    const seconds = 6 * 3600 + Math.floor(fraction * 13 * 3600);
    const hh = pad(Math.floor(seconds / 3600), 2);
    const mm = pad(Math.floor(seconds / 60) % 60, 2);
    const ss = pad(seconds % 60, 2);
    return `${this.days.date(offset)}T${hh}:${mm}:${ss}.000Z`;
  }

  /** "MV-2024-0012" / "EV-2019-0003": per type and start year, in contract order. */
  private numberContracts(): void {
    const counters = new Map<string, number>();
    for (const contract of this.contracts) {
      const key = `${contract.type === 'tenant' ? 'MV' : 'EV'}-${contract.start_date.slice(0, 4)}`;
      const n = (counters.get(key) ?? 0) + 1;
      counters.set(key, n);
      contract.number = `${key}-${pad(n, 4)}`;
    }
  }
}
