/**
 * The sharing tests' core: the demo portfolio on a pinned today (2026-11-27) with pre-contract access
 * 30 days and post-contract access 60 days, and the generated portfolio it was written from (to
 * compute expectations with the pure policy). Every request goes through `core.invoke`, as the renderer's do.
 */
import { afterEach } from 'vitest';
import type { AccessSettings, ContactFacts, ContractFacts, IsoDate } from '../../../shared/domain';
import { createCore, type Core } from '../../../src-main/core/core';
import { generatePortfolio, type DemoPortfolio } from '../../../src-main/core/demo/generate';
import { memoryPreferenceStore } from '../../../src-main/core/preferences';
import { memorySecretStore } from '../../../src-main/core/secrets';
import { DEMO_SEED } from '../../../src-main/core/services/portfolioService';
import { movableClock, type MovableClock } from '../invitations/support';
import { toContractFacts } from '../../../src-main/core/db/contractRepository';
import { folderSaveDialog, ok, readDatabase, tempDir, writeDemoPortfolio } from '../support';

export const TODAY = '2026-11-27';

export const ACCESS: AccessSettings = {
  preContract: { enabled: true, days: 30 },
  postContract: { enabled: true, days: 60 },
  seatQuota: null,
};

export interface SharingCore extends Core {
  /** Where exports were saved. */
  saved: ReturnType<typeof folderSaveDialog>;
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

/** The demo portfolio (without the demo's content and invitations), pinned today, pre 30 / post 60 days on. */
export async function sharingCore(today: IsoDate = TODAY): Promise<SharingCore> {
  const dataDir = tempDir('portal-sharing-');
  const clock = movableClock(today);
  const saved = folderSaveDialog();
  const core = createCore({
    dataDir,
    clock,
    actor: 'unit-test',
    preferences: memoryPreferenceStore({ language: 'de' }),
    secrets: memorySecretStore(),
    saveDialog: saved,
  });
  closers.push(() => core.close());
  writeDemoPortfolio({ dataDir }, today);
  await ok(core, 'settings.updateAccess', ACCESS);

  const portfolio = generatePortfolio({ seed: DEMO_SEED, today });
  const registered = new Set(portfolio.portalAccounts.map((a) => a.contact_id));
  return Object.assign(core, {
    dataDir,
    clock,
    saved,
    portfolio,
    contactFacts: portfolio.contacts.map((c) => ({
      id: c.id,
      archived: c.archived === 1,
      registered: registered.has(c.id),
    })),
    contractFacts: portfolio.contracts.map(toContractFacts),
  });
}

export { expectRefused } from '../support';

/** A contact of the generated demo portfolio. */
export function demoContact(core: SharingCore, id: number) {
  const row = core.portfolio.contacts.find((c) => c.id === id);
  if (row === undefined) throw new Error(`no demo contact ${id}`);
  return row;
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
    db
      .prepare<[], AuditRow>('SELECT id, action, entity, entity_id, before, after FROM audit ORDER BY id')
      .all(),
  );
}

export interface OutboxRowView {
  id: number;
  contact_id: number | null;
  channel: 'email' | 'letter';
  recipient: string;
  language: 'de' | 'en';
  state: string;
}

/** The outbox as stored: what each message is about, not its text (rendered when sent). */
export function outboxRows(core: SharingCore): OutboxRowView[] {
  return readDatabase(core, (db) =>
    db
      .prepare<[], OutboxRowView>(
        'SELECT id, contact_id, channel, recipient, language, state FROM outbox ORDER BY id',
      )
      .all(),
  );
}

/** Every message of the outbox as the Postausgang shows it (rendered now, codes masked). */
export async function renderedOutbox(
  core: SharingCore,
): Promise<(OutboxRowView & { subject: string; text_body: string; html_body: string })[]> {
  const rows = outboxRows(core);
  return Promise.all(
    rows.map(async (row) => {
      const message = await ok(core, 'outbox.get', { id: row.id });
      return { ...row, subject: message.subject, text_body: message.textBody, html_body: message.htmlBody };
    }),
  );
}
