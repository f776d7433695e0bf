/**
 * The team database connection of this desktop: kept in the preference store (not the data store),
 * the password write-only in the secret store like the SMTP password, and each save in the audit log.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isLoopbackHost } from '../../../shared/contract/team';
import { filePreferenceStore } from '../../../src-main/core/preferences';
import type { SecretStore } from '../../../src-main/core/secrets';
import { memorySecretStore } from '../../../src-main/core/secrets';
import { expectRefused, ok, readDatabase, refused, tempDir } from '../support';
import { caCertificate, scratchDatabase, serverSettings, teamCore } from './support';

let database = '';
beforeAll(async () => {
  database = await scratchDatabase();
});

function auditRows(core: { dataDir: string }): { action: string; before: string; after: string }[] {
  return readDatabase(core, (db) =>
    db
      .prepare<[], { action: string; before: string; after: string }>(
        "SELECT action, before, after FROM audit WHERE action = 'team.saveSettings' ORDER BY id",
      )
      .all(),
  );
}

describe('the saved connection', () => {
  it('starts unset with the usual port and encryption', async () => {
    expect(await ok(teamCore(), 'team.getSettings')).toEqual({
      configured: false,
      host: '',
      port: 5432,
      database: '',
      user: '',
      hasPassword: false,
      tls: 'require',
      caCertificate: null,
      // Not moved into a team database yet.
      teamModeSince: null,
    });
  });

  it('is kept per desktop, with an audit row, and the password never answered or written down', async () => {
    const secrets = memorySecretStore();
    const core = teamCore({ secrets });
    const settings = serverSettings(database);
    const saved = await ok(core, 'team.saveSettings', settings);
    expect(saved).toMatchObject({
      configured: true,
      host: settings.host,
      port: settings.port,
      hasPassword: true,
    });
    expect(await ok(core, 'team.getSettings')).toEqual(saved);
    const report = await ok(core, 'team.testConnection', settings);
    expect(secrets.get('team.password')).toBe(settings.password);
    const everything = JSON.stringify([saved, report, auditRows(core), core.preferences.readTeam()]);
    expect(everything).not.toContain(settings.password);
    expect(auditRows(core)).toHaveLength(1);
    expect(JSON.parse(auditRows(core)[0]!.after)).toMatchObject({ hasPassword: true, passwordChanged: true });
  });

  it('keeps the saved password when saved or tested without a new one', async () => {
    const core = teamCore();
    await ok(core, 'team.saveSettings', serverSettings(database));
    const other = await scratchDatabase();
    const withoutPassword = { ...serverSettings(other), password: undefined };
    const saved = await ok(core, 'team.saveSettings', { ...withoutPassword, password: '' });
    expect(saved).toMatchObject({ database: other, hasPassword: true });
    // The stored password logs in: the test with no password typed gets through.
    expect((await ok(core, 'team.testConnection', withoutPassword)).database).toEqual({ state: 'empty' });
    expect(JSON.parse(auditRows(core)[1]!.after)).toMatchObject({ passwordChanged: false });
  });

  it('saving the same connection again writes nothing', async () => {
    const core = teamCore();
    await ok(core, 'team.saveSettings', serverSettings(database));
    await ok(core, 'team.saveSettings', { ...serverSettings(database), password: undefined });
    expect(auditRows(core)).toHaveLength(1);
  });

  it('keeps the CA certificate for verify-full, says whom it names, and drops it for another mode', async () => {
    const core = teamCore();
    const remote = {
      ...serverSettings(database),
      host: 'db.hausverwaltung.example',
      tls: 'verify-full' as const,
    };
    const saved = await ok(core, 'team.saveSettings', { ...remote, caCertificate });
    expect(saved.caCertificate).toEqual({
      subject: 'O=Hausverwaltung Beispiel IT, CN=Beispiel Team-Datenbank CA',
      validTo: expect.stringMatching(/^21\d\d-\d\d-\d\d$/),
    });
    // Saved again without choosing the file: the stored certificate stays.
    expect(
      (await ok(core, 'team.saveSettings', { ...remote, caCertificate: undefined, port: 5433 }))
        .caCertificate,
    ).toEqual(saved.caCertificate);
    expect((await ok(core, 'team.saveSettings', { ...remote, tls: 'require' })).caCertificate).toBeNull();
  });
});

describe('the preferences file of a desktop', () => {
  it('keeps the connection when the language is changed, and the language when the connection is', () => {
    const store = filePreferenceStore(path.join(tempDir(), 'preferences.json'));
    store.write({ language: 'en' });
    store.writeTeam({ host: 'db.example.com' });
    store.write({ language: 'de' });
    expect(store.readTeam()).toEqual({ host: 'db.example.com' });
    store.writeTeam({ host: 'db2.example.com' });
    expect(store.read()).toEqual({ language: 'de' });
  });
});

describe('a save that is refused changes nothing', () => {
  it('no TLS to another computer: TEAM_TLS_REQUIRED at the field', async () => {
    const core = teamCore();
    const remote = { ...serverSettings(database), host: '192.168.10.5', tls: 'disable' as const };
    await expectRefused(core, 'team.saveSettings', remote, 'TEAM_TLS_REQUIRED', { field: 'tls' });
    expect((await ok(core, 'team.getSettings')).configured).toBe(false);
  });

  it('a host with a scheme or a space: TEAM_HOST_INVALID', async () => {
    const core = teamCore();
    for (const host of ['postgres://db.example.com', 'db example', 'db.example.com:5432/portal']) {
      await expectRefused(
        core,
        'team.saveSettings',
        { ...serverSettings(database), host },
        'TEAM_HOST_INVALID',
        {
          field: 'host',
        },
      );
    }
  });

  it('a keychain that cannot take the password: SECRET_NOT_SAVED, the connection as before', async () => {
    const broken: SecretStore = {
      get: () => null,
      set: () => {
        throw new Error('keychain unavailable');
      },
    };
    const core = teamCore({ secrets: broken });
    const error = await refused(core, 'team.saveSettings', serverSettings(database));
    expect(error.code).toBe('SECRET_NOT_SAVED');
    expect(core.preferences.readTeam()).toBeUndefined();
    expect(auditRows(core)).toHaveLength(0);
  });
});

describe('loopback: where a connection without TLS is allowed', () => {
  it.each(['localhost', 'LOCALHOST', '127.0.0.1', '127.1.2.3', '::1', '0:0:0:0:0:0:0:1'])('%s', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });
  it.each(['db.example.com', '128.0.0.1', '127.0.0.256', '10.0.0.1', '::2', 'localhost.example.com', '1::1'])(
    'not %s',
    (host) => {
      expect(isLoopbackHost(host)).toBe(false);
    },
  );
});
