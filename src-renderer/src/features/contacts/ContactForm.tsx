import { useState } from 'react';
import { Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { languageOptions } from '../../i18n';
import { contactInputSchema } from '../../../../shared/contract/portfolio';
import type { Result } from '../../../../shared/errors';
import type { Contact, ContactInput } from '../../../../shared/ipc';
import { errorForField, fieldErrors } from '../common/fieldErrors';
import { useReturnFocus } from '../common/useReturnFocus';
import { FormFooter } from '../common/FormFooter';

type Draft = Record<Exclude<keyof ContactInput, 'salutation' | 'language' | 'preference'>, string> &
  Pick<ContactInput, 'salutation' | 'language' | 'preference'>;

const textFields = [
  'title',
  'firstName',
  'lastName',
  'company',
  'email',
  'phone',
  'referenceId',
  'street',
  'houseNo',
  'postcode',
  'city',
  'note',
] as const;

function toDraft(contact?: Contact): Draft {
  const draft = { salutation: 'none', language: 'de', preference: 'online' } as Draft;
  for (const field of textFields) draft[field] = contact?.[field] ?? '';
  if (contact)
    Object.assign(draft, {
      salutation: contact.salutation,
      language: contact.language,
      preference: contact.preference,
    });
  return draft;
}

/** Create or edit a contact's master data (Stammdaten). */
export function ContactForm({
  contact,
  onSubmit,
  onClose,
}: {
  contact?: Contact;
  onSubmit(input: ContactInput): Promise<Result<unknown>>;
  onClose(): void;
}) {
  const { t } = useTranslation();
  useReturnFocus();
  const [draft, setDraft] = useState<Draft>(() => toDraft(contact));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const text = (field: (typeof textFields)[number], required = false) => ({
    label: t(`contact.fields.${field}`),
    value: draft[field],
    error: errors[field],
    withAsterisk: required,
    onChange: (event: { currentTarget: { value: string } }) =>
      setDraft({ ...draft, [field]: event.currentTarget.value }),
  });

  async function submit() {
    const invalid = fieldErrors(contactInputSchema, draft);
    setErrors(invalid);
    if (Object.keys(invalid).length > 0) return;
    setBusy(true);
    const result = await onSubmit(draft);
    setBusy(false);
    if (result.ok) onClose();
    else setErrors(errorForField(result.error, 'lastName'));
  }

  return (
    <Modal opened onClose={onClose} size="xl" centered title={t(contact ? 'contact.edit' : 'contact.create')}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <SimpleGrid cols={3}>
            <Select
              label={t('contact.fields.salutation')}
              value={draft.salutation}
              allowDeselect={false}
              data={(['none', 'ms', 'mr', 'mx', 'couple', 'family', 'company'] as const).map((value) => ({
                value,
                label: t(`contact.salutation.${value}`),
              }))}
              onChange={(value) => value && setDraft({ ...draft, salutation: value as Draft['salutation'] })}
            />
            <TextInput {...text('title')} />
            <TextInput {...text('referenceId', true)} />
            <TextInput {...text('firstName')} />
            <TextInput {...text('lastName', true)} />
            <TextInput {...text('company')} />
            <TextInput {...text('email')} type="email" />
            <TextInput {...text('phone')} />
            <Select
              label={t('contact.fields.language')}
              value={draft.language}
              allowDeselect={false}
              data={languageOptions}
              onChange={(value) => value && setDraft({ ...draft, language: value as Draft['language'] })}
            />
            <Select
              label={t('contact.fields.preference')}
              value={draft.preference}
              allowDeselect={false}
              data={[
                { value: 'online', label: t('contact.preference.online') },
                { value: 'postal', label: t('contact.preference.postal') },
              ]}
              onChange={(value) => value && setDraft({ ...draft, preference: value as Draft['preference'] })}
            />
            <TextInput {...text('street')} />
            <TextInput {...text('houseNo')} />
            <TextInput {...text('postcode')} />
            <TextInput {...text('city')} />
          </SimpleGrid>
          <Textarea {...text('note')} autosize minRows={2} />
          <FormFooter busy={busy} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
