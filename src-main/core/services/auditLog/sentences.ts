/**
 * An audit row as a property manager reads it: what was done (Aktion), to whom or what (Objekt),
 * and one sentence with names, dates and the values that changed (Beschreibung), in the reader's
 * language — "Freigabe ‚Heizungswartung‘ einzeln für Katharina Böhm (vor Vertragsbeginn)",
 * "Zugang nach Vertragsende: aus → an, 30 → 60 Tage". Built from the row's structured values and
 * the names of what it refers to as they are now (an anonymised contact reads "Anonymisiert #12");
 * rows written by older versions read the same, since the values were recorded the same way.
 */
import type { Language } from '../../../../shared/ipc';
import type { AuditRow } from '../../db/auditRepository';
import type { AuditNames } from '../../db/auditNames';
import { num, parse, reader, str, type Reader, type Row } from './reader';
import { isAuditAction, type AuditAction } from './texts';

export interface AuditSentence {
  action: string;
  object: string;
  description: string;
}

type Describe = (r: Reader, row: Row) => { object: string; description: string };

const numericId = (row: Row) => (row.id === null ? null : Number(row.id));

function contractOf(r: Reader, names: AuditNames, row: Row): string {
  const recorded = { ...row.before, ...row.after };
  const stored = numericId(row) === null ? null : names.contract(numericId(row) as number);
  const type = str(recorded.type) ?? stored?.type ?? 'tenant';
  const number = str(recorded.number) ?? stored?.number ?? '';
  const contactId = num(recorded.contactId) ?? stored?.contactId;
  return r.t.sentences.contract(r.t.contractType[type as 'tenant'], number, r.contact(contactId));
}

/** A day of an automatic rule: its day, how many, by e-mail and by letter. */
function automaticDay(
  r: Reader,
  row: Row,
  action: AuditAction,
  sentence: (day: string, count: number, emailed: number, letters: number) => string,
) {
  const n = (key: string) => num(row.after[key]) ?? 0;
  return {
    object: r.t.actions[action],
    description: sentence(r.day(row.after.day), n('count'), n('emailed'), n('letters')),
  };
}

function describers(names: AuditNames): Record<AuditAction, Describe> {
  const contactRow: Describe = (r, row) => ({ object: r.contact(numericId(row)), description: '' });
  const invitationContact = (r: Reader, row: Row) =>
    r.contact(num(row.after.contactId) ?? names.invitation(numericId(row) ?? 0));
  /** The changed settings, and "Passwort geändert" — never the password, only that it changed. */
  const changesWithPassword = (r: Reader, row: Row, skip: readonly string[] = []): string => {
    const changed = r.changes(row.before, row.after, ['hasPassword', 'passwordChanged', ...skip]);
    const password = row.after.passwordChanged === true ? (r.t.fields.passwordChanged ?? '') : null;
    if (password === null) return changed;
    return changed === r.t.sentences.noChanges ? password : `${changed}, ${password}`;
  };
  const settingsObject = (r: Reader, action: AuditAction) =>
    r.t.actions[action].replace(/ (geändert|changed)$/, '');
  return {
    'app.firstStart': (r) => ({ object: '', description: r.t.sentences.firstStart }),
    'demo.load': (r, row) => ({
      object: '',
      description: r.t.sentences.demo(num(row.after.contacts) ?? 0, r.day(row.after.today)),
    }),
    'contact.create': (r, row) => {
      const name = r.contact(numericId(row));
      return { object: name, description: r.t.sentences.created(`${r.t.entities.contact} ${name}`) };
    },
    'contact.update': (r, row) => {
      const name = contactRow(r, row).object;
      return { object: name, description: r.t.sentences.changed(name, r.changes(row.before, row.after)) };
    },
    'contact.archive': (r, row) => ({
      object: r.contact(numericId(row)),
      description: r.t.sentences.archived(r.contact(numericId(row))),
    }),
    'contact.unarchive': (r, row) => ({
      object: r.contact(numericId(row)),
      description: r.t.sentences.unarchived(r.contact(numericId(row))),
    }),
    'contract.create': (r, row) => {
      const contract = contractOf(r, names, row);
      const term = r.t.sentences.contractTerm(
        r.unit(row.after.unitId),
        r.day(row.after.start),
        r.day(row.after.end),
      );
      return {
        object: r.contact(row.after.contactId),
        description: `${r.t.sentences.created(contract)}: ${term}`,
      };
    },
    'contract.update': (r, row) => ({
      object: r.contact(row.after.contactId),
      description: r.t.sentences.changed(
        contractOf(r, names, row),
        r.changes(row.before, row.after, ['propertyId']),
      ),
    }),
    'contract.end': (r, row) => {
      const contract = contractOf(r, names, row);
      const stored = names.contract(numericId(row) ?? 0);
      return {
        object: stored === null ? '' : r.contact(stored.contactId),
        description: r.t.sentences.contractEnded(contract, r.day(row.after.end), r.day(row.before.end)),
      };
    },
    'property.create': (r, row) => {
      const name = r.property(numericId(row));
      return { object: name, description: r.t.sentences.created(`${r.t.entities.property} ${name}`) };
    },
    'property.update': (r, row) => {
      const name = r.property(numericId(row));
      return {
        object: name,
        description: r.t.sentences.changed(
          `${r.t.entities.property} ${name}`,
          r.changes(row.before, row.after),
        ),
      };
    },
    'unit.create': (r, row) => {
      const unit = r.unit(numericId(row));
      return { object: unit, description: r.t.sentences.created(unit) };
    },
    'unit.update': (r, row) => {
      const unit = r.unit(numericId(row));
      return { object: unit, description: r.t.sentences.changed(unit, r.changes(row.before, row.after)) };
    },
    'invitations.create': (r, row) => {
      const name = invitationContact(r, row);
      const channel = r.t.channel[str(row.after.channel) ?? ''] ?? '';
      return { object: name, description: r.t.sentences.invited(name, channel, r.day(row.after.expiresOn)) };
    },
    'invitations.revoke': (r, row) => {
      const name = invitationContact(r, row);
      return { object: name, description: r.t.sentences.revoked(name, row.after.reason === 'superseded') };
    },
    'invitations.reactivate': (r, row) => {
      const name = invitationContact(r, row);
      return { object: name, description: r.t.sentences.reactivated(name, r.day(row.after.expiresOn)) };
    },
    'invitations.redeem': (r, row) => {
      const name = invitationContact(r, row);
      return { object: name, description: r.t.sentences.redeemed(name) };
    },
    'invitations.inviteProperty': (r, row) => {
      const name = r.property(numericId(row));
      const n = (key: string) => num(row.after[key]) ?? 0;
      return {
        object: name,
        description: r.t.sentences.invitedProperty(
          name,
          n('selected'),
          n('emailed'),
          n('letters'),
          n('refused'),
        ),
      };
    },
    'content.create': (r, row) => {
      const content = r.content(numericId(row), row.after);
      return { object: content, description: r.t.sentences.created(content) };
    },
    'content.update': (r, row) => {
      const content = r.content(numericId(row), row.after);
      return {
        object: content,
        description: r.t.sentences.changed(
          content,
          r.changes(row.before, row.after, ['sha256', 'size', 'mimeType']),
        ),
      };
    },
    'content.delete': (r, row) => {
      const content = r.content(numericId(row), row.before);
      const erased = typeof row.after.fileErased === 'boolean' ? row.after.fileErased : null;
      return {
        object: content,
        description: r.t.sentences.deleted(content, num(row.after.sharesRevoked) ?? 0, erased),
      };
    },
    'sharing.share': (r, row) => {
      const a = row.after;
      const content = r.quotedContent(a.contentId);
      if (a.mode === 'individual') {
        const name = r.contact(a.contactId);
        const grant = r.t.grant[str(a.grant) ?? 'none'] ?? '';
        return {
          object: name,
          description: r.t.sentences.shareIndividual(content, name, grant, a.alsoIndividually === true),
        };
      }
      const count = (key: string) => (Array.isArray(a[key]) ? (a[key] as unknown[]).length : 0);
      const role = r.t.role[(str(a.role) ?? 'all') as 'all'];
      const property = r.property(a.propertyId);
      return {
        object: r.content(a.contentId),
        description: r.t.sentences.shareRole(
          content,
          role,
          property,
          count('unitIds'),
          count('recipients'),
          count('skipped'),
        ),
      };
    },
    'sharing.revoke': (r, row) => {
      const share = names.share(numericId(row) ?? 0);
      const content = r.quotedContent(row.after.contentId ?? share?.contentId);
      const target =
        share?.contactId != null
          ? r.contact(share.contactId)
          : r.t.sentences.roleTarget(r.t.role[share?.role ?? 'all'], r.property(share?.propertyId));
      return { object: target, description: r.t.sentences.shareRevoked(content, target) };
    },
    'settings.updateAccess': (r, row) => {
      const parts = (['preContract', 'postContract'] as const).flatMap((key) => {
        const change = r.windowChange(row.before[key], row.after[key]);
        return change === null ? [] : [r.t.sentences.window(r.t.fields[key] ?? key, change)];
      });
      const quota = (v: unknown) => (typeof v === 'number' ? String(v) : r.t.none);
      if (Object.hasOwn(row.after, 'seatQuota') && row.before.seatQuota !== row.after.seatQuota) {
        parts.push(r.t.sentences.seatQuota(quota(row.before.seatQuota), quota(row.after.seatQuota)));
      }
      return {
        object: settingsObject(r, 'settings.updateAccess'),
        description: parts.join('; ') || r.t.sentences.noChanges,
      };
    },
    'dataProtection.updateSettings': (r, row) => ({
      object: settingsObject(r, 'dataProtection.updateSettings'),
      description: r.t.sentences.retention(
        num(row.before.retentionMonths) ?? 0,
        num(row.after.retentionMonths) ?? 0,
      ),
    }),
    'dataProtection.anonymise': (r, row) => {
      const name = r.contact(numericId(row));
      return {
        object: name,
        description: r.t.sentences.anonymised(
          name,
          r.day(row.before.accessEnd),
          num(row.before.retentionMonths) ?? 0,
        ),
      };
    },
    'organisation.update': (r, row) => ({
      object: settingsObject(r, 'organisation.update'),
      description: r.t.sentences.changed(
        settingsObject(r, 'organisation.update'),
        r.changes(row.before, row.after),
      ),
    }),
    'mail.updateSettings': (r, row) => ({
      object: settingsObject(r, 'mail.updateSettings'),
      description: r.t.sentences.smtp(changesWithPassword(r, row)),
    }),
    'team.saveSettings': (r, row) => ({
      object: settingsObject(r, 'team.saveSettings'),
      description: r.t.sentences.team(changesWithPassword(r, row, ['configured'])),
    }),
    'team.moveIntoTeamDatabase': (r, row) => {
      const where = `${str(row.after.database) ?? ''} (${str(row.after.host) ?? ''})`;
      return {
        object: settingsObject(r, 'team.moveIntoTeamDatabase'),
        description: r.t.sentences.teamMoved(num(row.after.contacts) ?? 0, num(row.after.rows) ?? 0, where),
      };
    },
    'mail.sendTest': (r, row) => ({
      object: str(row.after.to) ?? '',
      description: r.t.sentences.testMail(
        str(row.after.to) ?? '',
        str(row.after.host) ?? '',
        row.after.delivered === true,
        str(row.after.error),
      ),
    }),
    'outbox.sent': (r, row) => {
      const to = recipient(r, names, row);
      return { object: to, description: r.t.sentences.sent(to) };
    },
    'outbox.sending': (r, row) => {
      const to = recipient(r, names, row);
      return { object: to, description: r.t.sentences.sending(to, row.after.codeIssued === true) };
    },
    'outbox.withdrawn': (r, row) => {
      const to = recipient(r, names, row);
      const reason = str(row.after.reason) ?? '';
      return { object: to, description: r.t.sentences.withdrawn(to, r.t.withdrawReason[reason] ?? reason) };
    },
    'outbox.requeue': (r, row) => {
      const to = recipient(r, names, row);
      return { object: to, description: r.t.sentences.requeued(to) };
    },
    'automation.updateSettings': (r, row) => {
      const notice = r.windowChange(row.before.notice, row.after.notice);
      const parts = [r.changes(row.before, row.after, ['notice'])].filter(
        (p) => p !== r.t.sentences.noChanges,
      );
      if (notice !== null) parts.push(r.t.sentences.window(r.t.fields.notice ?? 'notice', notice));
      return {
        object: settingsObject(r, 'automation.updateSettings'),
        description: parts.join('; ') || r.t.sentences.noChanges,
      };
    },
    'automation.invite': (r, row) => automaticDay(r, row, 'automation.invite', r.t.sentences.autoInvited),
    'automation.notice': (r, row) => automaticDay(r, row, 'automation.notice', r.t.sentences.autoNoticed),
    'outbox.letterCodes': (r, row) => ({
      object: r.t.channel.letter ?? '',
      description: r.t.sentences.letterCodes(num(row.after.count) ?? 0),
    }),
    'outbox.printed': (r, row) => ({
      object: r.t.channel.letter ?? '',
      description: r.t.sentences.printed(num(row.after.count) ?? 0),
    }),
    'import.commit': (r, row) => {
      const file = str(row.after.fileName) ?? '';
      const rows = (row.after.rows ?? {}) as Record<string, unknown>;
      return {
        object: file,
        description: r.t.sentences.imported(
          file,
          num(rows.imported) ?? 0,
          num(rows.rejected) ?? 0,
          num(row.after.endedContracts) ?? 0,
        ),
      };
    },
    'outbox.failed': (r, row) => {
      const to = recipient(r, names, row);
      return { object: to, description: r.t.sentences.failed(to, str(row.after.error) ?? '') };
    },
    'backup.created': (r, row) => ({
      object: row.id ?? '',
      description: r.t.sentences.backup(r.t.backupKind[str(row.after.kind) ?? ''] ?? '', row.id ?? ''),
    }),
    'backup.restored': (r, row) => {
      const created = str(row.after.createdAt);
      return {
        object: row.id ?? '',
        description: r.t.sentences.backupRestored(
          row.id ?? '',
          created === null ? r.t.none : r.instant(created),
        ),
      };
    },
    'backup.deleted': (r, row) => ({
      object: row.id ?? '',
      description: r.t.sentences.backupDeleted(row.id ?? ''),
    }),
  };
}

function recipient(r: Reader, names: AuditNames, row: Row): string {
  const stored = names.outbox(numericId(row) ?? 0);
  const address = str(row.after.recipient) ?? stored?.recipient ?? '';
  return stored?.contactId == null ? address : `${r.contact(stored.contactId)} <${address}>`;
}

/** Reads audit rows in one language; one instance per page or export (names are cached). */
export function auditSentences(language: Language, names: AuditNames) {
  const r = reader(language, names);
  const describe = describers(names);
  return (row: AuditRow): AuditSentence => {
    const parsed: Row = { id: row.entity_id, before: parse(row.before), after: parse(row.after) };
    if (isAuditAction(row.action)) {
      return { action: r.t.actions[row.action], ...describe[row.action](r, parsed) };
    }
    const entity = r.t.entities[row.entity] ?? row.entity;
    const action = r.t.unknownAction(entity);
    return { action, object: entity, description: `${action}: ${r.changes(parsed.before, parsed.after)}` };
  };
}
