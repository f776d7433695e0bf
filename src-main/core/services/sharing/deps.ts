import type { z } from 'zod';
import type { RoleShareScope } from '../../../../shared/domain';
import { DomainError } from '../../../../shared/errors';
import type { shareTargetSchema } from '../../../../shared/contract/content';
import type { CoreContext } from '../../context';
import { accessRepository, type AccessRepository } from '../../db/accessRepository';
import { contentRepository, type ContentRepository, type ContentRow } from '../../db/contentRepository';
import { shareRepository, type ShareRepository } from '../../db/shareRepository';
import type { OrganisationService } from '../organisationService';
import type { OutboxService } from '../outboxService';
import type { SettingsService } from '../settingsService';
import { recipientLoader, recipientNames, type RecipientLoader } from '../shareRecipients';

export type ShareTargetValue = z.output<typeof shareTargetSchema>;
export type RoleTarget = Extract<ShareTargetValue, { mode: 'role' }>;

/** What the sharing functions work with: the core, the settings, the one outbox, the repositories. */
export interface SharingDeps {
  ctx: CoreContext;
  settings: SettingsService;
  outbox: OutboxService;
  organisation: OrganisationService;
  contents: ContentRepository;
  shares: ShareRepository;
  access: AccessRepository;
  loadRecipients: RecipientLoader;
  loadNames: ReturnType<typeof recipientNames>;
}

export function sharingDeps(
  ctx: CoreContext,
  settings: SettingsService,
  { outbox, organisation }: { outbox: OutboxService; organisation: OrganisationService },
): SharingDeps {
  return {
    ctx,
    settings,
    outbox,
    organisation,
    contents: contentRepository(ctx.store),
    shares: shareRepository(ctx.db),
    access: accessRepository(ctx.db),
    loadRecipients: recipientLoader(ctx),
    loadNames: recipientNames(ctx),
  };
}

export async function requireContent({ contents }: SharingDeps, id: number): Promise<ContentRow> {
  const row = await contents.get(id);
  if (row === undefined) throw new DomainError('NOT_FOUND', { entity: 'content', id });
  return row;
}

/** The scope of a role target: the property must exist and the units belong to it. */
export function roleScope({ shares }: SharingDeps, target: RoleTarget): RoleShareScope {
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
