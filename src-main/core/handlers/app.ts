import type { appChannels } from '../../../shared/contract/app';
import type { Services } from '../services';
import type { HandlersOf } from './types';

export function appHandlers({ portfolio, firstStart }: Services): HandlersOf<typeof appChannels> {
  return {
    'app.status': () => portfolio.status(),
    'app.chooseFirstStart': (mode) => firstStart.choose(mode),
  };
}
