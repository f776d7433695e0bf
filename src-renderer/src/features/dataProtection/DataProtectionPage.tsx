import { useState } from 'react';
import { Badge, Button, Card, Checkbox, EmptyState, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../i18n';
import { useAppStore } from '../../stores/appStore';
import { useChannelMutation, useChannelQuery } from '../../api/queries';
import { usePagedQuery } from '../common/paging';
import { ListPagination, ListRange, PageTable } from '../common/ListPagination';
import { LoadStatus } from '../common/LoadStatus';
import { notifyError, notifySuccess } from '../common/notify';
import { PageHeader } from '../common/PageHeader';
import { RowLink } from '../common/RowLink';
import { AnonymiseConfirmation } from './AnonymiseConfirmation';
import { useCandidateSelection } from './candidateSelection';
import { RetentionCard } from './RetentionCard';

const CANDIDATE_PAGE_SIZE = 25;

/** Administration › Datenschutz: the retention period and the deletion candidates. */
export function DataProtectionPage() {
  const { t } = useTranslation();
  const { data: settings, error } = useChannelQuery('dataProtection.getSettings', undefined);

  return (
    <Stack gap="lg" maw={1200}>
      <PageHeader
        crumbs={[t('nav.administration'), t('nav.dataProtection')]}
        title={t('dataProtection.title')}
        intro={t('dataProtection.intro')}
      />
      <LoadStatus error={error} loaded={settings !== undefined} />
      {/* A newly saved period starts a fresh form. */}
      {settings && <RetentionCard key={settings.retentionMonths} saved={settings} />}
      <Candidates />
    </Stack>
  );
}

function Candidates() {
  const { t } = useTranslation();
  const list = usePagedQuery('dataProtection.candidates', {}, CANDIDATE_PAGE_SIZE);
  const { selected, select, clear: clearSelection } = useCandidateSelection();
  const anonymise = useChannelMutation('dataProtection.anonymise');
  const navigate = useAppStore((state) => state.navigate);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  if (list.error) return <LoadStatus error={list.error} />;
  if (!list.data) return null;
  const { page, pages, setPage } = list;
  const loading = list.isPlaceholderData;
  const { total, items, cutoff, retentionMonths } = list.data;
  const names = Object.values(selected);
  const onPage = items.filter((candidate) => candidate.id in selected).length;

  async function onConfirm() {
    setBusy(true);
    const result = await anonymise.mutateAsync({ contactIds: Object.keys(selected).map(Number) });
    clearSelection();
    setBusy(false);
    setConfirming(false);
    if (!result.ok) return notifyError(result.error);
    const count = result.value.anonymised;
    notifySuccess(t('dataProtection.done', { count }));
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
            <ListRange total={total} page={page} pageSize={CANDIDATE_PAGE_SIZE} testId="candidates-range" />
            <PageTable loading={loading} data-testid="candidates-table">
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
            </PageTable>
            <ListPagination pages={pages} value={page} onChange={setPage} />
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
