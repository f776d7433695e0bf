/**
 * Content (Inhalte) and sharing (Teilen): announcements, appointments, documents, SmartPost letters
 * and SmartTask processes, shared by role or individually, with notifications and the portal preview.
 */
import { z } from 'zod';
import type { Access, Grant, IndividualShareRefusal, IsoDate, ShareRole } from '../domain';
import { channel, idSchema, isoDateSchema, optionalText, requiredText } from './channel';
import type { HeldFile } from './exports';

export const contentKinds = ['announcement', 'appointment', 'document', 'smartpost', 'process'] as const;
export type ContentKind = (typeof contentKinds)[number];

export const processStates = ['open', 'in_progress', 'done'] as const;
export type ProcessState = (typeof processStates)[number];

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const documentTypes = {
  'application/pdf': '.pdf',
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'text/plain': '.txt',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '.xlsx',
} as const;

/** A local date-time `YYYY-MM-DDTHH:mm` (Europe/Berlin). */
const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: 'INVALID_DATE' });

const base = { title: requiredText(200), propertyId: idSchema.nullable() };

export const contentInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('announcement'), ...base, text: requiredText(20_000) }),
  z.strictObject({
    kind: z.literal('appointment'),
    ...base,
    startsAt: localDateTime,
    endsAt: localDateTime,
    place: optionalText(200),
    text: optionalText(5_000),
  }),
  z.strictObject({
    kind: z.literal('document'),
    ...base,
    fileName: requiredText(200),
    mimeType: z.enum(Object.keys(documentTypes) as [keyof typeof documentTypes], {
      error: 'UNSUPPORTED_FILE_TYPE',
    }),
    /** The file as base64; at most MAX_DOCUMENT_BYTES once decoded. */
    dataBase64: z.string().max(Math.ceil((MAX_DOCUMENT_BYTES * 4) / 3) + 4, { error: 'FILE_TOO_LARGE' }),
  }),
  z.strictObject({
    kind: z.literal('smartpost'),
    ...base,
    /** Letter text with placeholders {{anrede}}, {{name}}, {{einheit}}, {{liegenschaft}}, {{datum}}. */
    template: requiredText(20_000),
  }),
  z.strictObject({
    kind: z.literal('process'),
    ...base,
    description: optionalText(20_000),
    state: z.enum(processStates),
    contactIds: z.array(idSchema).max(1000),
  }),
]);
export type ContentInput = z.input<typeof contentInputSchema>;

export interface ContentSummary {
  id: number;
  kind: ContentKind;
  title: string;
  propertyId: number | null;
  propertyName: string | null;
  createdAt: string;
  updatedAt: string;
  /** Contacts who can see it today. */
  visibleTo: number;
}

export interface ShareRecipientView {
  contactId: number;
  displayName: string;
  /** Unit numbers/names in scope, joined. */
  units: string;
  access: Access;
  /** Visible in the portal today (role shares: through an active contract; individual: access ≠ none). */
  visibleToday: boolean;
}

export interface ShareView {
  id: number;
  createdAt: string;
  /** Role share: "Alle Mieter · Musterstraße 12"; individual: the contact. */
  target:
    | { mode: 'role'; role: ShareRole; propertyId: number; propertyName: string; unitIds: number[] | null }
    | { mode: 'individual'; contactId: number; displayName: string };
  recipients: ShareRecipientView[];
}

/** The kind-specific fields of each kind, as entered (documents: no bytes). */
export interface ContentDataOfKind {
  announcement: { text: string };
  appointment: { startsAt: string | null; endsAt: string | null; place: string | null; text: string | null };
  document: { fileName: string | null; mimeType: string | null; size: number; sha256: string | null };
  smartpost: { template: string };
  process: { description: string | null; state: ProcessState; contactIds: number[] };
}

/** A kind with its fields: `kind` tells which fields `data` has. */
export type ContentData = { [K in ContentKind]: { kind: K; data: ContentDataOfKind[K] } }[ContentKind];

export type ContentDetail = ContentData & {
  id: number;
  title: string;
  propertyId: number | null;
  propertyName: string | null;
  createdAt: string;
  updatedAt: string;
  shares: ShareView[];
};

export const shareTargetSchema = z.discriminatedUnion('mode', [
  z.strictObject({
    mode: z.literal('role'),
    role: z.enum(['all', 'tenant', 'owner']),
    propertyId: idSchema,
    unitIds: z.array(idSchema).max(10_000).nullable(),
  }),
  z.strictObject({ mode: z.literal('individual'), contactIds: z.array(idSchema).min(1).max(10_000) }),
]);
export type ShareTarget = z.input<typeof shareTargetSchema>;

export interface SkippedRecipient {
  contactId: number;
  displayName: string;
  units: string;
  grant: Extract<Grant, 'pre' | 'post'>;
  windowEnd: IsoDate;
}

export interface RefusedRecipient {
  contactId: number;
  displayName: string;
  reason: IndividualShareRefusal;
}

/** Recipients per page of the share dialog's list: the preview's first page, then sharing.recipients. */
export const SHARE_RECIPIENT_PAGE_SIZE = 50;

/**
 * What the share dialog shows first: counts, every skipped or refused contact, and the first
 * SHARE_RECIPIENT_PAGE_SIZE recipients in name order (sort_name, as the contact list); further pages
 * come from sharing.recipients. A 5,000-unit property has thousands of recipients.
 */
export interface SharePreview {
  /** Everyone the share reaches today. */
  recipientCount: number;
  /** The first page of them. */
  recipients: ShareRecipientView[];
  /** Role shares only: every contact of the scope inside a pre/post window who will NOT receive it. */
  skipped: SkippedRecipient[];
  /** Individual shares only: contacts without access today, who cannot receive it. */
  refused: RefusedRecipient[];
  /** Recipients told by letter (no valid e-mail address, or they prefer post): the Postausgang's print batch. */
  needsPostCount: number;
  /** The first SHARE_RECIPIENT_PAGE_SIZE of them by name (the share's result lists them all). */
  needsPost: { contactId: number; displayName: string }[];
}

export interface ShareRecipientPage {
  /** As the preview's recipientCount. */
  total: number;
  items: ShareRecipientView[];
}

export interface ShareResult {
  sharedWith: number;
  /** Notifications queued as e-mail. */
  notifications: number;
  /** Notifications queued as letters in the Postausgang's print batch (no e-mail, or prefers post). */
  letters: number;
  /** Those told by letter, by name. */
  needsPost: { contactId: number; displayName: string }[];
  /**
   * SmartPost: one personal letter per recipient, combined into one PDF for printing and held for
   * saving with `exports.save`; else null.
   */
  lettersFile: HeldFile | null;
}

export interface PortalPreview {
  contactId: number;
  displayName: string;
  day: IsoDate;
  access: Access;
  canLogIn: boolean;
  registered: boolean;
  items: (ContentSummary & { via: 'individual' | 'role' })[];
}

/** What withdrawing a content did. */
/** A SmartPost letter as one contact would get it (placeholders filled), before anything is shared. */
export interface LetterPreview {
  displayName: string;
  subject: string;
  body: string;
}

export interface ContentDeleteResult {
  /** Shares revoked with it (nobody sees it any more). */
  sharesRevoked: number;
  /** A document's file: erased (true), kept because another content uses it (false); null: no file. */
  fileErased: boolean | null;
}

export const contentChannels = {
  'content.list': channel<{ total: number; items: ContentSummary[] }>()(
    z.strictObject({
      kind: z.enum(contentKinds).nullable().default(null),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(200).default(50),
    }),
  ),
  'content.get': channel<ContentDetail>()(z.strictObject({ id: idSchema })),
  'content.create': channel<ContentDetail>()(contentInputSchema),
  'content.update': channel<ContentDetail>()(z.strictObject({ id: idSchema, input: contentInputSchema })),
  /** The document's bytes (base64) for saving or opening. */
  /** Withdraws a content: shares revoked, a document's file erased once unreferenced (see contentService). */
  'content.delete': channel<ContentDeleteResult>()(z.strictObject({ id: idSchema })),
  'content.documentFile': channel<{ fileName: string; mimeType: string; dataBase64: string }>()(
    z.strictObject({ id: idSchema }),
  ),
  'sharing.preview': channel<SharePreview>()(
    z.strictObject({ contentId: idSchema, target: shareTargetSchema }),
  ),
  /** A page of the preview's recipients (same order), for the dialog's "Empfänger anzeigen". */
  'sharing.recipients': channel<ShareRecipientPage>()(
    z.strictObject({
      contentId: idSchema,
      target: shareTargetSchema,
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(200).default(SHARE_RECIPIENT_PAGE_SIZE),
    }),
  ),
  /**
   * Writes the share(s) and the notifications in one transaction. `alsoIndividually`: skipped contacts
   * the manager chose to share with individually as well ("Diesen N Kontakten zusätzlich einzeln freigeben").
   */
  'sharing.share': channel<ShareResult>()(
    z.strictObject({
      contentId: idSchema,
      target: shareTargetSchema,
      alsoIndividually: z.array(idSchema).max(10_000).default([]),
    }),
  ),
  'sharing.revoke': channel<ContentDetail>()(z.strictObject({ shareId: idSchema })),
  /** SmartPost: the letter `contactId` would get if shared now (null: no SmartPost, or shared already). */
  'sharing.letterPreview': channel<LetterPreview | null>()(
    z.strictObject({ contentId: idSchema, contactId: idSchema }),
  ),
  /** What a contact sees in the portal on a day (default today), computed by the same policy. */
  'portal.preview': channel<PortalPreview>()(
    z.strictObject({ contactId: idSchema, day: isoDateSchema.nullable().default(null) }),
  ),
} as const;
