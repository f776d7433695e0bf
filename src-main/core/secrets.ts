/**
 * Where secrets (the SMTP password) live. The Electron shell injects one encrypted with the OS
 * keychain (safeStorage); tests use the memory store. The data store never holds a secret.
 */
import { DomainError } from '../../shared/errors';

export interface SecretStore {
  get(key: string): string | null;
  set(key: string, value: string | null): void;
}

export function memorySecretStore(): SecretStore {
  const secrets = new Map<string, string>();
  return {
    get: (key) => secrets.get(key) ?? null,
    set: (key, value) => {
      if (value === null) secrets.delete(key);
      else secrets.set(key, value);
    },
  };
}

/**
 * The injected store as the core uses it. A secret that cannot be read (a reset keychain, a profile
 * copied to another machine, a store that throws) is "not set": the settings stay readable, the
 * password can be entered again, and nothing after a commit fails for it. A secret that cannot be
 * written is SECRET_NOT_SAVED, before anything else is written.
 */
export function guardedSecretStore(store: SecretStore): SecretStore {
  return {
    get(key) {
      try {
        return store.get(key);
      } catch (error) {
        console.warn(`secrets: ${key} cannot be read, treated as not set:`, String(error));
        return null;
      }
    },
    set(key, value) {
      try {
        store.set(key, value);
      } catch (error) {
        console.warn(`secrets: ${key} cannot be saved:`, String(error));
        throw new DomainError('SECRET_NOT_SAVED');
      }
    },
  };
}
