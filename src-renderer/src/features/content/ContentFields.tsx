import { useState, type ReactNode } from 'react';
import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { documentTypes, type ContentDetail, type ProcessState } from '../../../../shared/contract/content';
import { useChannelFetch } from '../../api/queries';
import { formatBytes } from '../../i18n';
import { useAppStore } from '../../stores/appStore';
import { saveBase64File } from '../common/download';
import { notifyError } from '../common/notify';
import { useContactNames } from '../common/options';
import { formatLocalDateTime } from './format';

type DetailOf<K extends ContentDetail['kind']> = Extract<ContentDetail, { kind: K }>;

const stateColors: Record<ProcessState, string> = { open: 'blue', in_progress: 'yellow', done: 'green' };

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <div>{children}</div>
    </div>
  );
}

function LongText({ value }: { value: string | null }) {
  if (!value) return <Text c="dimmed">—</Text>;
  return <Text style={{ whiteSpace: 'pre-wrap' }}>{value}</Text>;
}

function DocumentFields({ content }: { content: DetailOf<'document'> }) {
  const { t } = useTranslation();
  const documentFile = useChannelFetch('content.documentFile');
  const [busy, setBusy] = useState(false);
  const { fileName, size } = content.data;
  const mimeType = content.data.mimeType ?? '';
  const extension = (documentTypes as Record<string, string>)[mimeType];

  async function save() {
    setBusy(true);
    const result = await documentFile({ id: content.id });
    setBusy(false);
    if (!result.ok) return notifyError(result.error);
    const file = result.value;
    saveBase64File(file.dataBase64, file.fileName, file.mimeType);
  }

  return (
    <Stack gap="sm">
      <SimpleGrid cols={3} spacing="xs">
        <Field label={t('content.fields.fileName')}>
          <Text data-testid="document-file-name">{fileName || '—'}</Text>
        </Field>
        <Field label={t('content.fields.size')}>
          <Text>{formatBytes(size)}</Text>
        </Field>
        <Field label={t('content.fields.mimeType')}>
          <Text>{extension ? `${extension.slice(1).toUpperCase()} (${mimeType})` : mimeType}</Text>
        </Field>
      </SimpleGrid>
      <Group>
        <Button variant="light" loading={busy} onClick={() => void save()}>
          {t('content.saveFile')}
        </Button>
      </Group>
    </Stack>
  );
}

function ProcessFields({ content }: { content: DetailOf<'process'> }) {
  const { t } = useTranslation();
  const navigate = useAppStore((state) => state.navigate);
  const { state, description, contactIds } = content.data;
  const names = useContactNames(contactIds);
  return (
    <Stack gap="sm">
      <Field label={t('content.fields.state')}>
        <Badge color={stateColors[state]} variant="light" tt="none" data-testid="process-state">
          {t(`content.state.${state}`)}
        </Badge>
      </Field>
      <Field label={t('content.fields.description')}>
        <LongText value={description} />
      </Field>
      <Field label={t('content.fields.contacts')}>
        {contactIds.length === 0 ? (
          <Text c="dimmed">{t('content.noContacts')}</Text>
        ) : (
          <Group gap="xs">
            {contactIds.map((contactId) => (
              <Anchor
                key={contactId}
                component="button"
                type="button"
                onClick={() => navigate({ page: 'contact', id: contactId })}
              >
                {names.get(contactId) ?? `#${contactId}`}
              </Anchor>
            ))}
          </Group>
        )}
      </Field>
    </Stack>
  );
}

/** The kind-specific fields, as entered. */
export function ContentFields({ content }: { content: ContentDetail }) {
  const { t } = useTranslation();
  switch (content.kind) {
    case 'announcement':
      return (
        <Field label={t('content.fields.text')}>
          <LongText value={content.data.text} />
        </Field>
      );
    case 'appointment': {
      const { startsAt, endsAt, place, text } = content.data;
      return (
        <Stack gap="sm">
          <SimpleGrid cols={3} spacing="xs">
            <Field label={t('content.fields.startsAt')}>
              <Text>{startsAt ? formatLocalDateTime(startsAt) : '—'}</Text>
            </Field>
            <Field label={t('content.fields.endsAt')}>
              <Text>{endsAt ? formatLocalDateTime(endsAt) : '—'}</Text>
            </Field>
            <Field label={t('content.fields.place')}>
              <Text>{place || '—'}</Text>
            </Field>
          </SimpleGrid>
          <Field label={t('content.fields.text')}>
            <LongText value={text} />
          </Field>
        </Stack>
      );
    }
    case 'document':
      return <DocumentFields content={content} />;
    case 'smartpost':
      return (
        <Field label={t('content.fields.template')}>
          <Paper withBorder p="sm" bg="gray.0">
            <LongText value={content.data.template} />
          </Paper>
          <Text size="xs" c="dimmed" mt={4}>
            {t('content.smartpostHint')}
          </Text>
        </Field>
      );
    case 'process':
      return <ProcessFields content={content} />;
  }
}
