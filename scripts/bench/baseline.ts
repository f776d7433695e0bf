/**
 * The comparison the benchmark prints beside every figure: the same questions answered the way a
 * plain electron-store design would answer them. The whole portfolio — contacts (with their
 * registration), contracts, units, invitations, outbox — is ONE JSON document on disk, read with
 * JSON.parse, questions are answered by filtering its arrays in JavaScript with the same pure policy
 * functions the app uses (so only the storage differs), and every change writes the whole document
 * again (JSON.stringify, write to a temporary file, fsync, rename: what electron-store's atomic write
 * does).
 *
 * Generous to the baseline: the document is parsed once and kept in memory (electron-store re-reads
 * and parses the file on every `store.get`), it is written without indentation (electron-store
 * indents with a tab by default), and each contact carries its precomputed search key.
 */
import fs from 'node:fs';
import type { AccessSettings, ContactFacts, ContractFacts, Grant, IsoDate } from '../../shared/domain';
import type { InvitationChannel } from '../../shared/ipc';
import type { DemoPortfolio } from '../../src-main/core/demo/generate';
import { searchKey } from '../../src-main/core/db/contactKeys';
import { invitationMail } from '../../src-main/core/mail/invitationMail';
import {
  contactAccess,
  groupContractsByContact,
  inviteEligibility,
  resolveRoleShare,
  seatUsage,
  settingsImpact,
} from '../../src-main/core/policy';
import { grantEvaluator, strongestAccess } from '../../src-main/core/policy/access';
import { addDays } from '../../shared/dates';
import { generateInvitationCode, hashInvitationCode } from '../../src-main/core/services/invitationCode';
import { defaultOrganisation } from '../../src-main/core/services/organisationService';
import { displayName } from '../../src-main/core/services/portfolioViews';
import type { Salutation } from '../../shared/ipc';

export interface JsonContact extends ContactFacts {
  salutation: Salutation;
  title: string | null;
  firstName: string | null;
  lastName: string;
  company: string | null;
  email: string | null;
  language: 'de' | 'en';
  preference: 'postal' | 'online';
  referenceId: string;
  /** Lower-cased "last first", for the prefix search. */
  sortName: string;
  /** Left out of the reduced document (see `buildDocument`). */
  phone?: string | null;
  note?: string | null;
  street?: string | null;
  houseNo?: string | null;
  postcode?: string | null;
  city?: string | null;
}

export interface JsonContract extends ContractFacts {
  number: string;
}

export interface JsonInvitation {
  id: number;
  contactId: number;
  codeHash: string;
  createdAt: string;
  expiresOn: IsoDate;
  channel: InvitationChannel;
  state: 'pending' | 'redeemed' | 'expired' | 'revoked';
}

export interface BaselineDocument {
  settings: AccessSettings;
  properties: { id: number; name: string }[];
  units: { id: number; propertyId: number; name: string; number: string }[];
  contacts: JsonContact[];
  contracts: JsonContract[];
  invitations: JsonInvitation[];
  outbox: { id: number; contactId: number; recipient: string; subject: string; text: string; html: string }[];
}

/**
 * The portfolio as the one JSON document. `reduced` leaves out what no question needs (phone, note,
 * postal address, unit names): V8 cannot hold a string longer than 2^29 − 24 characters (~512 MiB),
 * so the full document of a million contacts cannot be written or read by JSON at all.
 */
export function buildDocument(
  portfolio: DemoPortfolio,
  settings: AccessSettings,
  reduced: boolean,
): BaselineDocument {
  const registered = new Set(portfolio.portalAccounts.map((a) => a.contact_id));
  return {
    settings,
    properties: portfolio.properties.map((p) => ({ id: p.id, name: p.name })),
    units: reduced
      ? []
      : portfolio.units.map((u) => ({ id: u.id, propertyId: u.property_id, name: u.name, number: u.number })),
    contacts: portfolio.contacts.map((c) => {
      const contact: JsonContact = {
        id: c.id,
        salutation: c.salutation,
        title: c.title,
        firstName: c.first_name,
        lastName: c.last_name,
        company: c.company,
        email: c.email,
        language: c.language,
        preference: c.preference,
        referenceId: c.reference_id,
        archived: c.archived === 1,
        registered: registered.has(c.id),
        sortName: c.sort_name,
      };
      if (!reduced) {
        Object.assign(contact, {
          phone: c.phone,
          note: c.note,
          street: c.street,
          houseNo: c.house_no,
          postcode: c.postcode,
          city: c.city,
        });
      }
      return contact;
    }),
    contracts: portfolio.contracts.map((k) => ({
      id: k.id,
      contactId: k.contact_id,
      unitId: k.unit_id,
      propertyId: k.property_id,
      type: k.type,
      number: k.number,
      start: k.start_date,
      end: k.end_date,
    })),
    invitations: [],
    outbox: [],
  };
}

/** electron-store's write: serialise everything, write a temporary file, fsync it, rename it over. */
export function writeDocument(file: string, doc: BaselineDocument): number {
  const text = JSON.stringify(doc);
  const temporary = `${file}.tmp`;
  const fd = fs.openSync(temporary, 'w');
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temporary, file);
  return text.length;
}

export function readDocument(file: string): BaselineDocument {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as BaselineDocument;
}

export interface ListItem {
  id: number;
  displayName: string;
  referenceId: string;
  email: string | null;
  grant: Grant;
}

const PAGE = 50;

function nameOf(c: JsonContact): string {
  return displayName(c);
}

function byName(a: JsonContact, b: JsonContact): number {
  return a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : a.id - b.id;
}

/** The questions, answered over the in-memory document; changes write it back whole. */
export function baselineStore(file: string, doc: BaselineDocument, today: IsoDate) {
  const write = () => writeDocument(file, doc);

  /** Contracts of the given contacts, in one pass over all contracts. */
  function contractsOf(ids: ReadonlySet<number>): JsonContract[] {
    return doc.contracts.filter((k) => ids.has(k.contactId));
  }

  function countsAndPage(matches: JsonContact[], grant: Grant | null) {
    const ids = new Set(matches.map((c) => c.id));
    const byContact = groupContractsByContact(contractsOf(ids));
    const evaluate = grantEvaluator(doc.settings, today);
    const counts: Record<Grant, number> = { active: 0, pre: 0, post: 0, none: 0 };
    const selected: { contact: JsonContact; grant: Grant }[] = [];
    for (const contact of matches) {
      const own = byContact.get(contact.id);
      const g = contact.archived || own === undefined ? 'none' : strongestAccess(own, evaluate).grant;
      counts[g] += 1;
      if (grant === null || g === grant) selected.push({ contact, grant: g });
    }
    selected.sort((a, b) => byName(a.contact, b.contact));
    const items: ListItem[] = selected.slice(0, PAGE).map(({ contact, grant: g }) => ({
      id: contact.id,
      displayName: nameOf(contact),
      referenceId: contact.referenceId,
      email: contact.email,
      grant: g,
    }));
    return { total: selected.length, items, countsByAccess: counts };
  }

  function judgeProperty(propertyId: number) {
    const ids = new Set<number>();
    for (const k of doc.contracts) if (k.propertyId === propertyId) ids.add(k.contactId);
    const byContact = groupContractsByContact(contractsOf(ids));
    const latest = new Map<number, JsonInvitation>();
    for (const i of doc.invitations) if (ids.has(i.contactId)) latest.set(i.contactId, i);
    const contacts = doc.contacts.filter((c) => ids.has(c.id)).sort(byName);
    return contacts.map((contact) => {
      const eligibility = inviteEligibility(contact, byContact.get(contact.id) ?? [], doc.settings, today);
      const open = latest.get(contact.id);
      const pending = open !== undefined && open.state === 'pending' && open.expiresOn >= today;
      return { contact, allowed: eligibility.allowed && !pending };
    });
  }

  return {
    write,

    /** One contact's access (contacts.find + contracts.filter + the policy). */
    access(contactId: number) {
      const contact = doc.contacts.find((c) => c.id === contactId);
      if (contact === undefined) throw new Error(`no contact ${contactId}`);
      const own = doc.contracts.filter((k) => k.contactId === contactId);
      return contactAccess(contact, own, doc.settings, today);
    },

    roleShare(propertyId: number, role: 'all' | 'tenant' | 'owner') {
      return resolveRoleShare(
        { propertyId, unitIds: null, role },
        doc.contacts,
        doc.contracts,
        doc.settings,
        today,
      );
    },

    seats() {
      return seatUsage(doc.contacts, doc.contracts, doc.settings, today);
    },

    /** The overview: counts, contacts by access, seats. */
    overview() {
      const byContact = groupContractsByContact(doc.contracts);
      const evaluate = grantEvaluator(doc.settings, today);
      const counts: Record<Grant, number> = { active: 0, pre: 0, post: 0, none: 0 };
      let seats = 0;
      let contacts = 0;
      for (const contact of doc.contacts) {
        if (contact.archived) continue;
        contacts += 1;
        const own = byContact.get(contact.id);
        const grant = own === undefined ? 'none' : strongestAccess(own, evaluate).grant;
        counts[grant] += 1;
        if (contact.registered && grant !== 'none') seats += 1;
      }
      return {
        properties: doc.properties.length,
        units: doc.units.length,
        contacts,
        contracts: doc.contracts.length,
        contactsByAccess: counts,
        seats: { used: seats, quota: doc.settings.seatQuota },
      };
    },

    impact(next: AccessSettings) {
      return settingsImpact(doc.contacts, doc.contracts, doc.settings, next, today);
    },

    /** The contact list filtered by a name, e-mail or reference prefix: first page and counts. */
    search(text: string) {
      const key = searchKey(text);
      const matches = doc.contacts.filter(
        (c) =>
          !c.archived &&
          (c.sortName.startsWith(key) ||
            (c.email !== null && c.email.toLowerCase().startsWith(key)) ||
            c.referenceId.toLowerCase().startsWith(key)),
      );
      return countsAndPage(matches, null);
    },

    /** The first page of the contact list, sorted by name, of the contacts in one access state. */
    listPage(grant: Grant) {
      return countsAndPage(
        doc.contacts.filter((c) => !c.archived),
        grant,
      );
    },

    /** One small change: a contact's e-mail, then the whole document written. */
    updateContact(contactId: number, email: string) {
      const contact = doc.contacts.find((c) => c.id === contactId);
      if (contact === undefined) throw new Error(`no contact ${contactId}`);
      contact.email = email;
      return write();
    },

    /** Settings saved (one change): the whole document written. */
    updateSettings(next: AccessSettings) {
      doc.settings = next;
      return write();
    },

    invitePreview(propertyId: number) {
      return judgeProperty(propertyId);
    },

    /**
     * Invites every eligible contact of the property: code, hash, e-mail text in the outbox, one
     * invitation row each, then the document written once. (No letter PDF: see the app's figure.)
     */
    inviteProperty(propertyId: number) {
      const expiresOn = addDays(today, 30);
      const now = new Date().toISOString();
      let invited = 0;
      for (const { contact, allowed } of judgeProperty(propertyId)) {
        if (!allowed) continue;
        const code = generateInvitationCode();
        const online = contact.preference === 'online' && contact.email !== null;
        const id = doc.invitations.length + 1;
        doc.invitations.push({
          id,
          contactId: contact.id,
          codeHash: hashInvitationCode(code, 'baseline'),
          createdAt: now,
          expiresOn,
          channel: online ? 'email' : 'letter',
          state: 'pending',
        });
        if (online && contact.email !== null) {
          const mail = invitationMail({
            language: contact.language,
            addressee: contact,
            code,
            expiresOn,
            organisation: defaultOrganisation,
          });
          doc.outbox.push({
            id: doc.outbox.length + 1,
            contactId: contact.id,
            recipient: contact.email,
            subject: mail.subject,
            text: mail.text,
            html: mail.html,
          });
        }
        invited += 1;
      }
      write();
      return invited;
    },
  };
}
export type BaselineStore = ReturnType<typeof baselineStore>;
