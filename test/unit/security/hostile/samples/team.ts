/** Valid samples of the team database channels (Administration › Team-Datenbank). */
import type { teamChannels } from '../../../../../shared/contract/team';
import { k, none, type SamplesOf } from '../kinds';

/** Nobody listens on port 1 of this computer: a valid test is refused TEAM_UNREACHABLE, never INTERNAL. */
export const UNREACHABLE_PORT = 1;

export function teamSamples(): SamplesOf<keyof typeof teamChannels> {
  const fields = {
    host: k.reqText(253),
    port: k.int(1, 65_535),
    database: k.reqText(63),
    user: k.reqText(63),
    password: k.optText(500, { nullable: false, optional: true }),
    tls: k.enum(['require', 'verify-full', 'disable']),
    caCertificate: k.optText(65_536, { optional: true }),
  };
  const settings = {
    host: '127.0.0.1',
    port: UNREACHABLE_PORT,
    database: 'portal',
    user: 'portal_app',
    password: 'geheim',
    tls: 'disable' as const,
    caCertificate: null,
  };
  return {
    'team.getSettings': none,
    'team.saveSettings': [{ payload: settings, fields }],
    'team.testConnection': [{ payload: settings, fields }],
    'team.moveIntoTeamDatabase': none,
    'team.exportLocalCopy': none,
  };
}
