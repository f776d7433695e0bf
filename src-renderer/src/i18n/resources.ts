/**
 * The shape of the UI texts, typed from the German files (German is the source language): the
 * renderer's `t` accepts only these keys (i18next.d.ts), and the UI tests' `T` only these leaves.
 * One line per file of locales/de, as messages.ts merges them at run time.
 */
import type access from './locales/de/access.json';
import type app from './locales/de/app.json';
import type auditLog from './locales/de/auditLog.json';
import type automation from './locales/de/automation.json';
import type backups from './locales/de/backups.json';
import type contact from './locales/de/contact.json';
import type contacts from './locales/de/contacts.json';
import type content from './locales/de/content.json';
import type contract from './locales/de/contract.json';
import type dataImport from './locales/de/dataImport.json';
import type dataProtection from './locales/de/dataProtection.json';
import type errors from './locales/de/errors.json';
import type firstStart from './locales/de/firstStart.json';
import type invitation from './locales/de/invitation.json';
import type invite from './locales/de/invite.json';
import type mail from './locales/de/mail.json';
import type nav from './locales/de/nav.json';
import type outbox from './locales/de/outbox.json';
import type overview from './locales/de/overview.json';
import type portal from './locales/de/portal.json';
import type properties from './locales/de/properties.json';
import type seatForecast from './locales/de/seatForecast.json';
import type settings from './locales/de/settings.json';
import type sharing from './locales/de/sharing.json';
import type simulation from './locales/de/simulation.json';
import type startup from './locales/de/startup.json';
import type team from './locales/de/team.json';
import type timeline from './locales/de/timeline.json';

export interface GermanMessages {
  access: typeof access;
  app: typeof app;
  auditLog: typeof auditLog;
  automation: typeof automation;
  backups: typeof backups;
  contact: typeof contact;
  contacts: typeof contacts;
  content: typeof content;
  contract: typeof contract;
  dataImport: typeof dataImport;
  dataProtection: typeof dataProtection;
  errors: typeof errors;
  firstStart: typeof firstStart;
  invitation: typeof invitation;
  invite: typeof invite;
  mail: typeof mail;
  nav: typeof nav;
  outbox: typeof outbox;
  overview: typeof overview;
  portal: typeof portal;
  properties: typeof properties;
  seatForecast: typeof seatForecast;
  settings: typeof settings;
  sharing: typeof sharing;
  simulation: typeof simulation;
  startup: typeof startup;
  team: typeof team;
  timeline: typeof timeline;
}

/** Every text's full key, plural forms included (`contacts.count_other`), as the UI tests name them. */
type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<GermanMessages>;
