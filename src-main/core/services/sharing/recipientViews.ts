/** Recipients as the share dialog and a content's "Geteilt mit" list them. */
import type { AccessSettings, ContractFacts, IsoDate, RoleShareScope } from '../../../../shared/domain';
import { DomainError } from '../../../../shared/errors';
import type { RefusedRecipient, ShareRecipientView } from '../../../../shared/ipc';
import type { ContentRow } from '../../db/contentRepository';
import { contractInScope, individualShareAllowed } from '../../policy';
import { grantEvaluator } from '../../policy/access';
import { shareVisibleTo, type ShareFacts } from '../../policy/shareVisibility';
import { bySortName, type RecipientDirectory, type RecipientInfo } from '../shareRecipients';
import type { SharingDeps } from './deps';

export function requireInfo(directory: RecipientDirectory, contactId: number): RecipientInfo {
  const info = directory.get(contactId);
  if (info === undefined) throw new DomainError('UNKNOWN_CONTACT', { contactId });
  return info;
}

/** The contracts of a contact that give it access on `day`, preferring those in `propertyId`. */
export function accessContracts(
  info: RecipientInfo,
  current: AccessSettings,
  day: IsoDate,
  propertyId: number | null,
): ContractFacts[] {
  const evaluate = grantEvaluator(current, day);
  const giving = info.contracts.filter((c) => evaluate(c).grant !== 'none');
  const inProperty = giving.filter((c) => c.propertyId === propertyId);
  return inProperty.length > 0 ? inProperty : giving;
}

/** In-scope contracts of a contact with the given grants on `day`. */
export function scopeContracts(
  info: RecipientInfo,
  scope: RoleShareScope,
  current: AccessSettings,
  day: IsoDate,
  grants: readonly string[],
): ContractFacts[] {
  const evaluate = grantEvaluator(current, day);
  return info.contracts.filter((c) => contractInScope(c, scope) && grants.includes(evaluate(c).grant));
}

export function recipientView(
  info: RecipientInfo,
  directory: RecipientDirectory,
  units: readonly ContractFacts[],
  visibleToday: boolean,
): ShareRecipientView {
  return {
    contactId: info.row.id,
    displayName: info.displayName,
    units: directory.unitsLabel(units),
    access: info.access,
    visibleToday,
  };
}

/** Role-share recipients as the dialog lists them, in the order of `ids`. */
export function roleViews(
  contentId: number,
  scope: RoleShareScope,
  ids: readonly number[],
  directory: RecipientDirectory,
  current: AccessSettings,
  day: IsoDate,
): ShareRecipientView[] {
  const share: ShareFacts = { id: 0, contentId, target: { mode: 'role', scope }, revoked: false };
  return ids.map((id) => {
    const info = requireInfo(directory, id);
    const units = scopeContracts(info, scope, current, day, ['active']);
    return recipientView(
      info,
      directory,
      units,
      shareVisibleTo(share, info.facts, info.contracts, current, day),
    );
  });
}

export interface IndividualJudgement {
  /** Contacts an individual share may reach today, by name. */
  allowed: RecipientInfo[];
  refused: RefusedRecipient[];
  directory: RecipientDirectory;
}

/** An individual target's contacts: allowed (access ≠ none today) or refused with the reason. */
export async function judgeIndividually(
  { loadRecipients }: SharingDeps,
  contactIds: readonly number[],
  current: AccessSettings,
  day: IsoDate,
): Promise<IndividualJudgement> {
  const ids = [...new Set(contactIds)];
  const directory = await loadRecipients(ids, current, day);
  const allowed: RecipientInfo[] = [];
  const refused: { info: RecipientInfo; reason: RefusedRecipient['reason'] }[] = [];
  for (const id of ids) {
    const info = requireInfo(directory, id);
    const eligibility = individualShareAllowed(info.facts, info.contracts, current, day);
    if (eligibility.allowed) allowed.push(info);
    else refused.push({ info, reason: eligibility.reason });
  }
  allowed.sort(bySortName);
  refused.sort((a, b) => bySortName(a.info, b.info));
  return {
    allowed,
    refused: refused.map(({ info, reason }) => ({
      contactId: info.row.id,
      displayName: info.displayName,
      reason,
    })),
    directory,
  };
}

/** A page of an individual target's allowed contacts as the dialog lists them. */
export function individualViews(
  content: ContentRow,
  judged: IndividualJudgement,
  page: { offset: number; limit: number },
  current: AccessSettings,
  day: IsoDate,
): ShareRecipientView[] {
  return judged.allowed.slice(page.offset, page.offset + page.limit).map((info) => {
    const share: ShareFacts = {
      id: 0,
      contentId: content.id,
      target: { mode: 'individual', contactId: info.row.id },
      revoked: false,
    };
    return recipientView(
      info,
      judged.directory,
      accessContracts(info, current, day, content.property_id),
      shareVisibleTo(share, info.facts, info.contracts, current, day),
    );
  });
}
