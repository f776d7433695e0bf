/**
 * The storage port on the SQLite engine: transactions on the one connection never interleave, a
 * throw rolls everything back, a read outside a transaction waits for it and never sees its
 * uncommitted rows, and a statement is prepared once however often it runs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Db } from '../../../src-main/core/db/connection';
import { sqliteStore } from '../../../src-main/core/db/sqliteStore';
import type { Store } from '../../../src-main/core/db/store';

let dir: string;
let db: Db;
let store: Store;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paa-store-'));
  db = openDatabase(path.join(dir, 'test.db'));
  store = sqliteStore(db);
});

afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const setKey = (key: string, value: number) =>
  store.run(
    sql`INSERT OR REPLACE INTO settings (key, value) VALUES (${`test.${key}`}, ${JSON.stringify(value)})`,
  );
const keys = async () =>
  (await store.all(sql<{ key: string }>`SELECT key FROM settings WHERE key LIKE 'test.%' ORDER BY key`)).map(
    (row) => row.key.slice('test.'.length),
  );
const auditRows = async () => (await store.first(sql<{ n: number }>`SELECT COUNT(*) AS n FROM audit`))?.n;
const addAudit = () =>
  store.first(
    sql<{
      id: number;
    }>`INSERT INTO audit (at, actor, action, entity) VALUES ('2026-12-08T00:00:00Z', 'test', 'test.store', 'settings') RETURNING id`,
  );

/** A promise and the function that resolves it: to hold a transaction open at a chosen point. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/** Lets every pending callback run: enough turns of the event loop for a waiting query to go ahead if it could. */
async function settleLoop(): Promise<void> {
  for (let turn = 0; turn < 10; turn += 1) await new Promise((resolve) => setImmediate(resolve));
}

describe('the SQLite store', () => {
  it('runs two concurrent transactions one after the other: the second sees the first commit', async () => {
    const steps: string[] = [];
    const held = gate();
    const first = store.transaction(async () => {
      steps.push('first begins');
      await setKey('a', 1);
      await held.opened;
      await setKey('b', 2);
      steps.push('first ends');
    });
    const second = store.transaction(async () => {
      steps.push('second begins');
      const seen = await keys();
      await setKey('c', 3);
      steps.push('second ends');
      return seen;
    });
    await settleLoop();
    expect(steps).toEqual(['first begins']);
    held.open();
    await first;
    expect(await second).toEqual(['a', 'b']);
    expect(steps).toEqual(['first begins', 'first ends', 'second begins', 'second ends']);
    expect(await keys()).toEqual(['a', 'b', 'c']);
  });

  it('rolls back everything a transaction wrote, its audit row too, when its work throws', async () => {
    const failure = new Error('refused halfway');
    await expect(
      store.transaction(async () => {
        await setKey('a', 1);
        expect((await addAudit())?.id).toBeGreaterThan(0);
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await keys()).toEqual([]);
    expect(await auditRows()).toBe(0);
    expect(db.inTransaction).toBe(false);
  });

  it('keeps a read outside a transaction waiting until it ends, and never shows it uncommitted rows', async () => {
    const held = gate();
    const change = store.transaction(async () => {
      await setKey('a', 1);
      await held.opened;
      throw new Error('rolled back');
    });
    await settleLoop();
    let answered = false;
    const read = keys().then((seen) => {
      answered = true;
      return seen;
    });
    await settleLoop();
    expect(answered).toBe(false);
    held.open();
    await expect(change).rejects.toThrow('rolled back');
    expect(await read).toEqual([]);
  });

  it('gives a new row its id by RETURNING and a statement its count of changed rows', async () => {
    const first = await addAudit();
    const second = await addAudit();
    expect(second!.id).toBe(first!.id + 1);
    await setKey('a', 1);
    expect(await store.run(sql`UPDATE settings SET value = '2' WHERE key IN ('test.a', 'test.z')`)).toBe(1);
  });

  it('prepares a statement once however often it runs, with whatever parameters', async () => {
    const prepare = vi.spyOn(db, 'prepare');
    for (const key of ['a', 'b', 'c']) await setKey(key, 1);
    expect(await keys()).toEqual(['a', 'b', 'c']);
    expect(await keys()).toEqual(['a', 'b', 'c']);
    expect(prepare).toHaveBeenCalledTimes(2);
  });

  it('refuses a transaction inside a transaction and answers where a query runs', async () => {
    expect(store.inTransaction()).toBe(false);
    await store.transaction(async () => {
      expect(store.inTransaction()).toBe(true);
      await expect(store.transaction(async () => undefined)).rejects.toThrow('inside a transaction');
    });
    expect(store.inTransaction()).toBe(false);
  });
});
