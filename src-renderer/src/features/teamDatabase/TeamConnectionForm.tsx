import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import {
  Button,
  Card,
  FileInput,
  Grid,
  Group,
  PasswordInput,
  Radio,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { teamTlsModes } from '../../../../shared/contract/team';
import type { AppError } from '../../../../shared/errors';
import type { TeamSettings } from '../../../../shared/ipc';
import { useChannelMutation } from '../../api/queries';
import { errorMessage, formatDate } from '../../i18n';
import { notifySuccess } from '../common/notify';
import { PortInput } from '../common/PortInput';
import { useUnsavedChanges } from '../common/unsavedChanges';
import { ConnectionReportCard, type TestOutcome } from './ConnectionReportCard';
import { toTeamDraft, toTeamInput, validateTeam, type TeamDraft } from './teamForm';

const fields = ['host', 'port', 'database', 'user', 'password', 'tls', 'caCertificate'] as const;
const fieldOf = (error: AppError): string | null =>
  typeof error.params.field === 'string' && (fields as readonly string[]).includes(error.params.field)
    ? error.params.field
    : null;

/** The connection form: "Verbindung testen" with what is typed, "Speichern" for this desktop. */
export function TeamConnectionForm({ saved }: { saved: TeamSettings }) {
  const { t } = useTranslation();
  const headingId = useId();
  const save = useChannelMutation('team.saveSettings');
  const test = useChannelMutation('team.testConnection', { refetch: false });
  const [draft, setDraft] = useState<TeamDraft>(() => toTeamDraft(saved));
  const [checked, setChecked] = useState(false);
  const [serverError, setServerError] = useState<AppError | null>(null);
  const [outcome, setOutcome] = useState<TestOutcome | null>(null);
  const [busy, setBusy] = useState<'save' | 'test' | null>(null);
  const [chosenFile, setChosenFile] = useState<File | null>(null);

  const errors = checked ? validateTeam(draft, saved) : {};
  const dirty = JSON.stringify(draft) !== JSON.stringify(toTeamDraft(saved));
  useUnsavedChanges(dirty);
  const fieldError = (field: string): string | undefined =>
    errors[field] ?? (serverError && fieldOf(serverError) === field ? errorMessage(serverError) : undefined);
  const patch = (values: Partial<TeamDraft>) => {
    setDraft({ ...draft, ...values });
    setServerError(null);
    setOutcome(null);
  };
  /** A text field's value, error and change handler. */
  const textProps = (field: 'host' | 'database' | 'user' | 'password') => ({
    label: t(`team.${field}`),
    value: draft[field],
    error: fieldError(field),
    onChange: (event: ChangeEvent<HTMLInputElement>) => patch({ [field]: event.currentTarget.value }),
  });

  async function chooseCa(file: File | null) {
    setChosenFile(file);
    if (file === null) return patch({ caFile: null });
    try {
      patch({ caFile: { name: file.name, pem: await file.text() } });
    } catch {
      setOutcome({ ok: false, error: { code: 'TEAM_CA_INVALID', params: { field: 'caCertificate' } } });
    }
  }

  /** Checks the form first; the refusal of a field stays at the field. */
  async function run(kind: 'save' | 'test') {
    setChecked(true);
    setServerError(null);
    setOutcome(null);
    if (Object.keys(validateTeam(draft, saved)).length > 0) return;
    setBusy(kind);
    const input = toTeamInput(draft);
    if (kind === 'test') {
      const result = await test.mutateAsync(input);
      setBusy(null);
      if (result.ok) return setOutcome({ ok: true, report: result.value });
      if (fieldOf(result.error) !== null) return setServerError(result.error);
      return setOutcome({ ok: false, error: result.error });
    }
    const result = await save.mutateAsync(input);
    setBusy(null);
    if (!result.ok) return setServerError(result.error);
    // The form starts again from what was saved: a typed password is never kept on screen.
    setDraft(toTeamDraft(result.value));
    setChosenFile(null);
    setChecked(false);
    notifySuccess(t('team.saved'));
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void run('save');
  };
  const savedCa = saved.caCertificate;

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h4" id={headingId}>
            {t('team.connection')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('team.perDesktop')}
          </Text>
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 8 }}>
              <TextInput
                {...textProps('host')}
                description={t('team.hostHint')}
                placeholder="db.hausverwaltung.de"
                withAsterisk
                maxLength={253}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }} style={{ alignSelf: 'flex-end' }}>
              <PortInput
                label={t('team.port')}
                value={draft.port}
                error={fieldError('port')}
                onChange={(port) => patch({ port })}
              />
            </Grid.Col>
            <Grid.Col span={6}>
              <TextInput {...textProps('database')} placeholder="portal" withAsterisk maxLength={63} />
            </Grid.Col>
            <Grid.Col span={6}>
              <TextInput {...textProps('user')} autoComplete="off" withAsterisk maxLength={63} />
            </Grid.Col>
            <Grid.Col span={6}>
              <PasswordInput
                {...textProps('password')}
                description={saved.hasPassword ? t('team.passwordSavedHint') : undefined}
                placeholder={saved.hasPassword ? t('team.passwordSaved') : undefined}
                autoComplete="new-password"
                maxLength={500}
                visibilityToggleButtonProps={{ 'aria-label': t('mail.smtp.showPassword') }}
              />
            </Grid.Col>
          </Grid>
          <Radio.Group
            label={t('team.tls')}
            withAsterisk
            value={draft.tls}
            error={fieldError('tls')}
            onChange={(tls) => patch({ tls: tls as TeamDraft['tls'] })}
          >
            <Stack gap="xs" mt="xs">
              {teamTlsModes.map((mode) => (
                <Radio
                  key={mode}
                  value={mode}
                  label={t(`team.tlsModes.${mode}`)}
                  description={t(`team.tlsHints.${mode}`)}
                />
              ))}
            </Stack>
          </Radio.Group>
          {draft.tls === 'verify-full' && (
            <FileInput
              label={t('team.caCertificate')}
              description={
                savedCa && draft.caFile === null
                  ? t('team.caCertificateKept', {
                      subject: savedCa.subject,
                      validTo: formatDate(savedCa.validTo),
                    })
                  : t('team.caCertificateHint')
              }
              placeholder={t('team.chooseCaCertificate')}
              accept=".pem,.crt,.cer"
              withAsterisk={savedCa === null}
              clearable
              value={chosenFile}
              error={fieldError('caCertificate')}
              onChange={(file) => void chooseCa(file)}
            />
          )}
          <Group justify="space-between">
            <Group>
              <Button type="submit" loading={busy === 'save'} disabled={!dirty}>
                {t('app.save')}
              </Button>
              {dirty && (
                <Button variant="default" onClick={() => (setDraft(toTeamDraft(saved)), setChosenFile(null))}>
                  {t('app.discard')}
                </Button>
              )}
            </Group>
            <Button variant="light" loading={busy === 'test'} onClick={() => void run('test')}>
              {t('team.testConnection')}
            </Button>
          </Group>
          {serverError && fieldOf(serverError) === null && (
            <ConnectionReportCard outcome={{ ok: false, error: serverError }} unsaved={dirty} />
          )}
          {outcome && <ConnectionReportCard outcome={outcome} unsaved={dirty} />}
        </Stack>
      </form>
    </Card>
  );
}
