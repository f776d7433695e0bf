import { useState } from 'react';
import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { contractInputSchema } from '../../../../shared/contract/portfolio';
import type { Result } from '../../../../shared/errors';
import type { ContractInput, ContractView } from '../../../../shared/ipc';
import { errorForField, fieldErrors } from '../common/fieldErrors';
import { useReturnFocus } from '../common/useReturnFocus';
import { FormFooter } from '../common/FormFooter';
import { usePropertyOptions, useUnitOptions } from '../common/options';

interface Draft {
  propertyId: string | null;
  unitId: string | null;
  type: 'tenant' | 'owner';
  number: string;
  start: string;
  end: string;
}

/** Add or edit a contract: Liegenschaft, Einheit, Vertragstyp, Vertragsnummer, Vertragsbeginn, Vertragsende. */
export function ContractForm({
  contactId,
  contract,
  onSubmit,
  onClose,
}: {
  contactId: number;
  contract?: ContractView;
  onSubmit(input: ContractInput): Promise<Result<unknown>>;
  onClose(): void;
}) {
  const { t } = useTranslation();
  useReturnFocus();
  const [draft, setDraft] = useState<Draft>({
    propertyId: contract ? String(contract.propertyId) : null,
    unitId: contract ? String(contract.unitId) : null,
    type: contract?.type ?? 'tenant',
    number: contract?.number ?? '',
    start: contract?.start ?? '',
    end: contract?.end ?? '',
  });
  const propertyOptions = usePropertyOptions();
  const unitOptions = useUnitOptions(draft.propertyId === null ? null : Number(draft.propertyId));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const input = (): ContractInput => ({
    contactId,
    unitId: Number(draft.unitId ?? 0),
    type: draft.type,
    number: draft.number,
    start: draft.start,
    end: draft.end === '' ? null : draft.end,
  });

  async function submit() {
    const invalid = fieldErrors(contractInputSchema, input());
    if (draft.unitId === null) invalid.unitId = t('errors.REQUIRED');
    setErrors(invalid);
    if (Object.keys(invalid).length > 0) return;
    setBusy(true);
    const result = await onSubmit(input());
    setBusy(false);
    if (result.ok) onClose();
    else setErrors(errorForField(result.error, result.error.code === 'END_BEFORE_START' ? 'end' : 'unitId'));
  }

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      centered
      title={t(contract ? 'contract.edit' : 'contract.create')}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <SimpleGrid cols={2}>
            <Select
              label={t('contract.fields.property')}
              data={propertyOptions}
              value={draft.propertyId}
              searchable
              onChange={(propertyId) => setDraft({ ...draft, propertyId, unitId: null })}
            />
            <Select
              label={t('contract.fields.unit')}
              data={unitOptions}
              value={draft.unitId}
              disabled={draft.propertyId === null}
              searchable
              error={errors.unitId}
              onChange={(unitId) => setDraft({ ...draft, unitId })}
            />
            <Select
              label={t('contract.fields.type')}
              allowDeselect={false}
              data={[
                { value: 'tenant', label: t('contract.type.tenant') },
                { value: 'owner', label: t('contract.type.owner') },
              ]}
              value={draft.type}
              onChange={(type) => type && setDraft({ ...draft, type: type as Draft['type'] })}
            />
            <TextInput
              label={t('contract.fields.number')}
              value={draft.number}
              error={errors.number}
              onChange={(event) => setDraft({ ...draft, number: event.currentTarget.value })}
            />
            <TextInput
              type="date"
              label={t('contract.fields.start')}
              value={draft.start}
              error={errors.start}
              onChange={(event) => setDraft({ ...draft, start: event.currentTarget.value })}
            />
            <TextInput
              type="date"
              label={t('contract.fields.end')}
              description={t('contract.endHint')}
              value={draft.end}
              error={errors.end}
              onChange={(event) => setDraft({ ...draft, end: event.currentTarget.value })}
            />
          </SimpleGrid>
          <FormFooter busy={busy} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Ends a contract on a chosen day (default today). */
export function EndContractForm({
  contract,
  today,
  onSubmit,
  onClose,
}: {
  contract: ContractView;
  today: string;
  onSubmit(end: string): Promise<Result<unknown>>;
  onClose(): void;
}) {
  const { t } = useTranslation();
  useReturnFocus();
  const [end, setEnd] = useState(today);
  const [error, setError] = useState<string | undefined>();
  async function submit() {
    const result = await onSubmit(end);
    if (result.ok) onClose();
    else setError(t(`errors.${result.error.code}`, result.error.params));
  }
  return (
    <Modal opened onClose={onClose} centered title={t('contract.endTitle', { number: contract.number })}>
      <Stack>
        <TextInput
          type="date"
          label={t('contract.fields.end')}
          value={end}
          error={error}
          onChange={(event) => setEnd(event.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          <Button color="orange" onClick={() => void submit()}>
            {t('contract.end')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
