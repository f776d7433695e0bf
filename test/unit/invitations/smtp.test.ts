/**
 * SMTP settings and mail.sendTest, against a real SMTP server (smtp-server) on 127.0.0.1 (smtpServer.ts).
 * Delivery is in smtpDelivery.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { ok, refused } from '../support';
import { auditRows, configureSmtp, dataStoreBytes, expectRefused, invitationCore } from './support';
import { closedPort, decodeHeader, startServer, unfoldHeaders } from './smtpServer';

// ---------------------------------------------------------------- settings

describe('mail settings', () => {
  it('are off by default and never return a password', async () => {
    const core = invitationCore();
    expect(await ok(core, 'mail.getSettings')).toEqual({
      enabled: false,
      host: '',
      port: 587,
      security: 'starttls',
      user: null,
      hasPassword: false,
      tested: false,
      from: null,
      fromName: null,
    });
  });

  it('keep the password in the secret store only: not in the data store, not in the audit', async () => {
    const core = invitationCore();
    const saved = await ok(core, 'mail.updateSettings', {
      enabled: true,
      host: 'smtp.example.com',
      port: 587,
      security: 'starttls',
      user: 'verwaltung',
      password: 'Geheimnis-4711',
      from: 'verwaltung@example.com',
      fromName: null,
    });
    expect(saved).toMatchObject({
      enabled: true,
      host: 'smtp.example.com',
      user: 'verwaltung',
      hasPassword: true,
    });
    expect(saved).not.toHaveProperty('password');
    expect(core.secrets.get('smtp.password')).toBe('Geheimnis-4711');
    expect(dataStoreBytes(core).includes('Geheimnis-4711')).toBe(false);
    expect(JSON.stringify(auditRows(core))).not.toContain('Geheimnis-4711');
    expect(auditRows(core).at(-1)).toMatchObject({ action: 'mail.updateSettings', entity_id: 'smtp' });

    // undefined and '' keep it, null removes it, a new text replaces it.
    const base = {
      enabled: true,
      host: 'smtp.example.com',
      port: 465,
      security: 'tls' as const,
      user: 'verwaltung',
      from: 'verwaltung@example.com',
      fromName: 'HV',
    };
    expect((await ok(core, 'mail.updateSettings', base)).hasPassword).toBe(true);
    expect((await ok(core, 'mail.updateSettings', { ...base, password: '' })).hasPassword).toBe(true);
    expect(core.secrets.get('smtp.password')).toBe('Geheimnis-4711');
    await ok(core, 'mail.updateSettings', { ...base, password: 'neu' });
    expect(core.secrets.get('smtp.password')).toBe('neu');
    expect((await ok(core, 'mail.updateSettings', { ...base, password: null })).hasPassword).toBe(false);
    expect(core.secrets.get('smtp.password')).toBeNull();
  });

  it('need a host and a sender when enabled (REQUIRED with the field), and write nothing otherwise', async () => {
    const core = invitationCore();
    const input = {
      enabled: true,
      host: ' ',
      port: 25,
      security: 'none' as const,
      user: null,
      password: 'x',
      from: 'a@example.com',
      fromName: null,
    };
    await expectRefused(core, 'mail.updateSettings', input, 'REQUIRED', { field: 'host' });
    await expectRefused(core, 'mail.updateSettings', { ...input, host: 'h', from: null }, 'REQUIRED', {
      field: 'from',
    });
    await expectRefused(core, 'mail.updateSettings', { ...input, from: 'no-address' }, 'INVALID_EMAIL');
    await expectRefused(core, 'mail.updateSettings', { ...input, port: 0 }, 'INVALID_PAYLOAD');
    expect(core.secrets.get('smtp.password')).toBeNull();
    // Disabled settings may be incomplete.
    await ok(core, 'mail.updateSettings', { ...input, enabled: false, host: '', password: undefined });
  });

  it('answer mail.sendTest with SMTP_NOT_CONFIGURED while SMTP is off', async () => {
    const core = invitationCore();
    await expectRefused(core, 'mail.sendTest', { to: 'test@example.com' }, 'SMTP_NOT_CONFIGURED');
  });
});

describe('mail.sendTest', () => {
  it('sends a test message in the app language and audits it', async () => {
    const server = await startServer();
    const core = invitationCore();
    await configureSmtp(core, { port: server.port });
    expect(await ok(core, 'mail.sendTest', { to: 'admin@example.com' })).toEqual({ delivered: true });
    const mail = await server.message(1);
    expect(mail.to).toEqual(['admin@example.com']);
    expect(decodeHeader(unfoldHeaders(mail.raw).get('subject')!)).toBe(
      'Test-E-Mail von Portal Access Admin – Hausverwaltung',
    );
    expect(JSON.parse(auditRows(core).at(-1)!.after!)).toMatchObject({
      to: 'admin@example.com',
      delivered: true,
    });
    // Not through the outbox.
    expect((await ok(core, 'outbox.list', {})).total).toBe(0);
  });

  it('answers a closed port with SMTP_CONNECTION_REFUSED (a code, not the network words)', async () => {
    const core = invitationCore();
    await configureSmtp(core, { port: await closedPort() });
    const error = await refused(core, 'mail.sendTest', { to: 'admin@example.com' });
    expect(error).toEqual({ code: 'SMTP_CONNECTION_REFUSED', params: {} });
    expect(JSON.parse(auditRows(core).at(-1)!.after!)).toMatchObject({
      delivered: false,
      error: 'SMTP_CONNECTION_REFUSED',
    });
    expect((await ok(core, 'mail.getSettings')).tested).toBe(false);
  });

  it('answers an unknown host with SMTP_HOST_NOT_FOUND', async () => {
    const core = invitationCore();
    await configureSmtp(core, { host: 'mail.invalid' });
    expect(await refused(core, 'mail.sendTest', { to: 'admin@example.com' })).toEqual({
      code: 'SMTP_HOST_NOT_FOUND',
      params: {},
    });
  });
});
