import type { ReactNode } from 'react';
import { Anchor, Breadcrumbs, Stack, Text } from '@mantine/core';
import type { AppError } from '../../../../shared/errors';
import { LoadStatus } from './LoadStatus';

/** "List › Item" above a detail page: the list is a link back to it; the item once it has loaded. */
export function DetailBreadcrumbs({
  listLabel,
  onOpenList,
  itemLabel,
}: {
  listLabel: string;
  onOpenList(): void;
  itemLabel: string | undefined;
}) {
  return (
    <Breadcrumbs>
      <Anchor component="button" type="button" size="sm" onClick={onOpenList}>
        {listLabel}
      </Anchor>
      {itemLabel !== undefined && <Text size="sm">{itemLabel}</Text>}
    </Breadcrumbs>
  );
}

/** A detail page before its item has loaded: the breadcrumbs, then the error that stopped it or a loader. */
export function DetailPlaceholder({
  breadcrumbs,
  error,
}: {
  breadcrumbs: ReactNode;
  error: AppError | null;
}) {
  return (
    <Stack gap="lg" maw={1100}>
      {breadcrumbs}
      <LoadStatus error={error} />
    </Stack>
  );
}
