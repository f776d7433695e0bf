/**
 * The sharing tests' core: the demo portfolio on a pinned today (2026-11-27) with pre-contract access
 * 30 days and post-contract access 60 days, and the generated portfolio it was written from (to
 * compute expectations with the pure policy).
 *
 * Requests go through `core.invoke` like the renderer's. Until services/index.ts registers the
 * content channels, the content/sharing/portal channels are answered by `createContentHandlers` on
 * a second connection to the same data store, behind the same validation and error mapping as
 * `core.invoke` — once registered, everything goes through the core itself.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect } from 'vitest';
import type { z } from 'zod';
import type { AccessSettings, ContactFacts, ContractFacts, IsoDate } from '../../../shared/domain';
import { DomainError, errorCodes, type ErrorCode, type Result } from '../../../shared/errors';
import { contract, isChannel, type Channel } from '../../../shared/ipc';
import { contentChannels } from '../../../shared/contract/content';
import { createContext, type CoreContext } from '../../../src-main/core/context';
import { createCore, DATABASE_FILE, type Core } from '../../../src-main/core/core';
import { openDatabase } from '../../../src-main/core/db/connection';
import { generatePortfolio, type DemoPortfolio } from '../../../src-main/core/demo/generate';
import { memoryPreferenceStore } from '../../../src-main/core/preferences';
import { memorySecretStore } from '../../../src-main/core/secrets';
import { createHandlers } from '../../../src-main/core/services';
import { createContentHandlers } from '../../../src-main/core/services/contentHandlers';
import { mailService } from '../../../src-main/core/services/mailService';
import { organisationService } from '../../../src-main/core/services/organisationService';
import { outboxService } from '../../../src-main/core/services/outboxService';
import { DEMO_SEED } from '../../../src-main/core/services/portfolioService';
import { settingsService } from '../../../src-main/core/services/settingsService';
import { movableClock, type MovableClock } from '../invitations/support';
import { expectOk, snapshotDatabase, tempDir } from '../support';

export const TODAY = '2026-11-27';

export const ACCESS: AccessSettings = {
  preContract: { enabled: true, days: 30 },
  postContract: { enabled: true, days: 60 },
  seatQuota: null,
};

export interface SharingCore extends Core {
  dataDir: string;
  clock: MovableClock;
  portfolio: DemoPortfolio;
  /** Pure-policy facts of the demo portfolio as generated (before any change in the test). */
  contactFacts: ContactFacts[];
  contractFacts: ContractFacts[];
}

const closers: (() => void)[] = [];
afterEach(() => {
  while (closers.length) closers.pop()?.();
});

const codeSet: ReadonlySet<string> = new Set(errorCodes);

function isContentChannel(channel: string): boolean {
  return Object.hasOwn(contentChannels, channel);
}

/** A second context on the data store, for the content handlers while they are not registered. */
function localContext(dataDir: string, clock: MovableClock): CoreContext {
  const db = openDatabase(path.join(dataDir, DATABASE_FILE));
  closers.push(() => db.close());
  return createContext({
    db,
    dataDir,
    clock,
    actor: 'unit-test',
    preferences: memoryPreferenceStore({ language: 'de' }),
    secrets: memorySecretStore(),
    emit: () => undefined,
  });
}

/** Validation and error mapping as in `core.invoke`. */
async function invokeLocal(
  handlers: Record<string, (payload: unknown) => unknown>,
  channel: Channel,
  payload: unknown,
): Promise<Result<unknown>> {
  const parsed = (contract[channel].request as z.ZodType).safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const code = issue?.message && codeSet.has(issue.message) ? (issue.message as ErrorCode) : 'INVALID_PAYLOAD';
    return { ok: false, error: { code, params: { field: issue?.path.join('.') ?? '' } } };
  }
  try {
    const handler = handlers[channel];
    if (handler === undefined) throw new Error(`no handler for ${channel}`);
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, error: { code: error.code, params: error.params } };
    throw error;
  }
}

/** The demo portfolio, pinned today, pre 30 / post 60 days on. */
export async function sharingCore(today: IsoDate = TODAY): Promise<SharingCore> {
  const dataDir = tempDir('portal-sharing-');
  const clock = movableClock(today);
  const core = createCore({
    dataDir,
    clock,
    actor: 'unit-test',
    preferences: memoryPreferenceStore({ language: 'de' }),
    secrets: memorySecretStore(),
  });
  closers.push(() => core.close());
  expectOk(await core.invoke('app.chooseFirstStart', 'demo'));
  expectOk(await core.invoke('settings.updateAccess', ACCESS));

  const ctx = localContext(dataDir, clock);
  const wired = 'content.list' in createHandlers(ctx);
  const coreInvoke = core.invoke.bind(core);
  let invoke = coreInvoke;
  if (!wired) {
    const organisation = organisationService(ctx);
    const outbox = outboxService(ctx, mailService(ctx, organisation));
    const handlers = createContentHandlers(ctx, settingsService(ctx), { outbox, organisation }) as unknown as Record<
      string,
      (payload: unknown) => unknown
    >;
    invoke = (channel, payload) =>
      isChannel(channel) && isContentChannel(channel)
        ? invokeLocal(handlers, channel, payload)
        : coreInvoke(channel, payload);
  }

  const portfolio = generatePortfolio({ seed: DEMO_SEED, today });
  const registered = new Set(portfolio.portalAccounts.map((a) => a.contact_id));
  return Object.assign(core, {
    invoke,
    dataDir,
    clock,
    portfolio,
    contactFacts: portfolio.contacts.map((c) => ({
      id: c.id,
      archived: c.archived === 1,
      registered: registered.has(c.id),
    })),
    contractFacts: portfolio.contracts.map((k) => ({
      id: k.id,
      contactId: k.contact_id,
      unitId: k.unit_id,
      propertyId: k.property_id,
      type: k.type,
      start: k.start_date,
      end: k.end_date,
    })),
  });
}

export async function ok<T>(core: Core, channel: string, payload?: unknown): Promise<T> {
  return expectOk<T>(await core.invoke(channel, payload));
}

/** Invokes a request that must be refused with `code` and leave every table as it was. */
export async function expectRefused(
  core: SharingCore,
  channel: string,
  payload: unknown,
  code: ErrorCode,
  params?: Record<string, unknown>,
): Promise<void> {
  const before = snapshotDatabase(core.dataDir);
  const result = await core.invoke(channel, payload);
  expect(result, JSON.stringify(result).slice(0, 500)).toMatchObject({ ok: false, error: { code } });
  if (params !== undefined && !result.ok) expect(result.error.params).toMatchObject(params);
  expect(snapshotDatabase(core.dataDir)).toBe(before);
}

/** A contact of the generated demo portfolio. */
export function demoContact(core: SharingCore, id: number) {
  const row = core.portfolio.contacts.find((c) => c.id === id);
  if (row === undefined) throw new Error(`no demo contact ${id}`);
  return row;
}

/** A read-only connection to the data store. */
export function readDatabase<T>(core: SharingCore, work: (db: Database.Database) => T): T {
  const db = new Database(path.join(core.dataDir, DATABASE_FILE), { readonly: true });
  try {
    return work(db);
  } finally {
    db.close();
  }
}

export interface AuditRow {
  id: number;
  action: string;
  entity: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
}

export function auditRows(core: SharingCore): AuditRow[] {
  return readDatabase(core, (db) =>
    db.prepare<[], AuditRow>('SELECT id, action, entity, entity_id, before, after FROM audit ORDER BY id').all(),
  );
}

export interface OutboxRowView {
  id: number;
  contact_id: number | null;
  recipient: string;
  language: 'de' | 'en';
  subject: string;
  text_body: string;
  html_body: string;
  state: string;
}

export function outboxRows(core: SharingCore): OutboxRowView[] {
  return readDatabase(core, (db) =>
    db
      .prepare<[], OutboxRowView>(
        'SELECT id, contact_id, recipient, language, subject, text_body, html_body, state FROM outbox ORDER BY id',
      )
      .all(),
  );
}
