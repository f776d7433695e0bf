import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../src-main/core/core';
import type { AccessSettings } from '../../../shared/domain';
import { ok, refused, snapshotDatabase, testCore } from '../support';

const settings = (
  pre: [boolean, number],
  post: [boolean, number],
  seatQuota: number | null = null,
): AccessSettings => ({
  preContract: { enabled: pre[0], days: pre[1] },
  postContract: { enabled: post[0], days: post[1] },
  seatQuota,
});

function auditRows(dataDir: string) {
  const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    return db
      .prepare('SELECT actor, action, entity, entity_id, before, after FROM audit ORDER BY id')
      .all() as {
      actor: string;
      action: string;
      before: string;
      after: string;
    }[];
  } finally {
    db.close();
  }
}

describe('settings service: Rollen & Zugriffsrechte', () => {
  it('has both windows off by default', async () => {
    const core = testCore();
    const value = await ok(core, 'settings.getAccess');
    expect(value.preContract.enabled).toBe(false);
    expect(value.postContract.enabled).toBe(false);
    expect(value.seatQuota).toBeNull();
  });

  it.each([
    ['pre alone', settings([true, 14], [false, 30])],
    ['post alone', settings([false, 30], [true, 60])],
    ['both', settings([true, 1], [true, 365], 250)],
  ])('saves %s and answers with it after reopening', async (_name, next) => {
    const core = testCore();
    expect(await ok(core, 'settings.updateAccess', next)).toEqual(next);
    core.close();
    const reopened = testCore('2026-11-27', core.dataDir);
    expect(await ok(reopened, 'settings.getAccess')).toEqual(next);
  });

  it('writes one audit row with before and after in the same change', async () => {
    const core = testCore();
    const next = settings([true, 10], [false, 30]);
    await ok(core, 'settings.updateAccess', next);
    const rows = auditRows(core.dataDir);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor: 'unit-test', action: 'settings.updateAccess' });
    expect(JSON.parse(rows[0]!.before).preContract.enabled).toBe(false);
    expect(JSON.parse(rows[0]!.after)).toEqual(next);
  });

  it('writes nothing when the settings do not change', async () => {
    const core = testCore();
    const current = await ok(core, 'settings.getAccess');
    await ok(core, 'settings.updateAccess', current);
    expect(auditRows(core.dataDir)).toHaveLength(0);
  });

  it.each([0, 366, 2.5, -1, '30', null])(
    'refuses days = %s with DAYS_OUT_OF_RANGE and writes nothing',
    async (days) => {
      const core = testCore();
      const before = snapshotDatabase(core.dataDir);
      const result = await core.invoke('settings.updateAccess', {
        preContract: { enabled: true, days },
        postContract: { enabled: false, days: 30 },
        seatQuota: null,
      });
      expect(result).toEqual({
        ok: false,
        error: { code: 'DAYS_OUT_OF_RANGE', params: { field: 'preContract.days' } },
      });
      expect(snapshotDatabase(core.dataDir)).toBe(before);
    },
  );

  it('refuses a negative or fractional quota with QUOTA_OUT_OF_RANGE', async () => {
    const core = testCore();
    for (const seatQuota of [-1, 1.5]) {
      const error = await refused(core, 'settings.updateAccess', {
        ...settings([false, 30], [false, 30]),
        seatQuota,
      });
      expect(error.code).toBe('QUOTA_OUT_OF_RANGE');
    }
  });

  it('announces a change to listeners', async () => {
    const core = testCore();
    const seen: unknown[] = [];
    core.events.on('settings.changed', (payload) => seen.push(payload));
    const next = settings([true, 5], [false, 30]);
    await ok(core, 'settings.updateAccess', next);
    expect(seen).toEqual([next]);
  });
});
