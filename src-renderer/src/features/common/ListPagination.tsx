import { Group, Pagination } from '@mantine/core';
import { useTranslation } from 'react-i18next';

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
