/** The team database tests' parts: a core per test, connection settings for the throwaway server. */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterEach, inject } from 'vitest';
import type { TeamSettingsInput } from '../../../shared/ipc';
import { createCore, type Core } from '../../../src-main/core/core';
import { pinnedClock } from '../../../src-main/core/clock';
import { memoryPreferenceStore, type PreferenceStore } from '../../../src-main/core/preferences';
import type { SecretStore } from '../../../src-main/core/secrets';
import { createScratchDatabase } from '../../../scripts/postgres/throwaway';

/** A loopback port nobody listens on. */
export { freePort as closedPort } from '../../../scripts/postgres/throwaway';
import { tempDir } from '../support';

export const caCertificate = fs.readFileSync(path.join(__dirname, '../../fixtures/team/ca.pem'), 'utf8');

/** The throwaway server (loopback, no TLS) as the form would describe it, for `database`. */
export function serverSettings(database: string): TeamSettingsInput & { password: string } {
  const url = new URL(inject('postgresServerUrl'));
  return {
    host: url.hostname,
    port: Number(url.port),
    database,
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    tls: 'disable',
    caCertificate: null,
  };
}

/** A fresh database on the throwaway server; its name. */
export async function scratchDatabase(): Promise<string> {
  return new URL(await createScratchDatabase(inject('postgresServerUrl'), 'portal_team')).pathname.slice(1);
}

/** Runs SQL as the superuser in `database` (to plant tables and logins the test needs). */
export async function asSuperuser(database: string, ...statements: string[]): Promise<void> {
  const url = new URL(inject('postgresServerUrl'));
  url.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

const cores: Core[] = [];
afterEach(() => {
  while (cores.length) cores.pop()?.close();
});

/** A core with the stores a test can look into: the preferences and the secrets. */
export function teamCore(
  options: { preferences?: PreferenceStore; secrets?: SecretStore } = {},
): Core & { dataDir: string; preferences: PreferenceStore } {
  const dataDir = tempDir('portal-team-');
  const preferences = options.preferences ?? memoryPreferenceStore();
  const core = createCore({
    dataDir,
    clock: pinnedClock('2026-11-27'),
    actor: 'unit-test',
    preferences,
    secrets: options.secrets,
  });
  cores.push(core);
  return Object.assign(core, { dataDir, preferences });
}
