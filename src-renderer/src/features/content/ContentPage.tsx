import { useState } from 'react';
import {
  Badge,
  Box,
  Button,
  Card,
  EmptyState,
  Group,
  Menu,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { contentKinds, type ContentKind } from '../../../../shared/contract/content';
import { create } from 'zustand';
import { useChannelMutation, useChannelQuery } from '../../api/queries';
import { formatInstantDate } from '../../i18n';
import { useAppStore } from '../../stores/appStore';
import { pageCount, pageRows } from '../common/paging';
import { ListPagination } from '../common/ListPagination';
import { LoadStatus } from '../common/LoadStatus';
import { notifySuccess } from '../common/notify';
import { RowLink } from '../common/RowLink';
import { ContentForm } from './ContentForm';

const CONTENT_PAGE_SIZE = 50;

/** The list's tab (null = every kind) and page: kept while a content is open, for the way back. */
const useContentListView = create<{
  kind: ContentKind | null;
  page: number;
  show(view: { kind: ContentKind | null; page: number }): void;
}>((set) => ({ kind: null, page: 1, show: (view) => set(view) }));

export const kindColors: Record<ContentKind, string> = {
  announcement: 'teal',
  appointment: 'blue',
  document: 'gray',
  smartpost: 'grape',
  process: 'orange',
};

/** "Mitteilung", "Termin", …: the kind of one content item. */
export function KindBadge({ kind }: { kind: ContentKind }) {
  const { t } = useTranslation();
  return (
    <Badge color={kindColors[kind]} variant="light" tt="none" style={{ flexShrink: 0, overflow: 'visible' }}>
      {t(`content.kind.${kind}`)}
    </Badge>
  );
}

/** "Neue Mitteilung" in a kind's tab; under "Alle" a menu "Neu" with every kind. */
function NewButton({ kind, onCreate }: { kind: ContentKind | null; onCreate(kind: ContentKind): void }) {
  const { t } = useTranslation();
  if (kind) return <Button onClick={() => onCreate(kind)}>{t(`content.new.${kind}`)}</Button>;
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button>{t('content.new.menu')}</Button>
      </Menu.Target>
      <Menu.Dropdown>
        {contentKinds.map((each) => (
          <Menu.Item key={each} onClick={() => onCreate(each)}>
            {t(`content.new.${each}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

function ContentTable() {
  const { t } = useTranslation();
  const { kind, page, show } = useContentListView();
  const { data, error } = useChannelQuery(
    'content.list',
    { kind, ...pageRows(page, CONTENT_PAGE_SIZE) },
    { keepPrevious: true },
  );
  const navigate = useAppStore((state) => state.navigate);
  const open = (id: number) => navigate({ page: 'content', id });

  if (!data) return <LoadStatus error={error} />;
  const { items, total } = data;
  if (total === 0) {
    return (
      <Card withBorder padding="xl">
        <EmptyState title={t(`content.empty.${kind ?? 'all'}`)} description={t('content.empty.text')} />
      </Card>
    );
  }
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed" data-testid="content-total">
        {t('content.count', { count: total })}
      </Text>
      <Table highlightOnHover withTableBorder verticalSpacing="sm" data-testid="content-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('content.columns.title')}</Table.Th>
            <Table.Th>{t('content.columns.kind')}</Table.Th>
            <Table.Th>{t('content.columns.property')}</Table.Th>
            <Table.Th>{t('content.columns.created')}</Table.Th>
            <Table.Th>{t('content.columns.visible')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id} style={{ cursor: 'pointer' }} onClick={() => open(item.id)}>
              <Table.Td>
                <RowLink fw={600} ta="left" onOpen={() => open(item.id)}>
                  {item.title}
                </RowLink>
              </Table.Td>
              <Table.Td>
                <Box miw="max-content">
                  <KindBadge kind={item.kind} />
                </Box>
              </Table.Td>
              <Table.Td>{item.propertyName ?? t('content.noProperty')}</Table.Td>
              <Table.Td>{formatInstantDate(item.createdAt)}</Table.Td>
              <Table.Td>
                <Text size="sm" c={item.visibleTo === 0 ? 'dimmed' : undefined}>
                  {t('content.visibleTo', { count: item.visibleTo })}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <ListPagination
        pages={pageCount(total, CONTENT_PAGE_SIZE)}
        value={page}
        onChange={(value) => show({ kind, page: value })}
        justify="flex-end"
      />
    </Stack>
  );
}

/** Inhalte: Mitteilungen, Termine, Dokumente, SmartPost and Vorgänge, by kind, with "Neu". */
export function ContentPage() {
  const { t } = useTranslation();
  const { kind, show } = useContentListView();
  const create = useChannelMutation('content.create');
  const navigate = useAppStore((state) => state.navigate);
  const [creating, setCreating] = useState<ContentKind | null>(null);

  return (
    <Stack gap="lg" maw={1200}>
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <Stack gap={4} maw={760}>
          <Title order={2}>{t('content.title')}</Title>
          <Text c="dimmed">{t('content.intro')}</Text>
        </Stack>
        <Box style={{ flexShrink: 0 }}>
          <NewButton kind={kind} onCreate={setCreating} />
        </Box>
      </Group>

      <Tabs
        value={kind ?? 'all'}
        onChange={(value) =>
          show({ kind: value === 'all' || value === null ? null : (value as ContentKind), page: 1 })
        }
        keepMounted={false}
      >
        <Tabs.List aria-label={t('content.kindFilter')}>
          <Tabs.Tab value="all">{t('content.all')}</Tabs.Tab>
          {contentKinds.map((each) => (
            <Tabs.Tab key={each} value={each}>
              {t(`content.kinds.${each}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {['all', ...contentKinds].map((each) => (
          <Tabs.Panel key={each} value={each} pt="md">
            <ContentTable />
          </Tabs.Panel>
        ))}
      </Tabs>

      {creating && (
        <ContentForm
          kind={creating}
          onClose={() => setCreating(null)}
          onSubmit={async (input) => {
            const result = await create.mutateAsync(input);
            if (result.ok) {
              notifySuccess(t('content.created', { title: result.value.title }));
              navigate({ page: 'content', id: result.value.id });
            }
            return result;
          }}
        />
      )}
    </Stack>
  );
}
