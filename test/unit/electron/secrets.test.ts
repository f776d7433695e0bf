/**
 * Secrets through safeStorage (src-main/electron/secrets.ts), against a fake 'electron' whose
 * keychain can be reset: a secret it can no longer decrypt is "no password set", never an error.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { invitationCore, TODAY } from '../invitations/support';
import { ok, tempDir } from '../support';

const keychain = vi.hoisted(() => ({ key: 'first-key' }));

vi.mock('electron', () => {
  const safeStorage = {
    isEncryptionAvailable: () => true,
    encryptString: (text: string) => Buffer.from(`${keychain.key}:${Buffer.from(text).toString('hex')}`),
    decryptString(encrypted: Buffer) {
      const [key, hex] = encrypted.toString().split(':');
      if (key !== keychain.key)
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(hex!, 'hex').toString();
    },
  };
  return { safeStorage, default: { safeStorage } };
});

const { safeStorageSecretStore } = await import('../../../src-main/electron/secrets');

/** Disabled SMTP settings may be incomplete: only the password matters here. */
const smtp = {
  enabled: false,
  host: '',
  port: 25,
  security: 'none' as const,
  user: null,
  from: null,
  fromName: null,
};

describe('safeStorage secrets', () => {
  it('are kept encrypted in secrets.json beside the preferences', () => {
    keychain.key = 'first-key';
    const userData = tempDir();
    const secrets = safeStorageSecretStore(userData);
    secrets.set('smtp.password', 'Geheimnis-4711');
    expect(secrets.get('smtp.password')).toBe('Geheimnis-4711');
    expect(fs.readFileSync(path.join(userData, 'secrets.json'), 'utf8')).not.toContain('Geheimnis-4711');
  });

  it('that the keychain can no longer decrypt count as no password: mail settings still load and save', async () => {
    keychain.key = 'first-key';
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const core = invitationCore(TODAY, safeStorageSecretStore(tempDir()));
    await ok(core, 'mail.updateSettings', { ...smtp, password: 'Geheimnis-4711' });
    expect((await ok(core, 'mail.getSettings')).hasPassword).toBe(true);

    keychain.key = 'reset-keychain';
    expect((await ok(core, 'mail.getSettings')).hasPassword).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('smtp.password'), expect.any(String));
    expect(JSON.stringify(warn.mock.calls)).not.toContain('Geheimnis-4711');
    expect((await ok(core, 'mail.updateSettings', smtp)).hasPassword).toBe(false);
    expect((await ok(core, 'mail.updateSettings', { ...smtp, password: 'neu' })).hasPassword).toBe(true);
    expect(core.secrets.get('smtp.password')).toBe('neu');
    warn.mockRestore();
  });
});
