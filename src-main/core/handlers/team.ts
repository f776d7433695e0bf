import type { teamChannels } from '../../../shared/contract/team';
import type { Services } from '../services';
import type { HandlersOf } from './types';

export function teamHandlers({ team }: Services): HandlersOf<typeof teamChannels> {
  return {
    'team.getSettings': () => team.getSettings(),
    'team.saveSettings': (input) => team.saveSettings(input),
    'team.testConnection': (input) => team.testConnection(input),
    'team.moveIntoTeamDatabase': () => team.moveIntoTeamDatabase(),
    'team.exportLocalCopy': () => team.exportLocalCopy(),
  };
}
