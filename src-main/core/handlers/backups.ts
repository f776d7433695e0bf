import type { backupChannels } from '../../../shared/contract/backups';
import type { Services } from '../services';
import type { HandlersOf } from './types';

export function backupHandlers({ backups }: Services): HandlersOf<typeof backupChannels> {
  return {
    'backups.list': () => backups.overview(),
    'backups.create': () => backups.create(),
    'backups.restore': ({ name }) => backups.restore(name),
    'backups.delete': ({ name }) => backups.delete(name),
  };
}
