/**
 * The words of the contacts export in de and en: its read-only columns, and the values it writes
 * for the fields the import translates — each one a word the import reads back (import/values.ts;
 * a test holds them together), so an exported file imports again without value mapping.
 */
import type { importAppValues, ImportValueField } from '../../../shared/contract/imports';
import type { Grant } from '../../../shared/domain';
import type { InvitationState } from '../../../shared/ipc';

type ValueWords = { [F in ImportValueField]: Record<(typeof importAppValues)[F][number], string> };

interface ExportTexts {
  fileName: string;
  sheet: string;
  columns: { access: string; until: string; invitation: string };
  grants: Record<Grant, string>;
  invitation: Record<InvitationState, string>;
  values: ValueWords;
}

const de: ExportTexts = {
  fileName: 'kontakte',
  sheet: 'Kontakte',
  columns: { access: 'Zugang heute', until: 'Zugang bis', invitation: 'Einladung' },
  grants: {
    active: 'Aktiver Vertrag',
    pre: 'Vor Vertragsbeginn',
    post: 'Nach Vertragsende',
    none: 'Kein Zugang',
  },
  invitation: {
    none: 'Nicht eingeladen',
    pending: 'Eingeladen',
    redeemed: 'Registriert',
    expired: 'Abgelaufen',
    revoked: 'Widerrufen',
  },
  values: {
    'contract.type': { tenant: 'Mieter', owner: 'Eigentümer' },
    'contact.salutation': {
      none: 'keine Angabe',
      mr: 'Herr',
      ms: 'Frau',
      mx: 'Divers',
      couple: 'Eheleute',
      family: 'Familie',
      company: 'Firma',
    },
    'contact.language': { de: 'Deutsch', en: 'Englisch' },
    'contact.preference': { postal: 'Post', online: 'Online' },
    'unit.usage': { private: 'Wohnen', commercial: 'Gewerbe' },
  },
};

const en: ExportTexts = {
  fileName: 'contacts',
  sheet: 'Contacts',
  columns: { access: 'Access today', until: 'Access until', invitation: 'Invitation' },
  grants: {
    active: 'Active contract',
    pre: 'Before contract start',
    post: 'After contract end',
    none: 'No access',
  },
  invitation: {
    none: 'Not invited',
    pending: 'Invited',
    redeemed: 'Registered',
    expired: 'Expired',
    revoked: 'Revoked',
  },
  values: {
    'contract.type': { tenant: 'Tenant', owner: 'Owner' },
    'contact.salutation': {
      none: 'Not specified',
      mr: 'Mr',
      ms: 'Ms',
      mx: 'Mx',
      couple: 'Mr and Mrs',
      family: 'Family',
      company: 'Company',
    },
    'contact.language': { de: 'German', en: 'English' },
    'contact.preference': { postal: 'Post', online: 'Online' },
    'unit.usage': { private: 'Residential', commercial: 'Commercial' },
  },
};

export const exportTexts = { de, en } as const;
