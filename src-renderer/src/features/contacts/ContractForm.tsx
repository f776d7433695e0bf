import { useState } from 'react';
import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { contractInputSchema } from '../../../../shared/contract/portfolio';
import type { Result } from '../../../../shared/errors';
import type { ContractInput, ContractView } from '../../../../shared/ipc';
import { errorForField, fieldErrors } from '../common/fieldErrors';
import { useReturnFocus } from '../common/useReturnFocus';
import { DateField } from '../common/DateField';
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
    if (draft.start === '') invalid.start = t('contract.startRequired');
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
              withAsterisk
              data={propertyOptions}
              value={draft.propertyId}
              searchable
              onChange={(propertyId) => setDraft({ ...draft, propertyId, unitId: null })}
            />
            <Select
              label={t('contract.fields.unit')}
              withAsterisk
              data={unitOptions}
              value={draft.unitId}
              disabled={draft.propertyId === null}
              searchable
              error={errors.unitId}
              onChange={(unitId) => setDraft({ ...draft, unitId })}
            />
            <Select
              label={t('contract.fields.type')}
              withAsterisk
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
              withAsterisk
              value={draft.number}
              error={errors.number}
              onChange={(event) => setDraft({ ...draft, number: event.currentTarget.value })}
            />
            <DateField
              label={t('contract.fields.start')}
              withAsterisk
              value={draft.start}
              error={errors.start}
              onChange={(start) => setDraft({ ...draft, start })}
            />
            <DateField
              label={t('contract.fields.end')}
              description={t('contract.endHint')}
              clearable
              value={draft.end}
              error={errors.end}
              onChange={(end) => setDraft({ ...draft, end })}
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
        <DateField
          label={t('contract.fields.end')}
          withAsterisk
          value={end}
          error={error}
          onChange={setEnd}
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
