/**
 * `npm run team:setup -- --database <name> [options]`: sets up (or upgrades) a team database on a
 * PostgreSQL server for the IT — roles, grants, schema — as described in docs/TEAM.md. The
 * administrative login comes from --admin-url or the usual PG* variables (PGHOST, PGPORT, PGUSER,
 * PGPASSWORD, ~/.pgpass); TLS through the URL (?sslmode=verify-full&sslrootcert=/path/ca.pem).
 *
 * Exit codes: 0 done, 2 refused (the code is printed; the schema is unchanged), 1 wrong arguments.
 */
import { parseArgs } from 'node:util';
import { TeamSchemaError } from '../src-main/core/db/postgres';
import { teamSetup, TeamSetupError, type TeamSetupOptions } from '../src-main/core/db/postgres/teamSetup';

const USAGE = `usage: npm run team:setup -- --database <name> [--admin-url <url>] [--create-database]
  [--schema portal] [--owner-role portal_owner] [--app-role portal_app] [--login <name>] [--upgrade]
  A new login's password is taken from TEAM_LOGIN_PASSWORD, or made and shown once.`;

function options(): TeamSetupOptions | undefined {
  try {
    const { values } = parseArgs({
      options: {
        'admin-url': { type: 'string' },
        database: { type: 'string' },
        'create-database': { type: 'boolean' },
        schema: { type: 'string' },
        'owner-role': { type: 'string' },
        'app-role': { type: 'string' },
        login: { type: 'string' },
        upgrade: { type: 'boolean' },
      },
    });
    if (!values.database) return undefined;
    // Without --admin-url, node-postgres reads PGHOST, PGUSER, PGPASSWORD … (an empty URL adds nothing).
    const adminUrl =
      values['admin-url'] ??
      `postgres://${process.env.PGHOST ?? 'localhost'}/${process.env.PGDATABASE ?? 'postgres'}`;
    return {
      adminUrl,
      database: values.database,
      createDatabase: values['create-database'] ?? false,
      upgrade: values.upgrade ?? false,
      ...(values.schema ? { schema: values.schema } : {}),
      ...(values['owner-role'] ? { ownerRole: values['owner-role'] } : {}),
      ...(values['app-role'] ? { appRole: values['app-role'] } : {}),
      ...(values.login
        ? {
            login: {
              name: values.login,
              ...(process.env.TEAM_LOGIN_PASSWORD ? { password: process.env.TEAM_LOGIN_PASSWORD } : {}),
            },
          }
        : {}),
    };
  } catch {
    return undefined;
  }
}

const given = options();
if (!given) {
  console.error(USAGE);
  process.exit(1);
}
try {
  const result = await teamSetup(given);
  console.log(
    `database ${result.database}${result.createdDatabase ? ' (created)' : ''}, schema ${result.schema}`,
  );
  console.log(`roles: owner ${result.ownerRole} (NOLOGIN), app ${result.appRole} (NOLOGIN, least privilege)`);
  console.log(
    result.from === result.to
      ? `schema version ${result.to}: up to date`
      : `schema version ${result.from} → ${result.to}`,
  );
  if (result.login) {
    console.log(
      `login ${result.login.name} ${result.login.created ? 'created' : 'updated'}, member of ${result.appRole}`,
    );
    if (result.login.generatedPassword) {
      console.log(`password (shown once, hand it to the desktop's user): ${result.login.generatedPassword}`);
    }
  }
} catch (error) {
  if (error instanceof TeamSetupError || error instanceof TeamSchemaError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
