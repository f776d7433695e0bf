import type { z } from 'zod';
import type { Access, ContractFacts, IsoDate } from '../../../shared/domain';
import { DomainError } from '../../../shared/errors';
import type { PropertyDetail, PropertySummary, UnitOption, UnitView } from '../../../shared/ipc';
import type { propertyInputSchema, unitInputSchema } from '../../../shared/contract/portfolio';
import { portfolioChanged, type CoreContext } from '../context';
import { contractRepository, type ContractViewRow } from '../db/contractRepository';
import { propertyRepository, type PropertyAddressRow, type PropertyRow } from '../db/propertyRepository';
import { unitRepository, type UnitRow, type UnitValues } from '../db/unitRepository';
import { grantEvaluator } from '../policy/access';
import { toContractView } from './portfolioViews';
import type { SettingsService } from './settingsService';

export type PropertyFields = z.output<typeof propertyInputSchema>;
export type UnitFields = z.output<typeof unitInputSchema>;

/** "Musterstraße 12, 10115 Berlin". */
export function formatAddress(address: {
  street: string;
  houseNo: string;
  postcode: string;
  city: string;
}): string {
  return `${address.street} ${address.houseNo}, ${address.postcode} ${address.city}`;
}

/** Unit numbers in natural order: "2" before "10", "3a" after "3". */
const unitOrder = new Intl.Collator('de', { numeric: true, sensitivity: 'base' });

function addressFields(row: PropertyAddressRow) {
  return { street: row.street, houseNo: row.house_no, postcode: row.postcode, city: row.city };
}

/**
 * Of a unit's contracts that have not ended today: those running today, and the next to start —
 * per type, the upcoming contract(s) with the earliest start (the next tenant and the next owner).
 */
function splitCurrentAndNext(
  views: readonly ContractViewRow[],
  today: IsoDate,
): { current: ContractViewRow[]; next: ContractViewRow[] } {
  const current = views.filter((v) => v.start_date <= today);
  const upcoming = views.filter((v) => v.start_date > today);
  const earliest = new Map<string, IsoDate>();
  for (const v of upcoming) {
    const first = earliest.get(v.type);
    if (first === undefined || v.start_date < first) earliest.set(v.type, v.start_date);
  }
  return { current, next: upcoming.filter((v) => earliest.get(v.type) === v.start_date) };
}

/** Liegenschaften and their Einheiten. */
export function propertyService(ctx: CoreContext, settings: SettingsService) {
  const properties = propertyRepository(ctx.store);
  const units = unitRepository(ctx.store);
  const contracts = contractRepository(ctx.store);

  async function requireProperty(id: number): Promise<PropertyRow> {
    const row = await properties.get(id);
    if (row === undefined) throw new DomainError('NOT_FOUND', { entity: 'property', id });
    return row;
  }

  async function refuseDuplicateReference(referenceId: string | null, ownId: number | null): Promise<void> {
    if (referenceId === null) return;
    const holder = await properties.idByReference(referenceId);
    if (holder !== undefined && holder !== ownId) {
      throw new DomainError('DUPLICATE_REFERENCE_ID', { referenceId });
    }
  }

  /** Views of units, each with its current and next contracts (contract views sorted by start). */
  function unitViews(unitRows: readonly UnitRow[], open: readonly ContractViewRow[]): UnitView[] {
    const today = ctx.clock.today();
    const evaluate: (c: ContractFacts) => Access = grantEvaluator(settings.getAccess(), today);
    const byUnit = new Map<number, ContractViewRow[]>();
    for (const view of open) {
      const list = byUnit.get(view.unit_id);
      if (list === undefined) byUnit.set(view.unit_id, [view]);
      else list.push(view);
    }
    return [...unitRows]
      .sort((a, b) => unitOrder.compare(a.number, b.number) || a.id - b.id)
      .map((unit) => {
        const { current, next } = splitCurrentAndNext(byUnit.get(unit.id) ?? [], today);
        return {
          id: unit.id,
          propertyId: unit.property_id,
          name: unit.name,
          number: unit.number,
          usage: unit.usage,
          referenceId: unit.reference_id,
          current: current.map((view) => toContractView(view, evaluate)),
          next: next.map((view) => toContractView(view, evaluate)),
        };
      });
  }

  async function detail(id: number): Promise<PropertyDetail> {
    const row = await requireProperty(id);
    return {
      id: row.id,
      name: row.name,
      referenceId: row.reference_id,
      addresses: (await properties.addresses(id)).map((a) => ({ id: a.id, ...addressFields(a) })),
      units: unitViews(
        await units.ofProperty(id),
        await contracts.openViewsOfProperty(id, ctx.clock.today()),
      ),
    };
  }

  async function unitView(id: number): Promise<UnitView> {
    const unit = await units.get(id);
    if (unit === undefined) throw new DomainError('NOT_FOUND', { entity: 'unit', id });
    const [view] = unitViews([unit], await contracts.openViewsOfUnit(id, ctx.clock.today()));
    if (view === undefined) throw new Error('unit view missing');
    return view;
  }

  async function stored(id: number): Promise<PropertyFields> {
    const row = await requireProperty(id);
    return {
      name: row.name,
      referenceId: row.reference_id,
      addresses: (await properties.addresses(id)).map(addressFields),
    };
  }

  /** Refusals of a unit's values, in the order the form shows its fields. */
  async function checkUnit(values: UnitValues, ownId: number | null): Promise<void> {
    if ((await properties.get(values.property_id)) === undefined) {
      throw new DomainError('UNKNOWN_PROPERTY', { propertyId: values.property_id });
    }
    const sameNumber = await units.idByNumber(values.property_id, values.number);
    if (sameNumber !== undefined && sameNumber !== ownId) {
      throw new DomainError('DUPLICATE_UNIT_NUMBER', { number: values.number });
    }
    if (values.reference_id !== null) {
      const holder = await units.idByReference(values.reference_id);
      if (holder !== undefined && holder !== ownId) {
        throw new DomainError('DUPLICATE_REFERENCE_ID', { referenceId: values.reference_id });
      }
    }
  }

  function unitValues(fields: UnitFields): UnitValues {
    return {
      property_id: fields.propertyId,
      name: fields.name,
      number: fields.number,
      usage: fields.usage,
      reference_id: fields.referenceId,
    };
  }

  return {
    detail,
    unitView,

    /** The units of a property as picker choices "WE 03 · 2. OG links", in unit-number order. */
    async unitOptions(propertyId: number): Promise<UnitOption[]> {
      await requireProperty(propertyId);
      return (await units.ofProperty(propertyId))
        .sort((a, b) => unitOrder.compare(a.number, b.number) || a.id - b.id)
        .map((unit) => ({ id: unit.id, label: `${unit.number} · ${unit.name}` }));
    },

    /** Every property by name, with its main address, units and contacts with an active contract today. */
    async list(): Promise<PropertySummary[]> {
      return (await properties.summaries(ctx.clock.today())).map((row) => ({
        id: row.id,
        name: row.name,
        referenceId: row.reference_id,
        address:
          row.street === null || row.house_no === null || row.postcode === null || row.city === null
            ? ''
            : formatAddress({
                street: row.street,
                houseNo: row.house_no,
                postcode: row.postcode,
                city: row.city,
              }),
        units: row.units,
        activeContacts: row.active_contacts,
      }));
    },

    async create(fields: PropertyFields): Promise<PropertyDetail> {
      await refuseDuplicateReference(fields.referenceId, null);
      const id = await ctx.change(
        async (audit) => {
          const created = await properties.insert(fields.name, fields.referenceId, ctx.clock.now());
          await properties.replaceAddresses(created, fields.addresses);
          audit({ action: 'property.create', entity: 'property', entityId: created, after: fields });
          return created;
        },
        { emits: portfolioChanged },
      );
      return detail(id);
    },

    /** Name, reference id and the addresses, which are replaced as a whole. */
    async update(id: number, fields: PropertyFields): Promise<PropertyDetail> {
      const before = await stored(id);
      await refuseDuplicateReference(fields.referenceId, id);
      if (JSON.stringify(before) === JSON.stringify(fields)) return detail(id);
      await ctx.change(
        async (audit) => {
          await properties.update(id, fields.name, fields.referenceId);
          await properties.replaceAddresses(id, fields.addresses);
          audit({ action: 'property.update', entity: 'property', entityId: id, before, after: fields });
        },
        { emits: portfolioChanged },
      );
      return detail(id);
    },

    async createUnit(fields: UnitFields): Promise<UnitView> {
      const values = unitValues(fields);
      await checkUnit(values, null);
      const id = await ctx.change(
        async (audit) => {
          const created = await units.insert(values);
          audit({ action: 'unit.create', entity: 'unit', entityId: created, after: fields });
          return created;
        },
        { emits: portfolioChanged },
      );
      return unitView(id);
    },

    /** A unit moved to another property takes its contracts along (their property_id follows). */
    async updateUnit(id: number, fields: UnitFields): Promise<UnitView> {
      const row = await units.get(id);
      if (row === undefined) throw new DomainError('NOT_FOUND', { entity: 'unit', id });
      const values = unitValues(fields);
      await checkUnit(values, id);
      const before: UnitFields = {
        propertyId: row.property_id,
        name: row.name,
        number: row.number,
        usage: row.usage,
        referenceId: row.reference_id,
      };
      if (JSON.stringify(before) === JSON.stringify(fields)) return unitView(id);
      await ctx.change(
        async (audit) => {
          await units.update(id, values);
          if (row.property_id !== values.property_id)
            await contracts.movePropertyOfUnit(id, values.property_id);
          audit({ action: 'unit.update', entity: 'unit', entityId: id, before, after: fields });
        },
        { emits: portfolioChanged },
      );
      return unitView(id);
    },
  };
}
export type PropertyService = ReturnType<typeof propertyService>;
