import { useState } from 'react';
import { Alert, Box, Group, Stack, Table } from '@mantine/core';
import { skipToken } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SHARE_RECIPIENT_PAGE_SIZE } from '../../../../shared/contract/content';
import type { SharePreview, ShareTarget, SkippedRecipient } from '../../../../shared/ipc';
import { useChannelQuery } from '../../api/queries';
import { errorMessage } from '../../i18n';
import { AccessBadge } from '../common/AccessBadge';
import { ListPagination, ListRange } from '../common/ListPagination';
import { pageCount, pageRows } from '../common/paging';
import { ScrollRegion } from '../common/ScrollRegion';

/**
 * "Empfänger anzeigen": the recipients by name, a page at a time — the first page comes with the
 * preview, the others from sharing.recipients —, followed by the skipped contacts added one by one.
 */
export function RecipientTable({
  contentId,
  target,
  preview,
  added,
}: {
  contentId: number;
  /** The target the preview answers; another one starts again at its first page. */
  target: ShareTarget;
  preview: SharePreview;
  added: SkippedRecipient[];
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState({ target, page: 1 });
  const total = preview.recipientCount + added.length;
  const pages = pageCount(total, SHARE_RECIPIENT_PAGE_SIZE);
  const page = Math.min(chosen.target === target ? chosen.page : 1, pages);
  const { offset, limit } = pageRows(page, SHARE_RECIPIENT_PAGE_SIZE);
  // The page's rows: recipients from the core first, then the added contacts.
  const fromCore = Math.max(0, Math.min(limit, preview.recipientCount - offset));
  const needsRequest = page > 1 && fromCore > 0;
  const pageAnswer = useChannelQuery(
    'sharing.recipients',
    needsRequest ? { contentId, target, offset, limit: fromCore } : skipToken,
    { keepPrevious: true },
  );
  const loading = needsRequest && (pageAnswer.isPlaceholderData || !pageAnswer.data);
  // While another page loads, the last one stays, dimmed.
  const coreRows = (needsRequest ? pageAnswer.data?.items : undefined) ?? preview.recipients;
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
          aria-busy={loading}
          style={{ opacity: loading ? 0.6 : 1 }}
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
      {needsRequest && pageAnswer.error && <Alert color="red">{errorMessage(pageAnswer.error)}</Alert>}
      {pages > 1 && (
        <Group justify="space-between">
          <ListRange
            total={total}
            page={page}
            pageSize={SHARE_RECIPIENT_PAGE_SIZE}
            testId="share-recipients-range"
          />
          <ListPagination pages={pages} value={page} onChange={(next) => setChosen({ target, page: next })} />
        </Group>
      )}
    </Stack>
  );
}
