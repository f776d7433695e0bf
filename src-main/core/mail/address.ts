import { z } from 'zod';

const emailAddress = z.email();

/** A usable e-mail address (the rule of the contract's e-mail fields): mail can go there. */
export function isValidEmail(email: string | null): email is string {
  return email !== null && emailAddress.safeParse(email).success;
}
