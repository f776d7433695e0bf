import { useState } from 'react';
import type { Channel, Request, Response } from '../../../../shared/ipc';
import { useChannelQuery } from '../../api/queries';

/** Lists paged by SQL. Pages are 1-based, as Mantine's Pagination counts them. */

/** How many pages `total` rows fill; an empty list still has its one (empty) page. */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** The rows of `page`, as a list request asks for them. */
export function pageRows(page: number, pageSize: number): { offset: number; limit: number } {
  return { offset: (page - 1) * pageSize, limit: pageSize };
}

/** Channels answering one page of a list: `{ total, items }` for an offset and a limit. */
type PagedChannel = {
  [C in Channel]: Response<C> extends { total: number; items: unknown[] }
    ? Request<C> extends { offset?: number; limit?: number }
      ? C
      : never
    : never;
}[Channel];

/**
 * Page `page` of a list under `filter`. The page shown stays on screen while the next one loads; a
 * page that emptied (its rows were sent, anonymised, …) gives way to the last page there is.
 * Whoever changes `filter` goes back to page 1 with `setPage(1)`.
 */
export function usePagedQuery<C extends PagedChannel>(
  channel: C,
  filter: Omit<Request<C>, 'offset' | 'limit'>,
  pageSize: number,
) {
  const [page, setPage] = useState(1);
  const query = useChannelQuery(channel, { ...filter, ...pageRows(page, pageSize) } as Request<C>, {
    keepPrevious: true,
  });
  const answer = query.data as { total: number } | undefined;
  const pages = pageCount(answer?.total ?? 0, pageSize);
  if (answer && !query.isPlaceholderData && page > pages) setPage(pages);
  return { ...query, page, pages, setPage };
}
