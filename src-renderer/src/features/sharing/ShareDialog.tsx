import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Divider,
  Fieldset,
  Group,
  List,
  Loader,
  Modal,
  MultiSelect,
  Radio,
  SimpleGrid,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ShareRole } from '../../../../shared/domain';
import type { AppError } from '../../../../shared/errors';
import { SHARE_RECIPIENT_PAGE_SIZE } from '../../../../shared/contract/content';
import type {
  ContentDetail,
  RefusedRecipient,
  SharePreview,
  ShareResult,
  ShareTarget,
  SkippedRecipient,
} from '../../../../shared/ipc';
import { errorMessage, formatDate, formatNumber } from '../../i18n';
import { useAppStore } from '../../stores/appStore';
import { pageCount, pageRows } from '../../stores/paging';
import { useShareStore } from '../../stores/shareStore';
import { AccessBadge } from '../common/AccessBadge';
import { ListPagination, ListRange } from '../common/ListPagination';
import { ScrollRegion } from '../common/ScrollRegion';
import { saveBase64Pdf } from '../common/download';
import { fileNamePart } from '../content/format';
import { usePropertyOptions, useUnitOptions } from '../common/options';
import { ContactPicker, type PickedContact } from './ContactPicker';
import { useReturnFocus } from '../common/useReturnFocus';

type Mode = 'role' | 'individual';
const roles: ShareRole[] = ['all', 'tenant', 'owner'];
const PREVIEW_DELAY_MS = 250;

interface RoleChoice {
  role: ShareRole;
  propertyId: string | null;
  unitIds: string[];
}

function roleTarget(choice: RoleChoice): ShareTarget | null {
  if (choice.propertyId === null) return null;
  return {
    mode: 'role',
    role: choice.role,
    propertyId: Number(choice.propertyId),
    unitIds: choice.unitIds.length > 0 ? choice.unitIds.map(Number) : null,
  };
}

/** Rolle, Liegenschaft and (optional) Einheiten of a role-based share. */
function RoleFields({ choice, onChange }: { choice: RoleChoice; onChange(choice: RoleChoice): void }) {
  const { t } = useTranslation();
  const propertyOptions = usePropertyOptions();
  // The unit list is loaded when the picker is first opened (or units are already chosen).
  const [unitsWanted, setUnitsWanted] = useState(false);
  const unitOptions = useUnitOptions(
    choice.propertyId === null ? null : Number(choice.propertyId),
    unitsWanted || choice.unitIds.length > 0,
  );
  return (
    <Stack gap="sm">
      <Radio.Group
        label={t('sharing.role.label')}
        value={choice.role}
        onChange={(role) => onChange({ ...choice, role: role as ShareRole })}
      >
        <Group mt={4}>
          {roles.map((role) => (
            <Radio key={role} value={role} label={t(`sharing.role.${role}`)} />
          ))}
        </Group>
      </Radio.Group>
      <Group grow align="flex-start">
        <Select
          label={t('sharing.property')}
          placeholder={t('sharing.propertyPlaceholder')}
          withAsterisk
          searchable
          data={propertyOptions}
          value={choice.propertyId}
          onChange={(propertyId) => onChange({ ...choice, propertyId, unitIds: [] })}
        />
        <MultiSelect
          label={t('sharing.units')}
          placeholder={choice.unitIds.length === 0 ? t('sharing.unitsPlaceholder') : undefined}
          searchable
          clearable
          disabled={choice.propertyId === null}
          data={unitOptions}
          value={choice.unitIds}
          onChange={(unitIds) => onChange({ ...choice, unitIds })}
          onDropdownOpen={() => setUnitsWanted(true)}
          maxDropdownHeight={260}
        />
      </Group>
    </Stack>
  );
}

/** The contacts of a role's scope inside a pre/post window: they will NOT receive a role share. */
function SkippedWarning({
  skipped,
  alsoIndividually,
  onAlsoIndividually,
}: {
  skipped: SkippedRecipient[];
  alsoIndividually: boolean;
  onAlsoIndividually(value: boolean): void;
}) {
  const { t } = useTranslation();
  const count = skipped.length;
  return (
    <Alert
      color="orange"
      variant="light"
      role="alert"
      data-testid="share-skipped-warning"
      title={t('sharing.skipped.title', { count, formatted: formatNumber(count) })}
    >
      <Stack gap="sm">
        <Text size="sm">{t('sharing.skipped.text')}</Text>
        <ScrollRegion label={t('sharing.skipped.tableLabel')} mah={200}>
          <Table
            withTableBorder
            verticalSpacing={6}
            stickyHeader
            bg="var(--mantine-color-body)"
            aria-label={t('sharing.skipped.tableLabel')}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sharing.columns.name')}</Table.Th>
                <Table.Th>{t('sharing.columns.unit')}</Table.Th>
                <Table.Th>{t('sharing.columns.access')}</Table.Th>
                <Table.Th>{t('sharing.columns.windowEnd')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {skipped.map((contact) => (
                <Table.Tr key={contact.contactId}>
                  <Table.Td>{contact.displayName}</Table.Td>
                  <Table.Td>{contact.units || '—'}</Table.Td>
                  <Table.Td>
                    <Box miw="max-content">
                      <AccessBadge access={{ grant: contact.grant }} />
                    </Box>
                  </Table.Td>
                  <Table.Td>{formatDate(contact.windowEnd)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
        <Checkbox
          fw={600}
          label={t('sharing.skipped.alsoIndividually', { count, formatted: formatNumber(count) })}
          description={t('sharing.skipped.alsoIndividuallyHint')}
          checked={alsoIndividually}
          onChange={(event) => onAlsoIndividually(event.currentTarget.checked)}
        />
      </Stack>
    </Alert>
  );
}

/** Individual share: contacts without access today cannot receive it; the reason in words. */
function RefusedList({ refused, onRemove }: { refused: RefusedRecipient[]; onRemove(): void }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="red"
      variant="light"
      data-testid="share-refused"
      title={t('sharing.refused.title', { count: refused.length, formatted: formatNumber(refused.length) })}
    >
      <Stack gap="sm">
        <Text size="sm">{t('sharing.refused.text')}</Text>
        <Table withTableBorder verticalSpacing={6} bg="var(--mantine-color-body)">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sharing.columns.name')}</Table.Th>
              <Table.Th>{t('sharing.columns.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {refused.map((contact) => (
              <Table.Tr key={contact.contactId}>
                <Table.Td>{contact.displayName}</Table.Td>
                <Table.Td>{t(`errors.${contact.reason}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group>
          <Button size="xs" variant="white" color="red.9" onClick={onRemove}>
            {t('sharing.refused.remove', { count: refused.length })}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/** Recipients without e-mail: `count` of them, `contacts` the ones named (the preview names the first). */
function NeedsPost({
  count,
  contacts,
}: {
  count: number;
  contacts: { contactId: number; displayName: string }[];
}) {
  const { t } = useTranslation();
  const title = t('sharing.needsPost', { count, formatted: formatNumber(count) });
  const more = count - contacts.length;
  return (
    <Alert color="blue" variant="light" data-testid="share-needs-post" title={title}>
      <ScrollRegion label={title} mah={140}>
        <List size="sm">
          {contacts.map((contact) => (
            <List.Item key={contact.contactId}>{contact.displayName}</List.Item>
          ))}
        </List>
        {more > 0 && (
          <Text size="sm" c="dimmed" mt={4}>
            {t('sharing.needsPostMore', { count: more, formatted: formatNumber(more) })}
          </Text>
        )}
      </ScrollRegion>
    </Alert>
  );
}

/**
 * "Empfänger anzeigen": the recipients by name, a page at a time — the first page comes with the
 * preview, the others from sharing.recipients —, followed by the skipped contacts added one by one.
 */
function RecipientTable({
  contentId,
  targetKey,
  preview,
  added,
}: {
  contentId: number;
  /** The target as JSON: what the preview answers, and the key of its pages. */
  targetKey: string;
  preview: SharePreview;
  added: SkippedRecipient[];
}) {
  const { t } = useTranslation();
  const { page: loaded, pageError, requestPage } = useShareStore();
  const [chosen, setChosen] = useState({ targetKey, page: 1 });
  const total = preview.recipientCount + added.length;
  const pages = pageCount(total, SHARE_RECIPIENT_PAGE_SIZE);
  const page = chosen.targetKey === targetKey ? Math.min(chosen.page, pages) : 1;
  const { offset, limit } = pageRows(page, SHARE_RECIPIENT_PAGE_SIZE);
  // The page's rows: recipients from the core first, then the added contacts.
  const fromCore = Math.max(0, Math.min(limit, preview.recipientCount - offset));
  const pageKey = `${targetKey}#${page}`;
  const needsRequest = page > 1 && fromCore > 0;

  useEffect(() => {
    if (!needsRequest) return;
    void requestPage(contentId, JSON.parse(targetKey) as ShareTarget, { offset, limit: fromCore }, pageKey);
  }, [requestPage, contentId, targetKey, needsRequest, offset, fromCore, pageKey]);

  const current = needsRequest ? (loaded?.key === pageKey ? loaded.items : null) : preview.recipients;
  // While another page loads, the last one stays, dimmed.
  const coreRows = current ?? loaded?.items ?? [];
  const firstAdded = Math.max(0, offset - preview.recipientCount);
  const rows = [
    ...coreRows.slice(0, fromCore).map((recipient) => ({ ...recipient, grant: recipient.access.grant })),
    ...added.slice(firstAdded, firstAdded + limit - fromCore),
  ];
  return (
    <Stack gap="xs">
      <ScrollRegion label={t('sharing.recipients')} mah={220}>
        <Table
          withTableBorder
          verticalSpacing={4}
          stickyHeader
          aria-label={t('sharing.recipients')}
          aria-busy={current === null}
          style={{ opacity: current === null ? 0.6 : 1 }}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sharing.columns.name')}</Table.Th>
              <Table.Th>{t('sharing.columns.unit')}</Table.Th>
              <Table.Th>{t('sharing.columns.access')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.contactId}>
                <Table.Td>{row.displayName}</Table.Td>
                <Table.Td>{row.units || '—'}</Table.Td>
                <Table.Td>
                  <Box miw="max-content">
                    <AccessBadge access={{ grant: row.grant }} />
                  </Box>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
      {needsRequest && pageError && <Alert color="red">{errorMessage(pageError)}</Alert>}
      {pages > 1 && (
        <Group justify="space-between">
          <ListRange
            total={total}
            page={page}
            pageSize={SHARE_RECIPIENT_PAGE_SIZE}
            testId="share-recipients-range"
          />
          <ListPagination
            pages={pages}
            value={page}
            onChange={(next) => setChosen({ targetKey, page: next })}
          />
        </Group>
      )}
    </Stack>
  );
}

function ShareSummary({
  content,
  result,
  onClose,
}: {
  content: ContentDetail;
  result: ShareResult;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const navigate = useAppStore((state) => state.navigate);
  const lettersPdf = result.lettersPdf;
  return (
    <Stack gap="md" data-testid="share-summary">
      <Alert color="green" title={t('sharing.summary.title')}>
        <List size="sm">
          <List.Item>
            {t('sharing.summary.sharedWith', {
              count: result.sharedWith,
              formatted: formatNumber(result.sharedWith),
            })}
          </List.Item>
          <List.Item>
            {t('sharing.summary.notifications', {
              count: result.notifications,
              formatted: formatNumber(result.notifications),
            })}
          </List.Item>
          {lettersPdf && <List.Item>{t('sharing.summary.letters')}</List.Item>}
        </List>
      </Alert>
      {result.needsPost.length > 0 && (
        <NeedsPost count={result.needsPost.length} contacts={result.needsPost} />
      )}
      <Group justify="flex-end">
        {lettersPdf && (
          <Button
            variant="light"
            onClick={() =>
              saveBase64Pdf(
                lettersPdf,
                t('sharing.summary.lettersFile', { title: fileNamePart(content.title) }),
              )
            }
          >
            {t('sharing.summary.saveLetters')}
          </Button>
        )}
        {result.notifications > 0 && (
          <Button
            variant="light"
            onClick={() => {
              onClose();
              navigate({ page: 'outbox' });
            }}
          >
            {t('sharing.summary.toOutbox')}
          </Button>
        )}
        <Button onClick={onClose}>{t('sharing.summary.close')}</Button>
      </Group>
    </Stack>
  );
}

/**
 * "Teilen": by role (Alle Kontakte / Mieter / Eigentümer of a property or units) or with single
 * contacts. A live preview counts the recipients and, before anything is sent, names the contacts a
 * role share would skip because they have no active contract — with the offer to add them one by one.
 * SmartPost is always shared individually (every recipient gets their own letter).
 */
export function ShareDialog({
  content,
  onClose,
  onShared,
}: {
  content: ContentDetail;
  onClose(): void;
  onShared(): void;
}) {
  const { t } = useTranslation();
  useReturnFocus();
  const isSmartPost = content.kind === 'smartpost';
  const store = useShareStore();
  const { requestPreview, requestExtra, roleContacts, share, reset } = store;
  const [mode, setMode] = useState<Mode>(isSmartPost ? 'individual' : 'role');
  const [choice, setChoice] = useState<RoleChoice>({
    role: 'all',
    propertyId: content.propertyId === null ? null : String(content.propertyId),
    unitIds: [],
  });
  const [contacts, setContacts] = useState<PickedContact[]>([]);
  const [alsoIndividually, setAlsoIndividually] = useState(false);
  const [showRecipients, setShowRecipients] = useState(false);
  const [taking, setTaking] = useState(false);
  const [taken, setTaken] = useState<{ added: number; skipped: number } | null>(null);
  const [takeError, setTakeError] = useState<AppError | null>(null);
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<AppError | null>(null);
  const [result, setResult] = useState<ShareResult | null>(null);

  const target: ShareTarget | null =
    mode === 'role'
      ? roleTarget(choice)
      : contacts.length > 0
        ? { mode: 'individual', contactIds: contacts.map((contact) => contact.id) }
        : null;
  const targetKey = JSON.stringify(target);

  useEffect(() => () => reset(), [reset]);
  // The first preview is asked at once, and before the pickers' option lists (a layout effect runs
  // before the children's effects): it is what the dialog opens to show. Later changes of the target
  // wait PREVIEW_DELAY_MS, so that picking units one after another asks once.
  const previewAsked = useRef(false);
  useLayoutEffect(() => {
    const ask = () => void requestPreview(content.id, JSON.parse(targetKey) as ShareTarget | null, targetKey);
    if (previewAsked.current) {
      const timer = setTimeout(ask, PREVIEW_DELAY_MS);
      return () => clearTimeout(timer);
    }
    previewAsked.current = true;
    ask();
  }, [requestPreview, content.id, targetKey]);

  const current = store.previewKey === targetKey;
  const preview = current ? store.preview : null;
  const previewError = current ? store.previewError : null;
  const skipped = mode === 'role' && preview ? preview.skipped : [];
  const refused = mode === 'individual' && preview ? preview.refused : [];
  const includeSkipped = alsoIndividually && skipped.length > 0;
  const skippedKey = skipped.map((contact) => contact.contactId).join(',');

  useEffect(() => {
    if (!includeSkipped) return;
    void requestExtra(content.id, skippedKey.split(',').map(Number), skippedKey);
  }, [requestExtra, content.id, includeSkipped, skippedKey]);

  const extra = includeSkipped && store.extraKey === skippedKey ? store.extraPreview : null;
  // Skipped contacts are never among the role share's recipients (no active contract): all are added.
  const added = includeSkipped ? skipped : [];
  const count = (preview?.recipientCount ?? 0) + added.length;
  const needsPostCount = (preview?.needsPostCount ?? 0) + (extra?.needsPostCount ?? 0);
  const needsPost = [...(preview?.needsPost ?? []), ...(extra?.needsPost ?? [])];

  const canShare = target !== null && preview !== null && count > 0 && refused.length === 0 && !sending;

  async function takeFromRole() {
    const role = roleTarget(choice);
    if (!role) return;
    setTaking(true);
    setTakeError(null);
    const resolved = await roleContacts(content.id, role);
    setTaking(false);
    if (!resolved.ok) return setTakeError(resolved.error);
    const known = new Set(contacts.map((contact) => contact.id));
    const fromRole: PickedContact[] = [];
    for (const { contactId, displayName } of [...resolved.value.recipients, ...resolved.value.skipped]) {
      if (known.has(contactId)) continue;
      known.add(contactId);
      fromRole.push({ id: contactId, displayName });
    }
    setContacts([...contacts, ...fromRole]);
    setTaken({ added: fromRole.length, skipped: resolved.value.skipped.length });
  }

  async function submit() {
    if (!target || !canShare) return;
    setSending(true);
    setSendError(null);
    const shared = await share(
      content.id,
      target,
      added.map((contact) => contact.contactId),
    );
    setSending(false);
    if (!shared.ok) return setSendError(shared.error);
    setResult(shared.value);
    onShared();
  }

  const title = t('sharing.title', { title: content.title });
  if (result) {
    return (
      <Modal opened onClose={onClose} title={title} size="xl" centered>
        <ShareSummary content={content} result={result} onClose={onClose} />
      </Modal>
    );
  }

  return (
    <Modal opened onClose={onClose} title={title} size="xl" centered>
      <Stack gap="md">
        <Radio.Group
          label={t('sharing.mode.label')}
          value={mode}
          onChange={(value) => setMode(value as Mode)}
        >
          <SimpleGrid cols={2} mt={4}>
            {(['role', 'individual'] as const).map((value) => {
              const disabled = value === 'role' && isSmartPost;
              return (
                <Radio.Card
                  key={value}
                  value={value}
                  disabled={disabled}
                  aria-label={t(`sharing.mode.${value}`)}
                  aria-describedby={`share-mode-${value}-hint`}
                  p="sm"
                  style={disabled ? { opacity: 0.55, cursor: 'not-allowed' } : undefined}
                >
                  <Group wrap="nowrap" align="flex-start" gap="sm">
                    <Radio.Indicator disabled={disabled} />
                    <div>
                      <Text fw={600} size="sm">
                        {t(`sharing.mode.${value}`)}
                      </Text>
                      <Text size="xs" c="dimmed" id={`share-mode-${value}-hint`}>
                        {t(disabled ? 'sharing.mode.roleNotForSmartPost' : `sharing.mode.${value}Hint`)}
                      </Text>
                    </div>
                  </Group>
                </Radio.Card>
              );
            })}
          </SimpleGrid>
        </Radio.Group>

        {isSmartPost && (
          <Alert color="grape" variant="light" data-testid="share-smartpost-hint">
            {t('sharing.smartpost.hint')}
          </Alert>
        )}

        {mode === 'role' ? (
          <Stack gap="xs">
            <RoleFields choice={choice} onChange={setChoice} />
            <Text size="xs" c="dimmed">
              {t('sharing.roleHint')}
            </Text>
          </Stack>
        ) : (
          <Stack gap="sm">
            {isSmartPost && (
              <Fieldset legend={t('sharing.smartpost.fromRole')} variant="filled">
                <Stack gap="sm">
                  <Text size="sm">{t('sharing.smartpost.fromRoleHint')}</Text>
                  <RoleFields choice={choice} onChange={setChoice} />
                  <Group>
                    <Button
                      variant="light"
                      disabled={choice.propertyId === null}
                      loading={taking}
                      onClick={() => void takeFromRole()}
                    >
                      {t('sharing.smartpost.fromRole')}
                    </Button>
                    {taken && (
                      <Text size="sm" data-testid="share-taken-from-role">
                        {t('sharing.smartpost.taken', {
                          count: taken.added,
                          formatted: formatNumber(taken.added),
                        })}{' '}
                        {taken.skipped > 0 &&
                          t('sharing.smartpost.takenSkipped', {
                            count: taken.skipped,
                            formatted: formatNumber(taken.skipped),
                          })}
                      </Text>
                    )}
                  </Group>
                  {takeError && <Alert color="red">{errorMessage(takeError)}</Alert>}
                </Stack>
              </Fieldset>
            )}
            <ContactPicker
              label={t('sharing.contacts')}
              description={t('sharing.contactsHint')}
              placeholder={t('sharing.contactsPlaceholder')}
              value={contacts}
              onChange={setContacts}
            />
          </Stack>
        )}

        <Divider />

        <Stack gap="sm" aria-live="polite">
          {target === null ? (
            <Text c="dimmed" size="sm">
              {t(mode === 'role' ? 'sharing.chooseProperty' : 'sharing.chooseContacts')}
            </Text>
          ) : previewError ? (
            <Alert color="red">{errorMessage(previewError)}</Alert>
          ) : !preview ? (
            <Group gap="xs">
              <Loader size="xs" />
              <Text size="sm" c="dimmed">
                {t('sharing.previewing')}
              </Text>
            </Group>
          ) : (
            <>
              <Group justify="space-between">
                <Group gap="xs" align="baseline">
                  <Text fw={700} size="lg" data-testid="share-recipient-count">
                    {t('sharing.recipientCount', { count, formatted: formatNumber(count) })}
                  </Text>
                  {added.length > 0 && (
                    <Text size="sm" c="dimmed">
                      {t('sharing.alsoCount', { count: added.length, formatted: formatNumber(added.length) })}
                    </Text>
                  )}
                </Group>
                {count > 0 && (
                  <Button variant="subtle" size="xs" onClick={() => setShowRecipients(!showRecipients)}>
                    {t(showRecipients ? 'sharing.hideRecipients' : 'sharing.showRecipients')}
                  </Button>
                )}
              </Group>
              {showRecipients && count > 0 && (
                <RecipientTable
                  contentId={content.id}
                  targetKey={targetKey}
                  preview={preview}
                  added={added}
                />
              )}
              {skipped.length > 0 && (
                <SkippedWarning
                  skipped={skipped}
                  alsoIndividually={alsoIndividually}
                  onAlsoIndividually={setAlsoIndividually}
                />
              )}
              {refused.length > 0 && (
                <RefusedList
                  refused={refused}
                  onRemove={() => {
                    const without = new Set(refused.map((contact) => contact.contactId));
                    setContacts(contacts.filter((contact) => !without.has(contact.id)));
                  }}
                />
              )}
              {needsPostCount > 0 && <NeedsPost count={needsPostCount} contacts={needsPost} />}
              {count === 0 && refused.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t('sharing.nobody')}
                </Text>
              )}
            </>
          )}
        </Stack>

        {sendError && <Alert color="red">{errorMessage(sendError)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('sharing.cancel')}
          </Button>
          <Box>
            <Button disabled={!canShare} loading={sending} onClick={() => void submit()}>
              {t('sharing.submit')}
            </Button>
          </Box>
        </Group>
      </Stack>
    </Modal>
  );
}
