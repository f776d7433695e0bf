import type { exportChannels } from '../../../shared/contract/exports';
import type { Services } from '../services';
import type { HandlersOf } from './types';

export function exportHandlers({ heldFiles }: Services): HandlersOf<typeof exportChannels> {
  return {
    'exports.save': ({ id }) => heldFiles.save(id),
  };
}
