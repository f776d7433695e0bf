/**
 * Hostile IPC (docs/SECURITY.md): every contract channel gets generated invalid payloads and must
 * refuse each one with a coded error — from `errorCodes`, never INTERNAL, never a thrown exception —
 * leaving the data store byte-for-byte as it was.
 *
 * The payloads are not random noise: each channel has a table of VALID samples (below) that reference
 * real rows of the demo portfolio, and every case breaks exactly one thing of one sample — one field
 * replaced by a value that is invalid for that field, or the shape of one object (an unknown key, a
 * prototype-pollution key, an array or a scalar where an object belongs). So a case that gets through
 * is a hole in that field's validation, not an accident of the rest of the payload. A control test runs
 * every valid sample on its own copy of the same data store and expects it to succeed.
 *
 * Most refusals come from the zod schemas in shared/contract. A few fields are checked by the service
 * by design (a real calendar day in an appointment, a document's bytes, SmartPost placeholders,
 * invitation codes, end before start); their cases are marked `domain` and are the only ones the
 * schema may accept.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFields } from '../../../shared/contract/imports';
import { startupChoices } from '../../../shared/contract/startup';
import { isIsoDate } from '../../../shared/dates';
import { errorCodes, type Result } from '../../../shared/errors';
import { channels, contract, type Channel, type Request } from '../../../shared/ipc';
import { pinnedClock } from '../../../src-main/core/clock';
import { createCore, DATABASE_FILE, type Core } from '../../../src-main/core/core';
import { memoryPreferenceStore } from '../../../src-main/core/preferences';
import { ok, snapshotDatabase } from '../support';

const TODAY = '2026-11-27';
/** An invitation made on this day has expired by TODAY (30 days), so `reactivate` has a real target. */
const LONG_AGO = '2026-10-01';
const RUNS_PER_CHANNEL = 500;

// ---------------------------------------------------------------- data stores

const dirs: string[] = [];
function freshDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-hostile-'));
  dirs.push(dir);
  return dir;
}

const cores: Core[] = [];
function openCore(dataDir: string, today = TODAY): Core {
  const core = createCore({
    dataDir,
    clock: pinnedClock(today),
    actor: 'hostile-ipc-test',
    preferences: memoryPreferenceStore({ language: 'de' }),
  });
  cores.push(core);
  return core;
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n', 'latin1').toString(
  'base64',
);

/** The ids the samples point at: rows of the demo portfolio plus a few made for this test. */
interface Fixture {
  propertyId: number;
  /** Has the contract `contractId` of `contactId`. */
  unitId: number;
  /** Has no contract: a new contract may start there. */
  emptyUnitId: number;
  /** Active tenant, never invited, with an e-mail address. */
  contactId: number;
  contractId: number;
  pendingInvitationId: number;
  pendingCode: string;
  outboxId: number;
  expiredInvitationId: number;
  contents: Record<'announcement' | 'appointment' | 'document' | 'smartpost' | 'process', number>;
  shareId: number;
  /** A deletion candidate of the demo portfolio (a former tenant). */
  candidateId: number;
  /** A backup in the data dir's backups folder (copied with it). */
  backupName: string;
  /** A committed Stammdaten-Import (with its backup "Vor Import") and a file opened after it. */
  importId: number;
  importFileId: string;
}

/** A small ERP export: the five columns every import needs. */
const IMPORT_CSV = Buffer.from(
  'Objekt-Nr.;WE-Nr.;Personen-Nr.;Nachname;Mietbeginn\r\nL-IMP;W-IMP;K-IMP;Importiert;01.01.2026\r\n',
).toString('base64');

async function buildBaseline(dataDir: string): Promise<Fixture> {
  let core = openCore(dataDir);
  await ok(core, 'app.chooseFirstStart', 'demo');
  await ok(core, 'organisation.update', {
    name: 'Hausverwaltung Sicher GmbH',
    street: 'Hauptstraße 1',
    postcode: '10115',
    city: 'Berlin',
    portalUrl: 'https://portal.example.com',
  });
  const property = await ok(core, 'properties.create', {
    name: 'Sicherheitshaus',
    referenceId: 'L-SEC',
    addresses: [{ street: 'Prüfweg', houseNo: '7', postcode: '10115', city: 'Berlin' }],
  });
  const unit = async (number: string) =>
    ok(core, 'units.create', {
      propertyId: property.id,
      name: `Wohnung ${number}`,
      number,
      usage: 'private',
      referenceId: null,
    });
  const [u1, u2, u3, empty] = [
    await unit('SEC-1'),
    await unit('SEC-2'),
    await unit('SEC-3'),
    await unit('SEC-4'),
  ];
  const tenant = async (referenceId: string, unitId: number) => {
    const created = await ok(core, 'contacts.create', {
      salutation: 'ms',
      title: null,
      firstName: 'Erika',
      lastName: `Prüf ${referenceId}`,
      company: null,
      email: `${referenceId.toLowerCase()}@example.com`,
      phone: null,
      language: 'de',
      preference: 'online',
      referenceId,
      note: null,
      street: null,
      houseNo: null,
      postcode: null,
      city: null,
    });
    const detail = await ok(core, 'contracts.create', {
      contactId: created.contact.id,
      unitId,
      type: 'tenant',
      number: `V-${referenceId}`,
      start: '2026-01-01',
      end: null,
    });
    return { contactId: created.contact.id, contractId: detail.contracts[0]!.id };
  };
  const c1 = await tenant('K-SEC-1', u1.id);
  const c2 = await tenant('K-SEC-2', u2.id);
  const c3 = await tenant('K-SEC-3', u3.id);
  const pending = await ok(core, 'invitations.create', {
    contactId: c2.contactId,
    channel: 'email',
  });

  const content = async (input: Request<'content.create'>) => (await ok(core, 'content.create', input)).id;
  const contents = {
    announcement: await content({
      kind: 'announcement',
      title: 'Aushang',
      propertyId: property.id,
      text: 'Hallo',
    }),
    appointment: await content({
      kind: 'appointment',
      title: 'Begehung',
      propertyId: property.id,
      startsAt: '2026-12-10T10:00',
      endsAt: '2026-12-10T11:00',
      place: 'Hof',
      text: null,
    }),
    document: await content({
      kind: 'document',
      title: 'Hausordnung',
      propertyId: property.id,
      fileName: 'hausordnung.pdf',
      mimeType: 'application/pdf',
      dataBase64: PDF,
    }),
    smartpost: await content({
      kind: 'smartpost',
      title: 'Serienbrief',
      propertyId: property.id,
      template: '{{anrede}}\n\nIhre Einheit: {{einheit}}',
    }),
    process: await content({
      kind: 'process',
      title: 'Wasserschaden',
      propertyId: property.id,
      description: null,
      state: 'open',
      contactIds: [c1.contactId],
    }),
  };
  await ok(core, 'sharing.share', {
    contentId: contents.announcement,
    target: { mode: 'role', role: 'tenant', propertyId: property.id, unitIds: null },
  });
  const shared = await ok(core, 'content.get', { id: contents.announcement });
  const candidates = await ok(core, 'dataProtection.candidates', { limit: 1 });
  const backup = await ok(core, 'backups.create');
  const toImport = { fileName: 'erp.csv', dataBase64: IMPORT_CSV, sheet: null };
  const first = await ok(core, 'imports.open', toImport);
  const imported = await ok(core, 'imports.commit', {
    fileId: first.fileId,
    mapping: first.suggested,
    values: {},
  });
  const kept = await ok(core, 'imports.open', toImport);
  core.close();

  core = openCore(dataDir, LONG_AGO);
  const expired = await ok(core, 'invitations.create', {
    contactId: c3.contactId,
    channel: 'code',
  });
  core.close();

  return {
    propertyId: property.id,
    unitId: u1.id,
    emptyUnitId: empty.id,
    contactId: c1.contactId,
    contractId: c1.contractId,
    pendingInvitationId: pending.invitation.id,
    pendingCode: pending.code,
    outboxId: pending.outboxId!,
    expiredInvitationId: expired.invitation.id,
    contents,
    shareId: shared.shares[0]!.id,
    candidateId: candidates.items[0]!.id,
    backupName: backup.name,
    importId: imported.id,
    importFileId: kept.fileId,
  };
}

// ---------------------------------------------------------------- what a field is

interface Common {
  /** null is a valid value. */
  nullable?: boolean;
  /** The field may be left out (it has a default or is optional). */
  optional?: boolean;
  /** Values the schema accepts but the service must refuse (e.g. end before start). */
  domain?: unknown[];
}

type Kind = Common &
  (
    | { t: 'none' } // z.undefined(): the channel takes no payload
    | { t: 'id' }
    | { t: 'int'; min: number; max?: number }
    | { t: 'bool' }
    | { t: 'enum'; values: readonly string[] }
    | { t: 'date' }
    /** YYYY-MM-DDTHH:mm; the calendar and clock are checked by the service. */
    | { t: 'dateTime' }
    /** `required`: blank is refused (requiredText); otherwise any string up to `max`. */
    | { t: 'text'; max: number; required?: boolean }
    | { t: 'email'; required?: boolean }
    | { t: 'postcode' }
    | { t: 'url'; max: number }
    | { t: 'ids'; min?: number; max: number }
    /** An array of objects; its elements' fields are listed as `path.0.field`. */
    | { t: 'list'; min: number; max: number }
    /** A document's bytes; `keepOnEmpty`: '' means "keep the stored file" (update). */
    | { t: 'base64'; maxChars: number; keepOnEmpty?: boolean }
  );

const k = {
  none: (): Kind => ({ t: 'none' }),
  id: (o: Common = {}): Kind => ({ t: 'id', ...o }),
  int: (min: number, max?: number, o: Common = {}): Kind => ({ t: 'int', min, max, ...o }),
  bool: (o: Common = {}): Kind => ({ t: 'bool', ...o }),
  enum: (values: readonly string[], o: Common = {}): Kind => ({ t: 'enum', values, ...o }),
  date: (o: Common = {}): Kind => ({ t: 'date', ...o }),
  dateTime: (o: Common = {}): Kind => ({ t: 'dateTime', ...o }),
  /** optionalText(max): any string up to max, or null. */
  optText: (max: number, o: Common = {}): Kind => ({ t: 'text', max, nullable: true, ...o }),
  /** requiredText(max): not blank, up to max. */
  reqText: (max: number, o: Common = {}): Kind => ({ t: 'text', max, required: true, ...o }),
  email: (o: Common & { required?: boolean } = {}): Kind => ({ t: 'email', nullable: !o.required, ...o }),
  postcode: (): Kind => ({ t: 'postcode' }),
  url: (max: number): Kind => ({ t: 'url', max }),
  ids: (max: number, o: Common & { min?: number } = {}): Kind => ({ t: 'ids', max, ...o }),
  list: (min: number, max: number): Kind => ({ t: 'list', min, max }),
  base64: (maxChars: number, o: Common & { keepOnEmpty?: boolean } = {}): Kind => ({
    t: 'base64',
    maxChars,
    ...o,
  }),
};

interface Sample<P> {
  payload: P;
  /** Every leaf of the payload by its path ('' = the payload itself, 'addresses.0.city'). */
  fields: Record<string, Kind>;
}

/** One line per channel, checked by the compiler: a new channel needs its valid samples here. */
type SampleTable = { [C in Channel]: Sample<Request<C>>[] };

const salutations = ['mr', 'ms', 'mx', 'company', 'family'] as const;

function samples(f: Fixture): SampleTable {
  const none = [{ payload: undefined, fields: { '': k.none() } }];
  const window = { enabled: k.bool(), days: k.int(1, 365) };
  const access = {
    payload: {
      preContract: { enabled: true, days: 30 },
      postContract: { enabled: true, days: 60 },
      seatQuota: 1000,
    },
    fields: {
      'preContract.enabled': window.enabled,
      'preContract.days': window.days,
      'postContract.enabled': window.enabled,
      'postContract.days': window.days,
      seatQuota: k.int(0, 10_000_000, { nullable: true }),
    },
  };
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
  const dayBound = k.date({ nullable: true, optional: true });
  const page = (max?: number) => ({
    offset: k.int(0, max, { optional: true }),
    limit: k.int(1, 200, { optional: true }),
  });

  const base = { title: k.reqText(200), propertyId: k.id({ nullable: true }) };
  const contentKind = k.enum(['announcement', 'appointment', 'document', 'smartpost', 'process']);
  const maxBase64 = Math.ceil((10 * 1024 * 1024 * 4) / 3) + 4;
  const content = {
    announcement: {
      payload: {
        kind: 'announcement' as const,
        title: 'Rundschreiben',
        propertyId: f.propertyId,
        text: 'Text',
      },
      fields: { kind: contentKind, ...base, text: k.reqText(20_000) },
    },
    appointment: {
      payload: {
        kind: 'appointment' as const,
        title: 'Versammlung',
        propertyId: null,
        startsAt: '2026-12-11T18:00',
        endsAt: '2026-12-11T20:00',
        place: 'Gemeindesaal',
        text: 'Tagesordnung folgt',
      },
      fields: {
        kind: contentKind,
        ...base,
        startsAt: k.dateTime({ domain: ['2026-12-11T20:00', '2026-12-12T09:00'] }),
        endsAt: k.dateTime({ domain: ['2026-12-11T18:00', '2026-12-11T17:59'] }),
        place: k.optText(200),
        text: k.optText(5_000),
      },
    },
    document: (keepOnEmpty: boolean) => ({
      payload: {
        kind: 'document' as const,
        title: 'Grundriss',
        propertyId: f.propertyId,
        fileName: 'grundriss.pdf',
        mimeType: 'application/pdf' as const,
        dataBase64: PDF,
      },
      fields: {
        kind: contentKind,
        ...base,
        fileName: k.reqText(200),
        mimeType: k.enum([
          'application/pdf',
          'image/png',
          'image/jpeg',
          'text/plain',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        ]),
        dataBase64: k.base64(maxBase64, { keepOnEmpty }),
      },
    }),
    smartpost: {
      payload: {
        kind: 'smartpost' as const,
        title: 'Ablesetermin',
        propertyId: f.propertyId,
        template: '{{anrede}}\n\nam {{datum}} lesen wir in {{einheit}} ab.',
      },
      fields: {
        kind: contentKind,
        ...base,
        template: k.reqText(20_000, {
          domain: ['{{vorname}}', 'Hallo {{name}', '{{constructor}}', '{{__proto__}}', '{{ toString }}'],
        }),
      },
    },
    process: {
      payload: {
        kind: 'process' as const,
        title: 'Heizung defekt',
        propertyId: f.propertyId,
        description: 'Kein Warmwasser',
        state: 'in_progress' as const,
        contactIds: [f.contactId],
      },
      fields: {
        kind: contentKind,
        ...base,
        description: k.optText(20_000),
        state: k.enum(['open', 'in_progress', 'done']),
        contactIds: k.ids(1000),
      },
    },
  };
  const prefixed = (prefix: string, fields: Record<string, Kind>) =>
    Object.fromEntries(Object.entries(fields).map(([key, kind]) => [`${prefix}.${key}`, kind]));
  const roleTarget = {
    mode: 'role' as const,
    role: 'tenant' as const,
    propertyId: f.propertyId,
    unitIds: null,
  };
  const roleTargetFields = {
    'target.mode': k.enum(['role', 'individual']),
    'target.role': k.enum(['all', 'tenant', 'owner']),
    'target.propertyId': k.id(),
    'target.unitIds': k.ids(10_000, { nullable: true }),
  };
  const unitTarget = { ...roleTarget, unitIds: [f.unitId] };
  const individualTarget = { mode: 'individual' as const, contactIds: [f.contactId] };
  const individualTargetFields = {
    'target.mode': k.enum(['role', 'individual']),
    'target.contactIds': k.ids(10_000, { min: 1 }),
  };
  const shareTargets = (contentId: number) => [
    { payload: { contentId, target: roleTarget }, fields: { contentId: k.id(), ...roleTargetFields } },
    { payload: { contentId, target: unitTarget }, fields: { contentId: k.id(), ...roleTargetFields } },
    {
      payload: { contentId, target: individualTarget },
      fields: { contentId: k.id(), ...individualTargetFields },
    },
  ];

  return {
    'app.status': none,
    'app.chooseFirstStart': [{ payload: 'empty', fields: { '': k.enum(['demo', 'empty']) } }],
    'preferences.get': none,
    'preferences.update': [{ payload: { language: 'en' }, fields: { language: k.enum(['de', 'en']) } }],
    'settings.getAccess': none,
    'settings.updateAccess': [access],
    'settings.previewAccessImpact': [access],
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
        fields: {
          search: k.optText(100, { nullable: false, optional: true }),
          access: k.enum(['active', 'pre', 'post', 'none'], { nullable: true, optional: true }),
          propertyId: k.id({ nullable: true, optional: true }),
          contractType: k.enum(['tenant', 'owner'], { nullable: true, optional: true }),
          invitation: k.enum(['none', 'pending', 'redeemed', 'expired', 'revoked'], {
            nullable: true,
            optional: true,
          }),
          includeArchived: k.bool({ optional: true }),
          ...page(10_000_000),
        },
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
    'invitations.create': [
      {
        payload: { contactId: f.contactId, channel: 'code' },
        fields: { contactId: k.id(), channel: k.enum(['email', 'letter', 'code']) },
      },
    ],
    'invitations.reactivate': [{ payload: { id: f.expiredInvitationId }, fields: { id: k.id() } }],
    'invitations.revoke': [{ payload: { id: f.pendingInvitationId }, fields: { id: k.id() } }],
    'invitations.redeem': [
      {
        payload: { code: f.pendingCode },
        fields: {
          code: k.reqText(64, {
            domain: [
              "'; DROP TABLE invitations; --",
              "' OR '1'='1",
              '<script>alert(1)</script>',
              'AAAA-AAAA-AAAA',
              f.pendingCode.toLowerCase().replace(/./, (c) => (c === 'x' ? 'y' : 'x')),
              '%',
              '*',
            ],
          }),
        },
      },
    ],
    'invitations.previewProperty': [
      { payload: { propertyId: f.propertyId }, fields: { propertyId: k.id() } },
    ],
    'invitations.inviteProperty': [
      {
        payload: { propertyId: f.propertyId, contactIds: [f.contactId] },
        fields: { propertyId: k.id(), contactIds: k.ids(100_000) },
      },
    ],
    'outbox.list': [
      {
        payload: { state: 'queued', offset: 0, limit: 20 },
        fields: {
          state: k.enum(['queued', 'sent', 'failed'], { nullable: true, optional: true }),
          ...page(),
        },
      },
    ],
    'outbox.get': [{ payload: { id: f.outboxId }, fields: { id: k.id() } }],
    'outbox.send': none,
    'mail.getSettings': none,
    'mail.updateSettings': [
      {
        payload: {
          enabled: false,
          host: 'smtp.example.com',
          port: 587,
          security: 'starttls',
          user: 'verwaltung',
          password: 'geheim',
          from: 'verwaltung@example.com',
          fromName: 'Hausverwaltung Sicher',
        },
        fields: {
          enabled: k.bool(),
          host: k.optText(253, { nullable: false }),
          port: k.int(1, 65_535),
          security: k.enum(['none', 'starttls', 'tls']),
          user: k.optText(200),
          password: k.optText(500, { optional: true }),
          from: k.email(),
          fromName: k.optText(120),
        },
      },
    ],
    'mail.sendTest': [{ payload: { to: 'test@example.com' }, fields: { to: k.email({ required: true }) } }],
    'organisation.get': none,
    'organisation.update': [
      {
        payload: {
          name: 'Hausverwaltung Sicher GmbH',
          street: 'Hauptstraße 2',
          postcode: '10117',
          city: 'Berlin',
          portalUrl: 'https://kundenportal.example.com/registrieren',
        },
        fields: {
          name: k.reqText(120),
          street: k.optText(120),
          postcode: k.optText(10),
          city: k.optText(80),
          portalUrl: k.url(300),
        },
      },
    ],
    'content.list': [
      {
        payload: { kind: 'document', offset: 0, limit: 10 },
        fields: {
          kind: k.enum(['announcement', 'appointment', 'document', 'smartpost', 'process'], {
            nullable: true,
            optional: true,
          }),
          ...page(),
        },
      },
    ],
    'content.get': [{ payload: { id: f.contents.announcement }, fields: { id: k.id() } }],
    'content.create': [
      content.announcement,
      content.appointment,
      content.document(false),
      content.smartpost,
      content.process,
    ],
    'content.update': [
      {
        payload: { id: f.contents.announcement, input: content.announcement.payload },
        fields: { id: k.id(), ...prefixed('input', content.announcement.fields) },
      },
      {
        payload: { id: f.contents.appointment, input: content.appointment.payload },
        fields: { id: k.id(), ...prefixed('input', content.appointment.fields) },
      },
      {
        payload: { id: f.contents.document, input: content.document(true).payload },
        fields: { id: k.id(), ...prefixed('input', content.document(true).fields) },
      },
      {
        payload: { id: f.contents.smartpost, input: content.smartpost.payload },
        fields: { id: k.id(), ...prefixed('input', content.smartpost.fields) },
      },
      {
        payload: { id: f.contents.process, input: content.process.payload },
        fields: { id: k.id(), ...prefixed('input', content.process.fields) },
      },
    ],
    'content.documentFile': [{ payload: { id: f.contents.document }, fields: { id: k.id() } }],
    'sharing.preview': shareTargets(f.contents.appointment),
    'sharing.recipients': shareTargets(f.contents.appointment).map(({ payload, fields }) => ({
      payload: { ...payload, offset: 0, limit: 50 },
      fields: { ...fields, ...page() },
    })),
    'sharing.share': shareTargets(f.contents.appointment).map(({ payload, fields }) => ({
      payload: { ...payload, alsoIndividually: [f.contactId] },
      fields: { ...fields, alsoIndividually: k.ids(10_000, { optional: true }) },
    })),
    'sharing.revoke': [{ payload: { shareId: f.shareId }, fields: { shareId: k.id() } }],
    'portal.preview': [
      {
        payload: { contactId: f.contactId, day: '2026-12-01' },
        fields: { contactId: k.id(), day: k.date({ nullable: true, optional: true }) },
      },
    ],
    'backups.list': none,
    'backups.create': none,
    'backups.restore': [{ payload: { name: f.backupName }, fields: { name: k.reqText(80) } }],
    'backups.delete': [{ payload: { name: f.backupName }, fields: { name: k.reqText(80) } }],
    'startup.state': none,
    'startup.choose': [
      {
        payload: { choice: 'restoreBackup', name: '2026-11-27T07-31-00Z-manual.db' },
        fields: { choice: k.enum([...startupChoices]), name: k.reqText(80) },
      },
      { payload: { choice: 'quit' }, fields: { choice: k.enum([...startupChoices]) } },
    ],
    'dataProtection.getSettings': none,
    'dataProtection.updateSettings': [
      { payload: { retentionMonths: 36 }, fields: { retentionMonths: k.int(1, 120) } },
    ],
    'dataProtection.candidates': [{ payload: { offset: 0, limit: 50 }, fields: page(10_000_000) }],
    'dataProtection.anonymise': [
      { payload: { contactIds: [f.candidateId] }, fields: { contactIds: k.ids(500, { min: 1 }) } },
    ],
    'auditLog.list': [
      {
        payload: { from: '2026-11-01', to: '2026-11-27', offset: 0, limit: 50, importId: f.importId },
        fields: {
          from: dayBound,
          to: dayBound,
          ...page(10_000_000),
          importId: k.id({ nullable: true, optional: true }),
        },
      },
    ],
    ...importSamples(f),
    'auditLog.export': [
      {
        payload: { from: '2026-11-01', to: '2026-11-27', language: 'de' },
        fields: { from: dayBound, to: dayBound, language: k.enum(['de', 'en']) },
      },
    ],
  };
}

/** The Stammdaten-Import's channels: a run of the kept file with its five mapped columns. */
function importSamples(f: Fixture) {
  const fields = [
    'property.referenceId',
    'unit.referenceId',
    'contact.referenceId',
    'contact.lastName',
    'contract.start',
  ] as const;
  const run = {
    fileId: f.importFileId,
    mapping: fields.map((field) => ({ field, person: 1 })),
    values: {},
    updateOnly: false,
    endMissing: null,
  };
  const runFields: Record<string, Kind> = {
    fileId: k.reqText(36),
    mapping: k.list(0, 500),
    ...Object.fromEntries(
      fields.flatMap((_, i) => [
        [`mapping.${i}.field`, k.enum([...importFields], { nullable: true })],
        [`mapping.${i}.person`, k.int(1, 4, { optional: true })],
      ]),
    ),
    updateOnly: k.bool({ optional: true }),
    // null or { contractIds, end }: every value an `ids` field is refused with is refused here too.
    endMissing: k.ids(0, { nullable: true, optional: true }),
  };
  return {
    'imports.open': [
      {
        payload: { fileName: 'erp.csv', dataBase64: IMPORT_CSV, sheet: null },
        fields: {
          fileName: k.reqText(255),
          dataBase64: k.base64(Math.ceil((64 * MB) / 3) * 4),
          sheet: k.optText(200, { optional: true }),
        },
      },
    ],
    'imports.preview': [{ payload: run, fields: runFields }],
    'imports.rejectedRows': [
      {
        payload: { ...run, language: 'de' as const },
        fields: { ...runFields, language: k.enum(['de', 'en']) },
      },
    ],
    'imports.commit': [
      {
        payload: { ...run, mappingName: 'ERP' },
        fields: { ...runFields, mappingName: k.optText(80, { optional: true }) },
      },
    ],
    'imports.cancel': [{ payload: { fileId: f.importFileId }, fields: { fileId: k.reqText(36) } }],
    'imports.history': [{ payload: undefined, fields: { '': k.none() } }],
    'imports.restoreBefore': [{ payload: { id: f.importId }, fields: { id: k.id() } }],
  };
}

// ---------------------------------------------------------------- invalid values

const MISSING = Symbol('missing');
/** Stands for "more entries than allowed" in a list of objects (filled with the sample's first entry). */
const LIST_TOO_LONG = Symbol('list too long');
const MB = 1024 * 1024;

const sql = ["'; DROP TABLE contacts; --", '1 OR 1=1', '" OR ""="', "'); DELETE FROM audit_log; --"];
const html = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '"><svg onload=alert(1)>',
  "{{constructor.constructor('alert(1)')()}}",
];
const oddities = ['${7*7}', '../../../etc/passwd', '\u0000', '\u202e', '%00', '\r\nBcc: victim@example.com'];
const hostileStrings = [...sql, ...html, ...oddities];
/** Each hostile fragment repeated to a 1 MB string. */
const huge = (fragment: string) => fragment.repeat(Math.ceil(MB / fragment.length)).slice(0, MB);
const hugeStrings = [huge('x'), huge(sql[0]!), huge(html[0]!)];

function deeplyNested(depth: number): unknown {
  let value: unknown = { leaf: true };
  for (let i = 0; i < depth; i += 1) value = { a: value };
  return value;
}
const deep = deeplyNested(2000);

/** Strings longer than `max` that are not blank, made of hostile fragments too. */
function tooLong(max: number): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constant('x'.repeat(max + 1)),
    fc
      .constantFrom(...hostileStrings.filter((s) => s.trim() !== ''))
      .map((s) => s.repeat(Math.ceil((max + 1) / s.length) + 1)),
    fc.constantFrom(...hugeStrings),
  );
}

const notStrings = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constantFrom<unknown>([], {}, ['a'], { value: 'x' }, deep, new Date('2026-11-27T00:00:00Z'), 1n),
);
const notNumbers = fc.oneof(
  fc.constantFrom<unknown>('1', '0', '42', '1e3', ' 7 ', '', 'NaN', 'Infinity', '0x10'),
  fc.constantFrom(...hostileStrings),
  fc.boolean(),
  fc.constantFrom<unknown>(
    [],
    [1],
    {},
    { valueOf: 1 },
    deep,
    new Date('2026-11-27T00:00:00Z'),
    1n,
    2n ** 70n,
  ),
);
const notIntegers = fc.oneof(
  fc.double().filter((n) => !Number.isInteger(n)),
  fc.constantFrom(NaN, Infinity, -Infinity, 0.5, -0.5, Number.EPSILON, Number.MIN_VALUE),
);
/** Integers outside [min, max]; past the safe range too (2^53, 1e308). */
function outOfRange(min: number, max?: number): fc.Arbitrary<number> {
  const outside = (n: number) => n < min || (max !== undefined && n > max);
  return fc.oneof(
    fc.maxSafeInteger().filter(outside),
    fc.constantFrom(
      ...[min - 1, max === undefined ? min - 1 : max + 1, -(2 ** 53), 2 ** 53, 2 ** 60, 1e308, -1e308].filter(
        outside,
      ),
    ),
  );
}

const emptyish = fc.constantFrom('', ' ', '   ', '\n\t', '\u00a0', '\ufeff');

function invalid(kind: Kind): fc.Arbitrary<{ value: unknown; domain: boolean }> {
  const options: fc.Arbitrary<unknown>[] = [];
  const domain = [...(kind.domain ?? [])];
  const nullOrMissing: unknown[] = [];
  if (!kind.nullable) nullOrMissing.push(null);
  if (!kind.optional) nullOrMissing.push(MISSING);
  if (nullOrMissing.length > 0) options.push(fc.constantFrom(...nullOrMissing));

  switch (kind.t) {
    case 'none':
      options.length = 0;
      options.push(
        fc.constantFrom<unknown>(
          null,
          '',
          0,
          false,
          [],
          {},
          { __proto__: null },
          deep,
          ...hostileStrings,
          hugeStrings[0],
        ),
        fc.jsonValue().filter((v) => v !== undefined),
      );
      break;
    case 'id':
      options.push(notNumbers, notIntegers, outOfRange(1, Number.MAX_SAFE_INTEGER), fc.constant(-0));
      break;
    case 'int':
      options.push(notNumbers, notIntegers, outOfRange(kind.min, kind.max));
      break;
    case 'bool':
      options.push(fc.constantFrom<unknown>('true', 'false', '', 0, 1, -1, NaN, [], {}, [true], 'yes', deep));
      break;
    case 'enum':
      options.push(
        fc.string({ maxLength: 20 }).filter((s) => !kind.values.includes(s)),
        fc
          .constantFrom(
            ...kind.values.flatMap((v) => [v.toUpperCase(), ` ${v}`, `${v} `, `${v}\u0000`, `${v};--`]),
          )
          .filter((s) => !kind.values.includes(s)),
        fc.constantFrom(...hostileStrings, ...hugeStrings, '__proto__', 'constructor', 'toString'),
        notStrings,
      );
      break;
    case 'date':
      options.push(
        fc.constantFrom(
          '2026-02-30',
          '2026-13-01',
          '27.11.2026',
          '2026-02-29',
          '2026-11-31',
          '2026-00-10',
          '2026-11-00',
          '0000-00-00',
          '2026-1-1',
          '2026/11/27',
          '20261127',
          '+2026-11-27',
          '2026-11-27T00:00:00Z',
          ' 2026-11-27',
          '2026-11-27\n',
          '２０２６-１１-２７',
          '',
        ),
        fc.string({ maxLength: 12 }).filter((s) => !isIsoDate(s)),
        fc.constantFrom(...hostileStrings, ...hugeStrings),
        notStrings,
        fc.constant(20261127),
      );
      break;
    case 'dateTime':
      options.push(
        fc.string({ maxLength: 18 }).filter((s) => !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(s)),
        fc.constantFrom('27.11.2026 10:00', '2026-11-27 10:00', '2026-11-27', '2026-11-27T10:00:00', '10:00'),
        fc.constantFrom(...hostileStrings, ...hugeStrings),
        notStrings,
      );
      // The schema checks the shape; the service checks the calendar and the clock.
      domain.push(
        '2026-02-30T10:00',
        '2026-13-01T10:00',
        '2026-11-27T24:00',
        '2026-11-27T10:60',
        '0000-00-00T00:00',
      );
      break;
    case 'text':
      options.push(tooLong(kind.max), notStrings);
      if (kind.required) options.push(emptyish);
      break;
    case 'email':
      options.push(
        fc.constantFrom(
          'plainaddress',
          'a@b',
          '@example.com',
          'anna@',
          'anna schmidt@example.com',
          'anna@exa mple.com',
          'anna@example.com,eve@example.com',
          'anna@example.com\r\nBcc: eve@example.com',
          '<script>alert(1)</script>@example.com',
          "anna@example.com'; DROP TABLE contacts; --",
          `${'a'.repeat(250)}@example.com`,
          ...hostileStrings,
          ...hugeStrings,
        ),
        fc.string({ minLength: 1, maxLength: 30 }).filter((s) => !s.includes('@') && s.trim() !== ''),
        notStrings,
      );
      if (kind.required) options.push(emptyish);
      break;
    case 'postcode':
      options.push(
        fc.constantFrom(
          '1234',
          '123456',
          'abcde',
          '1234a',
          '12 345',
          '١٢٣٤٥',
          '',
          ...hostileStrings,
          ...hugeStrings,
        ),
        fc.string({ maxLength: 8 }).filter((s) => !/^\d{5}$/.test(s.trim())),
        notStrings,
      );
      break;
    case 'url':
      options.push(
        fc.constantFrom(
          'javascript:alert(1)',
          'JAVASCRIPT:alert(1)',
          'data:text/html,<script>alert(1)</script>',
          'file:///etc/passwd',
          'ftp://example.com',
          'mailto:anna@example.com',
          'vbscript:msgbox(1)',
          '//example.com',
          'not a url',
          '',
          `https://example.com/${'a'.repeat(300)}`,
          ...hostileStrings,
          ...hugeStrings,
        ),
        fc.string({ maxLength: 20 }).filter((s) => !/http/i.test(s.replace(/[\t\n\r]/g, ''))),
        notStrings,
      );
      break;
    case 'ids': {
      const element = fc.oneof(notNumbers, notIntegers, outOfRange(1, Number.MAX_SAFE_INTEGER));
      options.push(
        fc.constantFrom<unknown>({}, { 0: 1, length: 1 }, '1,2', 1, true, deep, hugeStrings[0]),
        fc
          .tuple(fc.array(fc.integer({ min: 1, max: 10_000 }), { maxLength: 5 }), element, fc.nat())
          .map(([valid, bad, at]) => {
            const ids: unknown[] = [...valid];
            ids.splice(at % (ids.length + 1), 0, bad);
            return ids;
          }),
        fc.constant(Array.from({ length: kind.max + 1 }, (_, i) => i + 1)),
      );
      if ((kind.min ?? 0) > 0) options.push(fc.constant([]));
      break;
    }
    case 'list':
      options.push(
        fc.constantFrom<unknown>({}, 'Prüfweg 7', 1, true, deep, [null], ['Prüfweg'], [[]], [deep]),
        fc.constant(LIST_TOO_LONG),
      );
      if (kind.min > 0) options.push(fc.constant([]));
      break;
    case 'base64':
      options.push(fc.constant('A'.repeat(kind.maxChars + 4)), notStrings);
      domain.push(
        ...hostileStrings,
        'not base64!',
        'A',
        '====',
        'AA==',
        Buffer.from('<script>alert(1)</script>').toString('base64'),
        Buffer.from('PK\u0003\u0004 not a pdf').toString('base64'),
        ...(kind.keepOnEmpty ? [] : ['', '   ']),
      );
      break;
  }
  const schemaInvalid = fc.oneof(...options).map((value) => ({ value, domain: false }));
  return domain.length > 0
    ? fc.oneof(
        schemaInvalid,
        fc.constantFrom(...domain).map((value) => ({ value, domain: true })),
      )
    : schemaInvalid;
}

// ---------------------------------------------------------------- mutating one thing of a sample

interface Case {
  what: string;
  payload: unknown;
  /** The schema may accept it; the service must refuse it. */
  domain: boolean;
  [fc.toStringMethod](): string;
}

function describeValue(value: unknown): string {
  if (value === MISSING) return '(missing)';
  if (typeof value === 'string') {
    const shown = JSON.stringify(value.slice(0, 40));
    return value.length > 40 ? `${shown}… (${value.length} chars)` : shown;
  }
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (Array.isArray(value))
    return value.length > 5 ? `[array of ${value.length}]` : `[${value.map(describeValue).join(', ')}]`;
  if (value instanceof Date) return `Date(${value.toISOString()})`;
  if (value instanceof Map) return `Map(${value.size})`;
  if (value === deep) return '{a:{a:… 2000 deep}}';
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).slice(0, 5).join(', ')}}`;
  }
  return String(value);
}

function makeCase(what: string, payload: unknown, domain: boolean): Case {
  return { what, payload, domain, [fc.toStringMethod]: () => what };
}

/** A deep copy of `payload` whose object at `at` has one more own key (even `__proto__`). */
function withExtraKey(payload: unknown, at: string, key: string, value: unknown): unknown {
  const copy = structuredClone(payload);
  const target = valueAt(copy, at) as object;
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** Sets (or, for MISSING, deletes) the value at `path` of a deep copy of `payload`. */
function withValue(payload: unknown, fieldPath: string, value: unknown): unknown {
  if (fieldPath === '') return value === MISSING ? undefined : value;
  const copy = structuredClone(payload) as Record<string, unknown>;
  const keys = fieldPath.split('.');
  let target = copy;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  const last = keys.at(-1)!;
  if (value === MISSING) delete target[last];
  else Object.defineProperty(target, last, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

function valueAt(payload: unknown, fieldPath: string): unknown {
  if (fieldPath === '') return payload;
  return fieldPath
    .split('.')
    .reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], payload);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Paths of every plain object in the payload ('' = the payload itself). */
function objectPaths(value: unknown, prefix = ''): string[] {
  const here = isPlainObject(value) ? [prefix] : [];
  const children = isPlainObject(value) || Array.isArray(value) ? Object.entries(value) : [];
  return [
    ...here,
    ...children.flatMap(([key, child]) => objectPaths(child, prefix === '' ? key : `${prefix}.${key}`)),
  ];
}

/** Paths of every leaf (not an object, not a list of objects' inner parts) in the payload. */
function leafPaths(value: unknown, prefix = ''): string[] {
  if (isPlainObject(value)) {
    return Object.entries(value).flatMap(([key, child]) =>
      leafPaths(child, prefix === '' ? key : `${prefix}.${key}`),
    );
  }
  if (Array.isArray(value) && value.some(isPlainObject)) {
    return [prefix, ...value.flatMap((child, i) => leafPaths(child, `${prefix}.${i}`))];
  }
  return [prefix];
}

const extraKeys = fc.oneof(
  fc.constantFrom(
    'isAdmin',
    'sql',
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'valueOf',
    'then',
    'hasOwnProperty',
  ),
  fc.string({ minLength: 1, maxLength: 12 }).map((s) => `x-${s}`),
);
const extraValues = fc.oneof(
  fc.constantFrom<unknown>({ polluted: true }, { prototype: { polluted: true } }, true, 1, null, deep),
  fc.constantFrom(...hostileStrings),
);

/** Every way this sample can be broken in one place. */
function casesOf(sample: Sample<unknown>): fc.Arbitrary<Case>[] {
  const { payload, fields } = sample;
  const shapes = objectPaths(payload).flatMap((at) => {
    const object = valueAt(payload, at) as Record<string, unknown>;
    const where = at === '' ? 'payload' : at;
    return [
      fc
        .tuple(extraKeys, extraValues)
        .map(([key, value]) =>
          makeCase(
            `${where} + unknown key ${JSON.stringify(key)} = ${describeValue(value)}`,
            withExtraKey(payload, at, key, value),
            false,
          ),
        ),
      fc
        .constantFrom<unknown>(
          [],
          [object],
          Object.entries(object),
          Object.values(object),
          'object',
          42,
          true,
          null,
          MISSING,
          deep,
          hugeStrings[0],
          // Non-plain objects at the root have their own test below.
          ...(at === '' ? [] : [new Date('2026-11-27T00:00:00Z'), new Map([['id', 1]])]),
        )
        .map((value) => makeCase(`${where} ← ${describeValue(value)}`, withValue(payload, at, value), false)),
    ];
  });
  const leaves = Object.entries(fields).map(([at, kind]) =>
    invalid(kind).map(({ value, domain }) => {
      const replaced =
        value === LIST_TOO_LONG
          ? Array.from(
              { length: kind.t === 'list' ? kind.max + 1 : 21 },
              () => (valueAt(payload, at) as unknown[])[0],
            )
          : value;
      return makeCase(
        `${at || 'payload'} ← ${describeValue(replaced)}`,
        withValue(payload, at, replaced),
        domain,
      );
    }),
  );
  return [...shapes, ...leaves];
}

// ---------------------------------------------------------------- the tests

function sha256(file: string): string {
  return fs.existsSync(file) ? createHash('sha256').update(fs.readFileSync(file)).digest('hex') : '-';
}

/** The data store's files, byte for byte (the -shm index is rebuilt by readers and is not data). */
function dataStoreBytes(dataDir: string): string {
  return ['', '-wal'].map((suffix) => sha256(path.join(dataDir, DATABASE_FILE + suffix))).join(' ');
}

const codes: ReadonlySet<string> = new Set(errorCodes);
/** Every code the hostile cases were refused with, to show they reached the service checks too. */
const seen = new Set<string>();

let baselineDir = '';
let fixture: Fixture;
let table: SampleTable;
let core: Core;
let hostileDir = '';

beforeAll(async () => {
  baselineDir = freshDir();
  fixture = await buildBaseline(baselineDir);
  table = samples(fixture);
  hostileDir = freshDir();
  fs.cpSync(baselineDir, hostileDir, { recursive: true });
  core = openCore(hostileDir);
});

afterAll(() => {
  for (const open of cores) open.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the table of valid samples', () => {
  it('covers every channel, names every field, and each sample passes its schema', () => {
    expect(Object.keys(table).sort()).toEqual([...channels].sort());
    for (const channel of channels) {
      const schema = contract[channel].request;
      for (const sample of table[channel] as Sample<unknown>[]) {
        const parsed = schema.safeParse(sample.payload);
        expect(parsed.success, `${channel} ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
        expect(Object.keys(sample.fields).sort(), `${channel}: fields`).toEqual(
          leafPaths(sample.payload).sort(),
        );
        if ('shape' in schema && isPlainObject(sample.payload)) {
          expect(Object.keys(sample.payload).sort(), `${channel}: every key of the schema`).toEqual(
            Object.keys(schema.shape as object).sort(),
          );
        }
      }
    }
  });

  // On a copy each: the data store the hostile cases run on, where these must succeed.
  it('each valid sample succeeds on its own copy of the data store', async () => {
    const needSmtp: ReadonlySet<Channel> = new Set(['outbox.send', 'mail.sendTest']);
    // Only the start-up fault core has choices; an open store refuses them once the payload is valid.
    const faultOnly: ReadonlySet<Channel> = new Set(['startup.choose']);
    for (const channel of channels) {
      for (const sample of table[channel] as Sample<unknown>[]) {
        const dir = freshDir();
        fs.cpSync(baselineDir, dir, { recursive: true });
        const copy = openCore(dir);
        const result = await copy.invoke(channel, sample.payload);
        copy.close();
        fs.rmSync(dir, { recursive: true, force: true });
        if (needSmtp.has(channel)) {
          // SMTP stays off here (no mail leaves the test); the refusal shows the payload was accepted.
          expect(result, channel).toMatchObject({ ok: false, error: { code: 'SMTP_NOT_CONFIGURED' } });
        } else if (faultOnly.has(channel)) {
          expect(result, channel).toMatchObject({ ok: false, error: { code: 'STARTUP_CHOICE_UNAVAILABLE' } });
        } else {
          expect(result.ok, `${channel} ${JSON.stringify(result).slice(0, 300)}`).toBe(true);
        }
      }
    }
  }, 120_000); // a copy of the data dir per sample: about 10 s alone, far more on a loaded machine
});

describe('hostile payloads', () => {
  it.each(channels)('%s refuses every one with a code and writes nothing', async (channel) => {
    const before = snapshotDatabase(hostileDir);
    const bytesBefore = dataStoreBytes(hostileDir);
    const schema = contract[channel].request;
    const cases = fc.oneof(...(table[channel] as Sample<unknown>[]).flatMap(casesOf));
    await fc.assert(
      fc.asyncProperty(cases, async (c) => {
        let result: Result<unknown>;
        try {
          result = await core.invoke(channel, c.payload);
        } catch (error) {
          throw new Error(`${channel}: ${c.what} threw ${String(error)}`);
        }
        const shown = `${channel}: ${c.what} → ${JSON.stringify(result).slice(0, 200)}`;
        if (result.ok) throw new Error(`accepted: ${shown}`);
        if (!codes.has(result.error.code) || result.error.code === 'INTERNAL')
          throw new Error(`bad code: ${shown}`);
        seen.add(result.error.code);
        if (!c.domain && schema.safeParse(c.payload).success) {
          throw new Error(`the schema accepts it (the service refused it): ${shown}`);
        }
      }),
      { numRuns: RUNS_PER_CHANNEL },
    );
    expect(snapshotDatabase(hostileDir)).toBe(before);
    expect(dataStoreBytes(hostileDir)).toBe(bytesBefore);
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('reached the schemas and the service checks', () => {
    expect([...seen].sort()).toEqual(
      expect.arrayContaining([
        'INVALID_PAYLOAD',
        'REQUIRED',
        'INVALID_DATE',
        'INVALID_EMAIL',
        'INVALID_POSTCODE',
        'INVALID_URL',
        'DAYS_OUT_OF_RANGE',
        'QUOTA_OUT_OF_RANGE',
        'UNSUPPORTED_FILE_TYPE',
        'FILE_TOO_LARGE',
        'END_BEFORE_START',
        'INVALID_TIME_RANGE',
        'UNKNOWN_PLACEHOLDER',
        'INVALID_CODE',
      ]),
    );
  });

  it('refuses names that are not channels, including prototype keys', async () => {
    for (const name of [
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'fs.readFile',
      '',
      'APP.STATUS',
      null,
      42,
    ]) {
      const result = await core.invoke(name, undefined);
      expect(result, String(name)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
  });
});

/**
 * Over Electron IPC the payload is a structured clone, which can carry a Date, Map, Set or class
 * instance. zod treats any non-array object as an object, so a schema whose fields all have defaults
 * would take such a value as `{}`; core.invoke refuses payloads that are not JSON-plain first.
 */
describe('non-plain objects as the payload', () => {
  const notPlain: [string, () => unknown][] = [
    ['a Date', () => new Date('2026-11-27T00:00:00Z')],
    ['a Map', () => new Map([['limit', 1]])],
    ['a Set', () => new Set([1])],
    ['a RegExp', () => /x/],
    ['a class instance', () => new (class Query {})()],
  ];
  const refuseAll = async (channel: Channel) => {
    const before = snapshotDatabase(hostileDir);
    for (const [name, make] of notPlain) {
      const result = await core.invoke(channel, make());
      expect(result.ok, `${channel} took ${name}`).toBe(false);
    }
    expect(snapshotDatabase(hostileDir)).toBe(before);
  };
  it.each(channels)('%s refuses them', refuseAll);
});
