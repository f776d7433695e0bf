/**
 * Builders for the invitation tests. Everything goes through `core.invoke`, as the renderer does;
 * the data store is only read directly to check what was (not) written.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import type net from 'node:net';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { PDFDocument } from 'pdf-lib';
import { SMTPServer } from 'smtp-server';
import type { AccessSettings, IsoDate } from '../../../shared/domain';
import type {
  ContactDetail,
  ContactInput,
  ContractInput,
  CreatedInvitation,
  InvitationChannel,
  OutboxMessage,
  PropertyDetail,
  SmtpSettingsInput,
  UnitView,
} from '../../../shared/ipc';
import { pinnedOffset, type Clock } from '../../../src-main/core/clock';
import { createCore, DATABASE_FILE, type Core } from '../../../src-main/core/core';
import { memoryPreferenceStore } from '../../../src-main/core/preferences';
import { memorySecretStore, type SecretStore } from '../../../src-main/core/secrets';
import { pdfText } from '../letters/pdfText';
import { folderSaveDialog, markAsDemo, ok, readDatabase, tempDir } from '../support';

export const TODAY = '2026-11-27';

/** A clock whose day the test moves (expiry); instants keep moving so audit rows stay ordered. */
export interface MovableClock extends Clock {
  set(day: IsoDate): void;
}

export function movableClock(day: IsoDate): MovableClock {
  let today = day;
  let offset = pinnedOffset(day);
  return {
    today: () => today,
    now: () => new Date(Date.now() + offset).toISOString(),
    set: (next) => {
      today = next;
      offset = pinnedOffset(next);
    },
  };
}

export type InvitationCore = Core & {
  dataDir: string;
  clock: MovableClock;
  secrets: SecretStore;
  /** Where exports (the print batch) were saved. */
  saved: ReturnType<typeof folderSaveDialog>;
};

const open: InvitationCore[] = [];
afterEach(() => {
  while (open.length) open.pop()?.close();
});

/** A core on a fresh data dir with a movable day and (unless told) an in-memory secret store; closed after the test. */
export function invitationCore(today: IsoDate = TODAY, secrets = memorySecretStore()): InvitationCore {
  const dataDir = tempDir('portal-invitations-');
  const clock = movableClock(today);
  const saved = folderSaveDialog();
  const core = createCore({
    dataDir,
    clock,
    actor: 'unit-test',
    preferences: memoryPreferenceStore({ language: 'de' }),
    secrets,
    saveDialog: saved,
  });
  const wrapped = Object.assign(core, { dataDir, clock, secrets, saved });
  open.push(wrapped);
  // Registrations are simulated here (invitations.redeem), which the app does in the demo only.
  markAsDemo(wrapped);
  return wrapped;
}

export { expectRefused } from '../support';

// ---------------------------------------------------------------- portfolio builders

let references = 0;

export interface Building {
  property: PropertyDetail;
  units: UnitView[];
}

/** The letterhead of the invitation tests (not the placeholder, which refuses letters and e-mails). */
export const TEST_ORGANISATION = {
  name: 'Hausverwaltung Weiß',
  street: 'Lindenallee 1',
  postcode: '10115',
  city: 'Berlin',
  portalUrl: 'https://portal.hv-weiss.de',
};
const lettered = new WeakSet<InvitationCore>();

export async function building(core: InvitationCore, units = 3): Promise<Building> {
  if (!lettered.has(core)) {
    lettered.add(core);
    const checklist = await ok(core, 'organisation.checklist');
    if (!checklist.senderSet || !checklist.portalSet)
      await ok(core, 'organisation.update', TEST_ORGANISATION);
  }
  references += 1;
  const property = await ok(core, 'properties.create', {
    name: `WEG Lindenallee ${references}`,
    referenceId: `L-T${references}`,
    addresses: [{ street: 'Lindenallee', houseNo: String(references), postcode: '10115', city: 'Berlin' }],
  });
  const created: UnitView[] = [];
  for (let i = 1; i <= units; i += 1) {
    created.push(
      await ok(core, 'units.create', {
        propertyId: property.id,
        name: `Whg. ${i}, ${i - 1}. OG`,
        number: String(i),
        usage: 'private',
        referenceId: null,
      }),
    );
  }
  return { property, units: created };
}

export async function contact(
  core: InvitationCore,
  extra: Partial<ContactInput> = {},
): Promise<ContactDetail> {
  references += 1;
  const input: ContactInput = {
    salutation: 'ms',
    title: null,
    firstName: 'Anna',
    lastName: 'Schmidt',
    company: null,
    email: `anna.schmidt.${references}@example.com`,
    phone: null,
    language: 'de',
    preference: 'online',
    referenceId: `K-T${references}`,
    note: null,
    street: 'Lindenallee',
    houseNo: '1',
    postcode: '10115',
    city: 'Berlin',
    ...extra,
  };
  return ok(core, 'contacts.create', input);
}

export async function contract(
  core: InvitationCore,
  input: Pick<ContractInput, 'contactId' | 'unitId'> & Partial<ContractInput>,
): Promise<ContactDetail> {
  return ok(core, 'contracts.create', {
    type: 'tenant',
    number: `MV-${input.contactId}-${input.unitId}`,
    start: '2026-01-01',
    end: null,
    ...input,
  });
}

/** A contact with an active tenant contract in a new building: may be invited today. */
export async function tenant(
  core: InvitationCore,
  extra: Partial<ContactInput> = {},
): Promise<{ contact: ContactDetail; building: Building }> {
  const b = await building(core, 1);
  const c = await contact(core, extra);
  const unit = b.units[0];
  if (unit === undefined) throw new Error('no unit');
  await contract(core, { contactId: c.contact.id, unitId: unit.id });
  return { contact: c, building: b };
}

/** A letter's or a bare code's invitation shows its code; an e-mail's does not (issued at sending). */
export type Invited<C extends InvitationChannel> = CreatedInvitation & {
  code: C extends 'email' ? null : string;
};

export async function invite<C extends InvitationChannel>(
  core: InvitationCore,
  contactId: number,
  channel: C,
): Promise<Invited<C>> {
  const created = await ok(core, 'invitations.create', { contactId, channel });
  if ((created.code === null) !== (channel === 'email')) throw new Error(`unexpected code for ${channel}`);
  return created as Invited<C>;
}

export async function setAccess(core: InvitationCore, settings: Partial<AccessSettings>): Promise<void> {
  await ok(core, 'settings.updateAccess', {
    preContract: { enabled: false, days: 30 },
    postContract: { enabled: false, days: 30 },
    seatQuota: null,
    ...settings,
  });
}

/**
 * Marks the saved SMTP settings tested, as a successful test message does (mailService), without
 * sending one: the tests count what their server received.
 */
export function markSmtpTested(core: { dataDir: string }): void {
  const db = new Database(path.join(core.dataDir, DATABASE_FILE));
  try {
    db.prepare(
      "INSERT INTO settings (key, value) VALUES ('smtp.tested', 'true') ON CONFLICT (key) DO UPDATE SET value = 'true'",
    ).run();
  } finally {
    db.close();
  }
}

/** SMTP on, and tested (see markSmtpTested) unless `tested` is false. */
export async function configureSmtp(
  core: InvitationCore,
  settings: Partial<SmtpSettingsInput>,
  { tested = true }: { tested?: boolean } = {},
): Promise<void> {
  await ok(core, 'mail.updateSettings', {
    enabled: true,
    host: '127.0.0.1',
    port: 25,
    security: 'none',
    user: null,
    from: 'verwaltung@example.com',
    fromName: 'Hausverwaltung Weiß',
    ...settings,
  });
  if (tested) markSmtpTested(core);
}

const smtpServers: SMTPServer[] = [];
afterEach(async () => {
  while (smtpServers.length) {
    const server = smtpServers.pop();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
  }
});

/**
 * An SMTP server on 127.0.0.1 that accepts every message without login and keeps only the envelope
 * recipients, in order of arrival; closed after the test.
 */
export async function smtpSink(): Promise<{ port: number; recipients: string[] }> {
  const recipients: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        recipients.push(...session.envelope.rcptTo.map((r) => r.address));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  smtpServers.push(server);
  return { port: (server.server.address() as net.AddressInfo).port, recipients };
}

export async function outboxMessages(core: InvitationCore): Promise<OutboxMessage[]> {
  const page = await ok(core, 'outbox.list', { limit: 200 });
  const messages: OutboxMessage[] = [];
  for (const item of page.items) messages.push(await ok(core, 'outbox.get', { id: item.id }));
  return messages;
}

// ---------------------------------------------------------------- reading the data store

export interface AuditRow {
  action: string;
  entity: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
}

export function auditRows(core: InvitationCore): AuditRow[] {
  return readDatabase(core, (db) =>
    db.prepare<[], AuditRow>('SELECT action, entity, entity_id, before, after FROM audit ORDER BY id').all(),
  );
}

/** Every byte of the data store on disk: the database file and its write-ahead log. */
export function dataStoreBytes(core: InvitationCore): Buffer {
  const file = path.join(core.dataDir, DATABASE_FILE);
  const parts = [file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f));
  return Buffer.concat(parts);
}

// ---------------------------------------------------------------- PDF text

/** The text lines of a PDF (as saved, or as rendered): see letters/pdfText. */
export async function pdfTextLines(
  bytes: Uint8Array,
): Promise<{ pages: number; lines: string[]; doc: PDFDocument }> {
  const { doc, lines } = await pdfText(bytes);
  return { pages: doc.getPageCount(), lines: lines.map((line) => line.text), doc };
}
