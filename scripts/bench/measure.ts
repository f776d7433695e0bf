/**
 * Asks one data dir the benchmark's questions three ways, in one process:
 *
 * 1. app: through `core.invoke` — validation (zod), service, policy, repositories — plus
 *    `v8.serialize` of the answer (Electron's IPC sends it with V8's structured clone), as the
 *    renderer would receive it; then the main-process memory (RSS) after those questions;
 * 2. floor: the bare prepared SQL statements that answer alone, on a second connection to the same
 *    file (no validation, no policy, no serialisation);
 * 3. baseline: the plain electron-store design (baseline.ts), loaded last so that its gigabytes do not
 *    count in the app's RSS.
 */
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import Database from 'better-sqlite3';
import type { AccessSettings, ContactFacts, ContractFacts, Grant } from '../../shared/domain';
import type { ContactDetail, ContactListPage, PropertyInvitePreview } from '../../shared/ipc';
import { isChannel } from '../../shared/ipc';
import { CONTACT_COUNT_BOUND } from '../../shared/contract/portfolio';
import { pinnedClock } from '../../src-main/core/clock';
import { createCore, DATABASE_FILE, type Core } from '../../src-main/core/core';
import { accessFigures } from '../../src-main/core/db/accessFigures';
import { accessBounds, accessRepository, accessStatements } from '../../src-main/core/db/accessRepository';
import { searchKey, type SearchedFields } from '../../src-main/core/db/contactKeys';
import { contactSearchIndex } from '../../src-main/core/db/contactSearchIndex';
import { contactListStatements, contactRepository } from '../../src-main/core/db/contactRepository';
import { contractRepository } from '../../src-main/core/db/contractRepository';
import { invitationStatements } from '../../src-main/core/db/invitationRepository';
import { settingsRepository } from '../../src-main/core/db/settingsRepository';
import { renderInvitationLetters, type InvitationLetter } from '../../src-main/core/letters/invitationLetter';
import { contactAccess } from '../../src-main/core/policy';
import { addDays } from '../../shared/dates';
import { defaultOrganisation } from '../../src-main/core/services/organisationService';
import { baselineStore, readDocument, type BaselineStore } from './baseline';
import { BENCH_TODAY, WINDOWS_ON, type PortfolioFacts } from './portfolio';
import {
  measure,
  measureSync,
  seededInts,
  single,
  summarise,
  timeOnce,
  timeSync,
  type Timing,
} from './stats';

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

export interface MeasureInput {
  dataDir: string;
  facts: PortfolioFacts;
  /** The baseline's JSON document, or null to skip the baseline. */
  baselineFile: string | null;
  /** Baseline: time budget per question (ms); at least 3 runs are made. */
  baselineBudgetMs: number;
}

export interface MeasureOutput {
  openMs: number;
  rows: Row[];
  /** RSS of the process with all its code loaded (Node, tsx, the core's modules), before opening. */
  rssBeforeOpenBytes: number;
  rssAfterOpenBytes: number;
  /** RSS after the app's questions (after a GC). */
  rssBytes: number;
  heapUsedBytes: number;
  heapTotalBytes: number;
  /** Memory outside the JS heap that V8 knows of (Buffers …); SQLite's own is not counted here. */
  externalBytes: number;
  /** Search times by prefix length (app, p50/p99). */
  searchByLength: Record<string, Timing>;
  baselineLoadMs: number | null;
  /** RSS with the baseline document loaded. */
  baselineRssBytes: number | null;
  notes: string[];
}

const OFF_POST: AccessSettings = { ...WINDOWS_ON, postContract: { enabled: false, days: 60 } };
const ACCESS_SAMPLES = 1000;
const SEARCH_SAMPLES = 200;
const STATES: readonly Grant[] = ['active', 'pre', 'post', 'none'];

function gc(): void {
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

/** Names (last and first) of contacts picked at random, as their search keys. */
function sampleNames(db: Database.Database, contacts: number, count: number, seed: number) {
  const byId = db.prepare<[number], { first_name: string | null; last_name: string }>(
    'SELECT first_name, last_name FROM contacts WHERE id = ?',
  );
  return seededInts(seed, count, contacts).map((id) => {
    const row = byId.get(id);
    return { first: searchKey(row?.first_name ?? ''), last: searchKey(row?.last_name ?? '') };
  });
}

/** Distinct non-empty searches, at most `count`, in the order made. */
function distinct(searches: readonly string[], count: number): string[] {
  return [...new Set(searches.filter((search) => search !== ''))].slice(0, count);
}

/**
 * The searches of the benchmark: beginnings (1–6 letters) of "last first"; first names alone; and
 * infixes, 3–5 letters from inside a last name (past its first letter), of contacts picked at random.
 */
function searchSamples(db: Database.Database, contacts: number, count: number) {
  const names = sampleNames(db, contacts, count * 20, 42);
  return {
    prefixes: distinct(
      names.map(({ first, last }, i) => `${last} ${first}`.slice(0, 1 + (i % 6)).trimEnd()),
      count,
    ),
    firstNames: distinct(
      names.map(({ first }) => first),
      count,
    ),
    infixes: distinct(
      names
        .map(({ last }, i) => [...last].slice(1, 4 + (i % 3)).join(''))
        .filter((infix) => infix.length >= 3),
      count,
    ),
  };
}

function listFilter(search: string, access: Grant | null) {
  return { search, access, propertyId: null, contractType: null, invitation: null, includeArchived: false };
}

/** A contact's fields as contacts.update takes them, from its detail. */
function contactInput(detail: ContactDetail, email: string) {
  const c = detail.contact;
  return {
    id: c.id,
    salutation: c.salutation,
    title: c.title,
    firstName: c.firstName,
    lastName: c.lastName,
    company: c.company,
    email,
    phone: c.phone,
    language: c.language,
    preference: c.preference,
    referenceId: c.referenceId,
    note: c.note,
    street: c.street,
    houseNo: c.houseNo,
    postcode: c.postcode,
    city: c.city,
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
    // The maintained figures (migration 9): the totals' five rows and the access counts' base rows.
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
      `INSERT INTO outbox (contact_id, recipient, language, subject, text_body, html_body, state, created_at)
       VALUES (?, ?, 'de', ?, ?, ?, 'queued', ?)`,
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
 * Each question is asked of the app and then, right after, of its floor, so that both see the same
 * machine (the load of a shared 2-core machine drifts); the JSON baseline comes last.
 */
export async function measureDataDir(input: MeasureInput): Promise<MeasureOutput> {
  const { facts } = input;
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
  const dbFile = path.join(input.dataDir, DATABASE_FILE);
  const today = BENCH_TODAY;
  const contactIds = seededInts(7, ACCESS_SAMPLES, facts.contacts);
  const largest = facts.largestPropertyId;
  const bulk = facts.bulkPropertyId;

  gc();
  const rssBeforeOpenBytes = process.memoryUsage().rss;
  const opened = timeSync(() =>
    createCore({ dataDir: input.dataDir, clock: pinnedClock(today), actor: 'bench' }),
  );
  const core = opened.value;
  const rssAfterOpenBytes = process.memoryUsage().rss;
  const invoke = invoker(core);

  // The floor's connection: same file, same pragmas as the app's, its own default page cache.
  const db = new Database(dbFile);
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  const s = floorStatements(db);
  const bounds = accessBounds(WINDOWS_ON, today);
  const settingsRows = settingsRepository(db);
  const contacts = contactRepository(db);
  const contracts = contractRepository(db);
  const repo = accessRepository(db);
  const figures = accessFigures(db);

  // ── seats: the overview (counts, contacts by access, seats) and the bare seat count
  const overviewFirst = row('overviewFirst', 'seat usage: overview, first after open', 'portfolio.overview');
  overviewFirst.app = single((await timeOnce(() => invoke('portfolio.overview'))).ms);
  const overview = row('overview', 'seat usage: overview (counts, by access, seats)', 'portfolio.overview');
  gc();
  overview.app = await measure(10, () => invoke('portfolio.overview'), { warmup: 1 });
  overview.floor = measureSync(
    10,
    () => {
      settingsRows.get('access');
      s.totals.all();
      s.accessBase.all();
    },
    1,
  );
  const seats = row('seatCount', 'seat usage: the seat count alone', 'accessFigures.accessOn');
  seats.app = measureSync(20, () => figures.accessOn(today).seats, 2);
  seats.floor = measureSync(20, () => s.accessBase.all(), 2);
  const recount = row(
    'seatRecount',
    'seat usage: recounted from all contracts (SQL)',
    'accessRepository.seatsUsed',
  );
  recount.app = measureSync(5, () => repo.seatsUsed(WINDOWS_ON, today), 1);
  recount.floor = measureSync(5, () => s.seatCount.get(bounds), 1);
  const forecast = row('seatForecast', 'seat forecast, 12 months (chart)', 'settings.seatForecast');
  gc();
  forecast.app = await measure(10, () => invoke('settings.seatForecast'), { warmup: 1 });
  const turnover = row('dayTurnover', 'the day turning over: figures advanced once', 'accessFigures.settle');
  turnover.app = single(
    timeSync(() => {
      try {
        db.transaction(() => {
          figures.settle(WINDOWS_ON, addDays(today, 1));
          throw new Error('rolled back: measured only');
        })();
      } catch {
        // the advance is rolled back: the app's own connection advances it when its day turns
      }
    }).ms,
  );

  // ── one contact's access: the contact page, the repository + policy, the policy alone
  const contactGet = row('contactGet', "one contact's access: the contact page", 'contacts.get');
  gc();
  contactGet.app = await measure(ACCESS_SAMPLES, (i) => invoke('contacts.get', { id: contactIds[i] }));
  contactGet.floor = measureSync(ACCESS_SAMPLES, (i) => {
    const id = contactIds[i] as number;
    settingsRows.get('access');
    contacts.get(id);
    contacts.registeredAt(id);
    contracts.viewsOfContact(id);
    contacts.latestInvitation(id);
  });
  const narrow = row('access', "one contact's access: repository + policy", 'contractsOf + contactAccess');
  const factsOf = (id: number): ContactFacts => ({ id, archived: false, registered: false });
  gc();
  narrow.app = measureSync(ACCESS_SAMPLES, (i) => {
    const id = contactIds[i] as number;
    contactAccess(factsOf(id), repo.contractsOf(id), WINDOWS_ON, today);
  });
  narrow.floor = measureSync(ACCESS_SAMPLES, (i) => s.contractsOfContact.all(contactIds[i]));
  const prefetched: ContractFacts[][] = contactIds.map((id) => repo.contractsOf(id));
  row('policy', "one contact's access: the policy alone", 'contactAccess').app = measureSync(
    ACCESS_SAMPLES,
    (i) =>
      contactAccess(factsOf(contactIds[i] as number), prefetched[i] as ContractFacts[], WINDOWS_ON, today),
  );

  // ── role share "all tenants" of the largest property: the share dialog's preview (when it
  // exists), a page of its recipient list, and the resolution alone. Floor: the resolution's
  // two statements; the preview's: the recipients by name with their e-mail and the skipped
  // contacts, then the rows, contracts and unit names of the first page and the skipped, and the
  // rows of the first page of those without e-mail; a page's: count and page, then the page's rows,
  // contracts and unit names.
  const scope = { ...bounds, propertyId: largest, allUnits: 1, unitIds: '[]', role: 'tenant' };
  const resolveFloor = () => {
    const recipients = s.roleRecipients.all(scope) as { contact_id: number }[];
    const skipped = s.roleWindowContracts.all(scope) as { contact_id: number }[];
    return [...recipients, ...skipped].map((r) => r.contact_id);
  };
  /** The rows, contracts and unit names of the contacts a view is built for. */
  const viewFloor = (ids: readonly number[]) => {
    const json = JSON.stringify(ids);
    s.recipientRows.all(json);
    const own = s.contractsOfIds.all(json) as { unit_id: number }[];
    s.unitNames.all(JSON.stringify([...new Set(own.map((k) => k.unit_id))]));
  };
  if (isChannel('sharing.preview') && isChannel('content.create')) {
    const preview = row(
      'sharingPreview',
      'role share "all tenants", largest property: dialog',
      'sharing.preview',
    );
    const further = isChannel('sharing.recipients')
      ? row('sharingPage', 'role share "all tenants", largest property: list page', 'sharing.recipients')
      : null;
    try {
      const content = await invoke<{ id: number }>('content.create', {
        kind: 'announcement',
        title: 'Benchmark: Hinweis an alle Mieter',
        propertyId: largest,
        text: 'Die Heizung wird am Montag gewartet.',
      });
      const payload = {
        contentId: content.id,
        target: { mode: 'role', role: 'tenant', propertyId: largest, unitIds: null },
      };
      const answer = await invoke<{
        recipientCount: number;
        recipients: unknown[];
        skipped: unknown[];
        needsPostCount: number;
      }>('sharing.preview', payload);
      preview.info =
        `${answer.recipientCount} recipients (${answer.recipients.length} on the first page), ` +
        `${answer.skipped.length} skipped, ${answer.needsPostCount} without e-mail`;
      gc();
      preview.app = await measure(20, () => invoke('sharing.preview', payload), { warmup: 3 });
      const pageSize = Math.max(1, answer.recipients.length);
      preview.floor = measureSync(
        20,
        () => {
          const reached = s.roleRecipientsByName.all(scope) as { id: number; email: string | null }[];
          const skipped = (s.roleWindowContracts.all(scope) as { contact_id: number }[]).map(
            (r) => r.contact_id,
          );
          viewFloor([...reached.slice(0, pageSize).map((r) => r.id), ...skipped]);
          const byPost = reached.filter((r) => r.email === null).slice(0, pageSize);
          s.recipientRows.all(JSON.stringify(byPost.map((r) => r.id)));
        },
        3,
      );
      if (further !== null) {
        // The middle page of the list: SQL sorts the whole set whichever page is asked for.
        const page = {
          ...payload,
          offset: Math.floor(answer.recipientCount / 2 / pageSize) * pageSize,
          limit: pageSize,
        };
        further.info = `${pageSize} recipients from offset ${page.offset}`;
        gc();
        further.app = await measure(20, () => invoke('sharing.recipients', page), { warmup: 3 });
        further.floor = measureSync(
          20,
          () => {
            s.roleRecipientCount.get(scope);
            const rows = s.roleRecipientPage.all({ ...scope, offset: page.offset, limit: page.limit }) as {
              id: number;
            }[];
            viewFloor(rows.map((r) => r.id));
          },
          3,
        );
      }
    } catch (error) {
      rows.delete('sharingPreview');
      rows.delete('sharingPage');
      notes.push(`sharing.preview could not be measured: ${(error as Error).message}`);
    }
  } else {
    notes.push(
      'sharing.preview does not exist yet: the role share is measured on accessRepository.resolveRoleShare.',
    );
  }
  const resolve = row(
    'roleShare',
    'role share "all tenants", largest property: resolution',
    'accessRepository.resolveRoleShare',
  );
  const roleScope = { propertyId: largest, unitIds: null, role: 'tenant' } as const;
  const resolution = repo.resolveRoleShare(roleScope, WINDOWS_ON, today);
  resolve.info = `${resolution.recipients.length} recipients, ${resolution.skipped.length} skipped (${facts.largestPropertyUnits} units)`;
  gc();
  resolve.app = measureSync(50, () => repo.resolveRoleShare(roleScope, WINDOWS_ON, today), 5);
  resolve.floor = measureSync(50, resolveFloor, 5);

  // ── contact search: a page of matches plus the access chips' counts of all matches, by the
  // beginning of a name, by a first name and by a part from inside a last name
  const prepared = new Map<string, Database.Statement>();
  const statement = (sql: string) => {
    let st = prepared.get(sql);
    if (st === undefined) {
      st = db.prepare(sql);
      prepared.set(sql, st);
    }
    return st;
  };
  const listFloor = (search: string, access: Grant | null, withCounts: boolean) => {
    const sql = contactListStatements(listFilter(search, access), bounds);
    // A search counts up to the bound; the whole list reads the maintained figures.
    if (withCounts && search !== '')
      for (const count of Object.values(sql.counts))
        statement(count.sql).get({ ...count.params, bound: CONTACT_COUNT_BOUND + 1 });
    else if (withCounts) s.accessBase.all();
    const page = statement(sql.page).all({ ...sql.pageParams, offset: 0, limit: 50 }) as { id: number }[];
    contracts.factsOfContacts(page.map((r) => r.id));
  };
  /** Measures one search row: `searches` after `warm` ones; the samples by the search's length. */
  const measureSearches = async (
    key: string,
    question: string,
    what: string,
    all: readonly string[],
  ): Promise<{ row: Row; searches: string[]; byLength: number[][] }> => {
    const warm = all.slice(SEARCH_SAMPLES);
    const searches = all.slice(0, SEARCH_SAMPLES);
    for (const search of warm) {
      await invoke('contacts.list', { search });
      listFloor(search, null, true);
    }
    const byLength: number[][] = [[], [], [], [], [], [], []];
    const r = row(key, question, 'contacts.list');
    let matches = 0;
    gc();
    r.app = await measure(
      searches.length,
      async (i) => {
        const search = searches[i] as string;
        const start = performance.now();
        const page = await invoke<ContactListPage>('contacts.list', { search });
        byLength[Math.min(6, search.length)]?.push(performance.now() - start);
        matches += page.total;
      },
      { warmup: 0 },
    );
    r.floor = measureSync(searches.length, (i) => listFloor(searches[i] as string, null, true), 0);
    r.info = `${searches.length} ${what}, ${Math.round(matches / searches.length)} matches on average`;
    return { row: r, searches, byLength };
  };
  const samples = searchSamples(db, facts.contacts, SEARCH_SAMPLES + 20);
  const {
    row: search,
    searches: prefixes,
    byLength: searchSamplesByLength,
  } = await measureSearches(
    'search',
    'contact search by name prefix (page + counts)',
    'prefixes of 1–6 letters',
    samples.prefixes,
  );
  await measureSearches(
    'searchFirstName',
    'contact search by first name (page + counts)',
    'first names',
    samples.firstNames,
  );
  await measureSearches(
    'searchInfix',
    'contact search by a part inside a last name (page + counts)',
    'infixes of 3–5 letters',
    samples.infixes,
  );
  const searchByLength: Record<string, Timing> = {};
  searchSamplesByLength.forEach((lengthSamples, length) => {
    if (lengthSamples.length > 0) searchByLength[String(length)] = summarise(lengthSamples);
  });

  // ── the contact list by name with a state filter. The first request counts all contacts by
  // access for the chips (kept until the next write); a state chip then only pages.
  const listFirst = row(
    'listFirst',
    'contacts list, first open (state filter + counts of all)',
    'contacts.list',
  );
  listFirst.app = single(
    (await timeOnce(() => invoke<ContactListPage>('contacts.list', { access: 'post' }))).ms,
  );
  listFirst.floor = single(timeSync(() => listFloor('', 'post', true)).ms);
  for (const state of STATES) {
    const r = row(`list:${state}`, `contacts list page by name, state = ${state}`, 'contacts.list');
    const page = await invoke<ContactListPage>('contacts.list', { access: state });
    r.info = `${page.total} contacts`;
    gc();
    r.app = await measure(50, () => invoke('contacts.list', { access: state }), { warmup: 5 });
    r.floor = measureSync(50, () => listFloor('', state, false), 5);
  }

  // ── the impact of turning "Zugang nach Vertragsende" on with 60 days (pre 30 on, post off)
  await invoke('settings.updateAccess', OFF_POST);
  const impact = row('impact', 'impact of post-contract access on, 60 days', 'settings.previewAccessImpact');
  const impactValue = await invoke<{ gained: number[]; seatsBefore: number; seatsAfter: number }>(
    'settings.previewAccessImpact',
    WINDOWS_ON,
  );
  impact.info = `${impactValue.gained.length} regain access, seats ${impactValue.seatsBefore} → ${impactValue.seatsAfter}`;
  gc();
  impact.app = await measure(20, () => invoke('settings.previewAccessImpact', WINDOWS_ON), { warmup: 3 });
  const before = accessBounds(OFF_POST, today);
  const after = accessBounds(WINDOWS_ON, today);
  const impactParams = {
    day: today,
    candidatePreUntil: before.preUntil > after.preUntil ? before.preUntil : after.preUntil,
    candidatePostFrom: before.postFrom < after.postFrom ? before.postFrom : after.postFrom,
    beforePreUntil: before.preUntil,
    beforePostFrom: before.postFrom,
    afterPreUntil: after.preUntil,
    afterPostFrom: after.postFrom,
  };
  impact.floor = measureSync(
    20,
    () => {
      settingsRows.get('access');
      s.impact.all(impactParams);
      s.accessBase.all();
    },
    3,
  );
  await invoke('settings.updateAccess', WINDOWS_ON);

  // ── bulk invitation of the ~1,000-unit property: the preview, then inviting every eligible
  // contact once. Floor: the reading statements; the invitation adds its inserts (rolled back).
  const readProperty = () => {
    s.property.get(bulk);
    s.invitees.all({ propertyId: bulk });
    s.inviteeContracts.all({ propertyId: bulk });
    s.inviteeUnits.all({ propertyId: bulk });
  };
  const preview = await invoke<PropertyInvitePreview>('invitations.previewProperty', { propertyId: bulk });
  const previewRow = row(
    'invitePreview',
    `bulk invite: preview (${facts.bulkPropertyUnits} units)`,
    'invitations.previewProperty',
  );
  previewRow.info = `${preview.eligible.length} eligible, ${preview.ineligible.length} not`;
  gc();
  previewRow.app = await measure(10, () => invoke('invitations.previewProperty', { propertyId: bulk }), {
    warmup: 2,
  });
  previewRow.floor = measureSync(10, readProperty, 2);
  const eligible = preview.eligible.map((candidate) => candidate.contactId);
  const letterCount = preview.eligible.filter((candidate) => candidate.channel === 'letter').length;
  const mail = { subject: 'Ihre Einladung', text: 'x'.repeat(900), html: 'x'.repeat(1800) };
  const now = new Date().toISOString();
  const invite = row(
    'invite',
    `bulk invite: invite all eligible (${facts.bulkPropertyUnits} units)`,
    'invitations.inviteProperty',
  );
  invite.floor = single(
    timeSync(() => {
      db.exec('BEGIN IMMEDIATE');
      try {
        readProperty();
        s.openInvitations.all({ propertyId: bulk });
        eligible.forEach((contactId) => {
          const hash = `bench-floor-${contactId}-${'0'.repeat(48)}`;
          const id = s.insertInvitation.run(
            contactId,
            hash,
            now,
            addDays(today, 30),
            'email',
          ).lastInsertRowid;
          s.insertOutbox.run(contactId, 'a@example.org', mail.subject, mail.text, mail.html, now);
          s.insertAudit.run(now, 'bench', 'invitations.create', 'invitation', String(id), null, '{}');
        });
      } finally {
        db.exec('ROLLBACK');
      }
    }).ms,
  );
  gc();
  const invited = await timeOnce(() =>
    invoke<{ emailed: number; letters: number }>('invitations.inviteProperty', {
      propertyId: bulk,
      contactIds: eligible,
    }),
  );
  invite.app = single(invited.ms);
  invite.info = `${invited.value.emailed} e-mails + ${invited.value.letters} letters (one PDF)`;

  // ── one small change: a contact's e-mail (transaction + audit row + the contact page as answer)
  const changed = await invoke<ContactDetail>('contacts.get', { id: contactIds[0] });
  const change = row('change', 'one change: save a contact', 'contacts.update');
  gc();
  change.app = await measure(
    20,
    (i) => invoke('contacts.update', contactInput(changed, `bench-${i}@example.org`)),
    {
      warmup: 2,
    },
  );
  // The app also rewrites the contact's row of the search index in the same transaction.
  const writeSearch = contactSearchIndex(db);
  const searched = db
    .prepare<[number], SearchedFields>(
      'SELECT first_name, last_name, company, email, reference_id FROM contacts WHERE id = ?',
    )
    .get(contactIds[0]!)!;
  change.floor = measureSync(
    20,
    (i) => {
      db.transaction(() => {
        s.updateEmail.run(`floor-${i}@example.org`, contactIds[0]);
        writeSearch(contactIds[0]!, { ...searched, email: `floor-${i}@example.org` });
        s.insertAudit.run(now, 'bench', 'contact.update', 'contact', String(contactIds[0]), '{}', '{}');
      })();
    },
    2,
  );

  // The main process's memory after all questions, without the floor's connection.
  db.close();
  gc();
  const memory = process.memoryUsage();
  core.close();

  // The letters' share of the bulk invitation: the same number of pages rendered alone.
  if (letterCount > 0) {
    const letters: InvitationLetter[] = Array.from({ length: letterCount }, (_, i) => ({
      language: 'de',
      addressee: {
        salutation: 'ms',
        title: null,
        firstName: 'Erika',
        lastName: `Mustermann ${i}`,
        company: null,
        street: 'Musterstraße',
        houseNo: '12',
        postcode: '10115',
        city: 'Berlin',
      },
      code: 'ABCD-EFGH-JKLM',
      expiresOn: addDays(today, 30),
      date: today,
      organisation: defaultOrganisation,
    }));
    const pdf = await timeOnce(() => renderInvitationLetters(letters));
    invite.info += `; rendering ${letterCount} letter pages alone takes ${pdf.ms.toFixed(0)} ms`;
  }

  // ── the JSON baseline, in the same process, after the app's memory was measured
  let baselineLoadMs: number | null = null;
  let baselineRssBytes: number | null = null;
  if (input.baselineFile !== null && fs.existsSync(input.baselineFile)) {
    gc();
    const loaded = timeSync(() => readDocument(input.baselineFile as string));
    baselineLoadMs = loaded.ms;
    const doc = loaded.value;
    const store: BaselineStore = baselineStore(input.baselineFile, doc, today);
    const budget = { budgetMs: input.baselineBudgetMs, warmup: 1 };
    at('overviewFirst').baseline = single(timeSync(() => store.overview()).ms);
    at('overview').baseline = await measure(10, () => store.overview(), budget);
    at('seatCount').baseline = await measure(10, () => store.seats(), budget);
    const baseAccess = await measure(ACCESS_SAMPLES, (i) => store.access(contactIds[i] as number), budget);
    at('contactGet').baseline = baseAccess;
    at('access').baseline = baseAccess;
    const baseRole = await measure(20, () => store.roleShare(largest, 'tenant'), budget);
    at('roleShare').baseline = baseRole;
    if (rows.has('sharingPreview')) at('sharingPreview').baseline = baseRole;
    search.baseline = await measure(prefixes.length, (i) => store.search(prefixes[i] as string), budget);
    listFirst.baseline = single(timeSync(() => store.listPage('post')).ms);
    for (const state of STATES) {
      at(`list:${state}`).baseline = await measure(50, () => store.listPage(state), budget);
    }
    doc.settings = OFF_POST;
    impact.baseline = await measure(20, () => store.impact(WINDOWS_ON), budget);
    doc.settings = WINDOWS_ON;
    previewRow.baseline = await measure(10, () => store.invitePreview(bulk), budget);
    invite.baseline = single(timeSync(() => store.inviteProperty(bulk)).ms);
    change.baseline = await measure(
      20,
      (i) => store.updateContact(contactIds[0] as number, `bench-${i}@example.org`),
      { budgetMs: input.baselineBudgetMs, warmup: 0 },
    );
    gc();
    baselineRssBytes = process.memoryUsage().rss;
  }

  return {
    openMs: opened.ms,
    rows: [...rows.values()],
    rssBeforeOpenBytes,
    rssAfterOpenBytes,
    rssBytes: memory.rss,
    heapUsedBytes: memory.heapUsed,
    heapTotalBytes: memory.heapTotal,
    externalBytes: memory.external,
    searchByLength,
    baselineLoadMs,
    baselineRssBytes,
    notes,
  };
}
