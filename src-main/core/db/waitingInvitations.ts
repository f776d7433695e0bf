/** Pending invitations nobody has taken up for a while (the Übersicht's to-do list). */
import { sql } from 'kysely';
import type { IsoDate } from '../../../shared/domain';
import type { Store } from './store';

/**
 * Invitations still pending and valid on `today` (expires_on ≥ today) that were made before
 * `sentBefore` (a day: made on an earlier day).
 */
export async function countWaitingInvitations(
  store: Store,
  today: IsoDate,
  sentBefore: IsoDate,
): Promise<number> {
  const row = await store.first(
    sql<{ n: number }>`SELECT COUNT(*) AS n FROM invitations
      WHERE state = 'pending' AND expires_on >= ${today} AND created_at < ${sentBefore}`,
  );
  return row?.n ?? 0;
}
