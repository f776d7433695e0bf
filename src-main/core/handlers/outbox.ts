import type { outboxChannels } from '../../../shared/contract/outbox';
import type { Services } from '../services';
import type { HandlersOf } from './types';

export function outboxHandlers({ outbox }: Services): HandlersOf<typeof outboxChannels> {
  return {
    'outbox.list': (query) => outbox.list(query),
    'outbox.get': ({ id }) => outbox.get(id),
    'outbox.send': () => outbox.send(),
    'outbox.withdraw': ({ id }) => outbox.withdraw(id),
    'outbox.requeue': ({ id }) => outbox.requeue(id),
    'outbox.printLetters': () => outbox.printLetters(),
    'outbox.markPrinted': ({ ids }) => outbox.markPrinted(ids),
  };
}
