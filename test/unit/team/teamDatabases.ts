/**
 * Team databases for the move tests: each set up by `npm run team:setup`'s code on the run's throwaway
 * server with roles of its own and a desktop login (least privilege, as a desktop has), dropped after
 * the file.
 */
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { teamSetup } from '../../../src-main/core/db/postgres/teamSetup';
import type { TeamConnectionConfig } from '../../../src-main/core/team/connectionTest';

const made: { database: string; roles: string[] }[] = [];

afterAll(async () => {
  const admin = new pg.Client({ connectionString: inject('postgresServerUrl') });
  await admin.connect();
  for (const { database, roles } of made.splice(0)) {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    for (const role of roles) await admin.query(`DROP ROLE IF EXISTS ${role}`);
  }
  await admin.end();
});

/** A fresh team database at this app's version; the connection a desktop saves for it. */
export async function freshTeamDatabase(): Promise<TeamConnectionConfig> {
  const tag = Math.random().toString(36).slice(2, 8);
  const adminUrl = inject('postgresServerUrl');
  const names = { database: `move_${tag}`, ownerRole: `mowner_${tag}`, appRole: `mapp_${tag}` };
  const login = { name: `mdesk_${tag}`, password: `pw-${tag}` };
  made.push({ database: names.database, roles: [login.name, names.appRole, names.ownerRole] });
  await teamSetup({ adminUrl, ...names, createDatabase: true, login });
  const server = new URL(adminUrl);
  return {
    host: server.hostname,
    port: Number(server.port),
    database: names.database,
    user: login.name,
    password: login.password,
    tls: 'disable',
    caCertificate: null,
  };
}
