import { useEffect, useState } from 'react';
import {
  Alert,
  Badge,
  Breadcrumbs,
  Button,
  Card,
  Center,
  Checkbox,
  EmptyState,
  Group,
  Loader,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeletionCandidatePage } from '../../../../shared/ipc';
import { errorMessage, formatDate, formatNumber } from '../../i18n';
import { useAppStore } from '../../stores/appStore';
import { CANDIDATE_PAGE_SIZE, useDataProtectionStore } from '../../stores/dataProtectionStore';
import { ListPagination } from '../common/ListPagination';
import { notifyError, notifySuccess } from '../common/notify';
import { RowLink } from '../common/RowLink';
import { AnonymiseConfirmation } from './AnonymiseConfirmation';
import { RetentionCard } from './RetentionCard';

/** Administration › Datenschutz: the retention period and the deletion candidates. */
export function DataProtectionPage() {
  const { t } = useTranslation();
  const { settings, candidates, error, load } = useDataProtectionStore();
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Stack gap="lg" maw={1200}>
      <Breadcrumbs>
        <Text size="sm">{t('nav.administration')}</Text>
        <Text size="sm">{t('nav.dataProtection')}</Text>
      </Breadcrumbs>
      <Title order={2}>{t('dataProtection.title')}</Title>
      <Text c="dimmed">{t('dataProtection.intro')}</Text>
      {error && <Alert color="red">{errorMessage(error)}</Alert>}
      {!settings && !error && (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      )}
      {/* A newly saved period starts a fresh form. */}
      {settings && <RetentionCard key={settings.retentionMonths} saved={settings} />}
      {candidates && <Candidates candidates={candidates} />}
    </Stack>
  );
}

function Candidates({ candidates }: { candidates: DeletionCandidatePage }) {
  const { t } = useTranslation();
  const { page, loading, selected, setPage, select, clearSelection, anonymiseSelected } =
    useDataProtectionStore();
  const navigate = useAppStore((state) => state.navigate);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  const { total, items, cutoff, retentionMonths } = candidates;
  const names = Object.values(selected);
  const onPage = items.filter((candidate) => candidate.id in selected).length;
  const pages = Math.max(1, Math.ceil(total / CANDIDATE_PAGE_SIZE));
  const from = total === 0 ? 0 : (page - 1) * CANDIDATE_PAGE_SIZE + 1;
  const to = Math.min(total, page * CANDIDATE_PAGE_SIZE);

  async function onConfirm() {
    setBusy(true);
    const result = await anonymiseSelected();
    setBusy(false);
    setConfirming(false);
    if (!result.ok) return notifyError(result.error);
    const count = result.value.anonymised;
    notifySuccess(t('dataProtection.done', { count, formatted: formatNumber(count) }));
  }

  return (
    <Card withBorder padding="lg">
      <Stack gap="md">
        <Group justify="space-between" align="flex-end">
          <Stack gap={4}>
            <Title order={3}>{t('dataProtection.candidates.title')}</Title>
            <Text size="sm" c="dimmed" data-testid="candidates-summary">
              {t('dataProtection.candidates.summary', {
                count: total,
                formatted: formatNumber(total),
                months: retentionMonths,
                cutoff: formatDate(cutoff),
              })}
            </Text>
          </Stack>
          <Group>
            {names.length > 0 && (
              <Button variant="default" onClick={clearSelection}>
                {t('dataProtection.candidates.clearSelection')}
              </Button>
            )}
            <Button color="red" disabled={names.length === 0} onClick={() => setConfirming(true)}>
              {t('dataProtection.candidates.anonymise', {
                count: names.length,
                formatted: formatNumber(names.length),
              })}
            </Button>
          </Group>
        </Group>

        {total === 0 ? (
          <EmptyState
            title={t('dataProtection.candidates.empty.title')}
            description={t('dataProtection.candidates.empty.text', { cutoff: formatDate(cutoff) })}
          />
        ) : (
          <>
            <Text size="sm" c="dimmed" data-testid="candidates-range">
              {t('dataProtection.candidates.range', {
                from: formatNumber(from),
                to: formatNumber(to),
                total: formatNumber(total),
              })}
            </Text>
            <Table.ScrollContainer minWidth={900}>
              <Table
                withTableBorder
                verticalSpacing="sm"
                style={{ opacity: loading ? 0.6 : 1 }}
                data-testid="candidates-table"
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={40}>
                      <Checkbox
                        aria-label={t('dataProtection.candidates.selectPage')}
                        checked={onPage === items.length}
                        indeterminate={onPage > 0 && onPage < items.length}
                        onChange={(event) => select(items, event.currentTarget.checked)}
                      />
                    </Table.Th>
                    <Table.Th>{t('dataProtection.candidates.columns.name')}</Table.Th>
                    <Table.Th>{t('dataProtection.candidates.columns.reference')}</Table.Th>
                    <Table.Th>{t('dataProtection.candidates.columns.lastContract')}</Table.Th>
                    <Table.Th>{t('dataProtection.candidates.columns.contractEnd')}</Table.Th>
                    <Table.Th>{t('dataProtection.candidates.columns.accessEnd')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((candidate) => (
                    <Table.Tr key={candidate.id}>
                      <Table.Td>
                        <Checkbox
                          aria-label={t('dataProtection.candidates.select', { name: candidate.displayName })}
                          checked={candidate.id in selected}
                          onChange={(event) => select([candidate], event.currentTarget.checked)}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <RowLink
                            size="sm"
                            ta="left"
                            onOpen={() => navigate({ page: 'contact', id: candidate.id })}
                          >
                            {candidate.displayName}
                          </RowLink>
                          {candidate.archived && (
                            <Badge variant="light" color="gray">
                              {t('dataProtection.candidates.archived')}
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>{candidate.referenceId}</Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {t(`contract.type.${candidate.lastContract.type}`)} ·{' '}
                          {candidate.lastContract.unitName}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {candidate.lastContract.propertyName} · {candidate.lastContract.number}
                        </Text>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {formatDate(candidate.lastContract.end)}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(candidate.accessEnd)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <ListPagination pages={pages} value={page} onChange={(next) => void setPage(next)} />
          </>
        )}
      </Stack>
      {confirming && (
        <AnonymiseConfirmation
          names={names}
          busy={busy}
          onConfirm={() => void onConfirm()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </Card>
  );
}
