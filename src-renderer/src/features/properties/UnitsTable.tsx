import { useState } from 'react';
import { Anchor, Box, Button, Group, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ContractView, UnitView } from '../../../../shared/ipc';
import { AccessBadge } from '../common/AccessBadge';
import { pageCount } from '../common/paging';
import { ListPagination } from '../common/ListPagination';
import { formatDate } from '../../i18n';
import { useAppStore } from '../../stores/appStore';

const PAGE_SIZE = 50;

function matches(unit: UnitView, search: string): boolean {
  const needle = search.trim().toLocaleLowerCase();
  if (!needle) return true;
  const texts = [unit.number, unit.name, unit.referenceId ?? '']
    .concat(unit.current.map((contract) => contract.contactName))
    .concat(unit.next.map((contract) => contract.contactName));
  return texts.some((text) => text.toLocaleLowerCase().includes(needle));
}

/** "Mieter Erika Muster" over "[Aktiver Vertrag] Vertragsbeginn 01.01.2020 · Vertragsende 31.12.2026". */
function ContractLine({ contract }: { contract: ContractView }) {
  const { t } = useTranslation();
  const navigate = useAppStore((state) => state.navigate);
  return (
    <Stack gap={4}>
      <Group gap={6}>
        <Text size="sm" c="dimmed">
          {t(`contract.type.${contract.type}`)}
        </Text>
        <Anchor
          component="button"
          type="button"
          size="sm"
          fw={500}
          onClick={() => navigate({ page: 'contact', id: contract.contactId })}
        >
          {contract.contactName}
        </Anchor>
      </Group>
      <Group gap={6}>
        {/* The whole badge text, never an ellipsis, however narrow the column. */}
        <Box style={{ minWidth: 'max-content' }}>
          <AccessBadge access={contract.access} />
        </Box>
        <Text size="xs" c="dimmed">
          {t('properties.units.start', { date: formatDate(contract.start) })}
          {' · '}
          {contract.end
            ? t('properties.units.end', { date: formatDate(contract.end) })
            : t('properties.units.openEnded')}
        </Text>
      </Group>
    </Stack>
  );
}

interface Props {
  units: UnitView[];
  onCreate(): void;
  onEdit(unit: UnitView): void;
}

/** Einheiten of one property, with the contracts running today and the next one to start. */
export function UnitsTable({ units, onCreate, onEdit }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);

  const shown = units.filter((unit) => matches(unit, search));
  const pages = pageCount(shown.length, PAGE_SIZE);
  const current = Math.min(page, pages);
  const rows = shown.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <TextInput
            label={t('properties.units.search')}
            placeholder={t('properties.units.searchPlaceholder')}
            w={320}
            value={search}
            onChange={(event) => {
              setSearch(event.currentTarget.value);
              setPage(1);
            }}
          />
          <Text size="sm" c="dimmed" pb={8}>
            {t('properties.units.count', { count: shown.length })}
          </Text>
        </Group>
        <Button variant="light" onClick={onCreate}>
          {t('properties.units.create')}
        </Button>
      </Group>
      <Table withTableBorder verticalSpacing="sm" data-testid="units-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('properties.units.columns.unit')}</Table.Th>
            <Table.Th>{t('properties.units.columns.usage')}</Table.Th>
            <Table.Th>{t('properties.units.columns.current')}</Table.Th>
            <Table.Th>{t('properties.units.columns.next')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('properties.units.columns.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((unit) => (
            <Table.Tr key={unit.id} data-testid={`unit-${unit.id}`}>
              <Table.Td>
                <Text fw={600} size="sm">
                  {unit.number}
                </Text>
                <Text size="sm">{unit.name}</Text>
                {unit.referenceId && (
                  <Text size="xs" c="dimmed">
                    {t('properties.referenceId', { referenceId: unit.referenceId })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`properties.usage.${unit.usage}`)}</Text>
              </Table.Td>
              <Table.Td>
                {unit.current.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('properties.units.noCurrent')}
                  </Text>
                ) : (
                  <Stack gap="xs">
                    {unit.current.map((contract) => (
                      <ContractLine key={contract.id} contract={contract} />
                    ))}
                  </Stack>
                )}
              </Table.Td>
              <Table.Td>
                {unit.next.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('properties.units.noNext')}
                  </Text>
                ) : (
                  <Stack gap="xs">
                    {unit.next.map((contract) => (
                      <ContractLine key={contract.id} contract={contract} />
                    ))}
                  </Stack>
                )}
              </Table.Td>
              <Table.Td ta="right">
                <Button
                  variant="subtle"
                  size="xs"
                  aria-label={t('properties.units.editLabel', { number: unit.number })}
                  onClick={() => onEdit(unit)}
                >
                  {t('app.edit')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
          {rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={5}>
                <Text c="dimmed" ta="center" py="md">
                  {t('properties.units.noMatch', { search: search.trim() })}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
      <ListPagination pages={pages} value={current} onChange={setPage} />
    </Stack>
  );
}
