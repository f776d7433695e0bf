import { useEffect, useState, type ReactNode } from 'react';
import {
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  documentTypes,
  type ContentDetail,
  type ShareRecipientView,
  type ShareView,
} from '../../../../shared/contract/content';
import { api } from '../../api/client';
import { formatBytes, formatNumber } from '../../i18n';
import { useAppStore } from '../../stores/appStore';
import { useContentStore } from '../../stores/contentStore';
import { AccessBadge } from '../common/AccessBadge';
import { DetailBreadcrumbs, DetailPlaceholder } from '../common/DetailPage';
import { ScrollRegion } from '../common/ScrollRegion';
import { saveBase64File } from '../common/download';
import { notifyError, notifySuccess } from '../common/notify';
import { ShareDialog } from '../sharing/ShareDialog';
import { useShareTargetText } from '../sharing/targetText';
import { ContentForm, linkedContactIds } from './ContentForm';
import { KindBadge } from './ContentPage';
import { formatInstantDate, formatLocalDateTime } from './format';
import { useContactNames } from '../common/options';
import { useReturnFocus } from '../common/useReturnFocus';

type Dialog = { kind: 'edit' } | { kind: 'share' } | { kind: 'revoke'; share: ShareView } | null;

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

function dataText(content: ContentDetail, key: string): string | null {
  const value = content.data[key];
  return typeof value === 'string' && value !== '' ? value : null;
}

function LongText({ value }: { value: string | null }) {
  if (!value) return <Text c="dimmed">—</Text>;
  return <Text style={{ whiteSpace: 'pre-wrap' }}>{value}</Text>;
}

function DocumentFields({ content }: { content: ContentDetail }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const mimeType = dataText(content, 'mimeType') ?? '';
  const extension = (documentTypes as Record<string, string>)[mimeType];
  const size = Number(content.data.size ?? 0);

  async function save() {
    setBusy(true);
    const result = await api.content.documentFile({ id: content.id });
    setBusy(false);
    if (!result.ok) return notifyError(result.error);
    const file = result.value;
    saveBase64File(file.dataBase64, file.fileName, file.mimeType);
  }

  return (
    <Stack gap="sm">
      <SimpleGrid cols={3} spacing="xs">
        <Field label={t('content.fields.fileName')}>
          <Text data-testid="document-file-name">{dataText(content, 'fileName') ?? '—'}</Text>
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

function ProcessFields({ content }: { content: ContentDetail }) {
  const { t } = useTranslation();
  const navigate = useAppStore((state) => state.navigate);
  const ids = linkedContactIds(content.data);
  const names = useContactNames(ids);
  const state = dataText(content, 'state') ?? 'open';
  const stateColors: Record<string, string> = { open: 'blue', in_progress: 'yellow', done: 'green' };
  return (
    <Stack gap="sm">
      <Field label={t('content.fields.state')}>
        <Badge color={stateColors[state] ?? 'gray'} variant="light" tt="none" data-testid="process-state">
          {t(`content.state.${state}`)}
        </Badge>
      </Field>
      <Field label={t('content.fields.description')}>
        <LongText value={dataText(content, 'description')} />
      </Field>
      <Field label={t('content.fields.contacts')}>
        {ids.length === 0 ? (
          <Text c="dimmed">{t('content.noContacts')}</Text>
        ) : (
          <Group gap="xs">
            {ids.map((contactId) => (
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
function ContentFields({ content }: { content: ContentDetail }) {
  const { t } = useTranslation();
  switch (content.kind) {
    case 'announcement':
      return (
        <Field label={t('content.fields.text')}>
          <LongText value={dataText(content, 'text')} />
        </Field>
      );
    case 'appointment': {
      const startsAt = dataText(content, 'startsAt');
      const endsAt = dataText(content, 'endsAt');
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
              <Text>{dataText(content, 'place') ?? '—'}</Text>
            </Field>
          </SimpleGrid>
          <Field label={t('content.fields.text')}>
            <LongText value={dataText(content, 'text')} />
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
            <LongText value={dataText(content, 'template')} />
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

/** The columns every recipients table starts with: name, unit, access, visible today. */
function RecipientHeaderCells() {
  const { t } = useTranslation();
  return (
    <>
      <Table.Th>{t('sharing.columns.name')}</Table.Th>
      <Table.Th>{t('sharing.columns.unit')}</Table.Th>
      <Table.Th>{t('sharing.columns.access')}</Table.Th>
      <Table.Th>{t('sharing.columns.today')}</Table.Th>
    </>
  );
}

/** One recipient's cells under RecipientHeaderCells; the name opens the contact. */
function RecipientCells({ recipient }: { recipient: ShareRecipientView }) {
  const navigate = useAppStore((state) => state.navigate);
  return (
    <>
      <Table.Td>
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={() => navigate({ page: 'contact', id: recipient.contactId })}
        >
          {recipient.displayName}
        </Anchor>
      </Table.Td>
      <Table.Td>{recipient.units || '—'}</Table.Td>
      <Table.Td>
        <Box miw="max-content">
          <AccessBadge access={recipient.access} />
        </Box>
      </Table.Td>
      <Table.Td>
        <Box miw="max-content">
          <VisibleTodayBadge visible={recipient.visibleToday} />
        </Box>
      </Table.Td>
    </>
  );
}

function ShareCard({ share, onRevoke }: { share: ShareView; onRevoke(): void }) {
  const { t } = useTranslation();
  const navigate = useAppStore((state) => state.navigate);
  const targetText = useShareTargetText();
  const target = targetText(share.target);
  const visible = share.recipients.filter((recipient) => recipient.visibleToday).length;
  return (
    <Card withBorder component="section" aria-label={target}>
      <Group justify="space-between" align="flex-start" mb="xs">
        <Stack gap={2}>
          <Group gap="xs">
            {share.target.mode === 'individual' ? (
              <Anchor
                component="button"
                type="button"
                fw={600}
                onClick={() =>
                  share.target.mode === 'individual' &&
                  navigate({ page: 'contact', id: share.target.contactId })
                }
              >
                {target}
              </Anchor>
            ) : (
              <Text fw={600}>{target}</Text>
            )}
            <Badge variant="outline" tt="none" color={share.target.mode === 'role' ? 'teal' : 'grape'}>
              {t(`sharing.mode.${share.target.mode}Share`)}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {t('sharing.sharedOn', { date: formatInstantDate(share.createdAt) })} ·{' '}
            {t('sharing.visibleSummary', {
              visible: formatNumber(visible),
              total: formatNumber(share.recipients.length),
            })}
          </Text>
        </Stack>
        <Button
          size="xs"
          variant="subtle"
          color="red"
          aria-label={`${t('sharing.revoke')}: ${target}`}
          onClick={onRevoke}
        >
          {t('sharing.revoke')}
        </Button>
      </Group>
      {share.recipients.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('sharing.noRecipients')}
        </Text>
      ) : (
        <ScrollRegion label={t('sharing.recipientsOf', { target })} mah={320}>
          <Table verticalSpacing={6} stickyHeader aria-label={t('sharing.recipientsOf', { target })}>
            <Table.Thead>
              <Table.Tr>
                <RecipientHeaderCells />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {share.recipients.map((recipient) => (
                <Table.Tr key={recipient.contactId}>
                  <RecipientCells recipient={recipient} />
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
    </Card>
  );
}

/** Every individual share (Einzelfreigabe) of the content, one row per contact. */
function IndividualShares({ shares, onRevoke }: { shares: ShareView[]; onRevoke(share: ShareView): void }) {
  const { t } = useTranslation();
  if (shares.length === 0) return null;
  const rows = shares.flatMap((share) => share.recipients.map((recipient) => ({ share, recipient })));
  const visible = rows.filter((row) => row.recipient.visibleToday).length;
  const title = t('sharing.individualShares', {
    count: shares.length,
    formatted: formatNumber(shares.length),
  });
  return (
    <Card withBorder component="section" aria-label={title}>
      <Stack gap={2} mb="xs">
        <Group gap="xs">
          <Text fw={600}>{title}</Text>
          <Badge variant="outline" tt="none" color="grape">
            {t('sharing.mode.individualShare')}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t('sharing.visibleSummary', { visible: formatNumber(visible), total: formatNumber(rows.length) })}
        </Text>
      </Stack>
      <ScrollRegion label={title} mah={360}>
        <Table verticalSpacing={6} stickyHeader aria-label={title}>
          <Table.Thead>
            <Table.Tr>
              <RecipientHeaderCells />
              <Table.Th>{t('sharing.columns.sharedOn')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('sharing.columns.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(({ share, recipient }) => (
              <Table.Tr key={share.id}>
                <RecipientCells recipient={recipient} />
                <Table.Td>{formatInstantDate(share.createdAt)}</Table.Td>
                <Table.Td ta="right">
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    aria-label={`${t('sharing.revoke')}: ${recipient.displayName}`}
                    onClick={() => onRevoke(share)}
                  >
                    {t('sharing.revoke')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
    </Card>
  );
}

function VisibleTodayBadge({ visible }: { visible: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="dot"
      tt="none"
      color={visible ? 'green' : 'gray'}
      style={{ flexShrink: 0, overflow: 'visible' }}
    >
      {t(visible ? 'sharing.visibleToday' : 'sharing.notVisibleToday')}
    </Badge>
  );
}

function RevokeConfirmation({ share, onClose }: { share: ShareView; onClose(): void }) {
  const { t } = useTranslation();
  useReturnFocus();
  const revoke = useContentStore((state) => state.revoke);
  const targetText = useShareTargetText();
  const [busy, setBusy] = useState(false);
  async function confirm() {
    setBusy(true);
    const result = await revoke(share.id);
    setBusy(false);
    if (!result.ok) return notifyError(result.error);
    notifySuccess(t('sharing.revoked'));
    onClose();
  }
  return (
    <Modal opened onClose={onClose} centered title={t('sharing.revokeTitle')}>
      <Stack>
        <Text>{t('sharing.revokeText', { target: targetText(share.target) })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('sharing.cancel')}
          </Button>
          <Button color="red" loading={busy} onClick={() => void confirm()}>
            {t('sharing.revoke')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** One content item: its fields, "Bearbeiten", "Teilen", and with whom it is shared. */
export function ContentDetailPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const navigate = useAppStore((state) => state.navigate);
  const { loadDetail, update } = useContentStore();
  const detail = useContentStore((state) => (state.detail?.id === id ? state.detail : null));
  const error = useContentStore((state) => (state.detailId === id ? state.detailError : null));
  const [dialog, setDialog] = useState<Dialog>(null);

  useEffect(() => {
    void loadDetail(id);
  }, [loadDetail, id]);

  const breadcrumbs = (
    <DetailBreadcrumbs
      listLabel={t('nav.contents')}
      onOpenList={() => navigate({ page: 'contents' })}
      itemLabel={detail?.title}
    />
  );

  if (!detail) return <DetailPlaceholder breadcrumbs={breadcrumbs} error={error} />;

  const close = () => setDialog(null);

  return (
    <Stack gap="lg" maw={1100}>
      {breadcrumbs}
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2}>{detail.title}</Title>
            <KindBadge kind={detail.kind} />
          </Group>
          <Text size="sm" c="dimmed">
            {detail.propertyName ?? t('content.noProperty')} ·{' '}
            {t('content.createdOn', { date: formatInstantDate(detail.createdAt) })}
            {detail.updatedAt !== detail.createdAt &&
              ` · ${t('content.updatedOn', { date: formatInstantDate(detail.updatedAt) })}`}
          </Text>
        </Stack>
        <Group gap="xs">
          <Button variant="default" onClick={() => setDialog({ kind: 'edit' })}>
            {t('content.edit')}
          </Button>
          <Button onClick={() => setDialog({ kind: 'share' })}>{t('sharing.open')}</Button>
        </Group>
      </Group>

      <Card withBorder>
        <ContentFields content={detail} />
      </Card>

      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('sharing.sharedWith')}
        </Title>
        {detail.shares.length === 0 ? (
          <Card withBorder>
            <Group justify="space-between">
              <Text c="dimmed">{t('sharing.notShared')}</Text>
              <Button variant="light" onClick={() => setDialog({ kind: 'share' })}>
                {t('sharing.open')}
              </Button>
            </Group>
          </Card>
        ) : (
          <>
            {detail.shares
              .filter((share) => share.target.mode === 'role')
              .map((share) => (
                <ShareCard
                  key={share.id}
                  share={share}
                  onRevoke={() => setDialog({ kind: 'revoke', share })}
                />
              ))}
            <IndividualShares
              shares={detail.shares.filter((share) => share.target.mode === 'individual')}
              onRevoke={(share) => setDialog({ kind: 'revoke', share })}
            />
          </>
        )}
      </Stack>

      {dialog?.kind === 'edit' && (
        <ContentForm
          kind={detail.kind}
          content={detail}
          onClose={close}
          onSubmit={async (input) => {
            const result = await update(detail.id, input);
            if (result.ok) notifySuccess(t('content.updated', { title: result.value.title }));
            return result;
          }}
        />
      )}
      {dialog?.kind === 'share' && (
        <ShareDialog content={detail} onClose={close} onShared={() => void loadDetail(detail.id)} />
      )}
      {dialog?.kind === 'revoke' && <RevokeConfirmation share={dialog.share} onClose={close} />}
    </Stack>
  );
}
