/**
 * The automatic rules' tests: the demo portfolio with both windows on, the clock moved day by day,
 * the pure policy over every contact and contract of the store as the oracle of what each day owes.
 */
import path from 'node:path';
import type { AccessSettings, ContractFacts, IsoDate } from '../../../shared/domain';
import { accessFigures } from '../../../src-main/core/db/accessFigures';
import { createContext } from '../../../src-main/core/context';
import { DATABASE_FILE, openDatabase } from '../../../src-main/core/db/connection';
import { settingsRepository } from '../../../src-main/core/db/settingsRepository';
import { sqliteStore } from '../../../src-main/core/db/sqliteStore';
import type { AutomationContactRow } from '../../../src-main/core/db/automationRepository';
import { automationContact } from '../../../src-main/core/services/automation/deps';
import {
  invitationsDue,
  noticesDue,
  type DueInvitation,
  type DueNotice,
} from '../../../src-main/core/policy/automation';
import { memoryPreferenceStore } from '../../../src-main/core/preferences';
import { memorySecretStore } from '../../../src-main/core/secrets';
import { createServices } from '../../../src-main/core/services';
import { DEMO_ACCESS } from '../../../src-main/core/services/portfolioService';
import { storedAccessSettings } from '../../../src-main/core/services/settingsService';
import { invitationCore, setAccess, type InvitationCore, type MovableClock } from '../invitations/support';
import { ok, readDatabase, writeDemoPortfolio } from '../support';

export const START = '2026-11-27';

/** The demo portfolio alone, both windows on as the demo has them, the automatic invitation on. */
export async function automatedDemo(): Promise<InvitationCore> {
  const core = invitationCore(START);
  writeDemoPortfolio(core, START);
  await setAccess(core, DEMO_ACCESS);
  await ok(core, 'automation.updateSettings', { autoInvite: true, notice: { enabled: false, days: 14 } });
  return core;
}

/** Every contact and contract of the store as the policy reads them on `day`. */
function storeFacts(core: { dataDir: string }, day: IsoDate) {
  return readDatabase(core, (db) => {
    const contacts = db
      .prepare<
        [IsoDate],
        Pick<
          AutomationContactRow,
          'id' | 'archived' | 'anonymised_at' | 'registered' | 'invited' | 'email' | 'preference'
        >
      >(
        `SELECT c.id, c.archived, c.anonymised_at, c.email, c.preference,
           EXISTS (SELECT 1 FROM portal_accounts a WHERE a.contact_id = c.id) AS registered,
           EXISTS (SELECT 1 FROM invitations i WHERE i.contact_id = c.id AND i.state = 'pending'
             AND i.expires_on >= ?) AS invited
         FROM contacts c`,
      )
      .all(day)
      .map(automationContact);
    const contracts = db
      .prepare<[], ContractFacts>(
        `SELECT id, contact_id AS contactId, unit_id AS unitId, property_id AS propertyId, type,
           start_date AS start, end_date AS "end" FROM contracts`,
      )
      .all();
    return { contacts, contracts };
  });
}

/** What the policy owes on `day` over the whole store, less the contracts invited for before. */
export function owedInvitations(
  core: { dataDir: string },
  settings: AccessSettings,
  day: IsoDate,
  invitedContracts: ReadonlySet<number>,
): DueInvitation[] {
  const { contacts, contracts } = storeFacts(core, day);
  return invitationsDue(contacts, contracts, settings, day).filter(
    (due) => !invitedContracts.has(due.contractId),
  );
}

/** The notices the policy owes on `day` over the whole store, less those told before (contact and last day). */
export function owedNotices(
  core: { dataDir: string },
  settings: AccessSettings,
  day: IsoDate,
  noticeDays: number,
  told: ReadonlySet<string>,
): DueNotice[] {
  const { contacts, contracts } = storeFacts(core, day);
  return noticesDue(contacts, contracts, settings, day, noticeDays).filter(
    (due) => !told.has(`${due.contactId}:${due.accessEnds}`),
  );
}

export interface AutomaticNotice {
  day: IsoDate;
  contactId: number;
  subject: string;
  channel: 'email' | 'letter';
  outboxChannel: string;
  outboxKind: string;
  outboxSubject: string;
  outboxText: string;
  language: string;
}

/** Every notice the rule made, with its message in the Postausgang. */
export function automaticNotices(core: { dataDir: string }): AutomaticNotice[] {
  return readDatabase(core, (db) =>
    db
      .prepare<[], AutomaticNotice>(
        `SELECT a.day, a.contact_id AS contactId, a.subject, a.channel, o.channel AS outboxChannel,
           o.kind AS outboxKind, o.subject AS outboxSubject, o.text_body AS outboxText, o.language
         FROM automation_actions a JOIN outbox o ON o.id = a.outbox_id
         WHERE a.rule = 'notice' ORDER BY a.day, a.contact_id`,
      )
      .all(),
  );
}

export interface AutomaticInvitation {
  day: IsoDate;
  contactId: number;
  contractId: number;
  channel: 'email' | 'letter';
  /** The channel of the invitation row and of its message in the Postausgang. */
  invitationChannel: string;
  outboxChannel: string | null;
  outboxKind: string | null;
}

/** Every automatic invitation of the store, with its invitation and Postausgang rows. */
export function automaticInvitations(core: { dataDir: string }): AutomaticInvitation[] {
  return readDatabase(core, (db) =>
    db
      .prepare<[], AutomaticInvitation>(
        `SELECT a.day, a.contact_id AS contactId, CAST(substr(a.subject, 10) AS INTEGER) AS contractId,
           a.channel, i.channel AS invitationChannel, o.channel AS outboxChannel, o.kind AS outboxKind
         FROM automation_actions a
         JOIN invitations i ON i.id = a.invitation_id
         LEFT JOIN outbox o ON o.id = a.outbox_id
         WHERE a.rule = 'invite' ORDER BY a.day, a.contact_id`,
      )
      .all(),
  );
}

/** Invitations whose audit row names the automatic actor. */
export function automaticallyAuditedInvitations(core: { dataDir: string }): number {
  return readDatabase(
    core,
    (db) =>
      db
        .prepare<[], { n: number }>(
          "SELECT COUNT(*) AS n FROM audit WHERE action = 'invitations.create' AND actor = 'automatisch'",
        )
        .get()?.n ?? 0,
  );
}

/**
 * A second core on the same data store: its own connection and services, as a second desktop
 * would have (the data folder lock keeps a second app away; the store must hold without it).
 */
export function secondCore(core: { dataDir: string }, clock: MovableClock) {
  const db = openDatabase(path.join(core.dataDir, DATABASE_FILE));
  const settings = settingsRepository(db);
  const figures = accessFigures(db);
  const ctx = createContext({
    store: sqliteStore(db),
    db,
    dataDir: core.dataDir,
    clock,
    actor: 'zweiter-arbeitsplatz',
    preferences: memoryPreferenceStore({ language: 'de' }),
    secrets: memorySecretStore(),
    emit: () => undefined,
    settle: () => figures.settle(storedAccessSettings(settings), clock.today()),
  });
  return { services: createServices(ctx), close: () => db.close() };
}
