/** The app itself: today's date as the core sees it, and the choice on an empty data store. */
import { z } from 'zod';
import type { IsoDate } from '../domain';
import { channel, noPayload } from './channel';

export interface AppStatus {
  today: IsoDate;
  /** True until the user chose "Demo-Daten laden" or "Leer starten" on an empty data dir. */
  needsFirstStartChoice: boolean;
  /** The demo portfolio was loaded: only then is the portal registration simulated (else DEMO_ONLY). */
  demo: boolean;
  /**
   * While the choice is open: what "Demo-Daten laden" brings, counted from the generated demo as
   * its lists show it (contacts: those not archived, as the contact list shows by default).
   */
  demoOffer: { properties: number; units: number; contacts: number } | null;
}

export const appChannels = {
  'app.status': channel<AppStatus>()(noPayload),
  'app.chooseFirstStart': channel<AppStatus>()(z.enum(['demo', 'empty'])),
} as const;
