/**
 * The core's handlers: one file per contract area (shared/contract/<area>.ts), each a thin
 * mapping of its channels onto the services, merged by `combine`. Validation happened before (the
 * dispatcher in core.ts); the use cases live in the services.
 */
import type { Services } from '../services';
import { appHandlers } from './app';
import { automationHandlers } from './automation';
import { backupHandlers } from './backups';
import { combine } from './combine';
import { contentHandlers } from './content';
import { dataProtectionHandlers } from './dataProtection';
import { exportHandlers } from './exports';
import { importHandlers } from './imports';
import { invitationHandlers } from './invitations';
import { mailHandlers } from './mail';
import { organisationHandlers } from './organisation';
import { outboxHandlers } from './outbox';
import { portfolioHandlers } from './portfolio';
import { preferencesHandlers } from './preferences';
import { settingsHandlers } from './settings';
import { startupHandlers } from './startup';
import { teamHandlers } from './team';
import type { Handlers } from './types';

export function createHandlers(services: Services): Handlers {
  return combine(
    appHandlers(services),
    preferencesHandlers(services),
    settingsHandlers(services),
    portfolioHandlers(services),
    invitationHandlers(services),
    outboxHandlers(services),
    mailHandlers(services),
    organisationHandlers(services),
    contentHandlers(services),
    backupHandlers(services),
    startupHandlers(),
    dataProtectionHandlers(services),
    importHandlers(services),
    teamHandlers(services),
    exportHandlers(services),
    automationHandlers(services),
  );
}
