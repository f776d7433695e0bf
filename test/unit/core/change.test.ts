/**
 * `ctx.change`: one transaction with its audit row and its declared events, announced only after
 * the commit; `noChange` rolls back and announces nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../../shared/ipc';
import { pinnedClock } from '../../../src-main/core/clock';
import { createContext, noChange, portfolioChanged, type CoreContext } from '../../../src-main/core/context';
import { openDatabase, type Db } from '../../../src-main/core/db/connection';
import { settingsRepository } from '../../../src-main/core/db/settingsRepository';
import { sqliteStore } from '../../../src-main/core/db/sqliteStore';
import { memoryPreferenceStore } from '../../../src-main/core/preferences';
import { memorySecretStore } from '../../../src-main/core/secrets';

let dir: string;
let db: Db;
let ctx: CoreContext;
/** Each event with what the store held when it went out. */
let announced: { event: EventName; stored: unknown }[];

const audited = { action: 'test.change', entity: 'settings', entityId: 'k' };
const stored = () => settingsRepository(db).get('k');
const auditRows = () => (db.prepare('SELECT COUNT(*) AS n FROM audit').get() as { n: number }).n;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paa-change-'));
  db = openDatabase(path.join(dir, 'test.db'));
  announced = [];
  ctx = createContext({
    store: sqliteStore(db),
    db,
    dataDir: dir,
    clock: pinnedClock('2026-12-04'),
    actor: 'test',
    preferences: memoryPreferenceStore(),
    secrets: memorySecretStore(),
    emit: (event) => announced.push({ event, stored: stored() }),
    settle: () => undefined,
  });
});

afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('ctx.change', () => {
  it('announces its declared events after the commit', async () => {
    const answer = await ctx.change(
      async (audit) => {
        settingsRepository(db).set('k', 1);
        audit(audited);
        expect(announced).toEqual([]);
        return 'done';
      },
      { emits: portfolioChanged },
    );
    expect(answer).toBe('done');
    expect(announced).toEqual([{ event: 'portfolio.changed', stored: 1 }]);
    expect(auditRows()).toBe(1);
  });

  it('rolls back a change without an audit row and announces nothing', async () => {
    await expect(
      ctx.change(async () => settingsRepository(db).set('k', 1), { emits: portfolioChanged }),
    ).rejects.toThrow('a mutation must record an audit row');
    expect(stored()).toBeUndefined();
    expect(announced).toEqual([]);
  });

  it('rolls back a failing change and announces nothing', async () => {
    await expect(
      ctx.change(
        async (audit) => {
          settingsRepository(db).set('k', 1);
          audit(audited);
          throw new Error('refused');
        },
        { emits: portfolioChanged },
      ),
    ).rejects.toThrow('refused');
    expect(stored()).toBeUndefined();
    expect(auditRows()).toBe(0);
    expect(announced).toEqual([]);
  });

  it('answers noChange without writing, auditing or announcing', async () => {
    const answer = await ctx.change(
      async (audit) => {
        settingsRepository(db).set('k', 1);
        audit(audited);
        return noChange('nothing to write');
      },
      { emits: portfolioChanged },
    );
    expect(answer).toBe('nothing to write');
    expect(stored()).toBeUndefined();
    expect(auditRows()).toBe(0);
    expect(announced).toEqual([]);
  });

  it('writes its audit rows in the order recorded, after the work, with their subjects', async () => {
    const rowsSoFar: number[] = [];
    await ctx.change(
      async (audit) => {
        audit({ action: 'test.first', entity: 'contact', entityId: 7 });
        rowsSoFar.push(auditRows());
        audit({ action: 'test.second', entity: 'settings', entityId: 'k', after: { propertyId: 3 } });
        await audit.flush();
        rowsSoFar.push(auditRows());
        audit({ action: 'test.third', entity: 'settings', entityId: 'k' });
      },
      { emits: portfolioChanged },
    );
    expect(rowsSoFar).toEqual([0, 2]);
    expect(db.prepare('SELECT action FROM audit ORDER BY id').pluck().all()).toEqual([
      'test.first',
      'test.second',
      'test.third',
    ]);
    expect(db.prepare('SELECT kind, subject_id FROM audit_subject ORDER BY audit_id').all()).toEqual([
      { kind: 'contact', subject_id: 7 },
      { kind: 'property', subject_id: 3 },
    ]);
  });
});
