import { useId, useState, type FormEvent } from 'react';
import { Alert, Button, Card, Grid, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/errors';
import type { Organisation } from '../../../../shared/ipc';
import { notifySuccess } from '../common/notify';
import { errorMessage } from '../../i18n';
import { useChannelMutation } from '../../api/queries';
import {
  fieldOfError,
  toOrganisationDraft,
  toOrganisationInput,
  validateOrganisation,
  type OrganisationDraft,
} from './mailForms';

const fields = ['name', 'street', 'postcode', 'city', 'portalUrl'] as const;

/** The Hausverwaltung: letter head, e-mail signature and the portal address in every invitation. */
export function OrganisationCard({ saved }: { saved: Organisation }) {
  const { t } = useTranslation();
  const headingId = useId();
  const saveOrganisation = useChannelMutation('organisation.update');
  const [draft, setDraft] = useState<OrganisationDraft>(() => toOrganisationDraft(saved));
  const [submitted, setSubmitted] = useState(false);
  const [serverError, setServerError] = useState<{ field: string | null; error: AppError } | null>(null);
  const [busy, setBusy] = useState(false);

  const errors = submitted ? validateOrganisation(draft) : {};
  const dirty = JSON.stringify(draft) !== JSON.stringify(toOrganisationDraft(saved));
  const fieldError = (field: string): string | undefined => {
    if (errors[field]) return errors[field];
    if (serverError?.field === field) return errorMessage(serverError.error);
    return undefined;
  };
  const change = (patch: Partial<OrganisationDraft>) => {
    setDraft({ ...draft, ...patch });
    setServerError(null);
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(validateOrganisation(draft)).length > 0) return;
    setBusy(true);
    const result = await saveOrganisation.mutateAsync(toOrganisationInput(draft));
    setBusy(false);
    if (!result.ok) return setServerError({ field: fieldOfError(result.error, fields), error: result.error });
    setDraft(toOrganisationDraft(result.value));
    setSubmitted(false);
    notifySuccess(t('mail.organisation.saved'));
  }

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId}>
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h4" id={headingId}>
            {t('mail.organisation.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('mail.organisation.description')}
          </Text>
          <TextInput
            label={t('mail.organisation.name')}
            withAsterisk
            maxLength={120}
            value={draft.name}
            error={fieldError('name')}
            onChange={(event) => change({ name: event.currentTarget.value })}
          />
          <TextInput
            label={t('mail.organisation.street')}
            maxLength={120}
            value={draft.street}
            error={fieldError('street')}
            onChange={(event) => change({ street: event.currentTarget.value })}
          />
          <Grid gap="sm">
            <Grid.Col span={4}>
              <TextInput
                label={t('mail.organisation.postcode')}
                inputMode="numeric"
                maxLength={10}
                value={draft.postcode}
                error={fieldError('postcode')}
                onChange={(event) => change({ postcode: event.currentTarget.value })}
              />
            </Grid.Col>
            <Grid.Col span={8}>
              <TextInput
                label={t('mail.organisation.city')}
                maxLength={80}
                value={draft.city}
                error={fieldError('city')}
                onChange={(event) => change({ city: event.currentTarget.value })}
              />
            </Grid.Col>
          </Grid>
          <TextInput
            label={t('mail.organisation.portalUrl')}
            description={t('mail.organisation.portalUrlHint')}
            placeholder="https://portal.example.de"
            withAsterisk
            type="url"
            maxLength={300}
            value={draft.portalUrl}
            error={fieldError('portalUrl')}
            onChange={(event) => change({ portalUrl: event.currentTarget.value })}
          />
          {serverError && serverError.field === null && (
            <Alert color="red">{errorMessage(serverError.error)}</Alert>
          )}
          <Group>
            <Button type="submit" loading={busy} disabled={!dirty}>
              {t('mail.organisation.save')}
            </Button>
            {dirty && (
              <Button variant="default" onClick={() => setDraft(toOrganisationDraft(saved))}>
                {t('app.discard')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
