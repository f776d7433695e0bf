/** The welcome screen promises what the demo then shows: its counts come from the generated data. */
import { describe, expect, it } from 'vitest';
import { ok, testCore } from '../support';

describe('app.status on an empty data store', () => {
  it('counts the demo as its lists will show it, and forgets it once chosen', async () => {
    const core = testCore('2026-11-27');
    try {
      const status = await ok(core, 'app.status');
      expect(status.needsFirstStartChoice).toBe(true);
      const promised = status.demoOffer!;
      await ok(core, 'app.chooseFirstStart', 'demo');
      const contacts = await ok(core, 'contacts.list', { limit: 1 });
      expect(contacts.total).toBe(promised.contacts);
      expect((await ok(core, 'properties.list')).length).toBe(promised.properties);
      const overview = await ok(core, 'portfolio.overview');
      expect(overview.units).toBe(promised.units);
      expect((await ok(core, 'app.status')).demoOffer).toBeNull();
    } finally {
      core.close();
    }
  });
});
