/**
 * A secret store that throws (a reset keychain, a profile copied to another machine; issue 14.4):
 * the SMTP settings stay readable ("no password stored") and savable, a password can be entered
 * again, and a change that commits never answers INTERNAL because of it.
 */
import { describe, expect, it } from 'vitest';
import type { SecretStore } from '../../../src-main/core/secrets';
import { ok, refused } from '../support';
import { auditRows, configureSmtp, invitationCore, tenant } from '../invitations/support';

/** A keychain whose stored entries cannot be decrypted until they are written again. */
function resetKeychain(): SecretStore & { rewritten: Map<string, string | null> } {
  const rewritten = new Map<string, string | null>();
  return {
    rewritten,
    get(key) {
      if (rewritten.has(key)) return rewritten.get(key) ?? null;
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    },
    set(key, value) {
      rewritten.set(key, value);
    },
  };
}

/** A keychain that can neither be read nor written. */
const brokenKeychain: SecretStore = {
  get() {
    throw new Error('keychain unavailable');
  },
  set() {
    throw new Error('keychain unavailable');
  },
};

const settings = {
  enabled: true,
  host: 'smtp.example.com',
  port: 587,
  security: 'starttls' as const,
  user: 'verwaltung',
  from: 'verwaltung@example.com',
  fromName: null,
};

describe('an unreadable secret store', () => {
  it('shows the settings with no password stored, and takes a password entered again', async () => {
    const secrets = resetKeychain();
    const core = invitationCore(undefined, secrets);
    expect((await ok(core, 'mail.getSettings')).hasPassword).toBe(false);
    const saved = await ok(core, 'mail.updateSettings', { ...settings, password: 'neu-4711' });
    expect(saved).toMatchObject({ host: 'smtp.example.com', hasPassword: true });
    expect(secrets.rewritten.get('smtp.password')).toBe('neu-4711');
    expect((await ok(core, 'mail.getSettings')).hasPassword).toBe(true);
  });

  it('saves the other settings when no password is entered, and refuses a password it cannot keep', async () => {
    const core = invitationCore(undefined, brokenKeychain);
    expect((await ok(core, 'mail.updateSettings', settings)).hasPassword).toBe(false);
    const audited = auditRows(core).length;
    expect(await refused(core, 'mail.updateSettings', { ...settings, port: 465, password: 'x' })).toEqual({
      code: 'SECRET_NOT_SAVED',
      params: {},
    });
    expect((await ok(core, 'mail.getSettings')).port).toBe(587);
    expect(auditRows(core)).toHaveLength(audited);
  });

  it('lets an e-mail invitation and a share commit and answer ok with SMTP on', async () => {
    const core = invitationCore(undefined, brokenKeychain);
    await configureSmtp(core, {});
    const { contact } = await tenant(core);
    const created = await ok(core, 'invitations.create', { contactId: contact.contact.id, channel: 'email' });
    expect(created.outboxId).not.toBeNull();

    const content = await ok(core, 'content.create', {
      kind: 'announcement',
      title: 'Mitteilung',
      propertyId: null,
      text: 'Text',
    });
    const shared = await ok(core, 'sharing.share', {
      contentId: content.id,
      target: { mode: 'individual', contactIds: [contact.contact.id] },
    });
    expect(shared.sharedWith).toBe(1);
  });
});
