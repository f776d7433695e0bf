/** Preferences of this desktop (not of the data store): the language. */
import { z } from 'zod';
import { channel, noPayload } from './channel';

export const languageSchema = z.enum(['de', 'en']);
export type Language = z.infer<typeof languageSchema>;

export interface Preferences {
  language: Language;
}

export const preferencesChannels = {
  'preferences.get': channel<Preferences>()(noPayload),
  'preferences.update': channel<Preferences>()(z.strictObject({ language: languageSchema })),
} as const;
