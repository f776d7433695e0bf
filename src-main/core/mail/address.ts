import { z } from 'zod';

const emailAddress = z.email();

/** A usable e-mail address (the rule of the contract's e-mail fields): mail can go there. */
/**
 * Whether a contact is told by letter rather than by e-mail: no valid address, or it prefers post
 * (ARCHITECTURE.md §3 "Notifications").
 */
export function notifiedByLetter(contact: {
  email: string | null;
  preference: 'postal' | 'online';
}): boolean {
  return contact.preference === 'postal' || !isValidEmail(contact.email);
}

export function isValidEmail(email: string | null): email is string {
  return email !== null && emailAddress.safeParse(email).success;
}
