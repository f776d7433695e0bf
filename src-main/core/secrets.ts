/**
 * Where secrets (the SMTP password) live. The Electron shell injects one encrypted with the OS
 * keychain (safeStorage); tests use the memory store. The data store never holds a secret.
 */
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
