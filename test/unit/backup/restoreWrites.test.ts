/**
 * Writes while a backup is restored (issue 14.8): the restore holds the store's write lock across
 * event-loop turns, so a change made meanwhile is refused at once with RESTORE_IN_PROGRESS — never
 * left waiting for the busy timeout and then answered INTERNAL — and the restore goes through.
 */
import { describe, expect, it } from 'vitest';
import type { AccessSettings } from '../../../shared/domain';
import { ok } from '../support';
import { openCore } from './support';

const ACCESS: AccessSettings = {
  preContract: { enabled: true, days: 30 },
  postContract: { enabled: true, days: 60 },
  seatQuota: null,
};

describe('a change during a restore', () => {
  it('is refused with RESTORE_IN_PROGRESS (or goes through before or after), never INTERNAL', async () => {
    const core = openCore();
    await ok(core, 'settings.updateAccess', ACCESS);
    const backup = await ok(core, 'backups.create');

    let restoring = true;
    const answers: string[] = [];
    const restored = core.invoke('backups.restore', { name: backup.name }).finally(() => (restoring = false));
    // A change on every turn of the event loop while the restore runs.
    for (let days = 1; restoring && days < 5000; days++) {
      const answer = await core.invoke('settings.updateAccess', {
        ...ACCESS,
        preContract: { enabled: true, days: (days % 300) + 1 },
      });
      answers.push(answer.ok ? 'ok' : answer.error.code);
      await new Promise((resolve) => setImmediate(resolve));
    }

    expect((await restored).ok).toBe(true);
    expect(answers).toContain('RESTORE_IN_PROGRESS');
    expect(answers.filter((code) => code !== 'ok' && code !== 'RESTORE_IN_PROGRESS')).toEqual([]);
    // Afterwards changes go through again.
    await ok(core, 'settings.updateAccess', ACCESS);
  });
});
