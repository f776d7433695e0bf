import fs from 'node:fs';
import path from 'node:path';
import { safeStorage } from 'electron';
import type { SecretStore } from '../core/secrets';

/**
 * Secrets encrypted with the operating system's keychain (safeStorage), kept as base64 in one
 * file beside the preferences. Where no keychain is available (some Linux desktops) secrets live
 * only in memory for this session rather than being written in plain text.
 */
export function safeStorageSecretStore(userDataDir: string): SecretStore {
  const file = path.join(userDataDir, 'secrets.json');
  const memory = new Map<string, string>();
  const read = (): Record<string, string> => {
    try {
      return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
    } catch {
      return {};
    }
  };
  // A secret the keychain can no longer decrypt (keychain reset, profile copied to another
  // machine) is as good as none: the user sets it again, the settings stay readable and savable.
  const decrypt = (key: string, stored: string): string | null => {
    try {
      return safeStorage.decryptString(Buffer.from(stored, 'base64'));
    } catch (error) {
      console.warn(`secrets: ${key} cannot be decrypted, treated as not set:`, String(error));
      return null;
    }
  };
  return {
    get(key) {
      if (!safeStorage.isEncryptionAvailable()) return memory.get(key) ?? null;
      const stored = read()[key];
      return stored ? decrypt(key, stored) : null;
    },
    set(key, value) {
      if (!safeStorage.isEncryptionAvailable()) {
        if (value === null) memory.delete(key);
        else memory.set(key, value);
        return;
      }
      const secrets = read();
      if (value === null) delete secrets[key];
      else secrets[key] = safeStorage.encryptString(value).toString('base64');
      const temp = `${file}.tmp`;
      fs.writeFileSync(temp, JSON.stringify(secrets), { mode: 0o600 });
      fs.renameSync(temp, file);
    },
  };
}
