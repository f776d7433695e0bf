/**
 * A throwaway PostgreSQL server for the tests and the benchmark: `initdb` into a temp folder, started on
 * a free loopback port, removed again by `stop()`. Debian's `postgresql` package provides the programs
 * (/usr/lib/postgresql/<version>/bin); PostgreSQL refuses to run as root, so as root the server runs as
 * the package's `postgres` user. Durability is switched off: nothing here must survive the process.
 *
 * Set PORTAL_POSTGRES_URL to use a running server instead (e.g. postgres://user:pw@127.0.0.1:5432/postgres;
 * the role must be allowed to create databases).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface PostgresServer {
  /** A connection URL to the server's `postgres` database as a superuser. */
  readonly url: string;
  stop(): Promise<void>;
}

/** The newest installed PostgreSQL's programs, or PG_BIN. */
export function postgresBinDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((name) => fs.existsSync(path.join(root, name, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const newest = versions[0];
  if (newest === undefined) {
    throw new Error(
      'PostgreSQL is not installed: `apt-get install -y postgresql` (Debian), set PG_BIN to its bin folder, ' +
        'or set PORTAL_POSTGRES_URL to a running server.',
    );
  }
  return path.join(root, newest, 'bin');
}

/** A loopback port free now (nobody listens on it until someone takes it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const asRoot = process.getuid?.() === 0;

/** The throwaway server's superuser password (it listens on loopback only and lives for one run). */
export const SUPERUSER_PASSWORD = 'throwaway';

/** Runs a PostgreSQL program, as the `postgres` user when we are root. */
function command(program: string, args: string[]): [string, string[]] {
  return asRoot ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, args];
}

export async function startThrowawayPostgres(): Promise<PostgresServer> {
  const given = process.env.PORTAL_POSTGRES_URL;
  if (given) return { url: given, stop: async () => undefined };

  const bin = postgresBinDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-pg-'));
  const data = path.join(dir, 'data');
  // Loopback connections authenticate by password (scram), as a real server does, so a wrong password
  // is refused like there; the superuser's is SUPERUSER_PASSWORD.
  const passwordFile = path.join(dir, 'password');
  fs.writeFileSync(passwordFile, SUPERUSER_PASSWORD);
  if (asRoot) execFileSync('chown', ['-R', 'postgres', dir]);
  const [initdb, initArgs] = command(path.join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth-local=trust',
    '--auth-host=scram-sha-256',
    `--pwfile=${passwordFile}`,
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
    '--no-sync',
  ]);
  execFileSync(initdb, initArgs, { stdio: 'pipe' });

  const port = await freePort();
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=200',
  ].join(' ');
  const pgCtl = path.join(bin, 'pg_ctl');
  const log = path.join(dir, 'server.log');
  const run = (args: string[]) => {
    const [program, all] = command(pgCtl, args);
    execFileSync(program, all, { stdio: 'pipe' });
  };
  const stop = async () => {
    try {
      run(['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // not running (any more)
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    run(['-D', data, '-l', log, '-o', options, '-w', '-t', '60', 'start']);
  } catch (error) {
    const output = fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '';
    await stop();
    throw new Error(`PostgreSQL did not start: ${String(error)}\n${output}`);
  }
  const url = `postgres://postgres:${SUPERUSER_PASSWORD}@127.0.0.1:${port}/postgres`;
  return { url, stop };
}

/** A fresh, empty database on `server` for one test file or run; its URL. */
export async function createScratchDatabase(serverUrl: string, prefix = 'portal_test'): Promise<string> {
  const name = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
