/**
 * What the benchmark's questions are asked through, opened once per data dir by measure.ts: the app's
 * core as the renderer calls it, the floor's own connection with its bare statements, and the rows.
 */
import v8 from 'node:v8';
import type Database from 'better-sqlite3';
import type { AccessSettings, Grant } from '../../shared/domain';
import type { Core } from '../../src-main/core/core';
import { accessFigures } from '../../src-main/core/db/accessFigures';
import { accessBounds, accessRepository, accessStatements } from '../../src-main/core/db/accessRepository';
import { contactRepository } from '../../src-main/core/db/contactRepository';
import { sqliteStore } from '../../src-main/core/db/sqliteStore';
import { contractRepository } from '../../src-main/core/db/contractRepository';
import { invitationStatements } from '../../src-main/core/db/invitationRepository';
import { settingsRepository } from '../../src-main/core/db/settingsRepository';
import { BENCH_TODAY, WINDOWS_ON, type PortfolioFacts } from './portfolio';
import { seededInts, type Timing } from './stats';

/** A question's row: how long the app, its SQL floor and the JSON baseline took. */
export interface Row {
  key: string;
  question: string;
  /** The path measured as "app": the channel, or the in-process function. */
  via: string;
  app: Timing | null;
  floor: Timing | null;
  baseline: Timing | null;
  /** What the answer held (recipients, matches …), for the reader to judge the figure. */
  info?: string;
}

export const OFF_POST: AccessSettings = { ...WINDOWS_ON, postContract: { enabled: false, days: 60 } };
export const ACCESS_SAMPLES = 1000;
export const SEARCH_SAMPLES = 200;
export const STATES: readonly Grant[] = ['active', 'pre', 'post', 'none'];

export function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** core.invoke as the renderer sees it: a failed answer throws, a good one is structured-cloned. */
function invoker(core: Core) {
  return async <T>(channel: string, payload?: unknown): Promise<T> => {
    const result = await core.invoke(channel, payload);
    if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
    v8.serialize(result);
    return result.value as T;
  };
}

/** The bare statements of the floor, prepared once on the floor's own connection. */
function floorStatements(db: Database.Database) {
  return {
    seatCount: db.prepare(accessStatements.seatCount),
    countsByAccess: db.prepare(accessStatements.countsByAccess),
    impact: db.prepare(accessStatements.impact),
    roleRecipients: db.prepare(accessStatements.roleRecipients),
    roleRecipientsByName: db.prepare(accessStatements.roleRecipientsByName),
    roleRecipientCount: db.prepare(accessStatements.roleRecipientCount),
    roleRecipientPage: db.prepare(accessStatements.roleRecipientPage),
    roleWindowContracts: db.prepare(accessStatements.roleWindowContracts),
    contractsOfContact: db.prepare(accessStatements.contractsOfContact),
    // The maintained figures (migration 8): the totals' five rows and the access counts' base rows.
    totals: db.prepare('SELECT name, n FROM table_counts'),
    accessBase: db.prepare('SELECT kind, day, n FROM access_base'),
    property: db.prepare('SELECT id, name FROM properties WHERE id = ?'),
    invitees: db.prepare(invitationStatements.inviteesOfProperty),
    inviteeContracts: db.prepare(invitationStatements.contractsOfPropertyContacts),
    inviteeUnits: db.prepare(invitationStatements.unitsOfProperty),
    openInvitations: db.prepare(invitationStatements.openOfPropertyContacts),
    insertInvitation: db.prepare(
      `INSERT INTO invitations (contact_id, code_hash, created_at, expires_on, channel, state)
       VALUES (?, ?, ?, ?, ?, 'pending')`,
    ),
    insertOutbox: db.prepare(
      `INSERT INTO outbox (contact_id, channel, kind, recipient, language, subject, text_body, html_body, state,
         created_at)
       VALUES (?, 'email', 'stored', ?, 'de', ?, ?, ?, 'queued', ?)`,
    ),
    insertAudit: db.prepare(
      'INSERT INTO audit (at, actor, action, entity, entity_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    updateEmail: db.prepare('UPDATE contacts SET email = ? WHERE id = ?'),
    recipientRows: db.prepare(
      `SELECT c.id, c.salutation, c.title, c.first_name, c.last_name, c.company, c.email, c.language,
         c.archived, c.street, c.house_no, c.postcode, c.city,
         EXISTS (SELECT 1 FROM portal_accounts pa WHERE pa.contact_id = c.id) AS registered
       FROM contacts c WHERE c.id IN (SELECT value FROM json_each(?))`,
    ),
    contractsOfIds: db.prepare(
      `SELECT * FROM contracts WHERE contact_id IN (SELECT value FROM json_each(?))
       ORDER BY contact_id, start_date, id`,
    ),
    unitNames: db.prepare(
      `SELECT u.id, u.property_id, u.number, u.name, p.name AS property_name
       FROM units u JOIN properties p ON p.id = u.property_id
       WHERE u.id IN (SELECT value FROM json_each(?))`,
    ),
  };
}

/**

/** The app, the floor and the table of rows of one data dir, as every group of questions uses them. */
export type Session = ReturnType<typeof openSession>;

export function openSession(core: Core, db: Database.Database, facts: PortfolioFacts) {
  const notes: string[] = [];
  const rows = new Map<string, Row>();
  const row = (key: string, question: string, via: string): Row => {
    const r: Row = { key, question, via, app: null, floor: null, baseline: null };
    rows.set(key, r);
    return r;
  };
  const at = (key: string): Row => {
    const r = rows.get(key);
    if (r === undefined) throw new Error(`no row ${key}`);
    return r;
  };
  const today = BENCH_TODAY;
  return {
    facts,
    today,
    contactIds: seededInts(7, ACCESS_SAMPLES, facts.contacts),
    largest: facts.largestPropertyId,
    bulk: facts.bulkPropertyId,
    invoke: invoker(core),
    db,
    s: floorStatements(db),
    bounds: accessBounds(WINDOWS_ON, today),
    settingsRows: settingsRepository(db),
    contacts: contactRepository(db),
    contracts: contractRepository(sqliteStore(db)),
    repo: accessRepository(db),
    figures: accessFigures(db),
    /** The time written by the floor's inserts. */
    now: new Date().toISOString(),
    notes,
    rows,
    row,
    at,
  };
}
