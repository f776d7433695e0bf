import { useId, useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Card,
  Grid,
  Group,
  Input,
  PasswordInput,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/errors';
import type { SmtpSettings } from '../../../../shared/ipc';
import { notifySuccess } from '../common/notify';
import { PortInput } from '../common/PortInput';
import { errorMessage } from '../../i18n';
import { useChannelMutation } from '../../api/queries';
import {
  fieldOfError,
  toSmtpDraft,
  toSmtpInput,
  validateSmtp,
  withSecurity,
  type SmtpDraft,
  type SmtpSecurity,
} from './mailForms';
import { TestMailModal } from './TestMailModal';

const fields = ['enabled', 'host', 'port', 'security', 'user', 'password', 'from', 'fromName'] as const;
const securities: SmtpSecurity[] = ['none', 'starttls', 'tls'];

/** Versand über SMTP: off by default; then every e-mail stays in the outbox. */
export function SmtpCard({ saved }: { saved: SmtpSettings }) {
  const { t } = useTranslation();
  const headingId = useId();
  const securityLabelId = useId();
  const saveSmtp = useChannelMutation('mail.updateSettings');
  const [draft, setDraft] = useState<SmtpDraft>(() => toSmtpDraft(saved));
  const [submitted, setSubmitted] = useState(false);
  const [serverError, setServerError] = useState<{ field: string | null; error: AppError } | null>(null);
  const [busy, setBusy] = useState(false);
  const [testing, setTesting] = useState(false);

  const errors = submitted ? validateSmtp(draft) : {};
  const dirty = JSON.stringify(draft) !== JSON.stringify(toSmtpDraft(saved));
  const fieldError = (field: string): string | undefined => {
    if (errors[field]) return errors[field];
    if (serverError?.field === field) return errorMessage(serverError.error);
    return undefined;
  };
  const change = (next: SmtpDraft) => {
    setDraft(next);
    setServerError(null);
  };
  const patch = (values: Partial<SmtpDraft>) => change({ ...draft, ...values });

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(validateSmtp(draft)).length > 0) return;
    setBusy(true);
    const result = await saveSmtp.mutateAsync(toSmtpInput(draft));
    setBusy(false);
    if (!result.ok) return setServerError({ field: fieldOfError(result.error, fields), error: result.error });
    // The form starts again from what was saved: a typed password is never kept on screen.
    setDraft(toSmtpDraft(result.value));
    setSubmitted(false);
    notifySuccess(t(result.value.enabled ? 'mail.smtp.savedOn' : 'mail.smtp.savedOff'));
  }

  let passwordHint: string | undefined;
  if (draft.removePassword) passwordHint = t('mail.smtp.passwordRemoving');
  else if (saved.hasPassword) passwordHint = t('mail.smtp.passwordSavedHint');

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId}>
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h4" id={headingId}>
            {t('mail.smtp.title')}
          </Title>
          <Switch
            size="md"
            checked={draft.enabled}
            onChange={(event) => patch({ enabled: event.currentTarget.checked })}
            label={<Text fw={600}>{t('mail.smtp.enabled')}</Text>}
            description={t(draft.enabled ? 'mail.smtp.enabledOn' : 'mail.smtp.enabledOff')}
          />
          <Grid gap="sm">
            <Grid.Col span={8}>
              <TextInput
                label={t('mail.smtp.host')}
                placeholder="smtp.example.de"
                withAsterisk={draft.enabled}
                maxLength={253}
                value={draft.host}
                error={fieldError('host')}
                onChange={(event) => patch({ host: event.currentTarget.value })}
              />
            </Grid.Col>
            <Grid.Col span={4}>
              <PortInput
                label={t('mail.smtp.port')}
                value={draft.port}
                error={fieldError('port')}
                onChange={(port) => patch({ port })}
              />
            </Grid.Col>
          </Grid>
          <Input.Wrapper
            label={t('mail.smtp.security')}
            labelElement="div"
            labelProps={{ id: securityLabelId }}
          >
            <div>
              <SegmentedControl
                aria-labelledby={securityLabelId}
                value={draft.security}
                onChange={(value) => change(withSecurity(draft, value as SmtpSecurity))}
                data={securities.map((value) => ({ value, label: t(`mail.smtp.securities.${value}`) }))}
              />
            </div>
          </Input.Wrapper>
          <Grid gap="sm">
            <Grid.Col span={6}>
              <TextInput
                label={t('mail.smtp.user')}
                autoComplete="off"
                maxLength={200}
                value={draft.user}
                error={fieldError('user')}
                onChange={(event) => patch({ user: event.currentTarget.value })}
              />
            </Grid.Col>
            <Grid.Col span={6}>
              <PasswordInput
                label={t('mail.smtp.password')}
                description={passwordHint}
                placeholder={
                  saved.hasPassword && !draft.removePassword ? t('mail.smtp.passwordSaved') : undefined
                }
                autoComplete="new-password"
                maxLength={500}
                disabled={draft.removePassword}
                value={draft.password}
                error={fieldError('password')}
                onChange={(event) => patch({ password: event.currentTarget.value })}
                visibilityToggleButtonProps={{ 'aria-label': t('mail.smtp.showPassword') }}
              />
              {saved.hasPassword && (
                <Button
                  variant="subtle"
                  size="compact-xs"
                  color={draft.removePassword ? 'gray' : 'red'}
                  mt={4}
                  onClick={() => patch({ removePassword: !draft.removePassword, password: '' })}
                >
                  {t(draft.removePassword ? 'mail.smtp.passwordKeep' : 'mail.smtp.passwordRemove')}
                </Button>
              )}
            </Grid.Col>
          </Grid>
          <Grid gap="sm">
            <Grid.Col span={6}>
              <TextInput
                label={t('mail.smtp.from')}
                placeholder="verwaltung@example.de"
                withAsterisk={draft.enabled}
                type="email"
                maxLength={254}
                value={draft.from}
                error={fieldError('from')}
                onChange={(event) => patch({ from: event.currentTarget.value })}
              />
            </Grid.Col>
            <Grid.Col span={6}>
              <TextInput
                label={t('mail.smtp.fromName')}
                description={t('mail.smtp.fromNameHint')}
                maxLength={120}
                value={draft.fromName}
                error={fieldError('fromName')}
                onChange={(event) => patch({ fromName: event.currentTarget.value })}
              />
            </Grid.Col>
          </Grid>
          {serverError && serverError.field === null && (
            <Alert color="red">{errorMessage(serverError.error)}</Alert>
          )}
          <Group justify="space-between">
            <Group>
              <Button type="submit" loading={busy} disabled={!dirty}>
                {t('mail.smtp.save')}
              </Button>
              {dirty && (
                <Button variant="default" onClick={() => setDraft(toSmtpDraft(saved))}>
                  {t('app.discard')}
                </Button>
              )}
            </Group>
            <Button variant="light" onClick={() => setTesting(true)}>
              {t('mail.test.open')}
            </Button>
          </Group>
        </Stack>
      </form>
      {testing && (
        <TestMailModal
          initialTo={saved.from ?? ''}
          unsavedChanges={dirty}
          onClose={() => setTesting(false)}
        />
      )}
    </Card>
  );
}
