import { useState, type FormEvent } from 'react';
import { Group, Modal, Radio, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/errors';
import type { UnitView } from '../../../../shared/ipc';
import { errorMessage } from '../../i18n';
import { useChannelMutation } from '../../api/queries';
import { FormFooter } from '../common/FormFooter';
import { fieldOfError, toUnitDraft, toUnitInput, validateUnit, type UnitDraft } from './forms';
import { useReturnFocus } from '../common/useReturnFocus';

interface Props {
  propertyId: number;
  /** The unit to edit; null to create a new one. */
  unit: UnitView | null;
  onClose(): void;
  onSaved(unit: UnitView): void;
}

const formFields = ['name', 'number', 'usage', 'referenceId'] as const;

/** "Einheit anlegen" / "Einheit … bearbeiten": name, number, usage (Wohnen/Gewerbe), reference id. */
export function UnitFormModal({ propertyId, unit, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  useReturnFocus();
  const createUnit = useChannelMutation('units.create');
  const updateUnit = useChannelMutation('units.update');
  const [draft, setDraft] = useState<UnitDraft>(() => toUnitDraft(unit));
  const [submitted, setSubmitted] = useState(false);
  const [serverError, setServerError] = useState<{ field: string | null; error: AppError } | null>(null);
  const [busy, setBusy] = useState(false);

  const errors = submitted ? validateUnit(propertyId, draft) : {};
  const fieldError = (field: string): string | undefined => {
    if (errors[field]) return errors[field];
    if (serverError?.field === field) return errorMessage(serverError.error);
    return undefined;
  };
  const change = (patch: Partial<UnitDraft>) => {
    setDraft({ ...draft, ...patch });
    setServerError(null);
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(validateUnit(propertyId, draft)).length > 0) return;
    setBusy(true);
    const input = toUnitInput(propertyId, draft);
    const result = unit
      ? await updateUnit.mutateAsync({ ...input, id: unit.id })
      : await createUnit.mutateAsync(input);
    setBusy(false);
    if (result.ok) return onSaved(result.value);
    setServerError({
      field: fieldOfError(result.error, formFields, {
        DUPLICATE_UNIT_NUMBER: 'number',
        DUPLICATE_REFERENCE_ID: 'referenceId',
      }),
      error: result.error,
    });
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={
        unit
          ? t('properties.unitForm.editTitle', { number: unit.number })
          : t('properties.unitForm.createTitle')
      }
      centered
    >
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('properties.unitForm.number')}
            placeholder={t('properties.unitForm.numberPlaceholder')}
            withAsterisk
            data-autofocus
            maxLength={20}
            value={draft.number}
            error={fieldError('number')}
            onChange={(event) => change({ number: event.currentTarget.value })}
          />
          <TextInput
            label={t('properties.unitForm.name')}
            placeholder={t('properties.unitForm.namePlaceholder')}
            withAsterisk
            maxLength={80}
            value={draft.name}
            error={fieldError('name')}
            onChange={(event) => change({ name: event.currentTarget.value })}
          />
          <Radio.Group
            label={t('properties.unitForm.usage')}
            withAsterisk
            value={draft.usage}
            error={fieldError('usage')}
            onChange={(value) => change({ usage: value === 'commercial' ? 'commercial' : 'private' })}
          >
            <Group mt="xs">
              <Radio value="private" label={t('properties.usage.private')} />
              <Radio value="commercial" label={t('properties.usage.commercial')} />
            </Group>
          </Radio.Group>
          <TextInput
            label={t('properties.unitForm.referenceId')}
            description={t('properties.unitForm.referenceIdHint')}
            maxLength={40}
            value={draft.referenceId}
            error={fieldError('referenceId')}
            onChange={(event) => change({ referenceId: event.currentTarget.value })}
          />
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
