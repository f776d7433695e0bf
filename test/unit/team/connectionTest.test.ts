/**
 * "Verbindung testen" against the throwaway PostgreSQL server of npm test (loopback, password login,
 * no TLS): what a manager sees for a good connection, and the coded refusal for each way it fails.
 */
import pg from 'pg';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ok, refused } from '../support';
import { testTeamConnection } from '../../../src-main/core/team/connectionTest';
import { asSuperuser, caCertificate, closedPort, scratchDatabase, serverSettings, teamCore } from './support';

let database = '';
beforeAll(async () => {
  database = await scratchDatabase();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('a connection that works', () => {
  it('answers the server version, an empty database and full rights on loopback without TLS', async () => {
    const report = await ok(teamCore(), 'team.testConnection', serverSettings(database));
    expect(Number(report.serverVersion.split('.')[0])).toBeGreaterThanOrEqual(15);
    expect(report).toMatchObject({ encrypted: false, database: { state: 'empty' } });
    expect(report.rights).toEqual({ read: true, write: true });
  });

  it('tells Portal Access Admin tables (with their schema version) from somebody else’s', async () => {
    const foreign = await scratchDatabase();
    await asSuperuser(foreign, 'CREATE TABLE buchungen (id int)', 'CREATE TABLE konten (id int)');
    const ours = await scratchDatabase();
    await asSuperuser(
      ours,
      'CREATE TABLE portal_schema_version (version integer NOT NULL)',
      'INSERT INTO portal_schema_version VALUES (7)',
      'CREATE TABLE contacts (id int)',
    );
    const core = teamCore();
    const other = await ok(core, 'team.testConnection', serverSettings(foreign));
    expect(other.database).toEqual({ state: 'foreign', tables: 2 });
    const portal = await ok(core, 'team.testConnection', serverSettings(ours));
    expect(portal.database).toEqual({ state: 'portal', schemaVersion: 7 });
  });

  it('says when the login may read but not write', async () => {
    const shared = await scratchDatabase();
    const reader = `reader_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    await asSuperuser(
      shared,
      'CREATE TABLE portal_schema_version (version integer NOT NULL)',
      'INSERT INTO portal_schema_version VALUES (7)',
      'CREATE TABLE contacts (id int)',
      `CREATE ROLE ${reader} LOGIN PASSWORD 'nur-lesen'`,
      `GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${reader}`,
    );
    const report = await ok(teamCore(), 'team.testConnection', {
      ...serverSettings(shared),
      user: reader,
      password: 'nur-lesen',
    });
    expect(report.rights).toEqual({ read: true, write: false });
    expect(report.database).toEqual({ state: 'portal', schemaVersion: 7 });
  });
});

describe('a connection that fails is refused with what to do about it', () => {
  it('a wrong password: TEAM_AUTH_FAILED, without the server’s words', async () => {
    const error = await refused(teamCore(), 'team.testConnection', {
      ...serverSettings(database),
      password: 'falsch',
    });
    expect(error).toEqual({ code: 'TEAM_AUTH_FAILED', params: {} });
  });

  it('a database the server does not have: TEAM_DATABASE_MISSING', async () => {
    const error = await refused(teamCore(), 'team.testConnection', {
      ...serverSettings('gibt_es_nicht'),
    });
    expect(error.code).toBe('TEAM_DATABASE_MISSING');
  });

  it('a port nobody listens on: TEAM_UNREACHABLE', async () => {
    const error = await refused(teamCore(), 'team.testConnection', {
      ...serverSettings(database),
      port: await closedPort(),
    });
    expect(error.code).toBe('TEAM_UNREACHABLE');
  });

  it('a host name that does not resolve: TEAM_UNREACHABLE', async () => {
    const error = await refused(teamCore(), 'team.testConnection', {
      ...serverSettings(database),
      host: 'datenbank.invalid',
      tls: 'require',
    });
    expect(error.code).toBe('TEAM_UNREACHABLE');
  });

  it('TLS asked of a server without TLS: TEAM_TLS_FAILED, with and without the certificate check', async () => {
    const core = teamCore();
    const require = await refused(core, 'team.testConnection', {
      ...serverSettings(database),
      tls: 'require',
    });
    expect(require.code).toBe('TEAM_TLS_FAILED');
    const verify = await refused(core, 'team.testConnection', {
      ...serverSettings(database),
      tls: 'verify-full',
      caCertificate,
    });
    expect(verify.code).toBe('TEAM_TLS_FAILED');
  });

  it('no TLS to another computer: TEAM_TLS_REQUIRED at the field, without trying to connect', async () => {
    const connect = vi.spyOn(pg.Client.prototype, 'connect');
    const remote = {
      ...serverSettings(database),
      host: 'db.hausverwaltung.example',
      tls: 'disable' as const,
    };
    const error = await refused(teamCore(), 'team.testConnection', remote);
    expect(error).toEqual({ code: 'TEAM_TLS_REQUIRED', params: { field: 'tls' } });
    // The core's own check too, for callers that come without the contract (the later switch-over).
    await expect(
      testTeamConnection({ ...remote, password: null, caCertificate: null }),
    ).rejects.toMatchObject({
      code: 'TEAM_TLS_REQUIRED',
    });
    expect(connect).not.toHaveBeenCalled();
  });

  it('verify-full without a CA certificate: REQUIRED at the field; a broken one: TEAM_CA_INVALID', async () => {
    const core = teamCore();
    const missing = await refused(core, 'team.testConnection', {
      ...serverSettings(database),
      tls: 'verify-full',
      caCertificate: null,
    });
    expect(missing).toEqual({ code: 'REQUIRED', params: { field: 'caCertificate' } });
    const broken = caCertificate.replace(/[A-Za-z]{20}/, 'x');
    const invalid = await refused(core, 'team.testConnection', {
      ...serverSettings(database),
      tls: 'verify-full',
      caCertificate: broken,
    });
    expect(invalid).toEqual({ code: 'TEAM_CA_INVALID', params: { field: 'caCertificate' } });
    const notPem = await refused(core, 'team.testConnection', {
      ...serverSettings(database),
      tls: 'verify-full',
      caCertificate: 'Das ist kein Zertifikat',
    });
    expect(notPem.code).toBe('TEAM_CA_INVALID');
  });
});
