import type { ReactNode } from 'react';
import { Group, Pagination, Table, Text, type TableProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n';

/** Page switcher under a list, with translated labels for screen readers; hidden for a single page. */
export function ListPagination({
  pages,
  value,
  onChange,
  justify = 'center',
}: {
  pages: number;
  /** 1-based, as Mantine counts pages. */
  value: number;
  onChange: (page: number) => void;
  justify?: 'center' | 'flex-end';
}) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <Group justify={justify}>
      <Pagination
        total={pages}
        value={value}
        onChange={onChange}
        getControlProps={(control) => ({ 'aria-label': t(`app.pagination.${control}`) })}
        getItemProps={(item) => ({ 'aria-label': t('app.pagination.page', { page: item }) })}
      />
    </Group>
  );
}

/** "26–50 von 312": which rows of a list the 1-based `page` shows; nothing for an empty list. */
export function ListRange({
  total,
  page,
  pageSize,
  testId,
}: {
  total: number;
  page: number;
  pageSize: number;
  testId: string;
}) {
  const { t } = useTranslation();
  if (total === 0) return null;
  return (
    <Text size="sm" c="dimmed" data-testid={testId}>
      {t('app.pagination.range', {
        from: formatNumber((page - 1) * pageSize + 1),
        to: formatNumber(Math.min(total, page * pageSize)),
        total: formatNumber(total),
      })}
    </Text>
  );
}

/** The table of one page of a list: scrolls sideways in a narrow window, dimmed while another page loads. */
export function PageTable({
  loading,
  children,
  ...props
}: TableProps & { loading: boolean; children: ReactNode; 'data-testid': string }) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table withTableBorder verticalSpacing="sm" style={{ opacity: loading ? 0.6 : 1 }} {...props}>
        {children}
      </Table>
    </Table.ScrollContainer>
  );
}
