import { describe, expect, it } from 'vitest';
import { channels, contract } from '../../../shared/ipc';
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

  it('answers every contract channel that takes no payload, on an empty data store', async () => {
    const core = testCore();
    const withoutPayload = channels.filter((name) => contract[name].request.safeParse(undefined).success);
    expect(withoutPayload).toContain('settings.getAccess');
    for (const channel of withoutPayload) {
      // Sending mail is the one thing an unconfigured installation refuses, with its reason.
      const expected =
        channel === 'outbox.send' ? { ok: false, error: { code: 'SMTP_NOT_CONFIGURED' } } : { ok: true };
      expect(await core.invoke(channel), channel).toMatchObject(expected);
    }
  });
});
