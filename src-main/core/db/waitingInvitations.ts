/** Pending invitations nobody has taken up for a while (the Übersicht's to-do list). */
import type { IsoDate } from '../../../shared/domain';
import type { Db } from './connection';

/**
 * Invitations still pending and valid on `today` (expires_on ≥ today) that were made before
 * `sentBefore` (a day: made on an earlier day).
 */
export async function countWaitingInvitations(db: Db, today: IsoDate, sentBefore: IsoDate): Promise<number> {
  const row = db
    .prepare<[IsoDate, IsoDate], { n: number }>(
      `SELECT COUNT(*) AS n FROM invitations
        WHERE state = 'pending' AND expires_on >= ? AND created_at < ?`,
    )
    .get(today, sentBefore);
  return Promise.resolve(row?.n ?? 0);
}
