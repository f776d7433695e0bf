/**
 * What the PostgreSQL engine of the storage port does beyond the port's tests (store.test.ts): a pool of
 * connections whose transactions run at once, each isolated from the others' uncommitted rows; a
 * transaction whose statement failed is never reported committed; a connection lost in the middle of a
 * transaction commits nothing, tells the caller, and the next transaction gets a new connection; the
 * schema is checked at open (desktops never migrate); int8 and numeric read as numbers on this pool only.
 */
import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_POSTGRES_VERSION } from '../../../src-main/core/db/postgres';
import { openPostgresStore } from '../../../src-main/core/db/postgresStore';
import type { Store } from '../../../src-main/core/db/store';
import { openPostgresScratch, teamDatabase } from './storeEngines';
import { addAudit, auditRows, gate, keys, setKey, settleLoop } from './storeSupport';

let opened: Awaited<ReturnType<typeof openPostgresScratch>>;
let store: Store;

beforeEach(async () => {
  opened = await openPostgresScratch();
  store = opened.store;
});

afterEach(() => opened.close());

describe('the PostgreSQL engine', () => {
  it('runs two transactions at once on two connections, neither seeing the other one uncommitted', async () => {
    const steps: string[] = [];
    const written = gate();
    const held = gate();
    const first = store.transaction(async () => {
      steps.push('first begins');
      await setKey(store, 'a', 1);
      written.open();
      await held.opened;
      const seen = await keys(store);
      steps.push('first ends');
      return seen;
    });
    await written.opened;
    const second = await store.transaction(async () => {
      steps.push('second begins');
      const seen = await keys(store);
      await setKey(store, 'c', 3);
      steps.push('second ends');
      return seen;
    });
    expect(second).toEqual([]);
    // A read outside both, on a third connection, does not wait for the open one.
    expect(await keys(store)).toEqual(['c']);
    held.open();
    // Read committed: the first sees the second's commit from its next statement on.
    expect(await first).toEqual(['a', 'c']);
    expect(steps).toEqual(['first begins', 'second begins', 'second ends', 'first ends']);
    expect(await keys(store)).toEqual(['a', 'c']);
  });

  it('refuses to report a transaction committed when one of its statements failed, and keeps none of it', async () => {
    await setKey(store, 'taken', 1);
    const outcome = store.transaction(async () => {
      await addAudit(store);
      await setKey(store, 'a', 1);
      // The work swallows the failure (SQLite would go on); PostgreSQL has aborted the transaction.
      await store
        .run(sql`INSERT INTO settings (key, value) VALUES ('test.taken', '2')`)
        .catch(() => undefined);
      return 'done';
    });
    await expect(outcome).rejects.toMatchObject({ name: 'AbortedTransactionError' });
    expect(await keys(store)).toEqual(['taken']);
    expect(await auditRows(store)).toBe(0);
  });

  it('commits nothing of a transaction whose connection is lost, tells the caller, and works again after', async () => {
    const change = store.transaction(async () => {
      await setKey(store, 'a', 1);
      await addAudit(store);
      const backend = await store.first(sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`);
      // As when the server restarts or a network drops the connection: the backend is gone.
      await opened.admin.query('SELECT pg_terminate_backend($1, 10000)', [backend!.pid]);
      await setKey(store, 'b', 2);
      return 'committed';
    });
    await expect(change).rejects.toThrow(/terminat|not queryable|connection/i);
    expect(await keys(store)).toEqual([]);
    expect(await auditRows(store)).toBe(0);
    await store.transaction(async () => {
      await setKey(store, 'c', 3);
      await addAudit(store);
    });
    expect(await keys(store)).toEqual(['c']);
    expect(await auditRows(store)).toBe(1);
  });

  it('survives a connection lost while it waits in the pool: the next query gets a live one', async () => {
    const backend = await store.first(sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`);
    await opened.admin.query('SELECT pg_terminate_backend($1, 10000)', [backend!.pid]);
    // The backend's goodbye is in the socket before the administrator's answer: let the pool read it.
    await settleLoop();
    await setKey(store, 'a', 1);
    expect(await keys(store)).toEqual(['a']);
  });

  it('works in the team schema under its application name, and reads counts and sums as numbers', async () => {
    const row = await store.first(
      sql<{ schema: string; name: string; n: number; total: number }>`
        SELECT current_schema() AS schema, current_setting('application_name') AS name,
               COUNT(*) AS n, SUM(version) AS total FROM portal_schema_version`,
    );
    expect(row).toEqual({
      schema: 'portal',
      name: 'Portal Access Admin',
      n: 1,
      total: LATEST_POSTGRES_VERSION,
    });
    await expect(store.first(sql`SELECT 9007199254740993::int8 AS beyond`)).rejects.toThrow('safe integers');
    // The parsers belong to the store's pool: node-postgres's global ones are left as they are.
    expect(pg.types.getTypeParser(pg.types.builtins.INT8)('5')).toBe('5');
  });
});

describe('opening a PostgreSQL store', () => {
  it('refuses a database older than the app, empty or not: the IT migrates, a desktop never does', async () => {
    for (const url of [await teamDatabase(0), await teamDatabase(LATEST_POSTGRES_VERSION - 1)]) {
      await expect(openPostgresStore({ connectionString: url })).rejects.toMatchObject({
        code: 'TEAM_DATABASE_OUTDATED',
      });
    }
    const untouched = await opened.admin.query('SELECT version FROM portal_schema_version');
    expect(untouched.rows).toEqual([{ version: LATEST_POSTGRES_VERSION }]);
  });

  it('refuses a database written by a newer app', async () => {
    await opened.admin.query('UPDATE portal_schema_version SET version = $1', [LATEST_POSTGRES_VERSION + 1]);
    await expect(openPostgresStore({ connectionString: opened.url })).rejects.toMatchObject({
      code: 'TEAM_DATABASE_TOO_NEW',
      found: LATEST_POSTGRES_VERSION + 1,
    });
  });
});
