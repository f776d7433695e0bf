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
  processStates,
  type ContentDetail,
  type ContentInput,
  type ContentKind,
  type ProcessState,
} from '../../../../shared/contract/content';
import type { Result } from '../../../../shared/errors';
import { smartPostPlaceholders, unknownPlaceholder } from '../../../../shared/smartPost';
import { errorMessage, formatBytes } from '../../i18n';
import { fieldErrors } from '../common/fieldErrors';
import { useContactNames, usePropertyOptions } from '../common/options';
import { useReturnFocus } from '../common/useReturnFocus';
import { ContactPicker } from '../sharing/ContactPicker';
import {
  documentType,
  fieldOf,
  fieldOfPath,
  keptFile,
  linkedContactIds,
  placeholderFile,
  readBase64,
  toDraft,
  toInput,
  type Draft,
} from './contentDraft';
import { documentTypeList } from './format';

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
  const linkedIds = linkedContactIds(content);
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

  const storedFile = keptFile(content);

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
      const placeholder = unknownPlaceholder(current.template);
      if (placeholder !== null) invalid.template = t('errors.UNKNOWN_PLACEHOLDER', { placeholder });
    }
    for (const [path, field] of Object.entries(fieldOfPath)) {
      if (invalid[path] && !invalid[field]) invalid[field] = invalid[path];
    }
    setErrors(invalid);
    if (Object.values(invalid).some(Boolean)) return;

    setBusy(true);
    // Editing a document without choosing a new file keeps the stored one (empty bytes).
    const file = current.file ?? storedFile;
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
                  storedFile
                    ? t('content.form.keepFile', { name: storedFile.fileName })
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
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('app.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
