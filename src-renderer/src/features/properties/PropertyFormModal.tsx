import { useState, type FormEvent } from 'react';
import { Button, Fieldset, Grid, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/errors';
import type { PropertyDetail } from '../../../../shared/ipc';
import { errorMessage } from '../../i18n';
import { useChannelMutation } from '../../api/queries';
import { FormFooter } from '../common/FormFooter';
import {
  emptyAddress,
  fieldOfError,
  toPropertyDraft,
  toPropertyInput,
  validateProperty,
  type AddressDraft,
  type PropertyDraft,
} from './forms';
import { useReturnFocus } from '../common/useReturnFocus';

interface Props {
  /** The property to edit; null to create a new one. */
  property: PropertyDetail | null;
  onClose(): void;
  onSaved(property: PropertyDetail): void;
}

const MAX_ADDRESSES = 20;
const addressFields = ['street', 'houseNo', 'postcode', 'city'] as const;

function isFormField(field: string): boolean {
  return (
    field === 'name' ||
    field === 'referenceId' ||
    /^addresses\.\d+\.(street|houseNo|postcode|city)$/.test(field)
  );
}

/** "Liegenschaft anlegen" / "Liegenschaft bearbeiten": name, reference id and one or more addresses. */
export function PropertyFormModal({ property, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  useReturnFocus();
  const createProperty = useChannelMutation('properties.create');
  const updateProperty = useChannelMutation('properties.update');
  const [draft, setDraft] = useState<PropertyDraft>(() => toPropertyDraft(property));
  const [submitted, setSubmitted] = useState(false);
  const [serverError, setServerError] = useState<{ field: string | null; error: AppError } | null>(null);
  const [busy, setBusy] = useState(false);

  const errors = submitted ? validateProperty(draft) : {};
  const fieldError = (field: string): string | undefined => {
    if (errors[field]) return errors[field];
    if (serverError?.field === field) return errorMessage(serverError.error);
    return undefined;
  };

  const change = (next: PropertyDraft) => {
    setDraft(next);
    setServerError(null);
  };
  const changeAddress = (index: number, patch: Partial<AddressDraft>) =>
    change({
      ...draft,
      addresses: draft.addresses.map((address, i) => (i === index ? { ...address, ...patch } : address)),
    });

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(validateProperty(draft)).length > 0) return;
    setBusy(true);
    const input = toPropertyInput(draft);
    const result = property
      ? await updateProperty.mutateAsync({ ...input, id: property.id })
      : await createProperty.mutateAsync(input);
    setBusy(false);
    if (result.ok) return onSaved(result.value);
    setServerError({
      field: fieldOfError(result.error, isFormField, { DUPLICATE_REFERENCE_ID: 'referenceId' }),
      error: result.error,
    });
  }

  const addressLegend = (index: number) =>
    index === 0
      ? t('properties.form.mainAddress', { number: index + 1 })
      : t('properties.form.address', { number: index + 1 });

  return (
    <Modal
      opened
      onClose={onClose}
      title={t(property ? 'properties.form.editTitle' : 'properties.form.createTitle')}
      size="lg"
      centered
    >
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('properties.form.name')}
            placeholder={t('properties.form.namePlaceholder')}
            withAsterisk
            data-autofocus
            maxLength={120}
            value={draft.name}
            error={fieldError('name')}
            onChange={(event) => change({ ...draft, name: event.currentTarget.value })}
          />
          <TextInput
            label={t('properties.form.referenceId')}
            description={t('properties.form.referenceIdHint')}
            maxLength={40}
            value={draft.referenceId}
            error={fieldError('referenceId')}
            onChange={(event) => change({ ...draft, referenceId: event.currentTarget.value })}
          />
          {draft.addresses.map((address, index) => (
            <Fieldset key={address.key} legend={addressLegend(index)}>
              <Grid gap="sm">
                {addressFields.map((field) => (
                  <Grid.Col key={field} span={field === 'street' || field === 'city' ? 8 : 4}>
                    <TextInput
                      label={t(`properties.form.${field}`)}
                      withAsterisk
                      inputMode={field === 'postcode' ? 'numeric' : undefined}
                      maxLength={field === 'postcode' ? 5 : field === 'houseNo' ? 20 : 120}
                      value={address[field]}
                      error={fieldError(`addresses.${index}.${field}`)}
                      onChange={(event) => changeAddress(index, { [field]: event.currentTarget.value })}
                    />
                  </Grid.Col>
                ))}
              </Grid>
              {draft.addresses.length > 1 && (
                <Group justify="flex-end" mt="sm">
                  <Button
                    variant="subtle"
                    color="red"
                    size="xs"
                    onClick={() =>
                      change({ ...draft, addresses: draft.addresses.filter((_, i) => i !== index) })
                    }
                  >
                    {t('properties.form.removeAddress', { number: index + 1 })}
                  </Button>
                </Group>
              )}
            </Fieldset>
          ))}
          {draft.addresses.length < MAX_ADDRESSES && (
            <Group>
              <Button
                variant="light"
                size="xs"
                onClick={() => change({ ...draft, addresses: [...draft.addresses, emptyAddress()] })}
              >
                {t('properties.form.addAddress')}
              </Button>
            </Group>
          )}
          <FormFooter
            formError={serverError?.field === null ? serverError.error : null}
            busy={busy}
            onCancel={onClose}
          />
        </Stack>
      </form>
    </Modal>
  );
}
