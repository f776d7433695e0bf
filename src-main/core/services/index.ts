import type { CoreContext } from '../context';
import { auditLogService } from './auditLogService';
import { automationService } from './automation';
import { backupService } from './backupService';
import { contactService } from './contactService';
import { heldFiles } from '../exports/heldFiles';
import { contactsExportService } from './contactsExportService';
import { contentService } from './contentService';
import { contractService } from './contractService';
import { dataProtectionService } from './dataProtectionService';
import { firstStartService } from './demoShowcase';
import { importService } from './importService';
import { invitationService } from './invitations';
import { mailService } from './mailService';
import { organisationService } from './organisationService';
import { outboxService } from './outboxService';
import { portalPreviewService } from './portalPreviewService';
import { portfolioService } from './portfolioService';
import { preferencesService } from './preferencesService';
import { propertyService } from './propertyService';
import { settingsService } from './settingsService';
import { sharingService } from './sharing';
import { teamDatabaseService } from './teamDatabaseService';

/**
 * Every service of a core, each built once: services that others need (settings, the one outbox and
 * its send queue, contacts) are handed to them, never built a second time.
 */
export function createServices(ctx: CoreContext) {
  const settings = settingsService(ctx);
  const organisation = organisationService(ctx);
  const mail = mailService(ctx, organisation);
  const outbox = outboxService(ctx, mail, organisation);
  const contacts = contactService(ctx, settings, outbox);
  const sharing = sharingService(ctx, settings, { outbox, organisation });
  const content = contentService(ctx, settings, sharing.shareViews);
  const backups = backupService(ctx, settings);
  const portfolio = portfolioService(ctx, settings);
  const invitations = invitationService(ctx, { settings, organisation, outbox, contacts });
  const portal = portalPreviewService(ctx, settings, content);
  const automation = automationService(ctx, { settings, organisation, outbox, contacts, portal });
  return {
    settings,
    preferences: preferencesService(ctx),
    portfolio,
    firstStart: firstStartService({ portfolio, content, sharing, invitations }),
    properties: propertyService(ctx, settings),
    contacts,
    contracts: contractService(ctx, contacts),
    organisation,
    mail,
    outbox,
    invitations,
    content,
    sharing,
    portal,
    backups,
    imports: importService(ctx, settings, backups),
    contactsExport: contactsExportService(ctx, settings),
    heldFiles: heldFiles(ctx),
    dataProtection: dataProtectionService(ctx, settings),
    auditLog: auditLogService(ctx),
    team: teamDatabaseService(ctx),
    automation,
  };
}
export type Services = ReturnType<typeof createServices>;
