/**
 * The storage port's engines under test, each opening a fresh data store at the latest schema: SQLite in
 * a temp dir (connection.ts's openDatabase), PostgreSQL in a scratch database on the run's throwaway
 * server (test/postgresSetup.ts), copied from one migrated once per file with migratePostgres into the
 * team schema `portal`, as `npm run team:setup` makes it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { createScratchDatabase } from '../../../scripts/postgres/throwaway';
import { openDatabase } from '../../../src-main/core/db/connection';
import { migratePostgres } from '../../../src-main/core/db/postgres';
import { APPLICATION_NAME, openPostgresStore } from '../../../src-main/core/db/postgresStore';
import { sqliteStore } from '../../../src-main/core/db/sqliteStore';
import type { Store } from '../../../src-main/core/db/store';

export interface OpenedStore {
  store: Store;
  /** How many of the engine's connections are inside a transaction now. */
  openTransactions(): Promise<number>;
  /** Another store on the same data, as after a restart. */
  reopen(): Promise<Store>;
  /** Closes the stores and lets the data go. */
  close(): Promise<void>;
}

export interface StoreEngine {
  name: Store['engine'];
  open(): Promise<OpenedStore>;
}

const sqlite: StoreEngine = {
  name: 'sqlite',
  async open() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paa-store-'));
    const db = openDatabase(path.join(dir, 'test.db'));
    const stores = [sqliteStore(db)];
    return {
      store: stores[0]!,
      openTransactions: async () => (db.inTransaction ? 1 : 0),
      reopen: async () => stores[stores.push(sqliteStore(db)) - 1]!,
      async close() {
        await Promise.all(stores.map((store) => store.close()));
        db.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

/** A client of `url`, connected, in the team schema. */
export async function teamClient(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, options: '-c search_path=portal' });
  await client.connect();
  return client;
}

/** A scratch database with the team schema migrated to `version`; its URL. */
export async function teamDatabase(version?: number): Promise<string> {
  const url = await createScratchDatabase(inject('postgresServerUrl'), 'portal_store');
  const client = await teamClient(url);
  try {
    await client.query('CREATE SCHEMA portal');
    await migratePostgres(client, version);
  } finally {
    await client.end();
  }
  return url;
}

let template: Promise<string> | undefined;

/** A database of its own at the latest schema: a copy of the file's migrated template (CREATE DATABASE … TEMPLATE). */
async function latestDatabase(): Promise<string> {
  template ??= teamDatabase().then((url) => new URL(url).pathname.slice(1));
  const source = await template;
  const server = new pg.Client({ connectionString: inject('postgresServerUrl') });
  await server.connect();
  const name = `portal_store_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  try {
    await server.query(`CREATE DATABASE ${name} TEMPLATE ${source}`);
  } finally {
    await server.end();
  }
  const url = new URL(inject('postgresServerUrl'));
  url.pathname = `/${name}`;
  return url.toString();
}

/** A PostgreSQL store on a database of its own, with an administrator's connection beside it (as the IT has). */
export async function openPostgresScratch(): Promise<OpenedStore & { url: string; admin: pg.Client }> {
  const url = await latestDatabase();
  const admin = await teamClient(url);
  const stores = [await openPostgresStore({ connectionString: url })];
  return {
    url,
    admin,
    store: stores[0]!,
    async openTransactions() {
      const { rows } = await admin.query<{ n: string }>(
        `SELECT COUNT(*) AS n FROM pg_stat_activity
          WHERE datname = current_database() AND application_name = $1 AND xact_start IS NOT NULL`,
        [APPLICATION_NAME],
      );
      return Number(rows[0]?.n);
    },
    reopen: async () => stores[stores.push(await openPostgresStore({ connectionString: url })) - 1]!,
    async close() {
      await Promise.all(stores.map((store) => store.close()));
      await admin.end();
    },
  };
}

export const storeEngines: StoreEngine[] = [sqlite, { name: 'postgres', open: openPostgresScratch }];
