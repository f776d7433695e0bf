/**
 * Datenschutz: the retention period, deletion candidates (policy/retention.ts) and their
 * anonymisation (README "Data protection").
 *
 * Anonymising a contact, in one transaction for the whole selection, all or nothing:
 * - its master data is cleared (name "Anonymisiert #<id>", reference "ANON-<id>", everything else
 *   empty or neutral) and it is archived and stamped `anonymised_at`;
 * - its pending and expired invitations are revoked (their codes register no one any more), its
 *   live individual shares revoked, and the mail written to it deleted from the outbox (each copy
 *   holds its address, name and letter);
 * - contracts, invitations, shares and its portal registration stay as rows without personal data
 *   (dates, units and contract numbers are needed for accounting);
 * - audit rows are kept: when, who, what and which id. The personal values recorded in the contact's
 *   own rows (master data before/after) and in the rows of its mail (recipient, delivery error) are
 *   replaced by REDACTED; the anonymisation's own row names the contact by id only.
 * A contact that is not a candidate today refuses the whole request: NOT_A_DELETION_CANDIDATE.
 * The transaction runs with SQLite's secure_delete (freed space is zeroed) and is followed by a
 * truncating checkpoint, so the old values are not left in the file or its write-ahead log either.
 * Backups made before keep them until they are rotated out.
 */
import { DomainError } from '../../../shared/errors';
import type {
  AnonymiseResult,
  DataProtectionSettings,
  DeletionCandidate,
  DeletionCandidatePage,
} from '../../../shared/ipc';
import { dataProtectionSettingsSchema } from '../../../shared/contract/dataProtection';
import { contactInputSchema } from '../../../shared/contract/portfolio';
import { portfolioChanged, type CoreContext } from '../context';
import { erasingOldValues } from '../db/connection';
import { compactContactSearch, contactSearchIndex } from '../db/contactSearchIndex';
import { auditRepository, type AuditRow } from '../db/auditRepository';
import { contractRepository } from '../db/contractRepository';
import { dataProtectionRepository } from '../db/dataProtectionRepository';
import { groupContractsByContact } from '../policy';
import { candidateEndLimit, deletionVerdict, retentionCutoff } from '../policy/retention';
import { displayName, nameOfRow } from './portfolioViews';
import type { SettingsService } from './settingsService';
import { storedSetting } from './storedSetting';

const SETTINGS_KEY = 'dataProtection';

/**
 * Two years after access ends: long enough for the last utility bill (due within 12 months of the
 * accounting period) and a dispute about it; the manager sets 1–120 months.
 */
export const defaultDataProtectionSettings: DataProtectionSettings = { retentionMonths: 24 };

/** What replaces a personal value in a kept audit row. */
export const REDACTED = '[anonymised]';

/** Every master-data field of a contact, as the audit records them: all that a contact input holds. */
const CONTACT_FIELDS = contactInputSchema.keyof().options;
/** What the audit records of a mail that can name its recipient (outboxService). */
const OUTBOX_FIELDS = ['recipient', 'error'] as const;

/** `json` with the given keys' non-null values replaced by REDACTED; null when nothing changed. */
function redactedJson(json: string | null, keys: readonly string[]): string | null {
  if (json === null) return null;
  const value: unknown = JSON.parse(json);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  let changed = false;
  for (const key of keys) {
    if (Object.hasOwn(record, key) && record[key] !== null && record[key] !== REDACTED) {
      record[key] = REDACTED;
      changed = true;
    }
  }
  return changed ? JSON.stringify(record) : null;
}

export function dataProtectionService(ctx: CoreContext, settings: SettingsService) {
  const stored = storedSetting(
    ctx,
    SETTINGS_KEY,
    dataProtectionSettingsSchema,
    defaultDataProtectionSettings,
  );
  const repo = dataProtectionRepository(
    ctx.store,
    ctx.store.engine === 'sqlite' ? contactSearchIndex(ctx.db) : undefined,
  );
  const contracts = contractRepository(ctx.store);
  const auditLog = auditRepository(ctx.store);

  const getSettings = stored.get;

  /** Redacts the personal values in kept audit rows; the number of rows changed. */
  async function redactAudit(read: Promise<readonly AuditRow[]>, keys: readonly string[]): Promise<number> {
    let changed = 0;
    for (const row of await read) {
      const before = redactedJson(row.before, keys);
      const after = redactedJson(row.after, keys);
      if (before === null && after === null) continue;
      await auditLog.redact(row.id, before ?? row.before, after ?? row.after);
      changed += 1;
    }
    return changed;
  }

  /** The one transaction of `anonymise`. */
  async function anonymiseAll(ids: readonly number[]): Promise<AnonymiseResult> {
    return await ctx.change(
      async (audit) => {
        const today = ctx.clock.today();
        const access = settings.getAccess();
        const { retentionMonths } = getSettings();
        const rows = await repo.contacts(ids);
        const byContact = groupContractsByContact(await contracts.factsOfContacts(ids));
        const verdicts = ids.map((id) => {
          const row = rows.get(id);
          if (row === undefined) throw new DomainError('NOT_FOUND', { entity: 'contact', id });
          const verdict = deletionVerdict(
            { id, anonymised: row.anonymised_at !== null },
            byContact.get(id) ?? [],
            access,
            retentionMonths,
            today,
          );
          if (!verdict.candidate) {
            throw new DomainError('NOT_A_DELETION_CANDIDATE', {
              contactId: id,
              name: displayName(nameOfRow(row)),
              reason: verdict.reason,
            });
          }
          return verdict;
        });

        const now = ctx.clock.now();
        const total: AnonymiseResult = {
          anonymised: 0,
          invitationsRevoked: 0,
          sharesRevoked: 0,
          outboxRemoved: 0,
          auditRowsRedacted: 0,
        };
        for (const [index, id] of ids.entries()) {
          const verdict = verdicts[index]!;
          const outboxIds = await repo.outboxIds(id);
          const auditRowsRedacted =
            (await redactAudit(auditLog.ofEntities('contact', [String(id)]), CONTACT_FIELDS)) +
            (await redactAudit(auditLog.ofEntities('outbox', outboxIds.map(String)), OUTBOX_FIELDS));
          const invitationsRevoked = await repo.revokeInvitations(id, now);
          const sharesRevoked = await repo.revokeShares(id, now);
          const outboxRemoved = await repo.deleteOutbox(id);
          const name = `Anonymisiert #${id}`;
          await repo.clearContact(id, { name, reference: `ANON-${id}` }, now);
          audit({
            action: 'dataProtection.anonymise',
            entity: 'contact',
            entityId: id,
            before: {
              lastContractEnd: verdict.lastContractEnd,
              accessEnd: verdict.accessEnd,
              retentionMonths,
            },
            after: { anonymisedAt: now, invitationsRevoked, sharesRevoked, outboxRemoved, auditRowsRedacted },
          });
          total.anonymised += 1;
          total.invitationsRevoked += invitationsRevoked;
          total.sharesRevoked += sharesRevoked;
          total.outboxRemoved += outboxRemoved;
          total.auditRowsRedacted += auditRowsRedacted;
        }
        // In the change: its connection is the one the erasure runs on (db/connection.ts).
        compactContactSearch(ctx.db);
        return total;
      },
      { emits: portfolioChanged },
    );
  }

  return {
    getSettings,

    async updateSettings(next: DataProtectionSettings): Promise<DataProtectionSettings> {
      const before = getSettings();
      if (before.retentionMonths === next.retentionMonths) return before;
      await stored.save('dataProtection.updateSettings', before, next, { emits: {} });
      return next;
    },

    /** One page of today's candidates under the retention period and access settings in force. */
    async candidates(offset: number, limit: number): Promise<DeletionCandidatePage> {
      const today = ctx.clock.today();
      const access = settings.getAccess();
      const { retentionMonths } = getSettings();
      const endLimit = candidateEndLimit(access, retentionMonths, today);
      const total = await repo.candidateCount(endLimit);
      const rows = total > offset ? await repo.candidatePage(endLimit, offset, limit) : [];
      const byContact = groupContractsByContact(await contracts.factsOfContacts(rows.map((row) => row.id)));
      const verdicts = rows.map((row) => {
        const verdict = deletionVerdict(
          { id: row.id, anonymised: false },
          byContact.get(row.id) ?? [],
          access,
          retentionMonths,
          today,
        );
        // The SQL is the same rule as one index range (test/unit/dataProtection/differential.test.ts).
        if (!verdict.candidate) throw new Error(`contact ${row.id} listed as a candidate: ${verdict.reason}`);
        return verdict;
      });
      const names = await repo.contractNames(verdicts.map((verdict) => verdict.lastContractId));
      const items = rows.map((row, index): DeletionCandidate => {
        const verdict = verdicts[index]!;
        const contract = names.get(verdict.lastContractId)!;
        return {
          id: row.id,
          displayName: displayName(nameOfRow(row)),
          referenceId: row.reference_id,
          archived: row.archived === 1,
          lastContract: {
            id: contract.id,
            type: contract.type,
            number: contract.number,
            unitName: contract.unit_name,
            propertyName: contract.property_name,
            end: verdict.lastContractEnd,
          },
          accessEnd: verdict.accessEnd,
        };
      });
      return { total, items, retentionMonths, cutoff: retentionCutoff(today, retentionMonths) };
    },

    /** Anonymises the given candidates, all or none (see the file comment). */
    anonymise(contactIds: readonly number[]): Promise<AnonymiseResult> {
      const ids = [...new Set(contactIds)];
      return erasingOldValues(ctx.db, () => anonymiseAll(ids));
    },
  };
}
export type DataProtectionService = ReturnType<typeof dataProtectionService>;
