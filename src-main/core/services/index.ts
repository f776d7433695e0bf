import type { CoreContext } from '../context';
import type { Handlers } from '../core';
import { portfolioService } from './portfolioService';
import { preferencesService } from './preferencesService';
import { settingsService } from './settingsService';
import { createPortfolioHandlers } from './portfolioHandlers';
import { createInvitationHandlers } from './invitationHandlers';
import { createContentHandlers } from './contentHandlers';
import { mailService } from './mailService';
import { organisationService } from './organisationService';
import { outboxService } from './outboxService';
import { dataProtectionService } from './dataProtectionService';
import { auditLogService } from './auditLogService';
import { startupHandlersWhenReady } from '../startup/readyHandlers';
import { backupService } from './backupService';

/** One handler per contract channel; the compiler checks that none is missing. */
export function createHandlers(ctx: CoreContext): Handlers {
  const settings = settingsService(ctx);
  const preferences = preferencesService(ctx);
  const portfolio = portfolioService(ctx, settings);
  const portfolioHandlers = createPortfolioHandlers(ctx, settings);
  const organisation = organisationService(ctx);
  const mail = mailService(ctx, organisation);
  const outbox = outboxService(ctx, mail);
  const backups = backupService(ctx, settings);
  const contactDetail = (contactId: number) => portfolioHandlers['contacts.get']({ id: contactId });
  const dataProtection = dataProtectionService(ctx, settings);
  const auditLog = auditLogService(ctx);
  return {
    ...portfolioHandlers,
    ...createInvitationHandlers(ctx, settings, contactDetail, { organisation, mail, outbox }),
    ...createContentHandlers(ctx, settings, { outbox, organisation }),
    ...startupHandlersWhenReady,
    'app.status': () => portfolio.status(),
    'app.chooseFirstStart': (mode) => portfolio.chooseFirstStart(mode),
    'preferences.get': () => preferences.get(),
    'preferences.update': (change) => preferences.update(change),
    'settings.getAccess': () => settings.getAccess(),
    'settings.updateAccess': (next) => settings.updateAccess(next),
    'settings.previewAccessImpact': (next) => settings.previewAccessImpact(next),
    'portfolio.overview': () => portfolio.overview(),
    'dataProtection.getSettings': () => dataProtection.getSettings(),
    'dataProtection.updateSettings': (next) => dataProtection.updateSettings(next),
    'dataProtection.candidates': ({ offset, limit }) => dataProtection.candidates(offset, limit),
    'dataProtection.anonymise': ({ contactIds }) => dataProtection.anonymise(contactIds),
    'auditLog.list': ({ from, to, offset, limit }) => auditLog.page(from, to, offset, limit),
    'auditLog.export': ({ from, to, language }) => auditLog.export(from, to, language),
    'backups.list': () => backups.overview(),
    'backups.create': () => backups.create(),
    'backups.restore': ({ name }) => backups.restore(name),
    'backups.delete': ({ name }) => backups.delete(name),
  };
}
