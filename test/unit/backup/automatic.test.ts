/** The automatic daily backup: one per day on opening the store, the newest seven kept. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Clock } from '../../../src-main/core/clock';
import type { BackupInfo } from '../../../shared/ipc';
import { ok, readDatabase, tempDir } from '../support';
import { automatic, backups, dayClock, nextDays, openCore, openOn } from './support';

const dayAndKind = (backup: BackupInfo) => `${backup.createdAt.slice(0, 10)} ${backup.kind}`;

afterEach(() => {
  vi.useRealTimers();
});

describe('automatic backups', () => {
  it('makes one when the store is opened on a day without one, and none on a second opening', async () => {
    const dataDir = tempDir();
    const first = await openOn(dataDir, '2026-11-27');
    expect(first.map(dayAndKind)).toEqual(['2026-11-27 automatic']);
    expect(await openOn(dataDir, '2026-11-27')).toEqual(first);
    const nextDay = await openOn(dataDir, '2026-11-28');
    expect(nextDay.map(dayAndKind)).toEqual(['2026-11-28 automatic', '2026-11-27 automatic']);
  });

  it('keeps the newest seven automatic backups and never prunes manual ones', async () => {
    const dataDir = tempDir();
    const manualCore = openCore({ dataDir, clock: dayClock('2026-11-20') });
    const manual = await ok(manualCore, 'backups.create');
    manualCore.close();

    const days = nextDays('2026-11-21', 9);
    for (const day of days) await openOn(dataDir, day);

    const reopened = openCore({ dataDir });
    const listed = await backups(reopened);
    expect(automatic(listed).map((backup) => backup.createdAt.slice(0, 10))).toEqual(days.slice(2).reverse());
    expect(listed).toContainEqual(manual);
    // The pruning is in the audit log, with the backup that caused it.
    const pruned = readDatabase(reopened, (db) =>
      db
        .prepare<[], { after: string }>("SELECT after FROM audit WHERE action = 'backup.created'")
        .all()
        .flatMap((row) => (JSON.parse(row.after) as { pruned?: string[] }).pruned ?? []),
    );
    expect(pruned).toHaveLength(2);
  });

  it("makes the next day's backup within the hour when the app stays open past midnight", async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let clock = dayClock('2026-11-27');
    const moving: Clock = { today: () => clock.today(), now: () => clock.now() };
    const core = openCore({ clock: moving, automaticBackups: true });
    expect((await backups(core)).map(dayAndKind)).toEqual(['2026-11-27 automatic']);

    clock = dayClock('2026-11-28');
    vi.advanceTimersByTime(59 * 60 * 1000);
    expect(await backups(core)).toHaveLength(1);
    vi.advanceTimersByTime(60 * 1000);
    expect((await backups(core)).map(dayAndKind)).toEqual(['2026-11-28 automatic', '2026-11-27 automatic']);
  });

  it('are off unless asked for', async () => {
    const core = openCore();
    expect(await backups(core)).toEqual([]);
  });
});
