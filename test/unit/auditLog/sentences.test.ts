/**
 * The Protokoll's sentences: every action the services record reads as a sentence in German and
 * English, with names and dates — never a code, a `key: value` list or JSON.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditRow } from '../../../src-main/core/db/auditRepository';
import type { AuditNames } from '../../../src-main/core/db/auditNames';
import { auditSentences } from '../../../src-main/core/services/auditLog/sentences';
import { auditActions, type AuditAction } from '../../../src-main/core/services/auditLog/texts';

/** Every action literal the core's sources record, found where an audit entry is written. */
function recordedActions(): Set<string> {
  const found = new Set<string>();
  const pattern = /(?:action:\s*|\.save\(\s*|audited\(\s*|\?\s+|\s:\s+)'([a-z]+\.[a-zA-Z]+)'/g;
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (file.endsWith('.ts') && !file.includes(`${path.sep}auditLog${path.sep}`)) {
        const source = fs.readFileSync(file, 'utf8');
        if (!/audit\(|audited\(|\.save\(/.test(source)) continue;
        for (const match of source.matchAll(pattern)) found.add(match[1] as string);
      }
    }
  };
  walk(path.join(__dirname, '../../../src-main/core/services'));
  return found;
}

const katharina = {
  salutation: 'ms',
  title: null,
  first_name: 'Katharina',
  last_name: 'Böhm',
  company: null,
  language: 'de',
} as const;

const names: AuditNames = {
  contact: (id) => (id === 404 ? null : katharina),
  property: () => 'Lindenhof',
  unit: () => ({ name: '2. OG links', number: 'WE 03', propertyId: 1 }),
  content: () => ({ title: 'Heizungswartung', kind: 'announcement' }),
  contract: () => ({ contactId: 7, type: 'tenant', number: 'M-4711', unitId: 3 }),
  share: () => ({ contentId: 5, contactId: 7, role: null, propertyId: null }),
  invitation: () => 7,
  outbox: () => ({ contactId: 7, recipient: 'k.boehm@example.de' }),
};

/** One row as the services write it, for each action. */
const samples: Record<
  AuditAction,
  Omit<Partial<AuditRow>, 'before' | 'after'> & { entity: string; after?: unknown; before?: unknown }
> = {
  'app.firstStart': { entity: 'settings', entity_id: 'firstStart', after: 'empty' },
  'demo.load': { entity: 'portfolio', after: { seed: 1, today: '2026-11-27', contacts: 600 } },
  'contact.create': { entity: 'contact', entity_id: '7', after: { lastName: 'Böhm', archived: false } },
  'contact.update': {
    entity: 'contact',
    entity_id: '7',
    before: { lastName: 'Bohm', email: null, language: 'de' },
    after: { lastName: 'Böhm', email: 'k.boehm@example.de', language: 'en' },
  },
  'contact.archive': {
    entity: 'contact',
    entity_id: '7',
    before: { archived: false },
    after: { archived: true },
  },
  'contact.unarchive': {
    entity: 'contact',
    entity_id: '7',
    before: { archived: true },
    after: { archived: false },
  },
  'contract.create': {
    entity: 'contract',
    entity_id: '9',
    after: {
      contactId: 7,
      unitId: 3,
      propertyId: 1,
      type: 'tenant',
      number: 'M-4711',
      start: '2027-01-01',
      end: null,
    },
  },
  'contract.update': {
    entity: 'contract',
    entity_id: '9',
    before: {
      contactId: 7,
      unitId: 3,
      propertyId: 1,
      type: 'tenant',
      number: 'M-4711',
      start: '2027-01-01',
      end: null,
    },
    after: {
      contactId: 7,
      unitId: 3,
      propertyId: 1,
      type: 'tenant',
      number: 'M-4711',
      start: '2027-02-01',
      end: null,
    },
  },
  'contract.end': { entity: 'contract', entity_id: '9', before: { end: null }, after: { end: '2027-12-31' } },
  'property.create': { entity: 'property', entity_id: '1', after: { name: 'Lindenhof' } },
  'property.update': {
    entity: 'property',
    entity_id: '1',
    before: { name: 'Linden' },
    after: { name: 'Lindenhof' },
  },
  'unit.create': { entity: 'unit', entity_id: '3', after: { name: '2. OG links' } },
  'unit.update': {
    entity: 'unit',
    entity_id: '3',
    before: { usage: 'private' },
    after: { usage: 'commercial' },
  },
  'invitations.create': {
    entity: 'invitation',
    entity_id: '11',
    after: { contactId: 7, channel: 'email', expiresOn: '2026-12-11', outboxId: 3, propertyId: null },
  },
  'invitations.revoke': {
    entity: 'invitation',
    entity_id: '11',
    before: { state: 'pending' },
    after: { state: 'revoked', reason: 'superseded' },
  },
  'invitations.reactivate': {
    entity: 'invitation',
    entity_id: '11',
    before: { state: 'expired', expiresOn: '2026-11-01' },
    after: { state: 'pending', expiresOn: '2026-12-11' },
  },
  'invitations.redeem': { entity: 'invitation', entity_id: '11', after: { state: 'redeemed', contactId: 7 } },
  'invitations.inviteProperty': {
    entity: 'property',
    entity_id: '1',
    after: { selected: 27, emailed: 20, letters: 5, refused: 2 },
  },
  'content.create': {
    entity: 'content',
    entity_id: '5',
    after: { kind: 'announcement', title: 'Heizungswartung' },
  },
  'content.update': {
    entity: 'content',
    entity_id: '5',
    before: { kind: 'announcement', title: 'Heizung', text: 'a' },
    after: { kind: 'announcement', title: 'Heizungswartung', text: 'b' },
  },
  'content.delete': {
    entity: 'content',
    entity_id: '5',
    before: { kind: 'document', title: 'Betriebskosten 2025' },
    after: { sharesRevoked: 2, fileErased: true },
  },
  'sharing.share': {
    entity: 'share',
    entity_id: '21',
    after: {
      contentId: 5,
      kind: 'announcement',
      mode: 'individual',
      contactId: 7,
      grant: 'pre',
      alsoIndividually: false,
    },
  },
  'sharing.revoke': {
    entity: 'share',
    entity_id: '21',
    before: { revokedAt: null },
    after: { contentId: 5 },
  },
  'settings.updateAccess': {
    entity: 'settings',
    entity_id: 'access',
    before: {
      preContract: { enabled: false, days: 30 },
      postContract: { enabled: false, days: 30 },
      seatQuota: null,
    },
    after: {
      preContract: { enabled: false, days: 30 },
      postContract: { enabled: true, days: 60 },
      seatQuota: 200,
    },
  },
  'dataProtection.updateSettings': {
    entity: 'settings',
    entity_id: 'dataProtection',
    before: { retentionMonths: 24 },
    after: { retentionMonths: 6 },
  },
  'dataProtection.anonymise': {
    entity: 'contact',
    entity_id: '404',
    before: { lastContractEnd: '2023-01-31', accessEnd: '2023-03-02', retentionMonths: 24 },
    after: { anonymisedAt: '2026-11-27T09:00:00.000Z' },
  },
  'organisation.update': {
    entity: 'settings',
    entity_id: 'organisation',
    before: { name: 'Hausverwaltung', portalUrl: 'https://portal.example.com' },
    after: { name: 'HV Schmidt GmbH', portalUrl: 'https://portal.hv-schmidt.de' },
  },
  'mail.updateSettings': {
    entity: 'settings',
    entity_id: 'smtp',
    before: { enabled: false, host: '', port: 587, hasPassword: false },
    after: { enabled: true, host: 'mail.hv.de', port: 587, hasPassword: true, passwordChanged: true },
  },
  'team.saveSettings': {
    entity: 'settings',
    entity_id: 'team',
    before: {
      configured: false,
      host: '',
      port: 5432,
      tls: 'require',
      caCertificate: null,
      hasPassword: false,
    },
    after: {
      configured: true,
      host: 'db.hv.de',
      port: 5432,
      tls: 'verify-full',
      caCertificate: { subject: 'CN=HV CA', validTo: '2036-01-01' },
      hasPassword: true,
      passwordChanged: true,
    },
  },
  'team.moveIntoTeamDatabase': {
    entity: 'settings',
    entity_id: 'team',
    before: { teamModeSince: null },
    after: {
      tables: 31,
      rows: 12_345,
      contacts: 600,
      teamModeSince: '2026-11-27T09:00:00.000Z',
      host: 'db.hv.de',
      database: 'portal',
    },
  },
  'mail.sendTest': {
    entity: 'mail',
    after: { to: 'it@hv.de', host: 'mail.hv.de', delivered: false, error: 'Server nicht gefunden' },
  },
  'outbox.sent': {
    entity: 'outbox',
    entity_id: '3',
    after: { state: 'sent', recipient: 'k.boehm@example.de' },
  },
  'outbox.failed': {
    entity: 'outbox',
    entity_id: '3',
    after: { state: 'failed', error: 'Zeitüberschreitung' },
  },
  'outbox.sending': {
    entity: 'outbox',
    entity_id: '3',
    after: { state: 'sending', invitationId: 9, codeIssued: true },
  },
  'outbox.withdrawn': {
    entity: 'outbox',
    entity_id: '3',
    after: { state: 'withdrawn', reason: 'WITHDRAWN_ADDRESS_CHANGED' },
  },
  'outbox.requeue': { entity: 'outbox', entity_id: '3', after: { state: 'queued', attempts: 0 } },
  'outbox.printed': { entity: 'outbox', after: { ids: [3, 4], count: 2 } },
  'automation.updateSettings': {
    entity: 'settings',
    entity_id: 'automation',
    before: { autoInvite: false, notice: { enabled: false, days: 14 } },
    after: { autoInvite: true, notice: { enabled: true, days: 21 } },
  },
  'automation.invite': {
    entity: 'automation',
    entity_id: '2026-11-27',
    after: { rule: 'invite', day: '2026-11-27', count: 3, emailed: 2, letters: 1, contactIds: [7, 8, 9] },
  },
  'automation.notice': {
    entity: 'automation',
    entity_id: '2026-11-27',
    after: { rule: 'notice', day: '2026-11-27', count: 2, emailed: 1, letters: 1, contactIds: [7, 8] },
  },
  'outbox.letterCodes': { entity: 'outbox', after: { ids: [3, 4], invitationIds: [5, 6], count: 2 } },
  'import.commit': {
    entity: 'import',
    entity_id: '1',
    after: {
      fileName: 'erp-export.csv',
      sha256: 'ab',
      rows: { total: 12, imported: 10, rejected: 2 },
      endedContracts: 1,
    },
  },
  'backup.created': { entity: 'backup', entity_id: 'b1.db', after: { kind: 'manual', sizeBytes: 1 } },
  'backup.restored': {
    entity: 'backup',
    entity_id: 'b1.db',
    after: { createdAt: '2026-11-26T10:00:00.000Z', beforeRestore: 'b2.db' },
  },
  'backup.deleted': { entity: 'backup', entity_id: 'b1.db', before: { kind: 'manual' } },
};

function row(action: string, sample: (typeof samples)[AuditAction]): AuditRow {
  const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
  return {
    id: 1,
    at: '2026-11-27T09:00:00.000Z',
    actor: 'verwaltung',
    action,
    entity: sample.entity,
    entity_id: sample.entity_id ?? null,
    before: json(sample.before),
    after: json(sample.after),
  };
}

describe('audit sentences', () => {
  it('know every action the services record (a new action without a sentence fails here)', () => {
    const recorded = recordedActions();
    expect(recorded.size).toBeGreaterThan(25);
    expect([...recorded].filter((action) => !(auditActions as readonly string[]).includes(action))).toEqual(
      [],
    );
  });

  it.each(['de', 'en'] as const)('read every action in %s as words, never codes or JSON', (language) => {
    const read = auditSentences(language, names);
    for (const action of auditActions) {
      const sentence = read(row(action, samples[action]));
      const text = `${sentence.action} | ${sentence.object} | ${sentence.description}`;
      expect(sentence.action, action).not.toBe('');
      expect(sentence.description.length, action).toBeGreaterThan(8);
      expect(text, action).not.toMatch(/[{}"]|undefined|null|NaN|\b[a-z]+[A-Z]\w*\b|\b(true|false)\b/);
      expect(text, action).not.toContain(action);
    }
  });

  it('name the contact, the content and the window of an individual share', () => {
    const share = row('sharing.share', samples['sharing.share']);
    expect(auditSentences('de', names)(share).description).toBe(
      'Freigabe ‚Heizungswartung‘ einzeln für Katharina Böhm (vor Vertragsbeginn)',
    );
    expect(auditSentences('en', names)(share).description).toBe(
      'Shared ‘Heizungswartung’ individually with Katharina Böhm (before contract start)',
    );
  });

  it('show settings changes as before → after in words', () => {
    const settings = row('settings.updateAccess', samples['settings.updateAccess']);
    expect(auditSentences('de', names)(settings).description).toBe(
      'Zugang nach Vertragsende: aus → an, 30 → 60 Tage; Portalzugänge (Kontingent): – → 200',
    );
    expect(auditSentences('en', names)(settings).description).toBe(
      'Access after contract end: off → on, 30 → 60 days; Portal seats (quota): – → 200',
    );
    const contact = row('contact.update', samples['contact.update']);
    expect(auditSentences('de', names)(contact).description).toBe(
      'Katharina Böhm geändert: Nachname: Bohm → Böhm, E-Mail: – → k.boehm@example.de, Sprache: Deutsch → Englisch',
    );
  });

  it('name the automatic rules, their day and their channels', () => {
    const settings = row('automation.updateSettings', samples['automation.updateSettings']);
    expect(auditSentences('de', names)(settings).description).toBe(
      'Automatische Einladung: aus → an; Hinweis vor Ende des Zugangs: aus → an, 14 → 21 Tage',
    );
    const invited = row('automation.invite', samples['automation.invite']);
    expect(auditSentences('de', names)(invited).description).toBe(
      'Automatische Einladung für den 27.11.2026: 3 Kontakte eingeladen (2 per E-Mail, 1 per Brief)',
    );
    expect(auditSentences('en', names)(invited).description).toBe(
      'Automatic invitation for 27 November 2026: 3 contacts invited (2 by e-mail, 1 by letter)',
    );
  });

  it('read a row of an action it does not know by what it is about', () => {
    const unknown = row('import.run', { entity: 'contact', before: { a: 1 }, after: { a: 2 } });
    expect(auditSentences('de', names)(unknown)).toMatchObject({
      action: 'Kontakt geändert',
      object: 'Kontakt',
    });
  });
});
