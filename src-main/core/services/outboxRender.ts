/**
 * The outbox's messages rendered from what they are about (ARCHITECTURE.md "The outbox"): the
 * contact, the invitation or the shared content, and the organisation as they are NOW. So a
 * corrected sender or portal address reaches every message not sent yet, and an invitation code is
 * put in only by the one who sends (the code is issued then); everywhere else it is masked.
 */
import type { IsoDate } from '../../../shared/domain';
import type { Organisation } from '../../../shared/ipc';
import type { Store } from '../db/store';
import type { Db } from '../db/connection';
import type { ContactRow, InvitationRow } from '../db/contactRepository';
import { contentRepository, type ContentRow } from '../db/contentRepository';
import { invitationRepository } from '../db/invitationRepository';
import type { OutboxRow } from '../db/outboxRepository';
import type { SmartPostLetter } from '../letters/smartPostLetter';
import { invitationMail, type MailContent } from '../mail/invitationMail';
import { shareNotificationMail } from '../mail/shareNotification';
import { contentData } from './contentService';
import { MASKED_CODE } from './invitationCode';
import { nameOfRow, postalAddressee } from './portfolioViews';

/** What a message is about, read now; null parts are gone (content deleted, contact removed). */
export interface MessageFacts {
  contact: ContactRow | null;
  invitation: InvitationRow | null;
  content: ContentRow | null;
}

export function outboxFactsReader(db: Db, store: Store) {
  const invitations = invitationRepository(db);
  const contents = contentRepository(store);
  return async (row: OutboxRow): Promise<MessageFacts> => ({
    contact: row.contact_id === null ? null : (invitations.invitee(row.contact_id) ?? null),
    invitation: row.invitation_id === null ? null : (invitations.get(row.invitation_id) ?? null),
    content: row.content_id === null ? null : ((await contents.get(row.content_id)) ?? null),
  });
}
export type OutboxFactsReader = ReturnType<typeof outboxFactsReader>;

function shareMail(contact: ContactRow, content: ContentRow, organisation: Organisation): MailContent {
  const data = contentData(content);
  const appointment = data.kind === 'appointment' ? data.data : null;
  return shareNotificationMail({
    language: contact.language,
    addressee: postalAddressee(contact),
    content: {
      kind: content.kind,
      title: content.title,
      propertyName: content.property_name,
      startsAt: appointment?.startsAt ?? null,
      endsAt: appointment?.endsAt ?? null,
      place: appointment?.place ?? null,
    },
    organisation,
  });
}

/**
 * The message as it goes out now, with `code` as the invitation code (MASKED_CODE to show it);
 * null when what it is about is gone. A 'stored' message is its own text.
 */
export function renderMessage(
  row: OutboxRow,
  facts: MessageFacts,
  organisation: Organisation,
  code: string = MASKED_CODE,
): MailContent | null {
  if (row.kind === 'stored') {
    return { subject: row.subject ?? '', text: row.text_body ?? '', html: row.html_body ?? '' };
  }
  const { contact, invitation, content } = facts;
  if (contact === null) return null;
  if (row.kind === 'invitation') {
    if (invitation === null) return null;
    return invitationMail({
      language: contact.language,
      addressee: nameOfRow(contact),
      code,
      expiresOn: invitation.expires_on,
      organisation,
    });
  }
  return content === null ? null : shareMail(contact, content, organisation);
}

/**
 * A queued letter for the print batch, dated `day` — a share's notification, or an invitation with
 * the `code` issued for it; null when its facts are gone.
 */
export function notificationLetter(
  row: OutboxRow,
  facts: MessageFacts,
  organisation: Organisation,
  day: IsoDate,
  code?: string,
): SmartPostLetter | null {
  const rendered = renderMessage(row, facts, organisation, code);
  if (rendered === null || facts.contact === null) return null;
  return {
    language: facts.contact.language,
    addressee: postalAddressee(facts.contact),
    subject: rendered.subject,
    body: rendered.text.trimEnd(),
    date: day,
    organisation,
  };
}
