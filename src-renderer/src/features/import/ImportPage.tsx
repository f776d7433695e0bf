import { useState } from 'react';
import { Alert, Button, Card, FileInput, Group, Select, Stack, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type {
  ImportFileView,
  ImportMapping,
  ImportPreview,
  ImportValueMap,
  ImportSummary,
} from '../../../../shared/contract/imports';
import type { AppError } from '../../../../shared/errors';
import { useChannelMutation, useChannelQuery } from '../../api/queries';
import { errorMessage, formatDateTime } from '../../i18n';
import { readBase64 } from '../content/contentDraft';
import { notifySuccess, valueOrNotify } from '../common/notify';
import { PageHeader } from '../common/PageHeader';
import { ImportPreviewView } from './ImportPreviewView';
import { ImportProgressBar } from './ImportProgressBar';
import { MappingTable } from './MappingTable';
import { SavedMappings } from './SavedMappings';

/**
 * Administration › Stammdaten-Import: choose a file (and a sheet), map its columns, see the dry run
 * with its consequences for portal access, import; afterwards the state before it can be restored.
 */
export function ImportPage() {
  const { t, i18n } = useTranslation();
  const open = useChannelMutation('imports.open', { refetch: false });
  const previewOf = useChannelMutation('imports.preview', { refetch: false });
  const rejectedRows = useChannelMutation('imports.rejectedRows', { refetch: false });
  const commit = useChannelMutation('imports.commit');
  const cancel = useChannelMutation('imports.cancel', { refetch: false });
  const restore = useChannelMutation('imports.restoreBefore');
  const [chosen, setChosen] = useState<File | null>(null);
  const [file, setFile] = useState<ImportFileView | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>([]);
  const [updateOnly, setUpdateOnly] = useState(false);
  const [values, setValues] = useState<ImportValueMap>({});
  /** The missing contracts chosen to end, and the day; null leaves them as they are. */
  const [endMissing, setEndMissing] = useState<{ contractIds: number[]; end: string } | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const { data: history } = useChannelQuery('imports.history', undefined);
  const done = history?.[0] ?? null;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** A read, dry run or commit is under way: its progress shows, with Abbrechen. */
  const [running, setRunning] = useState(false);

  /** A refusal; a cancelled run has forgotten the file (nothing was changed). */
  function refusedWith(refusal: AppError) {
    if (refusal.code === 'IMPORT_CANCELLED') reset();
    setError(errorMessage(refusal));
  }

  async function read(next: File | null, sheet: string | null = null) {
    setChosen(next);
    setFile(null);
    setPreview(null);
    setError(null);
    if (next === null) return;
    setRunning(true);
    const result = await open.mutateAsync({ fileName: next.name, dataBase64: await readBase64(next), sheet });
    setRunning(false);
    if (!result.ok) return refusedWith(result.error);
    setFile(result.value);
    setMapping(result.value.suggested);
    setValues({});
    setEndMissing(null);
  }

  const run = () => ({ fileId: file?.fileId ?? '', mapping, values, updateOnly, endMissing });

  async function showPreview(ending = endMissing) {
    setEndMissing(ending);
    setRunning(true);
    const result = await previewOf.mutateAsync({ ...run(), endMissing: ending });
    setRunning(false);
    if (!result.ok) return refusedWith(result.error);
    setError(null);
    setPreview(result.value);
  }

  async function download() {
    const language = i18n.language === 'en' ? 'en' : 'de';
    // Written by the app where the user chose in the save dialog; cancelled: nothing to say.
    const saved = valueOrNotify(await rejectedRows.mutateAsync({ ...run(), language }));
    if (saved?.saved) notifySuccess(t('app.saved', { fileName: saved.fileName }));
  }

  async function importNow() {
    setRunning(true);
    const result = await commit.mutateAsync({ ...run(), mappingName: null });
    setRunning(false);
    if (!result.ok) return refusedWith(result.error);
    const summary = result.value;
    notifySuccess(t('dataImport.committed', { count: summary.rows.imported }));
    reset();
  }

  function reset() {
    setChosen(null);
    setFile(null);
    setPreview(null);
    setError(null);
  }

  async function onCancel() {
    if (file) await cancel.mutateAsync({ fileId: file.fileId });
    reset();
  }

  async function restoreBefore(summary: ImportSummary) {
    setBusy(true);
    const restored = valueOrNotify(await restore.mutateAsync({ id: summary.id }));
    setBusy(false);
    if (restored) notifySuccess(t('dataImport.restored'));
  }

  return (
    <Stack gap="md">
      <PageHeader
        crumbs={[t('nav.administration'), t('nav.dataImport')]}
        title={t('nav.dataImport')}
        intro={t('dataImport.intro')}
      />
      {done && (
        <Alert color="green" title={t('dataImport.doneTitle', { date: formatDateTime(done.at) })}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">
              {t('dataImport.doneText', { count: done.rows.imported, rejected: done.rows.rejected })}
            </Text>
            {done.backup && (
              <Button variant="light" color="orange" loading={busy} onClick={() => void restoreBefore(done)}>
                {t('dataImport.restoreBefore')}
              </Button>
            )}
          </Stack>
        </Alert>
      )}
      <FileInput
        label={t('dataImport.file')}
        description={t('dataImport.fileHint')}
        placeholder={t('dataImport.chooseFile')}
        accept=".csv,.txt,.xlsx"
        value={chosen}
        clearable
        onChange={(next) => void read(next)}
      />
      <ImportProgressBar active={running} onCancel={(fileId) => void cancel.mutateAsync({ fileId })} />
      {error && <Alert color="red">{error}</Alert>}
      {file && (
        <Card withBorder>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('dataImport.fileRead', { rows: file.rowCount, columns: file.headers.length })}
            </Text>
            {file.sheets.length > 1 && (
              <Select
                label={t('dataImport.sheet')}
                data={file.sheets}
                value={file.sheet}
                allowDeselect={false}
                onChange={(sheet) => void read(chosen, sheet)}
              />
            )}
            <SavedMappings
              file={file}
              onChoose={(saved) => (setMapping(saved.mapping), setValues(saved.values), setPreview(null))}
            />
            <MappingTable
              file={file}
              mapping={mapping}
              onChange={(next) => (setMapping(next), setPreview(null))}
            />
            <Switch
              label={t('dataImport.updateOnly')}
              checked={updateOnly}
              onChange={(event) => (setUpdateOnly(event.currentTarget.checked), setPreview(null))}
            />
            <Group>
              <Button loading={running} onClick={() => void showPreview(null)}>
                {t('dataImport.showPreview')}
              </Button>
              <Button variant="default" onClick={() => void onCancel()}>
                {t('app.cancel')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
      {file && preview && (
        <Card withBorder>
          <Stack gap="md">
            <ImportPreviewView
              preview={preview}
              onDownload={() => void download()}
              ending={endMissing?.end ?? null}
              onEndMissing={(end) =>
                void showPreview(
                  end === null
                    ? null
                    : { contractIds: preview.missingContracts.items.map((k) => k.contractId), end },
                )
              }
            />
            <Group>
              <Button
                color="green"
                loading={running}
                disabled={preview.rows.imported === 0}
                onClick={() => void importNow()}
              >
                {t('dataImport.commit', { count: preview.rows.imported })}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
