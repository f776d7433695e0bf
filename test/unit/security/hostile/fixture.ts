/** The hostile IPC test's data stores: the demo portfolio and the rows its samples point at. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Request } from '../../../../shared/ipc';
import { pinnedClock } from '../../../../src-main/core/clock';
import { createCore, type Core } from '../../../../src-main/core/core';
import { memoryPreferenceStore } from '../../../../src-main/core/preferences';
import { ok } from '../../support';

const TODAY = '2026-11-27';
/** An invitation made on this day has expired by TODAY (30 days), so `reactivate` has a real target. */
const LONG_AGO = '2026-10-01';

const dirs: string[] = [];
export function freshDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-hostile-'));
  dirs.push(dir);
  return dir;
}

const cores: Core[] = [];
export function openCore(dataDir: string, today = TODAY): Core {
  const core = createCore({
    dataDir,
    clock: pinnedClock(today),
    actor: 'hostile-ipc-test',
    preferences: memoryPreferenceStore({ language: 'de' }),
  });
  cores.push(core);
  return core;
}

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n', 'latin1').toString(
  'base64',
);

/** The ids the samples point at: rows of the demo portfolio plus a few made for this test. */
export interface Fixture {
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
export const IMPORT_CSV = Buffer.from(
  'Objekt-Nr.;WE-Nr.;Personen-Nr.;Nachname;Mietbeginn\r\nL-IMP;W-IMP;K-IMP;Importiert;01.01.2026\r\n',
).toString('base64');

export async function buildBaseline(dataDir: string): Promise<Fixture> {
  let core = openCore(dataDir);
  await ok(core, 'app.chooseFirstStart', 'demo');
  await ok(core, 'organisation.update', {
    name: 'Hausverwaltung Sicher GmbH',
    street: 'Hauptstraße 1',
    postcode: '10115',
    city: 'Berlin',
    portalUrl: 'https://portal.hv-sicher.de',
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
  // An e-mail invitation queues its mail (the code is issued when it is sent); a bare code is shown.
  const mailed = await ok(core, 'invitations.create', { contactId: c1.contactId, channel: 'email' });
  const pending = await ok(core, 'invitations.create', { contactId: c2.contactId, channel: 'code' });

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
    pendingCode: pending.code!,
    outboxId: mailed.outboxId!,
    expiredInvitationId: expired.invitation.id,
    contents,
    shareId: shared.shares[0]!.id,
    candidateId: candidates.items[0]!.id,
    backupName: backup.name,
    importId: imported.id,
    importFileId: kept.fileId,
  };
}

/** Closes every core opened here and removes every data dir made here. */
export function removeAll(): void {
  for (const open of cores) open.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
}
