import { useState } from 'react';
import {
  Alert,
  Button,
  Code,
  FileInput,
  Group,
  Modal,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  MAX_DOCUMENT_BYTES,
  contentInputSchema,
  documentTypes,
  type ContentDetail,
  type ContentInput,
  type ContentKind,
} from '../../../../shared/contract/content';
import type { AppError, Result } from '../../../../shared/errors';
import { errorMessage, formatBytes } from '../../i18n';
import { fieldErrors } from '../common/fieldErrors';
import { ContactPicker, type PickedContact } from '../sharing/ContactPicker';
import { documentTypeList } from './format';
import { useContactNames, usePropertyOptions } from '../common/options';
import { useReturnFocus } from '../common/useReturnFocus';

export const processStates = ['open', 'in_progress', 'done'] as const;
export type ProcessState = (typeof processStates)[number];

/** The placeholders a SmartPost template may use. */
export const smartPostPlaceholders = ['anrede', 'name', 'einheit', 'liegenschaft', 'datum'] as const;

interface ChosenFile {
  fileName: string;
  mimeType: keyof typeof documentTypes;
  size: number;
  dataBase64: string;
}

interface Draft {
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

type Data = ContentDetail['data'];

function text(data: Data | undefined, key: string): string {
  const value = data?.[key];
  return typeof value === 'string' ? value : '';
}

function toDraft(content: ContentDetail | undefined): Draft {
  const data = content?.data;
  const state = text(data, 'state');
  return {
    title: content?.title ?? '',
    propertyId: content?.propertyId ? String(content.propertyId) : null,
    text: text(data, 'text'),
    startsAt: text(data, 'startsAt'),
    endsAt: text(data, 'endsAt'),
    place: text(data, 'place'),
    template: text(data, 'template'),
    description: text(data, 'description'),
    state: (processStates as readonly string[]).includes(state) ? (state as ProcessState) : 'open',
    contacts: [],
    file: null,
  };
}

export function linkedContactIds(data: Data | undefined): number[] {
  const value = data?.contactIds;
  return Array.isArray(value) ? value : [];
}

function toInput(kind: ContentKind, draft: Draft, file: ChosenFile | null): ContentInput {
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
function documentType(file: File): keyof typeof documentTypes | null {
  if (Object.hasOwn(documentTypes, file.type)) return file.type as keyof typeof documentTypes;
  const extension = /\.[^.]+$/.exec(file.name.toLowerCase())?.[0];
  const normalized = extension === '.jpeg' ? '.jpg' : extension;
  const match = Object.entries(documentTypes).find(([, ext]) => ext === normalized);
  return match ? (match[0] as keyof typeof documentTypes) : null;
}

function readBase64(file: File): Promise<string> {
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

/** Placeholders in a template that SmartPost does not know, e.g. `{{strasse}}`. */
function unknownPlaceholders(template: string): string[] {
  const known: readonly string[] = smartPostPlaceholders;
  return [...template.matchAll(/\{\{\s*([^}\s]*)\s*\}\}/g)]
    .map((match) => match[1] ?? '')
    .filter((name) => !known.includes(name));
}

/** Where a refusal of the core belongs in the form. */
const fieldOfPath: Record<string, string> = {
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

function fieldOf(error: AppError): string | null {
  const path = typeof error.params.field === 'string' ? error.params.field.replace(/^input\./, '') : '';
  const field = fieldOfPath[path] ?? path;
  if (formFields.includes(field)) return field;
  return fieldOfCode[error.code] ?? null;
}

/**
 * Create or edit one content item: Mitteilung, Termin, Dokument, SmartPost or Vorgang. The kind is
 * fixed once created.
 */
export function ContentForm({
  kind,
  content,
  onSubmit,
  onClose,
}: {
  kind: ContentKind;
  content?: ContentDetail;
  onSubmit(input: ContentInput): Promise<Result<ContentDetail>>;
  onClose(): void;
}) {
  const { t } = useTranslation();
  useReturnFocus();
  const propertyOptions = usePropertyOptions();
  const [draft, setDraft] = useState<Draft>(() => toDraft(content));
  const [contactsTouched, setContactsTouched] = useState(false);
  const [chosenFile, setChosenFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // A process's linked contacts arrive by id; their names are looked up once.
  const linkedIds = kind === 'process' ? linkedContactIds(content?.data) : [];
  const linkedNames = useContactNames(linkedIds);
  const contacts = contactsTouched
    ? draft.contacts
    : linkedIds.map((id) => ({ id, displayName: linkedNames.get(id) ?? `#${id}` }));

  const change = (patch: Partial<Draft>) => {
    setDraft((previous) => ({ ...previous, ...patch }));
    setFormError(null);
  };
  const textProps = (
    field: 'title' | 'text' | 'place' | 'template' | 'description' | 'startsAt' | 'endsAt',
  ) => ({
    label: t(`content.fields.${field}`),
    value: draft[field],
    error: errors[field],
    onChange: (event: { currentTarget: { value: string } }) => {
      change({ [field]: event.currentTarget.value });
      setErrors({ ...errors, [field]: '' });
    },
  });

  const existingFile =
    kind === 'document' && content
      ? { fileName: text(content.data, 'fileName'), size: Number(content.data.size ?? 0) }
      : null;

  async function chooseFile(file: File | null) {
    setChosenFile(file);
    setErrors({ ...errors, file: '' });
    if (!file) return change({ file: null });
    if (file.size > MAX_DOCUMENT_BYTES) {
      setErrors({ ...errors, file: t('errors.FILE_TOO_LARGE') });
      return change({ file: null });
    }
    const mimeType = documentType(file);
    if (!mimeType) {
      setErrors({ ...errors, file: t('errors.UNSUPPORTED_FILE_TYPE') });
      return change({ file: null });
    }
    try {
      const dataBase64 = await readBase64(file);
      change({ file: { fileName: file.name, mimeType, size: file.size, dataBase64 } });
    } catch {
      setErrors({ ...errors, file: t('content.form.fileUnreadable') });
      change({ file: null });
    }
  }

  async function submit() {
    const current = { ...draft, contacts };
    const invalid = fieldErrors(contentInputSchema, toInput(kind, current, current.file ?? placeholderFile));
    if (kind === 'document' && !current.file && !content) invalid.file = t('errors.REQUIRED');
    if (kind === 'appointment' && !invalid.startsAt && !invalid.endsAt && current.endsAt < current.startsAt)
      invalid.endsAt = t('errors.INVALID_TIME_RANGE');
    if (kind === 'smartpost' && !invalid.template) {
      const [unknown] = unknownPlaceholders(current.template);
      if (unknown !== undefined)
        invalid.template = t('errors.UNKNOWN_PLACEHOLDER', { placeholder: `{{${unknown}}}` });
    }
    for (const [path, field] of Object.entries(fieldOfPath)) {
      if (invalid[path] && !invalid[field]) invalid[field] = invalid[path];
    }
    setErrors(invalid);
    if (Object.values(invalid).some(Boolean)) return;

    setBusy(true);
    // Editing a document without choosing a new file keeps the stored one (empty bytes).
    const file =
      current.file ??
      (kind === 'document' && content
        ? {
            fileName: text(content.data, 'fileName'),
            mimeType: text(content.data, 'mimeType') as keyof typeof documentTypes,
            size: 0,
            dataBase64: '',
          }
        : null);
    const result = await onSubmit(toInput(kind, current, file));
    setBusy(false);
    if (result.ok) return onClose();
    const field = fieldOf(result.error);
    if (field) setErrors({ [field]: errorMessage(result.error) });
    else setFormError(errorMessage(result.error));
  }

  const propertySelect = (
    <Select
      label={t('content.fields.property')}
      description={t('content.form.propertyHint')}
      placeholder={t('content.form.noProperty')}
      data={propertyOptions}
      value={draft.propertyId}
      error={errors.propertyId}
      searchable
      clearable
      onChange={(propertyId) => change({ propertyId })}
    />
  );

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      centered
      title={t(content ? `content.form.editTitle.${kind}` : `content.new.${kind}`)}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <TextInput {...textProps('title')} withAsterisk data-autofocus maxLength={200} />
          {kind === 'announcement' && (
            <>
              {propertySelect}
              <Textarea {...textProps('text')} withAsterisk autosize minRows={5} maxRows={14} />
            </>
          )}
          {kind === 'appointment' && (
            <>
              <SimpleGrid cols={2}>
                <TextInput {...textProps('startsAt')} type="datetime-local" withAsterisk />
                <TextInput {...textProps('endsAt')} type="datetime-local" withAsterisk />
              </SimpleGrid>
              <TextInput {...textProps('place')} maxLength={200} />
              {propertySelect}
              <Textarea {...textProps('text')} autosize minRows={3} maxRows={10} />
            </>
          )}
          {kind === 'document' && (
            <>
              {propertySelect}
              <FileInput
                label={t('content.fields.file')}
                description={t('content.form.fileHint', {
                  types: documentTypeList,
                  max: formatBytes(MAX_DOCUMENT_BYTES),
                })}
                placeholder={
                  existingFile
                    ? t('content.form.keepFile', { name: existingFile.fileName })
                    : t('content.form.chooseFile')
                }
                accept={[...Object.keys(documentTypes), ...Object.values(documentTypes), '.jpeg'].join(',')}
                value={chosenFile}
                clearable
                withAsterisk={!content}
                error={errors.file}
                onChange={(file) => void chooseFile(file)}
              />
              {draft.file && (
                <Text size="sm" c="dimmed" data-testid="content-file-info">
                  {t('content.form.fileInfo', {
                    name: draft.file.fileName,
                    size: formatBytes(draft.file.size),
                  })}
                </Text>
              )}
            </>
          )}
          {kind === 'smartpost' && (
            <>
              {propertySelect}
              <Textarea
                {...textProps('template')}
                withAsterisk
                autosize
                minRows={8}
                maxRows={18}
                description={
                  <>
                    {t('content.form.placeholderHint')}{' '}
                    {smartPostPlaceholders.map((name, index) => (
                      <span key={name}>
                        {index > 0 && ' '}
                        <Code>{`{{${name}}}`}</Code>
                      </span>
                    ))}
                  </>
                }
              />
            </>
          )}
          {kind === 'process' && (
            <>
              {propertySelect}
              <Textarea {...textProps('description')} autosize minRows={3} maxRows={10} />
              <Radio.Group
                label={t('content.fields.state')}
                value={draft.state}
                onChange={(state) => change({ state: state as ProcessState })}
              >
                <Group mt={4}>
                  {processStates.map((state) => (
                    <Radio key={state} value={state} label={t(`content.state.${state}`)} />
                  ))}
                </Group>
              </Radio.Group>
              <ContactPicker
                label={t('content.fields.contacts')}
                description={t('content.form.contactsHint')}
                placeholder={t('sharing.contactsPlaceholder')}
                value={contacts}
                error={errors.contacts}
                onChange={(picked) => {
                  setContactsTouched(true);
                  change({ contacts: picked });
                }}
              />
            </>
          )}
          {formError && <Alert color="red">{formError}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('content.form.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('content.form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Stands in for a stored file while validating the other fields of an edited document. */
const placeholderFile: ChosenFile = { fileName: 'x', mimeType: 'application/pdf', size: 0, dataBase64: '' };
