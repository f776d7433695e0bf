/**
 * The Protokoll's words in German and English: what each action is called, the names of the
 * fields a change lists, and the sentences of sentences.ts. Quotes as each language writes them.
 */

/** Every action the services record (a test finds each `action:` of the sources here). */
export const auditActions = [
  'app.firstStart',
  'demo.load',
  'contact.create',
  'contact.update',
  'contact.archive',
  'contact.unarchive',
  'contract.create',
  'contract.update',
  'contract.end',
  'property.create',
  'property.update',
  'unit.create',
  'unit.update',
  'invitations.create',
  'invitations.revoke',
  'invitations.reactivate',
  'invitations.redeem',
  'invitations.inviteProperty',
  'content.create',
  'content.update',
  'content.delete',
  'sharing.share',
  'sharing.revoke',
  'settings.updateAccess',
  'dataProtection.updateSettings',
  'dataProtection.anonymise',
  'organisation.update',
  'mail.updateSettings',
  'mail.sendTest',
  'outbox.sent',
  'outbox.failed',
  'outbox.sending',
  'outbox.withdrawn',
  'outbox.requeue',
  'outbox.printed',
  'import.commit',
  'backup.created',
  'backup.restored',
  'backup.deleted',
  'team.saveSettings',
  'team.moveIntoTeamDatabase',
  'automation.updateSettings',
  'automation.invite',
  'automation.notice',
  'outbox.letterCodes',
] as const;
export type AuditAction = (typeof auditActions)[number];

export function isAuditAction(action: string): action is AuditAction {
  return (auditActions as readonly string[]).includes(action);
}

export interface AuditTexts {
  actions: Record<AuditAction, string>;
  /** What a row is about, for an action the app does not know (a newer version wrote it). */
  entities: Record<string, string>;
  unknownAction: (entity: string) => string;
  fields: Record<string, string>;
  values: Record<string, string>;
  on: string;
  off: string;
  none: string;
  open: string;
  days: (n: number) => string;
  months: (n: number) => string;
  quoted: (title: string) => string;
  contractType: { tenant: string; owner: string };
  kind: Record<string, string>;
  role: { all: string; tenant: string; owner: string };
  grant: Record<string, string>;
  channel: Record<string, string>;
  backupKind: Record<string, string>;
  /** Why a queued message was withdrawn (outbox.withdrawn's reason codes). */
  withdrawReason: Record<string, string>;
  contactNumbered: (id: string) => string;
  sentences: {
    firstStart: string;
    demo: (contacts: number, today: string) => string;
    created: (what: string) => string;
    changed: (what: string, changes: string) => string;
    archived: (name: string) => string;
    unarchived: (name: string) => string;
    contract: (type: string, number: string, name: string) => string;
    contractTerm: (unit: string, start: string, end: string) => string;
    contractEnded: (contract: string, end: string, before: string) => string;
    unit: (unit: string, property: string) => string;
    invited: (name: string, channel: string, until: string) => string;
    revoked: (name: string, superseded: boolean) => string;
    reactivated: (name: string, until: string) => string;
    redeemed: (name: string) => string;
    invitedProperty: (
      property: string,
      selected: number,
      emailed: number,
      letters: number,
      refused: number,
    ) => string;
    content: (kind: string, title: string) => string;
    deleted: (content: string, shares: number, fileErased: boolean | null) => string;
    shareIndividual: (content: string, name: string, grant: string, also: boolean) => string;
    shareRole: (
      content: string,
      role: string,
      property: string,
      units: number,
      recipients: number,
      skipped: number,
    ) => string;
    shareRevoked: (content: string, target: string) => string;
    roleTarget: (role: string, property: string) => string;
    window: (name: string, changes: string) => string;
    seatQuota: (before: string, after: string) => string;
    retention: (before: number, after: number) => string;
    anonymised: (name: string, accessEnd: string, months: number) => string;
    testMail: (to: string, host: string, delivered: boolean, error: string | null) => string;
    smtp: (changes: string) => string;
    team: (changes: string) => string;
    teamMoved: (contacts: number, rows: number, where: string) => string;
    sent: (to: string) => string;
    failed: (to: string, error: string) => string;
    backup: (kind: string, name: string) => string;
    backupRestored: (name: string, created: string) => string;
    backupDeleted: (name: string) => string;
    sending: (to: string, codeIssued: boolean) => string;
    withdrawn: (to: string, reason: string) => string;
    requeued: (to: string) => string;
    printed: (count: number) => string;
    autoInvited: (day: string, invited: number, emailed: number, letters: number) => string;
    letterCodes: (count: number) => string;
    autoNoticed: (day: string, notices: number, emailed: number, letters: number) => string;
    imported: (file: string, imported: number, rejected: number, ended: number) => string;
    noChanges: string;
  };
}
