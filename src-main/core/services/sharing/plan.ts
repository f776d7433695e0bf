import type { AccessSettings, IsoDate, RoleShareResolution, RoleShareScope } from '../../../../shared/domain';
import { DomainError } from '../../../../shared/errors';
import type { ContentRow } from '../../db/contentRepository';
import { individualShareAllowed } from '../../policy';
import { bySortName, type RecipientDirectory, type RecipientInfo } from '../shareRecipients';
import { requireContent, roleScope, type ShareTargetValue, type SharingDeps } from './deps';
import { requireInfo } from './recipientViews';

/** What a share request will write, judged on one day. */
export interface SharePlan {
  content: ContentRow;
  settings: AccessSettings;
  scope: RoleShareScope | null;
  resolution: RoleShareResolution | null;
  /** Contacts getting a new individual share; `also`: added to a role share ("zusätzlich einzeln"). */
  individual: { contactId: number; also: boolean }[];
  /** Everyone the new share(s) reach, by name. */
  recipients: RecipientInfo[];
  directory: RecipientDirectory;
}

/**
 * Judges a share request on `day`: the role share's recipients, the individual shares to add (each
 * contact needs access ≠ none, else the whole request is refused), and nobody twice — not a contact
 * the role share reaches already, nor one with a live individual share of the content.
 */
export async function planShare(
  d: SharingDeps,
  contentId: number,
  target: ShareTargetValue,
  alsoIndividually: readonly number[],
  day: IsoDate,
): Promise<SharePlan> {
  const content = await requireContent(d, contentId);
  if (content.kind === 'smartpost' && target.mode === 'role') throw new DomainError('SMARTPOST_ROLE_SHARE');
  const current = d.settings.getAccess();
  let scope: RoleShareScope | null = null;
  let resolution: RoleShareResolution | null = null;
  const wanted: { contactId: number; also: boolean }[] = [];
  if (target.mode === 'role') {
    scope = roleScope(d, target);
    resolution = d.access.resolveRoleShare(scope, current, day);
  } else {
    for (const contactId of target.contactIds) wanted.push({ contactId, also: false });
  }
  for (const contactId of alsoIndividually) wanted.push({ contactId, also: target.mode === 'role' });

  // Reached by the role share already, or asked twice: one share, one notification.
  const reached = new Set(resolution?.recipients ?? []);
  const asked: { contactId: number; also: boolean }[] = [];
  for (const w of wanted) {
    if (reached.has(w.contactId)) continue;
    reached.add(w.contactId);
    asked.push(w);
  }
  const directory = await d.loadRecipients(
    [...(resolution?.recipients ?? []), ...asked.map((w) => w.contactId)],
    current,
    day,
  );
  for (const w of asked) {
    const info = requireInfo(directory, w.contactId);
    const eligibility = individualShareAllowed(info.facts, info.contracts, current, day);
    if (!eligibility.allowed) {
      throw new DomainError(eligibility.reason, { contactId: w.contactId, displayName: info.displayName });
    }
  }
  const already = new Set(
    d.shares
      .liveOfContent(contentId)
      .map((row) => row.contact_id)
      .filter((id): id is number => id !== null),
  );
  const individual = asked.filter((w) => !already.has(w.contactId));
  const recipients = [...(resolution?.recipients ?? []), ...individual.map((w) => w.contactId)]
    .map((id) => requireInfo(directory, id))
    .sort(bySortName);
  return { content, settings: current, scope, resolution, individual, recipients, directory };
}
