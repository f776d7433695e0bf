import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createScratchDatabase } from '../../../scripts/postgres/throwaway';

const clients: pg.Client[] = [];
afterAll(async () => {
  await Promise.all(clients.map((client) => client.end()));
});

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  clients.push(client);
  return client;
}

describe('the throwaway PostgreSQL server of npm test', () => {
  it('runs PostgreSQL 15 or later on loopback, reachable by every test file', async () => {
    const client = await connect(inject('postgresServerUrl'));
    const { rows } = await client.query<{ version: number; address: string | null }>(
      "SELECT current_setting('server_version_num')::int AS version, inet_server_addr()::text AS address",
    );
    expect(rows[0]?.version).toBeGreaterThanOrEqual(150000);
    expect(rows[0]?.address).toBe('127.0.0.1/32');
  });

  it('refuses a wrong password, as a real server does', async () => {
    const url = new URL(inject('postgresServerUrl'));
    url.password = 'wrong';
    const client = new pg.Client({ connectionString: url.toString() });
    await expect(client.connect()).rejects.toThrow(/password authentication failed/);
    await client.end().catch(() => undefined);
  });

  it('gives each caller its own empty database', async () => {
    const first = await connect(await createScratchDatabase(inject('postgresServerUrl')));
    const second = await connect(await createScratchDatabase(inject('postgresServerUrl')));
    await first.query('CREATE TABLE marker (id int)');
    const tables = await second.query("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'");
    expect(tables.rows[0]?.n).toBe(0);
  });
});
