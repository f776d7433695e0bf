/** SmartPost letters of a share: one personal letter per recipient, placeholders filled in its language. */
import type { IsoDate } from '../../../../shared/domain';
import type { Organisation } from '../../../../shared/ipc';
import { renderLetters } from '../../letters/letterThreads';
import type { SmartPostLetter } from '../../letters/smartPostLetter';
import type { CoreContext } from '../../context';
import { formatDate, salutationLine } from '../../mail/format';
import { fillTemplate } from '../../policy/smartPostTemplate';
import { contentData } from '../contentService';
import { postalAddressee } from '../portfolioViews';
import type { RecipientInfo } from '../shareRecipients';
import type { SharePlan } from './plan';
import { accessContracts } from './recipientViews';

function letterOf(p: SharePlan, info: RecipientInfo, day: IsoDate, org: Organisation): SmartPostLetter {
  const language = info.row.language;
  const units = accessContracts(info, p.settings, day, p.content.property_id);
  const propertyNames = [
    ...new Set(
      units.map((c) => p.directory.unit(c.unitId)?.property_name).filter((name): name is string => !!name),
    ),
  ];
  const addressee = postalAddressee(info.row);
  const content = contentData(p.content);
  const body = fillTemplate(content.kind === 'smartpost' ? content.data.template : '', {
    anrede: salutationLine(language, addressee),
    // The same name every screen shows ("Familie Weber"), in the recipient's language.
    name: info.displayName,
    einheit: p.directory.unitsLabel(units),
    liegenschaft: p.content.property_name ?? propertyNames.join(', '),
    datum: formatDate(language, day),
  });
  return { language, addressee, subject: p.content.title, body, date: day, organisation: org };
}

/** Every recipient's letter as text, or null when the content is no SmartPost or reaches nobody. */
export function smartPostLetters(p: SharePlan, day: IsoDate, org: Organisation): SmartPostLetter[] | null {
  if (p.content.kind !== 'smartpost' || p.recipients.length === 0) return null;
  return p.recipients.map((info) => letterOf(p, info, day, org));
}

/** The letters as one PDF, rendered off the main thread, or null without letters. */
export async function smartPostLettersPdf(
  ctx: CoreContext,
  letters: SmartPostLetter[] | null,
): Promise<Uint8Array | null> {
  if (letters === null) return null;
  const pdf = await renderLetters({ kind: 'smartpost', letters }, (progress) =>
    ctx.announce({ 'letters.progress': progress }),
  );
  return pdf;
}
