/** Valid samples of the automatic rules' channels (Rollen & Zugriffsrechte › Automatisch). */
import type { automationChannels } from '../../../../../shared/contract/automation';
import { k, none, type SamplesOf } from '../kinds';

export function automationSamples(): SamplesOf<keyof typeof automationChannels> {
  const settings = {
    payload: { autoInvite: true, notice: { enabled: true, days: 14 } },
    fields: { autoInvite: k.bool(), 'notice.enabled': k.bool(), 'notice.days': k.int(1, 365) },
  };
  return {
    'automation.getSettings': none,
    'automation.updateSettings': [settings],
    'automation.preview': none,
    'automation.run': none,
  };
}
