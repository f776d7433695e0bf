import { describe, expect, it } from 'vitest';
import { channels, contract, type Channel } from '../../../shared/ipc';
import { snapshotDatabase, testCore } from '../support';

describe('core.invoke', () => {
  it.each(['settings.deleteEverything', '', '__proto__', 'constructor', 42, null])(
    'refuses the unknown channel %s with UNKNOWN_CHANNEL and writes nothing',
    async (channel) => {
      const core = testCore();
      const before = snapshotDatabase(core.dataDir);
      const result = await core.invoke(channel, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
      expect(snapshotDatabase(core.dataDir)).toBe(before);
    },
  );

  it.each([
    [
      'settings.updateAccess',
      {
        preContract: { enabled: 'yes', days: 30 },
        postContract: { enabled: false, days: 30 },
        seatQuota: null,
      },
    ],
    [
      'settings.updateAccess',
      {
        preContract: { enabled: true, days: 30 },
        postContract: { enabled: false, days: 30 },
        seatQuota: null,
        extra: 1,
      },
    ],
    ['settings.updateAccess', 'DROP TABLE settings'],
    ['settings.updateAccess', undefined],
    ['preferences.update', { language: 'fr' }],
    ['app.chooseFirstStart', 'everything'],
    ['settings.getAccess', { unexpected: true }],
  ])('refuses a bad payload on %s with INVALID_PAYLOAD and writes nothing', async (channel, payload) => {
    const core = testCore();
    const before = snapshotDatabase(core.dataDir);
    const result = await core.invoke(channel, payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(snapshotDatabase(core.dataDir)).toBe(before);
  });

  const notConfigured: Partial<Record<Channel, string>> = {
    'outbox.send': 'SMTP_NOT_CONFIGURED',
    'team.moveIntoTeamDatabase': 'TEAM_NOT_CONFIGURED',
    'team.exportLocalCopy': 'TEAM_NOT_CONFIGURED',
  };

  it('answers every contract channel that takes no payload, on an empty data store', async () => {
    const core = testCore();
    const withoutPayload = channels.filter((name) => contract[name].request.safeParse(undefined).success);
    expect(withoutPayload).toContain('settings.getAccess');
    for (const channel of withoutPayload) {
      // What an unconfigured installation refuses, with its reason: sending mail, and the team
      // database's move and copy before a connection is saved.
      const refusal = notConfigured[channel];
      const expected = refusal ? { ok: false, error: { code: refusal } } : { ok: true };
      expect(await core.invoke(channel), channel).toMatchObject(expected);
    }
  });
});
