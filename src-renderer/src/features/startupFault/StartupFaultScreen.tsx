import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Center,
  Code,
  Group,
  Loader,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/errors';
import type { Language, StartupChoice, StartupChoiceName } from '../../../../shared/ipc';
import { useChannelMutation, useChannelQuery } from '../../api/queries';
import { changeLanguage, errorMessage, languageOptions } from '../../i18n';
import { BackupChoice } from './BackupChoice';

/** Choices with a sentence under the buttons saying what they do. */
const hinted = ['createDataDir', 'resetPreferences'] as const satisfies readonly StartupChoiceName[];
const isHinted = (choice: StartupChoiceName): choice is (typeof hinted)[number] =>
  (hinted as readonly StartupChoiceName[]).includes(choice);

/**
 * Shown instead of the app when the data store or the preferences could not be opened: what is
 * wrong, where, and only the choices that make sense for it. Nothing has been changed at this point.
 */
export function StartupFaultScreen() {
  const { t, i18n } = useTranslation();
  const { data: state, error: stateError } = useChannelQuery('startup.state', undefined);
  const startupChoice = useChannelMutation('startup.choose', { refetch: false });
  const [choiceError, setChoiceError] = useState<AppError | null>(null);
  const error = choiceError ?? stateError;
  const [busy, setBusy] = useState<StartupChoiceName | null>(null);
  const [quitting, setQuitting] = useState(false);

  const choose = async (choice: StartupChoice) => {
    setBusy(choice.choice);
    setChoiceError(null);
    const result = await startupChoice.mutateAsync(choice);
    setBusy(null);
    if (!result.ok) return setChoiceError(result.error);
    // The data store behind the same window was opened again: start the renderer afresh on it.
    if (result.value.outcome === 'reopened') window.location.reload();
    if (result.value.outcome === 'quitting') setQuitting(true);
  };

  const fault = state?.fault;
  if (!state || !fault) {
    return (
      <Center mih="100vh">{error ? <Alert color="red">{errorMessage(error)}</Alert> : <Loader />}</Center>
    );
  }
  const buttons = state.choices.filter(
    (choice): choice is Exclude<StartupChoiceName, 'restoreBackup'> => choice !== 'restoreBackup',
  );
  return (
    <Center mih="100vh" p="lg">
      <Card component="main" withBorder shadow="sm" padding="xl" maw={760} w="100%">
        <Stack>
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Title order={1} size="h2">
              {t(`startup.faults.${fault.code}.title`)}
            </Title>
            <SegmentedControl
              aria-label={t('app.language')}
              size="xs"
              value={i18n.language}
              onChange={(value) => void changeLanguage(value as Language)}
              data={languageOptions}
            />
          </Group>
          <Text>{t(`startup.faults.${fault.code}.text`, { ...fault })}</Text>
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t(fault.code === 'PREFERENCES_CORRUPT' ? 'startup.file' : 'startup.folder')}
            </Text>
            <Code block data-testid="startup-fault-path">
              {fault.code === 'PREFERENCES_CORRUPT' ? fault.file : fault.dataDir}
            </Code>
            {'detail' in fault && (
              <Text size="sm" c="dimmed">
                {t('startup.detail', { detail: fault.detail })}
              </Text>
            )}
          </Stack>
          <Text size="sm">{t('startup.untouched')}</Text>
          {error && (
            <Alert color="red" role="alert">
              {errorMessage(error)}
            </Alert>
          )}
          {quitting ? (
            <Text fw={600}>{t('startup.quitting')}</Text>
          ) : (
            <>
              {state.choices.includes('restoreBackup') ? (
                <BackupChoice
                  backups={state.backups}
                  busy={busy === 'restoreBackup'}
                  onRestore={(name) => void choose({ choice: 'restoreBackup', name })}
                />
              ) : (
                fault.code === 'DATABASE_CORRUPT' && <Text>{t('startup.noBackups')}</Text>
              )}
              <Group>
                {buttons.map((choice, index) => (
                  <Button
                    key={choice}
                    variant={index === 0 && !state.choices.includes('restoreBackup') ? 'filled' : 'default'}
                    loading={busy === choice}
                    disabled={busy !== null && busy !== choice}
                    onClick={() => void choose({ choice })}
                  >
                    {t(`startup.choices.${choice}`)}
                  </Button>
                ))}
              </Group>
              {buttons.filter(isHinted).map((choice) => (
                <Text key={choice} size="sm" c="dimmed">
                  {t(`startup.hints.${choice}`)}
                </Text>
              ))}
            </>
          )}
        </Stack>
      </Card>
    </Center>
  );
}
