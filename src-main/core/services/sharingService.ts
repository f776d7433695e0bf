/**
 * Sharing (Teilen, ARCHITECTURE.md §3): the share dialog's preview, writing shares with their
 * notifications, revoking, and the "Geteilt mit" view of a content.
 *
 * - Role share (Alle Kontakte / Mieter / Eigentümer of a property or of some of its units): reaches
 *   the contacts with an ACTIVE contract of that role in that scope (accessRepository's
 *   resolveRoleShare, equal to the policy's). Contacts of the scope inside a pre/post window are
 *   `skipped`; the manager may add them with `alsoIndividually` (individual shares, which need
 *   access ≠ none today, else NO_ACCESS / ARCHIVED). One row: role, property, unit ids.
 * - Individual share: one row per contact; every contact needs access ≠ none today (the policy's
 *   individualShareAllowed), else the whole request is refused with NO_ACCESS (or ARCHIVED,
 *   UNKNOWN_CONTACT) and nothing is written. A contact who already has a live individual share of
 *   the content gets no second row and no second notification.
 * - SmartPost always shares individually: a role target is refused with SMARTPOST_ROLE_SHARE (the
 *   dialog may still preview a role scope to pick its contacts). Each recipient gets a personal
 *   letter (placeholders filled in the contact's language); all letters come back as one PDF.
 * - Notifications: one per recipient of the new share(s), in the contact's language, queued in the
 *   outbox in the same transaction — active, pre and post contacts alike. Recipients without a
 *   usable e-mail address get none and are listed in `needsPost`. Delivery (SMTP on) starts after
 *   the commit, as for invitations (outboxService.deliverSoon).
 * - Audit: one row per share written ('sharing.share'), one per revocation ('sharing.revoke').
 * - Preview (the share dialog): counts, every skipped or refused contact, and only the first page of
 *   recipients by name (a 5,000-unit property has thousands); `recipientPage` gives further pages,
 *   role shares paged in SQL (accessRepository.roleRecipientPage). The share does not use them: it
 *   resolves its recipients again, inside its transaction.
 *
 * Letters are rendered before the transaction (rendering is asynchronous; a transaction is not); the
 * recipients are judged again inside it, and the letters rendered again should they have changed.
 */
import type { z } from 'zod';
import type {
  AccessSettings,
  ContractFacts,
  IsoDate,
  RoleShareResolution,
  RoleShareScope,
} from '../../../shared/domain';
import { DomainError } from '../../../shared/errors';
import { SHARE_RECIPIENT_PAGE_SIZE, type shareTargetSchema } from '../../../shared/contract/content';
import type {
  Organisation,
  RefusedRecipient,
  SharePreview,
  ShareRecipientPage,
  ShareRecipientView,
  ShareResult,
  ShareView,
} from '../../../shared/ipc';
import type { CoreContext } from '../context';
import { accessRepository } from '../db/accessRepository';
import { contentRepository, type ContentRow } from '../db/contentRepository';
import { shareRepository } from '../db/shareRepository';
import { renderSmartPostLetters, type SmartPostLetter } from '../letters/smartPostLetter';
import { formatDate, salutationLine } from '../mail/format';
import { shareNotificationMail } from '../mail/shareNotification';
import { contractInScope, individualShareAllowed } from '../policy';
import { grantEvaluator } from '../policy/access';
import { contentData } from './contentService';
import { isValidEmail } from './invitationService';
import type { OrganisationService } from './organisationService';
import type { OutboxService } from './outboxService';
import { postalAddressee } from './portfolioViews';
import {
  byName,
  bySortName,
  recipientLoader,
  recipientNames,
  type RecipientDirectory,
  type RecipientInfo,
} from './shareRecipients';
import { shareFacts, shareVisibleTo, type ShareFacts } from './shareVisibility';
import type { SettingsService } from './settingsService';
import { fillTemplate } from './smartPostTemplate';

export type ShareTargetValue = z.output<typeof shareTargetSchema>;

export interface SharingDeps {
  outbox: OutboxService;
  organisation: OrganisationService;
}

/** What a share request will write, judged on one day. */
interface Plan {
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

/** Thrown inside a change to roll it back when a request turned out to write nothing. */
class NothingToWrite extends Error {
  constructor() {
    super('nothing to write');
  }
}

type NeedsPost = ShareResult['needsPost'][number];

export function sharingService(ctx: CoreContext, settings: SettingsService, deps: SharingDeps) {
  const contents = contentRepository(ctx.db);
  const shares = shareRepository(ctx.db);
  const access = accessRepository(ctx.db);
  const loadRecipients = recipientLoader(ctx);
  const loadNames = recipientNames(ctx);

  function requireContent(id: number): ContentRow {
    const row = contents.get(id);
    if (row === undefined) throw new DomainError('NOT_FOUND', { entity: 'content', id });
    return row;
  }

  /** The scope of a role target: the property must exist and the units belong to it. */
  function roleScope(target: Extract<ShareTargetValue, { mode: 'role' }>): RoleShareScope {
    if (shares.property(target.propertyId) === undefined) {
      throw new DomainError('UNKNOWN_PROPERTY', { propertyId: target.propertyId });
    }
    const unitIds = [...new Set(target.unitIds ?? [])].sort((a, b) => a - b);
    if (unitIds.length > 0) {
      const ofProperty = shares.unitIdsOfProperty(target.propertyId);
      const unknown = unitIds.find((id) => !ofProperty.has(id));
      if (unknown !== undefined) throw new DomainError('UNKNOWN_UNIT', { unitId: unknown });
    }
    return {
      role: target.role,
      propertyId: target.propertyId,
      unitIds: unitIds.length === 0 ? null : unitIds,
    };
  }

  /** The contracts of a contact that give it access on `day`, preferring those in `propertyId`. */
  function accessContracts(
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
  function scopeContracts(
    info: RecipientInfo,
    scope: RoleShareScope,
    current: AccessSettings,
    day: IsoDate,
    grants: readonly string[],
  ): ContractFacts[] {
    const evaluate = grantEvaluator(current, day);
    return info.contracts.filter((c) => contractInScope(c, scope) && grants.includes(evaluate(c).grant));
  }

  function recipientView(
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

  function requireInfo(directory: RecipientDirectory, contactId: number): RecipientInfo {
    const info = directory.get(contactId);
    if (info === undefined) throw new DomainError('UNKNOWN_CONTACT', { contactId });
    return info;
  }

  /** Role-share recipients as the dialog lists them, in the order of `ids`. */
  function roleViews(
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

  interface IndividualJudgement {
    /** Contacts an individual share may reach today, by name. */
    allowed: RecipientInfo[];
    refused: RefusedRecipient[];
    directory: RecipientDirectory;
  }

  /** An individual target's contacts: allowed (access ≠ none today) or refused with the reason. */
  function judgeIndividually(
    contactIds: readonly number[],
    current: AccessSettings,
    day: IsoDate,
  ): IndividualJudgement {
    const ids = [...new Set(contactIds)];
    const directory = loadRecipients(ids, current, day);
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
  function individualViews(
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

  function plan(
    contentId: number,
    target: ShareTargetValue,
    alsoIndividually: readonly number[],
    day: IsoDate,
  ): Plan {
    const content = requireContent(contentId);
    if (content.kind === 'smartpost' && target.mode === 'role') throw new DomainError('SMARTPOST_ROLE_SHARE');
    const current = settings.getAccess();
    let scope: RoleShareScope | null = null;
    let resolution: RoleShareResolution | null = null;
    const wanted: { contactId: number; also: boolean }[] = [];
    if (target.mode === 'role') {
      scope = roleScope(target);
      resolution = access.resolveRoleShare(scope, current, day);
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
    const directory = loadRecipients(
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
      shares
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

  /** A recipient's personal SmartPost letter. */
  function letterOf(p: Plan, info: RecipientInfo, day: IsoDate, org: Organisation): SmartPostLetter {
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

  async function lettersPdf(letters: readonly SmartPostLetter[]): Promise<string | null> {
    if (letters.length === 0) return null;
    return Buffer.from(await renderSmartPostLetters(letters)).toString('base64');
  }

  function lettersOf(p: Plan, day: IsoDate, org: Organisation): SmartPostLetter[] {
    return p.content.kind === 'smartpost' ? p.recipients.map((info) => letterOf(p, info, day, org)) : [];
  }

  return {
    /**
     * Whom the target reaches today (how many, and the first page by name), every contact a role
     * share skips, whom an individual share refuses, and who needs a letter.
     */
    preview(contentId: number, target: ShareTargetValue): SharePreview {
      const content = requireContent(contentId);
      const day = ctx.clock.today();
      const current = settings.getAccess();
      const firstPage = { offset: 0, limit: SHARE_RECIPIENT_PAGE_SIZE };
      if (target.mode === 'individual') {
        const judged = judgeIndividually(target.contactIds, current, day);
        const byPost = judged.allowed.filter((info) => !isValidEmail(info.row.email));
        return {
          recipientCount: judged.allowed.length,
          recipients: individualViews(content, judged, firstPage, current, day),
          skipped: [],
          refused: judged.refused,
          needsPostCount: byPost.length,
          needsPost: byPost
            .slice(0, firstPage.limit)
            .map((info) => ({ contactId: info.row.id, displayName: info.displayName })),
        };
      }
      const scope = roleScope(target);
      // One statement gives the count, the first page and who has no e-mail address.
      const reached = access.roleRecipientsByName(scope, current, day);
      const byPost = reached.filter((row) => !isValidEmail(row.email));
      const skippedContacts = access.roleShareSkipped(scope, current, day);
      const pageIds = reached.slice(0, firstPage.limit).map((row) => row.id);
      const directory = loadRecipients(
        [...pageIds, ...skippedContacts.map((s) => s.contactId)],
        current,
        day,
      );
      const skipped = skippedContacts
        .map((s) => ({ s, info: requireInfo(directory, s.contactId) }))
        .sort((a, b) => bySortName(a.info, b.info))
        .map(({ s, info }) => ({
          contactId: s.contactId,
          displayName: info.displayName,
          units: directory.unitsLabel(scopeContracts(info, scope, current, day, ['pre', 'post'])),
          grant: s.grant,
          windowEnd: s.windowEnd,
        }));
      return {
        recipientCount: reached.length,
        recipients: roleViews(contentId, scope, pageIds, directory, current, day),
        skipped,
        refused: [],
        needsPostCount: byPost.length,
        needsPost: loadNames(byPost.slice(0, firstPage.limit).map((row) => row.id)),
      };
    },

    /** A page of the preview's recipients, in the same order. */
    recipientPage(
      contentId: number,
      target: ShareTargetValue,
      page: { offset: number; limit: number },
    ): ShareRecipientPage {
      const content = requireContent(contentId);
      const day = ctx.clock.today();
      const current = settings.getAccess();
      if (target.mode === 'individual') {
        const judged = judgeIndividually(target.contactIds, current, day);
        return {
          total: judged.allowed.length,
          items: individualViews(content, judged, page, current, day),
        };
      }
      const scope = roleScope(target);
      const { total, rows } = access.roleRecipientPage(scope, current, day, page);
      const ids = rows.map((row) => row.id);
      return {
        total,
        items: roleViews(contentId, scope, ids, loadRecipients(ids, current, day), current, day),
      };
    },

    /** Writes the share(s) and the notifications in one transaction (see the file comment). */
    async share(
      contentId: number,
      target: ShareTargetValue,
      alsoIndividually: readonly number[],
    ): Promise<ShareResult> {
      const day = ctx.clock.today();
      const org = deps.organisation.get();
      // Judged before rendering the letters (refusals come back at once), and again inside the change.
      const planned = plan(contentId, target, alsoIndividually, day);
      const plannedIds = planned.recipients.map((info) => info.row.id);
      const plannedPdf = await lettersPdf(lettersOf(planned, day, org));

      let written: { plan: Plan; notifications: number; needsPost: NeedsPost[] };
      try {
        written = ctx.change((audit) => {
          const p = plan(contentId, target, alsoIndividually, day);
          if (p.scope === null && p.individual.length === 0) throw new NothingToWrite();
          const now = ctx.clock.now();
          const content = contentData(p.content);
          const appointment = content.kind === 'appointment' ? content.data : null;

          // Notifications first: the audit rows name the outbox rows they caused.
          const outboxIds = new Map<number, number>();
          const needsPost: NeedsPost[] = [];
          for (const info of p.recipients) {
            const email = info.row.email;
            if (!isValidEmail(email)) {
              needsPost.push({ contactId: info.row.id, displayName: info.displayName });
              continue;
            }
            const mail = shareNotificationMail({
              language: info.row.language,
              addressee: postalAddressee(info.row),
              content: {
                kind: p.content.kind,
                title: p.content.title,
                propertyName: p.content.property_name,
                startsAt: appointment?.startsAt ?? null,
                endsAt: appointment?.endsAt ?? null,
                place: appointment?.place ?? null,
              },
              organisation: org,
            });
            const outboxId = deps.outbox.queue({
              contact_id: info.row.id,
              recipient: email,
              language: info.row.language,
              subject: mail.subject,
              text_body: mail.text,
              html_body: mail.html,
              created_at: now,
            });
            outboxIds.set(info.row.id, outboxId);
          }

          if (p.scope !== null && p.resolution !== null) {
            const id = shares.insertRole(contentId, p.scope.role, p.scope.propertyId, p.scope.unitIds, now);
            audit({
              action: 'sharing.share',
              entity: 'share',
              entityId: id,
              after: {
                contentId,
                kind: p.content.kind,
                mode: 'role',
                role: p.scope.role,
                propertyId: p.scope.propertyId,
                unitIds: p.scope.unitIds,
                recipients: p.resolution.recipients,
                skipped: p.resolution.skipped.map((s) => s.contactId),
                outboxIds: p.resolution.recipients
                  .map((contactId) => outboxIds.get(contactId))
                  .filter((outboxId) => outboxId !== undefined),
              },
            });
          }
          for (const w of p.individual) {
            const id = shares.insertIndividual(contentId, w.contactId, now);
            const info = requireInfo(p.directory, w.contactId);
            audit({
              action: 'sharing.share',
              entity: 'share',
              entityId: id,
              after: {
                contentId,
                kind: p.content.kind,
                mode: 'individual',
                contactId: w.contactId,
                grant: info.access.grant,
                alsoIndividually: w.also,
                outboxId: outboxIds.get(w.contactId) ?? null,
              },
            });
          }
          return { plan: p, notifications: outboxIds.size, needsPost };
        });
      } catch (error) {
        if (!(error instanceof NothingToWrite)) throw error;
        return { sharedWith: 0, notifications: 0, needsPost: [], lettersPdf: null };
      }

      ctx.emit('portfolio.changed', {});
      if (written.notifications > 0) deps.outbox.deliverSoon();
      const ids = written.plan.recipients.map((info) => info.row.id);
      const same = ids.length === plannedIds.length && ids.every((id, i) => id === plannedIds[i]);
      const pdf = same ? plannedPdf : await lettersPdf(lettersOf(written.plan, day, org));
      return {
        sharedWith: written.plan.recipients.length,
        notifications: written.notifications,
        needsPost: written.needsPost,
        lettersPdf: pdf,
      };
    },

    /** Revokes a share (kept, with revoked_at); returns its content. Revoking twice changes nothing. */
    revoke(shareId: number): number {
      const row = shares.get(shareId);
      if (row === undefined) throw new DomainError('NOT_FOUND', { entity: 'share', id: shareId });
      if (row.revoked_at !== null) return row.content_id;
      ctx.change((audit) => {
        const now = ctx.clock.now();
        shares.revoke(shareId, now);
        audit({
          action: 'sharing.revoke',
          entity: 'share',
          entityId: shareId,
          before: { revokedAt: null },
          after: { revokedAt: now, contentId: row.content_id },
        });
      });
      ctx.emit('portfolio.changed', {});
      return row.content_id;
    },

    /**
     * The live shares of a content with, per recipient, whether the portal shows it today. A role
     * share lists the contacts it reaches today and those of its scope inside a pre/post window
     * (visible false: the role share alone does not show it to them).
     */
    shareViews(contentId: number): ShareView[] {
      const day = ctx.clock.today();
      const current = settings.getAccess();
      const propertyId = contents.get(contentId)?.property_id ?? null;
      const rows = shares.liveOfContent(contentId);
      const facts = rows.map(shareFacts);
      const resolutions = new Map<number, RoleShareResolution>();
      const ids: number[] = [];
      for (const f of facts) {
        if (f.target.mode === 'individual') {
          ids.push(f.target.contactId);
        } else {
          const resolution = access.resolveRoleShare(f.target.scope, current, day);
          resolutions.set(f.id, resolution);
          ids.push(...resolution.recipients, ...resolution.skipped.map((s) => s.contactId));
        }
      }
      const directory = loadRecipients(ids, current, day);
      const views: ShareView[] = [];
      for (const [index, f] of facts.entries()) {
        const row = rows[index];
        if (row === undefined) continue;
        if (f.target.mode === 'individual') {
          const info = directory.get(f.target.contactId);
          if (info === undefined) continue;
          views.push({
            id: f.id,
            createdAt: row.created_at,
            target: { mode: 'individual', contactId: info.row.id, displayName: info.displayName },
            recipients: [
              recipientView(
                info,
                directory,
                accessContracts(info, current, day, propertyId),
                shareVisibleTo(f, info.facts, info.contracts, current, day),
              ),
            ],
          });
          continue;
        }
        const scope = f.target.scope;
        const resolution = resolutions.get(f.id) ?? { recipients: [], skipped: [] };
        const recipients: ShareRecipientView[] = [];
        for (const id of [...resolution.recipients, ...resolution.skipped.map((s) => s.contactId)]) {
          const info = directory.get(id);
          if (info === undefined) continue;
          const units = scopeContracts(info, scope, current, day, ['active', 'pre', 'post']);
          recipients.push(
            recipientView(
              info,
              directory,
              units,
              shareVisibleTo(f, info.facts, info.contracts, current, day),
            ),
          );
        }
        recipients.sort(byName);
        views.push({
          id: f.id,
          createdAt: row.created_at,
          target: {
            mode: 'role',
            role: scope.role,
            propertyId: scope.propertyId,
            propertyName: shares.property(scope.propertyId)?.name ?? '',
            unitIds: scope.unitIds,
          },
          recipients,
        });
      }
      return views;
    },
  };
}
export type SharingService = ReturnType<typeof sharingService>;
