import type { Access, Grant, IsoDate } from '../../../shared/domain';
import { DomainError } from '../../../shared/errors';
import type { z } from 'zod';
import type {
  ContactDetail,
  ContactFields,
  ContactListItem,
  ContactListPage,
  ContactName,
} from '../../../shared/ipc';
import { CONTACT_COUNT_BOUND, type contactListQuerySchema } from '../../../shared/contract/portfolio';
import { portfolioChanged, type CoreContext } from '../context';
import { accessBounds } from '../db/accessRepository';
import { contactSearchMatch } from '../db/contactKeys';
import { portfolioRepository } from '../db/portfolioRepository';
import { contactRepository, type ContactRow } from '../db/contactRepository';
import { contractRepository, toContractFacts, type ContractPlaceRow } from '../db/contractRepository';
import { contactAccess, groupContractsByContact, inviteEligibility } from '../policy';
import { grantEvaluator } from '../policy/access';
import { contactInvitationState } from '../policy/invitationState';
import {
  contactFacts,
  contactFieldsOfRow,
  displayName,
  invitationSummary,
  nameOfRow,
  toContact,
  toContactContractView,
  toContractView,
} from './portfolioViews';
import type { OutboxService } from './outboxService';
import type { SettingsService } from './settingsService';

export type ContactListQueryValue = z.output<typeof contactListQuerySchema>;

/**
 * The list's place of a contact: the unit of the contract giving access, else of its latest
 * contract (`ofContact` is ordered by start), and how many other units its contracts name.
 */
function placesOf(
  ofContact: readonly ContractPlaceRow[],
  accessContractId: number | null,
): Pick<ContactListItem, 'place' | 'otherPlaces'> {
  const chosen = ofContact.find((contract) => contract.id === accessContractId) ?? ofContact.at(-1);
  if (chosen === undefined) return { place: null, otherPlaces: 0 };
  const units = new Set(ofContact.map((contract) => contract.unit_id));
  return {
    place: {
      propertyName: chosen.property_name,
      unitNumber: chosen.unit_number,
      unitName: chosen.unit_name,
    },
    otherPlaces: units.size - 1,
  };
}

/** No search and no filter but access and archived: counted exactly from the access figures. */
function isWholeList(query: ContactListQueryValue): boolean {
  return (
    contactSearchMatch(query.search) === null &&
    query.propertyId === null &&
    query.contractType === null &&
    query.invitation === null
  );
}

function sameFields(a: ContactFields, b: ContactFields): boolean {
  return (Object.keys(a) as (keyof ContactFields)[]).every((key) => a[key] === b[key]);
}

/** Kontakte: the paged list, one contact in full, and its master data. */
export function contactService(ctx: CoreContext, settings: SettingsService, outbox: OutboxService) {
  const contacts = contactRepository(ctx.db);
  const portfolioRows = portfolioRepository(ctx.store);
  const contracts = contractRepository(ctx.store);

  function requireContact(id: number): ContactRow {
    const row = contacts.get(id);
    if (row === undefined) throw new DomainError('NOT_FOUND', { entity: 'contact', id });
    return row;
  }

  /**
   * The contact, if it may be changed: an anonymised one is read-only (CONTACT_ANONYMISED), so that
   * no one re-personalises a record whose personal data was removed for data protection. Its
   * contracts are checked here too (contractService); inviting and sharing by the policy.
   */
  function requireEditable(id: number): ContactRow {
    const row = requireContact(id);
    if (row.anonymised_at !== null) {
      throw new DomainError('CONTACT_ANONYMISED', { contactId: id, anonymisedAt: row.anonymised_at });
    }
    return row;
  }

  function refuseDuplicateReference(referenceId: string, ownId: number | null): void {
    const holder = contacts.idByReference(referenceId);
    if (holder !== undefined && holder !== ownId) {
      throw new DomainError('DUPLICATE_REFERENCE_ID', { referenceId });
    }
  }

  /** Everything the contact page shows, as of today under the settings in force. */
  async function detail(id: number): Promise<ContactDetail> {
    const row = requireContact(id);
    const today = ctx.clock.today();
    const current = settings.getAccess();
    const registeredAt = contacts.registeredAt(id);
    const facts = contactFacts(row, registeredAt !== null);
    const views = await contracts.viewsOfContact(id);
    const contractFacts = views.map(toContractFacts);
    const latest = contacts.latestInvitation(id);
    const evaluate = grantEvaluator(current, today);
    return {
      contact: toContact(row),
      contracts: views.map((view) => toContactContractView(toContractView(view, evaluate), current, today)),
      access: contactAccess(facts, contractFacts, current, today),
      invitation: latest === undefined ? null : invitationSummary(latest, today),
      invitationState: contactInvitationState(
        facts.registered,
        latest === undefined ? null : { state: latest.state, expiresOn: latest.expires_on },
        today,
      ),
      registeredAt,
      eligibility: inviteEligibility(facts, contractFacts, current, today),
      today,
    };
  }

  function audited(action: string, id: number, before: unknown, after: unknown) {
    return { action, entity: 'contact', entityId: id, before, after };
  }

  /** The chips of the whole list, from the maintained access figures (archived contacts have none). */
  async function wholeListCounts(today: IsoDate, includeArchived: boolean): Promise<Record<Grant, number>> {
    const { byGrant } = (await ctx.figures()).accessOn(today);
    const archived = includeArchived ? await portfolioRows.archivedContacts() : 0;
    return { ...byGrant, none: byGrant.none + archived };
  }

  return {
    detail,
    requireEditable,

    /** The display names of `ids`, in their order; unknown ids are left out. */
    names(ids: readonly number[]): ContactName[] {
      return ids.flatMap((id) => {
        const row = contacts.get(id);
        return row === undefined ? [] : [{ id, displayName: displayName(nameOfRow(row)) }];
      });
    },

    /**
     * One page of contacts matching every filter, ordered by sort name, with the access filter
     * chips' counts (matches of every other filter by access today) and the total.
     */
    async list(query: ContactListQueryValue): Promise<ContactListPage> {
      const today = ctx.clock.today();
      const current = settings.getAccess();
      const bounds = accessBounds(current, today);
      const whole = isWholeList(query);
      const countBound = whole ? null : CONTACT_COUNT_BOUND;
      const countsByAccess = whole
        ? await wholeListCounts(today, query.includeArchived)
        : contacts.countByAccessUpTo(query, bounds, CONTACT_COUNT_BOUND);
      const sum = countsByAccess.active + countsByAccess.pre + countsByAccess.post + countsByAccess.none;
      const total = Math.min(
        query.access === null ? sum : countsByAccess[query.access],
        countBound === null ? Infinity : countBound + 1,
      );
      const capped = countBound !== null && total > countBound;
      const rows =
        total > query.offset || capped ? contacts.listPage(query, bounds, query.offset, query.limit) : [];
      const placed = await contracts.placesOfContacts(rows.map((row) => row.id));
      const byContact = groupContractsByContact(placed.map(toContractFacts));
      const items = rows.map((row): ContactListItem => {
        const registered = row.registered === 1;
        const access: Access = contactAccess(
          contactFacts(row, registered),
          byContact.get(row.id) ?? [],
          current,
          today,
        );
        return {
          id: row.id,
          displayName: displayName(nameOfRow(row)),
          referenceId: row.reference_id,
          email: row.email,
          archived: row.archived === 1,
          anonymised: row.anonymised_at !== null,
          access,
          invitation: row.invitation,
          registered,
          ...placesOf(
            placed.filter((contract) => contract.contact_id === row.id),
            access.contractId,
          ),
        };
      });
      return { total, items, countsByAccess, countBound };
    },

    async create(fields: ContactFields): Promise<ContactDetail> {
      refuseDuplicateReference(fields.referenceId, null);
      const id = await ctx.change(
        async (audit) => {
          const created = contacts.insert(fields);
          audit(audited('contact.create', created, undefined, { ...fields, archived: false }));
          return created;
        },
        { emits: portfolioChanged },
      );
      return detail(id);
    },

    async update(id: number, fields: ContactFields): Promise<ContactDetail> {
      const row = requireEditable(id);
      refuseDuplicateReference(fields.referenceId, id);
      const before = contactFieldsOfRow(row);
      if (sameFields(before, fields)) return detail(id);
      await ctx.change(
        async (audit) => {
          contacts.update(id, fields);
          audit(audited('contact.update', id, before, fields));
          // Mail queued to the old address is not sent to it (nor to the new one unasked).
          if (fields.email !== before.email) outbox.withdrawOnAddressChange(audit, id, fields.email);
        },
        { emits: portfolioChanged },
      );
      return detail(id);
    },

    /**
     * Archiving keeps the contact and its contracts; an archived contact has no access. An
     * anonymised contact stays archived.
     */
    async setArchived(id: number, archived: boolean): Promise<ContactDetail> {
      const row = requireEditable(id);
      if ((row.archived === 1) === archived) return detail(id);
      await ctx.change(
        async (audit) => {
          contacts.setArchived(id, archived);
          audit(
            audited(
              archived ? 'contact.archive' : 'contact.unarchive',
              id,
              { archived: !archived },
              { archived },
            ),
          );
        },
        { emits: portfolioChanged },
      );
      return detail(id);
    },
  };
}
export type ContactService = ReturnType<typeof contactService>;
