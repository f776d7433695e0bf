import type { RoleShareResolution } from '../../../../shared/domain';
import type { ShareRecipientView, ShareView } from '../../../../shared/ipc';
import { shareFacts } from '../../db/shareRepository';
import { shareVisibleTo } from '../../policy/shareVisibility';
import { byName } from '../shareRecipients';
import type { SharingDeps } from './deps';
import { accessContracts, recipientView, scopeContracts } from './recipientViews';

/**
 * The live shares of a content ("Geteilt mit") with, per recipient, whether the portal shows it
 * today. A role share lists the contacts it reaches today and those of its scope inside a pre/post
 * window (visible false: the role share alone does not show it to them).
 */
export async function shareViews(d: SharingDeps, contentId: number): Promise<ShareView[]> {
  const day = d.ctx.clock.today();
  const current = d.settings.getAccess();
  const propertyId = (await d.contents.get(contentId))?.property_id ?? null;
  const rows = d.shares.liveOfContent(contentId);
  const facts = rows.map(shareFacts);
  const resolutions = new Map<number, RoleShareResolution>();
  const ids: number[] = [];
  for (const f of facts) {
    if (f.target.mode === 'individual') {
      ids.push(f.target.contactId);
    } else {
      const resolution = d.access.resolveRoleShare(f.target.scope, current, day);
      resolutions.set(f.id, resolution);
      ids.push(...resolution.recipients, ...resolution.skipped.map((s) => s.contactId));
    }
  }
  const directory = await d.loadRecipients(ids, current, day);
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
        recipientView(info, directory, units, shareVisibleTo(f, info.facts, info.contracts, current, day)),
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
        propertyName: d.shares.property(scope.propertyId)?.name ?? '',
        unitIds: scope.unitIds,
      },
      recipients,
    });
  }
  return views;
}
