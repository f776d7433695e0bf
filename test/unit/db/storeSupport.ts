/** The store tests' rows (settings keys `test.*`, audit rows), in SQL both engines read the same. */
import { sql } from 'kysely';
import type { Store } from '../../../src-main/core/db/store';

export const setKey = (store: Store, key: string, value: number) =>
  store.run(
    sql`INSERT INTO settings (key, value) VALUES (${`test.${key}`}, ${JSON.stringify(value)})
        ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  );

export const keys = async (store: Store) =>
  (await store.all(sql<{ key: string }>`SELECT key FROM settings WHERE key LIKE 'test.%' ORDER BY key`)).map(
    (row) => row.key.slice('test.'.length),
  );

export const auditRows = async (store: Store) =>
  (await store.first(sql<{ n: number }>`SELECT COUNT(*) AS n FROM audit`))?.n;

export const addAudit = (store: Store) =>
  store.first(
    sql<{
      id: number;
    }>`INSERT INTO audit (at, actor, action, entity) VALUES ('2026-12-08T00:00:00Z', 'test', 'test.store', 'settings') RETURNING id`,
  );

/** A promise and the function that resolves it: to hold a transaction open at a chosen point. */
export function gate(): { opened: Promise<void>; open: () => void } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/** Lets every pending callback run: enough turns of the event loop for a waiting query to go ahead if it could. */
export async function settleLoop(): Promise<void> {
  for (let turn = 0; turn < 10; turn += 1) await new Promise((resolve) => setImmediate(resolve));
}
