import type { z } from 'zod';
import type { IsoDate } from '../../../shared/domain';
import { DomainError } from '../../../shared/errors';
import type { ContactDetail } from '../../../shared/ipc';
import type { contractInputSchema } from '../../../shared/contract/portfolio';
import { portfolioChanged, type CoreContext } from '../context';
import { contactRepository } from '../db/contactRepository';
import { contractRepository, type ContractRow, type ContractValues } from '../db/contractRepository';
import { unitRepository } from '../db/unitRepository';
import type { ContactService } from './contactService';

export type ContractFields = z.output<typeof contractInputSchema>;

function asFields(row: ContractRow): ContractFields & { propertyId: number } {
  return {
    contactId: row.contact_id,
    unitId: row.unit_id,
    propertyId: row.property_id,
    type: row.type,
    number: row.number,
    start: row.start_date,
    end: row.end_date,
  };
}

/** Verträge: a contact's tenancies and ownerships of units. Each answer is the contact's page. */
export function contractService(ctx: CoreContext, contacts: ContactService) {
  const contactRows = contactRepository(ctx.db);
  const units = unitRepository(ctx.store);
  const contracts = contractRepository(ctx.store);

  async function requireContract(id: number): Promise<ContractRow> {
    const row = await contracts.get(id);
    if (row === undefined) throw new DomainError('NOT_FOUND', { entity: 'contract', id });
    return row;
  }

  /** The contract, if its contact may be changed (not anonymised: CONTACT_ANONYMISED). */
  async function requireEditable(id: number): Promise<ContractRow> {
    const row = await requireContract(id);
    contacts.requireEditable(row.contact_id);
    return row;
  }

  /**
   * The row to store for `fields`, or the refusal: UNKNOWN_CONTACT, CONTACT_ANONYMISED, UNKNOWN_UNIT,
   * END_BEFORE_START, OVERLAPPING_CONTRACT (another contract of the same contact on the same unit of
   * the same type whose days overlap; open-ended = for ever). The property comes from the unit.
   */
  async function checked(fields: ContractFields, ownId: number): Promise<ContractValues> {
    if (contactRows.get(fields.contactId) === undefined) {
      throw new DomainError('UNKNOWN_CONTACT', { contactId: fields.contactId });
    }
    contacts.requireEditable(fields.contactId);
    const unit = await units.get(fields.unitId);
    if (unit === undefined) throw new DomainError('UNKNOWN_UNIT', { unitId: fields.unitId });
    refuseEndBeforeStart(fields.start, fields.end);
    const other = await contracts.findOverlap(
      fields.contactId,
      fields.unitId,
      fields.type,
      fields.start,
      fields.end,
      ownId,
    );
    if (other !== undefined) {
      throw new DomainError('OVERLAPPING_CONTRACT', {
        contractId: other.id,
        number: other.number,
        start: other.start_date,
        end: other.end_date,
      });
    }
    return {
      contact_id: fields.contactId,
      unit_id: fields.unitId,
      property_id: unit.property_id,
      type: fields.type,
      number: fields.number,
      start_date: fields.start,
      end_date: fields.end,
    };
  }

  return {
    async create(fields: ContractFields): Promise<ContactDetail> {
      const id = await ctx.change(
        async (audit) => {
          const values = await checked(fields, 0);
          const created = await contracts.insert(values);
          audit({
            action: 'contract.create',
            entity: 'contract',
            entityId: created,
            after: asFields({ ...values, id: created }),
          });
          return created;
        },
        { emits: portfolioChanged },
      );
      return contacts.detail((await requireContract(id)).contact_id);
    },

    /** Any field, the contact and the unit included; the answer is the (new) contact's page. */
    async update(id: number, fields: ContractFields): Promise<ContactDetail> {
      const row = await requireEditable(id);
      const before = asFields(row);
      const values = await checked(fields, id);
      const after = asFields({ ...values, id });
      if (JSON.stringify(before) === JSON.stringify(after)) return contacts.detail(fields.contactId);
      await ctx.change(
        async (audit) => {
          await contracts.update(id, values);
          audit({ action: 'contract.update', entity: 'contract', entityId: id, before, after });
        },
        { emits: portfolioChanged },
      );
      return contacts.detail(fields.contactId);
    },

    /**
     * Ends a contract on `end` (its last day). An open-ended or later-ending contract may be ended
     * (or ended earlier); one that already ended before `end` is refused: CONTRACT_ALREADY_ENDED.
     */
    async end(id: number, end: IsoDate): Promise<ContactDetail> {
      const row = await requireEditable(id);
      if (row.end_date !== null && row.end_date < end) {
        throw new DomainError('CONTRACT_ALREADY_ENDED', { end: row.end_date });
      }
      refuseEndBeforeStart(row.start_date, end);
      if (row.end_date === end) return contacts.detail(row.contact_id);
      await ctx.change(
        async (audit) => {
          await contracts.setEnd(id, end);
          audit({
            action: 'contract.end',
            entity: 'contract',
            entityId: id,
            before: { end: row.end_date },
            after: { end },
          });
        },
        { emits: portfolioChanged },
      );
      return contacts.detail(row.contact_id);
    },
  };
}
export type ContractService = ReturnType<typeof contractService>;

function refuseEndBeforeStart(start: IsoDate, end: IsoDate | null): void {
  if (end !== null && end < start) throw new DomainError('END_BEFORE_START', { start, end });
}
