/**
 * The automatic rules' tables (migration 11): the run log — a rule's day claimed once, by its key,
 * inside the change that does the day's work — and the actions, once per rule, contact and subject.
 * Also the facts the rules read about the contacts a day concerns.
 */
import { sql } from 'kysely';
import type { ContractFacts, IsoDate } from '../../../shared/domain';
import type { ContactRow } from './contactRepository';
import { toContractFacts, type ContractRow } from './contractRepository';
import type { Store } from './store';

export type AutomationRule = 'invite' | 'notice' | 'welcome';

/** A contact as the rules read it (the policy's AutomationContact before the e-mail check). */
export type AutomationContactRow = Pick<
  ContactRow,
  | 'id'
  | 'salutation'
  | 'title'
  | 'first_name'
  | 'last_name'
  | 'company'
  | 'archived'
  | 'anonymised_at'
  | 'email'
  | 'preference'
  | 'language'
> & { registered: 0 | 1; invited: 0 | 1 };

export interface AutomationActionRow {
  id: number;
  rule: AutomationRule;
  day: IsoDate;
  contact_id: number;
  subject: string;
  channel: 'email' | 'letter' | null;
  invitation_id: number | null;
  outbox_id: number | null;
  content_id: number | null;
  at: string;
}

export type NewAutomationAction = Omit<AutomationActionRow, 'id'>;

export interface StoredMessage {
  contactId: number;
  channel: 'email' | 'letter';
  recipient: string;
  language: 'de' | 'en';
  subject: string;
  text: string;
  html: string;
  createdAt: string;
}

const idList = (ids: readonly number[]) => sql.join(ids.map((id) => sql`${id}`));

export function automationRepository(store: Store) {
  return {
    /** Claims `rule` on `day`: true for the one change that inserts the row, false when it ran. */
    async claimRun(rule: AutomationRule, day: IsoDate, at: string): Promise<boolean> {
      const row = await store.first(
        sql<{ day: IsoDate }>`INSERT INTO automation_runs (rule, day, ran_at, actions)
          VALUES (${rule}, ${day}, ${at}, 0)
          ON CONFLICT (rule, day) DO NOTHING
          RETURNING day`,
      );
      return row !== undefined;
    },

    async setRunActions(rule: AutomationRule, day: IsoDate, actions: number): Promise<void> {
      await store.run(
        sql`UPDATE automation_runs SET actions = ${actions} WHERE rule = ${rule} AND day = ${day}`,
      );
    },

    /** The last day `rule` ran, if ever. */
    async lastRun(rule: AutomationRule): Promise<IsoDate | null> {
      const row = await store.first(
        sql<{ day: IsoDate | null }>`SELECT MAX(day) AS day FROM automation_runs WHERE rule = ${rule}`,
      );
      return row?.day ?? null;
    },

    /** Records an action unless this rule did it for this contact and subject already. */
    async recordAction(action: NewAutomationAction): Promise<number | null> {
      const row = await store.first(
        sql<{ id: number }>`INSERT INTO automation_actions (rule, day, contact_id, subject, channel,
            invitation_id, outbox_id, content_id, at)
          VALUES (${action.rule}, ${action.day}, ${action.contact_id}, ${action.subject}, ${action.channel},
            ${action.invitation_id}, ${action.outbox_id}, ${action.content_id}, ${action.at})
          ON CONFLICT (rule, contact_id, subject) DO NOTHING
          RETURNING id`,
      );
      return row?.id ?? null;
    },

    async hasAction(rule: AutomationRule, contactId: number, subject: string): Promise<boolean> {
      const row = await store.first(
        sql<{ id: number }>`SELECT id FROM automation_actions
          WHERE rule = ${rule} AND contact_id = ${contactId} AND subject = ${subject}`,
      );
      return row !== undefined;
    },

    /** The automatic actions for a contact, oldest first (the contact page's timeline). */
    actionsOf(contactId: number): Promise<AutomationActionRow[]> {
      return store.all(
        sql<AutomationActionRow>`SELECT * FROM automation_actions WHERE contact_id = ${contactId}
          ORDER BY day, id`,
      );
    },

    /**
     * Queues a message whose text is made now (kind 'stored': the notice lists the documents of its
     * day) in the Postausgang: e-mail to send, or a letter of the print batch. Inside the change.
     */
    async queueStored(message: StoredMessage): Promise<number> {
      const row = await store.first(
        sql<{ id: number }>`INSERT INTO outbox (contact_id, channel, kind, recipient, language, subject,
            text_body, html_body, state, attempts, created_at)
          VALUES (${message.contactId}, ${message.channel}, 'stored', ${message.recipient}, ${message.language},
            ${message.subject}, ${message.text}, ${message.html}, 'queued', 0, ${message.createdAt})
          RETURNING id`,
      );
      return row!.id;
    },

    /** Contacts with a contract starting in [from, to] (an invitation occasion may fall in the range). */
    async contactsStarting(from: IsoDate, to: IsoDate): Promise<number[]> {
      const rows = await store.all(
        sql<{ contact_id: number }>`SELECT DISTINCT contact_id FROM contracts
          WHERE start_date >= ${from} AND start_date <= ${to}`,
      );
      return rows.map((row) => row.contact_id);
    },

    /** Registered contacts with a contract ending in [from, to] (their access after it may end soon). */
    async registeredEnding(from: IsoDate, to: IsoDate): Promise<number[]> {
      const rows = await store.all(
        sql<{ contact_id: number }>`SELECT DISTINCT k.contact_id FROM contracts k
          JOIN portal_accounts a ON a.contact_id = k.contact_id
          WHERE k.end_date >= ${from} AND k.end_date <= ${to}`,
      );
      return rows.map((row) => row.contact_id);
    },

    /** The rules' facts of these contacts on `day` (invited = a pending invitation valid that day). */
    async contacts(ids: readonly number[], day: IsoDate): Promise<AutomationContactRow[]> {
      if (ids.length === 0) return [];
      return store.all(
        sql<AutomationContactRow>`SELECT c.id, c.salutation, c.title, c.first_name, c.last_name, c.company, c.archived, c.anonymised_at, c.email, c.preference, c.language,
            CASE WHEN EXISTS (SELECT 1 FROM portal_accounts a WHERE a.contact_id = c.id) THEN 1 ELSE 0 END
              AS registered,
            CASE WHEN EXISTS (SELECT 1 FROM invitations i WHERE i.contact_id = c.id
                AND i.state = 'pending' AND i.expires_on >= ${day}) THEN 1 ELSE 0 END AS invited
          FROM contacts c WHERE c.id IN (${idList(ids)}) ORDER BY c.id`,
      );
    },

    /** Every contract of these contacts. */
    async contractsOf(ids: readonly number[]): Promise<ContractFacts[]> {
      if (ids.length === 0) return [];
      const rows = await store.all(
        sql<ContractRow>`SELECT * FROM contracts WHERE contact_id IN (${idList(ids)}) ORDER BY id`,
      );
      return rows.map(toContractFacts);
    },
  };
}
export type AutomationRepository = ReturnType<typeof automationRepository>;
