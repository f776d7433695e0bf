import { useState } from 'react';
import { Button, Card, EmptyState, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PropertySummary } from '../../../../shared/ipc';
import { LoadStatus } from '../common/LoadStatus';
import { notifySuccess } from '../common/notify';
import { PageHeader } from '../common/PageHeader';
import { RowLink } from '../common/RowLink';
import { formatNumber } from '../../i18n';
import { useAppStore } from '../../stores/appStore';
import { useChannelQuery } from '../../api/queries';
import { PropertyFormModal } from './PropertyFormModal';

function matches(property: PropertySummary, search: string): boolean {
  const needle = search.trim().toLocaleLowerCase();
  if (!needle) return true;
  return [property.name, property.address, property.referenceId ?? ''].some((text) =>
    text.toLocaleLowerCase().includes(needle),
  );
}

/** Liegenschaften: every property with its main address, units and contacts with an active contract. */
export function PropertiesPage() {
  const { t } = useTranslation();
  const { data: list, error: listError } = useChannelQuery('properties.list', undefined);
  const navigate = useAppStore((state) => state.navigate);
  const [creating, setCreating] = useState(false);
  const [search, setSearch] = useState('');

  const open = (id: number) => navigate({ page: 'property', id });
  const shown = list?.filter((property) => matches(property, search)) ?? [];

  return (
    <Stack gap="lg" maw={1100}>
      <PageHeader
        title={t('properties.title')}
        intro={t('properties.intro')}
        action={<Button onClick={() => setCreating(true)}>{t('properties.create')}</Button>}
      />

      <LoadStatus error={listError} loaded={list !== undefined} />

      {list && list.length === 0 && (
        <Card withBorder padding="xl">
          <EmptyState title={t('properties.empty.title')} description={t('properties.empty.text')}>
            <EmptyState.Actions>
              <Button onClick={() => setCreating(true)}>{t('properties.create')}</Button>
            </EmptyState.Actions>
          </EmptyState>
        </Card>
      )}

      {list && list.length > 0 && (
        <Stack gap="sm">
          <Group justify="space-between" align="flex-end">
            <TextInput
              label={t('properties.search')}
              placeholder={t('properties.searchPlaceholder')}
              w={360}
              value={search}
              onChange={(event) => setSearch(event.currentTarget.value)}
            />
            <Text size="sm" c="dimmed" aria-live="polite">
              {t('properties.count', { count: shown.length })}
            </Text>
          </Group>
          <Table highlightOnHover withTableBorder verticalSpacing="sm" data-testid="properties-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('properties.columns.name')}</Table.Th>
                <Table.Th>{t('properties.columns.address')}</Table.Th>
                <Table.Th ta="right">{t('properties.columns.units')}</Table.Th>
                <Table.Th ta="right">{t('properties.columns.activeContacts')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((property) => (
                <Table.Tr key={property.id} style={{ cursor: 'pointer' }} onClick={() => open(property.id)}>
                  <Table.Td>
                    <RowLink fw={600} onOpen={() => open(property.id)}>
                      {property.name}
                    </RowLink>
                    {property.referenceId && (
                      <Text size="xs" c="dimmed">
                        {t('properties.referenceId', { referenceId: property.referenceId })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{property.address}</Table.Td>
                  <Table.Td ta="right">{formatNumber(property.units)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(property.activeContacts)}</Table.Td>
                </Table.Tr>
              ))}
              {shown.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={4}>
                    <Text c="dimmed" ta="center" py="md">
                      {t('properties.noMatch', { search: search.trim() })}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Stack>
      )}

      {creating && (
        <PropertyFormModal
          property={null}
          onClose={() => setCreating(false)}
          onSaved={(property) => {
            setCreating(false);
            notifySuccess(t('properties.created', { name: property.name }));
            open(property.id);
          }}
        />
      )}
    </Stack>
  );
}
