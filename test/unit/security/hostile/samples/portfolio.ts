/** Valid samples of the portfolio channels: properties, units, contacts and contracts. */
import type { portfolioChannels } from '../../../../../shared/contract/portfolio';
import type { Fixture } from '../fixture';
import { k, none, page, type SamplesOf } from '../kinds';

const salutations = ['mr', 'ms', 'mx', 'company', 'family'] as const;

/** The contact list's filters (contacts.list, contacts.export). */
export const contactFilterFields = {
  search: k.optText(100, { nullable: false, optional: true }),
  access: k.enum(['active', 'pre', 'post', 'none'], { nullable: true, optional: true }),
  propertyId: k.id({ nullable: true, optional: true }),
  contractType: k.enum(['tenant', 'owner'], { nullable: true, optional: true }),
  invitation: k.enum(['none', 'pending', 'redeemed', 'expired', 'revoked'], {
    nullable: true,
    optional: true,
  }),
  includeArchived: k.bool({ optional: true }),
};

export function portfolioSamples(f: Fixture): SamplesOf<keyof typeof portfolioChannels> {
  const property = {
    name: 'Sicherheitshaus Nord',
    referenceId: 'L-SEC-NEW',
    addresses: [{ street: 'Prüfweg', houseNo: '9a', postcode: '10115', city: 'Berlin' }],
  };
  const propertyFields = {
    name: k.reqText(120),
    referenceId: k.optText(40),
    addresses: k.list(1, 20),
    'addresses.0.street': k.reqText(120),
    'addresses.0.houseNo': k.reqText(20),
    'addresses.0.postcode': k.postcode(),
    'addresses.0.city': k.reqText(80),
  };
  const unitFields = {
    propertyId: k.id(),
    name: k.reqText(80),
    number: k.reqText(20),
    usage: k.enum(['private', 'commercial']),
    referenceId: k.optText(40),
  };
  const contact = {
    salutation: 'ms' as const,
    title: 'Dr.',
    firstName: 'Erika',
    lastName: 'Musterfrau',
    company: 'Muster GmbH',
    email: 'erika.musterfrau@example.com',
    phone: '030 1234567',
    language: 'de' as const,
    preference: 'online' as const,
    referenceId: 'K-SEC-NEW',
    note: 'Schlüssel beim Hausmeister',
    street: 'Prüfweg',
    houseNo: '9a',
    postcode: '10115',
    city: 'Berlin',
  };
  const contactFields = {
    salutation: k.enum(salutations),
    title: k.optText(40),
    firstName: k.optText(80),
    lastName: k.reqText(120),
    company: k.optText(120),
    email: k.email(),
    phone: k.optText(40),
    language: k.enum(['de', 'en']),
    preference: k.enum(['postal', 'online']),
    referenceId: k.reqText(40),
    note: k.optText(2000),
    street: k.optText(120),
    houseNo: k.optText(20),
    postcode: k.optText(10),
    city: k.optText(80),
  };
  const contractFields = (domainEnd: string, domainStart: string) => ({
    contactId: k.id(),
    unitId: k.id(),
    type: k.enum(['tenant', 'owner']),
    number: k.reqText(40),
    start: k.date({ domain: [domainStart] }),
    end: k.date({ nullable: true, domain: [domainEnd] }),
  });

  return {
    'portfolio.overview': none,
    'properties.list': none,
    'properties.get': [{ payload: { id: f.propertyId }, fields: { id: k.id() } }],
    'properties.create': [{ payload: property, fields: propertyFields }],
    'properties.update': [
      {
        payload: { ...property, name: 'Sicherheitshaus', referenceId: 'L-SEC', id: f.propertyId },
        fields: { ...propertyFields, id: k.id() },
      },
    ],
    'units.create': [
      {
        payload: {
          propertyId: f.propertyId,
          name: 'Gewerbe EG',
          number: 'SEC-NEW',
          usage: 'commercial',
          referenceId: 'E-1',
        },
        fields: unitFields,
      },
    ],
    'units.update': [
      {
        payload: {
          id: f.emptyUnitId,
          propertyId: f.propertyId,
          name: 'Laden',
          number: 'SEC-4',
          usage: 'commercial',
          referenceId: null,
        },
        fields: { ...unitFields, id: k.id() },
      },
    ],
    'units.options': [{ payload: { propertyId: f.propertyId }, fields: { propertyId: k.id() } }],
    'contacts.list': [
      {
        payload: {
          search: 'prüf',
          access: 'active',
          propertyId: f.propertyId,
          contractType: 'tenant',
          invitation: 'none',
          includeArchived: true,
          offset: 0,
          limit: 50,
        },
        fields: { ...contactFilterFields, ...page(10_000_000) },
      },
    ],
    'contacts.get': [{ payload: { id: f.contactId }, fields: { id: k.id() } }],
    'contacts.names': [{ payload: { ids: [f.contactId] }, fields: { ids: k.ids(1000) } }],
    'contacts.create': [{ payload: contact, fields: contactFields }],
    'contacts.update': [
      {
        payload: { ...contact, referenceId: 'K-SEC-1', id: f.contactId },
        fields: { ...contactFields, id: k.id() },
      },
    ],
    'contacts.setArchived': [
      { payload: { id: f.contactId, archived: true }, fields: { id: k.id(), archived: k.bool() } },
    ],
    'contracts.create': [
      {
        payload: {
          contactId: f.contactId,
          unitId: f.emptyUnitId,
          type: 'owner',
          number: 'V-SEC-NEW',
          start: '2026-12-01',
          end: '2027-11-30',
        },
        fields: contractFields('2026-11-30', '2027-12-01'),
      },
    ],
    'contracts.update': [
      {
        payload: {
          id: f.contractId,
          contactId: f.contactId,
          unitId: f.unitId,
          type: 'tenant',
          number: 'V-K-SEC-1',
          start: '2026-01-01',
          end: '2027-06-30',
        },
        fields: { ...contractFields('2025-12-31', '2027-07-01'), id: k.id() },
      },
    ],
    'contracts.end': [
      {
        payload: { id: f.contractId, end: '2026-12-31' },
        fields: { id: k.id(), end: k.date({ domain: ['2025-12-31'] }) },
      },
    ],
  };
}
