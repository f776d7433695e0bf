/** The content form's draft: from a stored content, to the contract's input, and where a refusal goes. */
import {
  documentTypes,
  type ContentDetail,
  type ContentInput,
  type ContentKind,
  type ProcessState,
} from '../../../../shared/contract/content';
import type { AppError } from '../../../../shared/errors';
import type { PickedContact } from '../sharing/ContactPicker';

export type DocumentType = keyof typeof documentTypes;

export interface ChosenFile {
  fileName: string;
  mimeType: DocumentType;
  size: number;
  dataBase64: string;
}

export interface Draft {
  title: string;
  propertyId: string | null;
  text: string;
  startsAt: string;
  endsAt: string;
  place: string;
  template: string;
  description: string;
  state: ProcessState;
  contacts: PickedContact[];
  /** A newly chosen file; for an existing document null keeps the stored one. */
  file: ChosenFile | null;
}

export function toDraft(content: ContentDetail | undefined): Draft {
  const draft: Draft = {
    title: content?.title ?? '',
    propertyId: content?.propertyId ? String(content.propertyId) : null,
    text: '',
    startsAt: '',
    endsAt: '',
    place: '',
    template: '',
    description: '',
    state: 'open',
    contacts: [],
    file: null,
  };
  switch (content?.kind) {
    case undefined:
    case 'document':
      return draft;
    case 'announcement':
      return { ...draft, text: content.data.text };
    case 'appointment': {
      const { startsAt, endsAt, place, text } = content.data;
      return {
        ...draft,
        startsAt: startsAt ?? '',
        endsAt: endsAt ?? '',
        place: place ?? '',
        text: text ?? '',
      };
    }
    case 'smartpost':
      return { ...draft, template: content.data.template };
    case 'process':
      return { ...draft, description: content.data.description ?? '', state: content.data.state };
  }
}

/** A process's linked contacts (by id); none for other kinds or a new content. */
export function linkedContactIds(content: ContentDetail | undefined): number[] {
  return content?.kind === 'process' ? content.data.contactIds : [];
}

/** The file a stored document keeps when edited without choosing a new one (empty bytes). */
export function keptFile(content: ContentDetail | undefined): ChosenFile | null {
  if (content?.kind !== 'document') return null;
  const { fileName, mimeType } = content.data;
  return {
    fileName: fileName ?? '',
    mimeType: (mimeType ?? 'application/pdf') as DocumentType,
    size: 0,
    dataBase64: '',
  };
}

export function toInput(kind: ContentKind, draft: Draft, file: ChosenFile | null): ContentInput {
  const base = {
    title: draft.title,
    propertyId: draft.propertyId === null ? null : Number(draft.propertyId),
  };
  switch (kind) {
    case 'announcement':
      return { kind, ...base, text: draft.text };
    case 'appointment':
      return {
        kind,
        ...base,
        startsAt: draft.startsAt,
        endsAt: draft.endsAt,
        place: draft.place,
        text: draft.text,
      };
    case 'document':
      return {
        kind,
        ...base,
        fileName: file?.fileName ?? '',
        mimeType: file?.mimeType ?? 'application/pdf',
        dataBase64: file?.dataBase64 ?? '',
      };
    case 'smartpost':
      return { kind, ...base, template: draft.template };
    case 'process':
      return {
        kind,
        ...base,
        description: draft.description,
        state: draft.state,
        contactIds: draft.contacts.map((contact) => contact.id),
      };
  }
}

/** The contract's type for a file: by its MIME type, else by its extension. */
export function documentType(file: File): DocumentType | null {
  if (Object.hasOwn(documentTypes, file.type)) return file.type as DocumentType;
  const extension = /\.[^.]+$/.exec(file.name.toLowerCase())?.[0];
  const normalized = extension === '.jpeg' ? '.jpg' : extension;
  const match = Object.entries(documentTypes).find(([, ext]) => ext === normalized);
  return match ? (match[0] as DocumentType) : null;
}

export function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** Where a refusal of the core belongs in the form. */
export const fieldOfPath: Record<string, string> = {
  fileName: 'file',
  mimeType: 'file',
  dataBase64: 'file',
  contactIds: 'contacts',
};
const fieldOfCode: Partial<Record<AppError['code'], string>> = {
  FILE_TOO_LARGE: 'file',
  UNSUPPORTED_FILE_TYPE: 'file',
  INVALID_TIME_RANGE: 'endsAt',
  UNKNOWN_PLACEHOLDER: 'template',
  UNKNOWN_PROPERTY: 'propertyId',
  UNKNOWN_CONTACT: 'contacts',
};
const formFields = [
  'title',
  'propertyId',
  'text',
  'startsAt',
  'endsAt',
  'place',
  'template',
  'description',
  'file',
  'contacts',
];

export function fieldOf(error: AppError): string | null {
  const path = typeof error.params.field === 'string' ? error.params.field.replace(/^input\./, '') : '';
  const field = fieldOfPath[path] ?? path;
  if (formFields.includes(field)) return field;
  return fieldOfCode[error.code] ?? null;
}

/** Stands in for a stored file while validating the other fields of an edited document. */
export const placeholderFile: ChosenFile = {
  fileName: 'x',
  mimeType: 'application/pdf',
  size: 0,
  dataBase64: '',
};
