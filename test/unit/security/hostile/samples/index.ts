import type { Fixture } from '../fixture';
import type { SampleTable } from '../kinds';
import { appSamples } from './app';
import { automationSamples } from './automation';
import { contentSamples } from './content';
import { importSamples } from './imports';
import { invitationSamples } from './invitations';
import { portfolioSamples } from './portfolio';
import { teamSamples } from './team';

/** One line per channel, checked by the compiler: a new channel needs its valid samples here. */
export function samples(f: Fixture): SampleTable {
  return {
    ...appSamples(f),
    ...portfolioSamples(f),
    ...invitationSamples(f),
    ...contentSamples(f),
    ...importSamples(f),
    ...teamSamples(),
    ...automationSamples(),
  };
}
