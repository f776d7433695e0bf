/**
 * Invitation codes (Einladungscode): one-time registration keys. 12 characters from an alphabet
 * without look-alikes (no I, O, 0, 1), in groups of four: "ABCD-EFGH-JKLM". 32 symbols = 5 bits
 * each, so 60 bits from crypto.randomBytes, without modulo bias (256 is a multiple of 32).
 * Only a keyed hash of the canonical form (upper case, no separators) is ever stored:
 * HMAC-SHA-256 under a random key of the data store (settings 'invitation.codeKey', migration 7)
 * over the code's SHA-256 — so 60 bits cannot be tried offline from a copied table alone, and the
 * hashes of before migration 7 (plain SHA-256) were re-keyed in place.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';

export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 12;
const GROUP = 4;
const CANONICAL = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

/** A fresh random code, formatted "ABCD-EFGH-JKLM". */
export function generateInvitationCode(): string {
  const bytes = randomBytes(CODE_LENGTH);
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i += 1) {
    if (i > 0 && i % GROUP === 0) code += '-';
    code += CODE_ALPHABET[(bytes[i] ?? 0) & 31];
  }
  return code;
}

/**
 * The canonical form of what someone typed: upper case, without spaces and dashes; null when it
 * cannot be a code at all (wrong length or a character outside the alphabet).
 */
export function canonicalCode(typed: string): string | null {
  const canonical = typed.toUpperCase().replace(/[\s\-‐‑–—]/g, '');
  return CANONICAL.test(canonical) ? canonical : null;
}

/** The stored form: HMAC-SHA-256 (hex) under the store's `key` of the canonical code's SHA-256. */
export function hashInvitationCode(code: string, key: string): string {
  const canonical = canonicalCode(code);
  if (canonical === null) throw new Error('not an invitation code');
  const digest = createHash('sha256').update(canonical, 'utf8').digest('hex');
  return createHmac('sha256', key).update(digest, 'utf8').digest('hex');
}

/** What stands for a code wherever a message is shown or kept after sending. */
export const MASKED_CODE = '••••-••••-••••';
