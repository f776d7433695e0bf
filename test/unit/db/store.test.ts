/**
 * The storage port on both engines (SQLite, PostgreSQL): a throw rolls everything back, the audit row
 * too; a read outside a transaction never sees its uncommitted rows; ids by RETURNING and counts of
 * changed rows; no transaction inside a transaction; nothing after close(). Then what only the SQLite
 * engine does with its one connection: transactions and reads wait for an open transaction, and a
 * statement is prepared once. PostgreSQL's own: storePostgres.test.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Db } from '../../../src-main/core/db/connection';
import { sqliteStore } from '../../../src-main/core/db/sqliteStore';
import type { Store } from '../../../src-main/core/db/store';
import { storeEngines, type OpenedStore } from './storeEngines';
import { addAudit, auditRows, gate, keys, setKey, settleLoop } from './storeSupport';

describe.each(storeEngines)('the storage port on $name', (engine) => {
  let opened: OpenedStore;
  let store: Store;

  beforeEach(async () => {
    opened = await engine.open();
    store = opened.store;
  });

  afterEach(() => opened.close());

  it('rolls back everything a transaction wrote, its audit row too, when its work throws', async () => {
    const failure = new Error('refused halfway');
    await expect(
      store.transaction(async () => {
        await setKey(store, 'a', 1);
        expect((await addAudit(store))?.id).toBeGreaterThan(0);
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await keys(store)).toEqual([]);
    expect(await auditRows(store)).toBe(0);
    expect(await opened.openTransactions()).toBe(0);
  });

  it('never shows a read outside a transaction the rows it has not committed', async () => {
    const written = gate();
    const held = gate();
    const change = store.transaction(async () => {
      await setKey(store, 'a', 1);
      written.open();
      await held.opened;
      throw new Error('rolled back');
    });
    await written.opened;
    const read = keys(store);
    held.open();
    await expect(change).rejects.toThrow('rolled back');
    expect(await read).toEqual([]);
  });

  it('gives a new row its id by RETURNING and a statement its count of changed rows', async () => {
    const first = await addAudit(store);
    const second = await addAudit(store);
    expect(second!.id).toBe(first!.id + 1);
    await setKey(store, 'a', 1);
    expect(await store.run(sql`UPDATE settings SET value = '2' WHERE key IN ('test.a', 'test.z')`)).toBe(1);
  });

  it('refuses a transaction inside a transaction and answers where a query runs', async () => {
    expect(store.inTransaction()).toBe(false);
    await store.transaction(async () => {
      expect(store.inTransaction()).toBe(true);
      await expect(store.transaction(async () => undefined)).rejects.toThrow('inside a transaction');
    });
    expect(store.inTransaction()).toBe(false);
  });

  it('refuses queries and transactions after close(), and lets a transaction begun before finish', async () => {
    const held = gate();
    const begun = gate();
    const change = store.transaction(async () => {
      await setKey(store, 'a', 1);
      begun.open();
      await held.opened;
      await setKey(store, 'b', 2);
      return 'committed';
    });
    await begun.opened;
    const closed = store.close();
    await expect(keys(store)).rejects.toThrow('closed');
    await expect(store.transaction(() => setKey(store, 'c', 3))).rejects.toThrow('closed');
    held.open();
    expect(await change).toBe('committed');
    await closed;
    expect(await keys(await opened.reopen())).toEqual(['a', 'b']);
  });
});

describe('the SQLite engine: one connection', () => {
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

  it('runs two concurrent transactions one after the other: the second sees the first commit', async () => {
    const steps: string[] = [];
    const held = gate();
    const first = store.transaction(async () => {
      steps.push('first begins');
      await setKey(store, 'a', 1);
      await held.opened;
      await setKey(store, 'b', 2);
      steps.push('first ends');
    });
    const second = store.transaction(async () => {
      steps.push('second begins');
      const seen = await keys(store);
      await setKey(store, 'c', 3);
      steps.push('second ends');
      return seen;
    });
    await settleLoop();
    expect(steps).toEqual(['first begins']);
    held.open();
    await first;
    expect(await second).toEqual(['a', 'b']);
    expect(steps).toEqual(['first begins', 'first ends', 'second begins', 'second ends']);
    expect(await keys(store)).toEqual(['a', 'b', 'c']);
  });

  it('keeps a read outside a transaction waiting until it ends, and never shows it uncommitted rows', async () => {
    const held = gate();
    const change = store.transaction(async () => {
      await setKey(store, 'a', 1);
      await held.opened;
      throw new Error('rolled back');
    });
    await settleLoop();
    let answered = false;
    const read = keys(store).then((seen) => {
      answered = true;
      return seen;
    });
    await settleLoop();
    expect(answered).toBe(false);
    held.open();
    await expect(change).rejects.toThrow('rolled back');
    expect(await read).toEqual([]);
  });

  it('prepares a statement once however often it runs, with whatever parameters', async () => {
    const prepare = vi.spyOn(db, 'prepare');
    for (const key of ['a', 'b', 'c']) await setKey(store, key, 1);
    expect(await keys(store)).toEqual(['a', 'b', 'c']);
    expect(await keys(store)).toEqual(['a', 'b', 'c']);
    expect(prepare).toHaveBeenCalledTimes(2);
  });
});
