import { useState } from 'react';
import { Alert, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { dataProtectionSettingsSchema } from '../../../../shared/contract/dataProtection';
import type { DataProtectionSettings } from '../../../../shared/ipc';
import { useChannelMutation } from '../../api/queries';
import { errorForField, fieldErrors } from '../common/fieldErrors';
import { notifySuccess } from '../common/notify';
import { useUnsavedChanges } from '../common/unsavedChanges';
import { useCandidateSelection } from './candidateSelection';

/** Months of one Betriebskostenabrechnung: contacts of an ended contract are needed at least this long. */
const BILLING_PERIOD_MONTHS = 12;

/** Aufbewahrungsfrist (Monate): checked with the contract's schema while typing, saved on demand. */
export function RetentionCard({ saved }: { saved: DataProtectionSettings }) {
  const { t } = useTranslation();
  const saveSettings = useChannelMutation('dataProtection.updateSettings');
  const clearSelection = useCandidateSelection((state) => state.clear);
  const [draft, setDraft] = useState(String(saved.retentionMonths));
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const next = { retentionMonths: draft.trim() === '' ? Number.NaN : Number(draft) };
  const error = fieldErrors(dataProtectionSettingsSchema, next).retentionMonths ?? refusal ?? undefined;
  const dirty = next.retentionMonths !== saved.retentionMonths;
  useUnsavedChanges(dirty);
  // The Betriebskostenabrechnung covers twelve months: a shorter period anonymises contacts it still needs.
  const shortPeriod = error === undefined && next.retentionMonths < BILLING_PERIOD_MONTHS;

  async function onSave() {
    setBusy(true);
    const result = await saveSettings.mutateAsync(next);
    setBusy(false);
    if (result.ok) {
      // Another period lists other candidates: a selection made under the old one is void.
      clearSelection();
      notifySuccess(t('dataProtection.retention.saved'));
    } else setRefusal(errorForField(result.error, 'retentionMonths').retentionMonths ?? null);
  }

  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Title order={3}>{t('dataProtection.retention.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('dataProtection.retention.description')}
        </Text>
        <TextInput
          label={t('dataProtection.retention.label')}
          description={t('dataProtection.retention.hint')}
          inputMode="numeric"
          w={260}
          value={draft}
          error={error}
          onChange={(event) => {
            setDraft(event.currentTarget.value);
            setRefusal(null);
          }}
        />
        {shortPeriod && (
          <Alert color="yellow" data-testid="retention-short">
            {t('dataProtection.retention.shortWarning', { months: BILLING_PERIOD_MONTHS })}
          </Alert>
        )}
        <Group>
          <Button onClick={() => void onSave()} loading={busy} disabled={!dirty || error !== undefined}>
            {t('app.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
