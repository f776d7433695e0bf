import { useState } from 'react';
import { Alert, Button, Card, Group, Stack, Switch, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { AccessSettings, SettingsImpact } from '../../../../shared/domain';
import { errorMessage } from '../../i18n';
import { useChannelFetch, useChannelMutation, useChannelQuery } from '../../api/queries';
import { AutomationCard } from '../automation/AutomationCard';
import { PageHeader } from '../common/PageHeader';
import { useUnsavedChanges } from '../common/unsavedChanges';
import { ImpactConfirmation } from './ImpactConfirmation';
import { extendsPostContractAccess, fromDraft, toDraft, type SettingsDraft } from './settingsForm';

interface Pending {
  settings: AccessSettings;
  kind: 'on' | 'longer';
  impact: SettingsImpact;
}

interface WindowCardProps {
  id: 'pre' | 'post';
  enabled: boolean;
  days: string;
  error: string | undefined;
  onToggle(enabled: boolean): void;
  onDays(days: string): void;
}

function WindowCard({ id, enabled, days, error, onToggle, onDays }: WindowCardProps) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" data-testid={`window-${id}`}>
      <Stack gap="sm">
        <Switch
          size="md"
          checked={enabled}
          onChange={(event) => onToggle(event.currentTarget.checked)}
          label={<Text fw={600}>{t(`settings.${id}.label`)}</Text>}
          description={t(`settings.${id}.description`)}
        />
        <TextInput
          label={t('settings.days')}
          description={t('settings.daysHint')}
          inputMode="numeric"
          w={220}
          value={days}
          disabled={!enabled}
          error={error}
          onChange={(event) => onDays(event.currentTarget.value)}
        />
        {enabled && (
          <Text size="sm" c="dimmed">
            {t('settings.individualOnly')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/** Administration › Kundenportal › Rollen & Zugriffsrechte. */
export function AccessSettingsPage() {
  const { t } = useTranslation();
  const { data: saved, error: loadError } = useChannelQuery('settings.getAccess', undefined);

  if (loadError) return <Alert color="red">{errorMessage(loadError)}</Alert>;
  if (!saved) return <Text>{t('app.loading')}</Text>;
  // A new saved state starts a fresh form.
  return <AccessSettingsForm key={JSON.stringify(saved)} saved={saved} />;
}

function AccessSettingsForm({ saved }: { saved: AccessSettings }) {
  const { t } = useTranslation();
  const preview = useChannelFetch('settings.previewAccessImpact');
  const save = useChannelMutation('settings.updateAccess');
  const seatsUsed = useChannelQuery('portfolio.overview', undefined).data?.seats.used;
  const [draft, setDraft] = useState<SettingsDraft>(() => toDraft(saved));
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);

  const { settings: next, errors } = fromDraft(draft, saved);
  const invalid = Object.keys(errors).length > 0;
  const dirty = JSON.stringify(toDraft(saved)) !== JSON.stringify(draft);
  const update = (change: Partial<SettingsDraft>) => setDraft({ ...draft, ...change });
  useUnsavedChanges(dirty);

  async function commit(settings: AccessSettings) {
    setBusy(true);
    const result = await save.mutateAsync(settings);
    setBusy(false);
    setPending(null);
    if (result.ok) {
      notifications.show({ color: 'green', message: t('settings.saved') });
    } else {
      notifications.show({ color: 'red', message: errorMessage(result.error) });
    }
  }

  async function onSave() {
    if (invalid) return;
    const kind = extendsPostContractAccess(saved, next);
    if (!kind) return commit(next);
    setBusy(true);
    const impact = await preview(next);
    setBusy(false);
    if (impact.ok) setPending({ settings: next, kind, impact: impact.value });
    else notifications.show({ color: 'red', message: errorMessage(impact.error) });
  }

  return (
    <Stack gap="lg" maw={820}>
      <PageHeader
        crumbs={[t('nav.administration'), t('nav.customerPortal'), t('nav.accessSettings')]}
        title={t('settings.title')}
        intro={t('settings.intro')}
      />

      <WindowCard
        id="pre"
        enabled={draft.preEnabled}
        days={draft.preDays}
        error={errors.preDays && t(`settings.${errors.preDays}`)}
        onToggle={(preEnabled) => update({ preEnabled })}
        onDays={(preDays) => update({ preDays })}
      />
      <WindowCard
        id="post"
        enabled={draft.postEnabled}
        days={draft.postDays}
        error={errors.postDays && t(`settings.${errors.postDays}`)}
        onToggle={(postEnabled) => update({ postEnabled })}
        onDays={(postDays) => update({ postDays })}
      />

      <Card withBorder padding="lg">
        <Stack gap="xs">
          <TextInput
            label={t('settings.quota.label')}
            description={t('settings.quota.description')}
            inputMode="numeric"
            w={220}
            value={draft.quota}
            error={errors.quota && t('settings.quota.invalid')}
            onChange={(event) => update({ quota: event.currentTarget.value })}
          />
          {seatsUsed !== undefined && (
            <Text size="sm" c="dimmed">
              {t('settings.quota.usage', { count: seatsUsed })}
            </Text>
          )}
        </Stack>
      </Card>

      <AutomationCard />

      <Group
        // Sticky at the window's bottom: "Speichern" is in sight at every window height.
        pos="sticky"
        bottom={0}
        py="sm"
        bg="var(--mantine-color-body)"
        style={{ zIndex: 2, borderTop: '1px solid var(--mantine-color-gray-3)' }}
        data-testid="settings-footer"
      >
        <Button onClick={() => void onSave()} disabled={!dirty || invalid} loading={busy}>
          {t('app.save')}
        </Button>
        <Button variant="default" onClick={() => setDraft(toDraft(saved))} disabled={!dirty}>
          {t('app.discard')}
        </Button>
        {!dirty && (
          <Text size="sm" c="dimmed">
            {t('settings.unchanged')}
          </Text>
        )}
      </Group>

      {pending && (
        <ImpactConfirmation
          kind={pending.kind}
          proposed={pending.settings}
          days={pending.settings.postContract.days}
          impact={pending.impact}
          onConfirm={() => void commit(pending.settings)}
          onCancel={() => setPending(null)}
        />
      )}
    </Stack>
  );
}
