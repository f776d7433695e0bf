/** A SmartPost letter read before sharing (issue 13 item 7): one contact's, filled as the share fills it. */
import type { LetterPreview } from '../../../../shared/contract/content';
import type { SharingDeps } from './deps';
import { smartPostLetters } from './letters';
import { planShare } from './plan';

/**
 * The letter `contactId` would get if the SmartPost were shared with them today — judged by the
 * share's own plan (a contact without access is refused as the share would refuse them); null when
 * the content is no SmartPost or the contact has it already. Nothing is written.
 */
export async function letterPreview(
  d: SharingDeps,
  contentId: number,
  contactId: number,
): Promise<LetterPreview | null> {
  const day = d.ctx.clock.today();
  const plan = await planShare(d, contentId, { mode: 'individual', contactIds: [contactId] }, [], day);
  const letter = smartPostLetters(plan, day, d.organisation.get())?.[0];
  const recipient = plan.recipients[0];
  if (letter === undefined || recipient === undefined) return null;
  return { displayName: recipient.displayName, subject: letter.subject, body: letter.body };
}
