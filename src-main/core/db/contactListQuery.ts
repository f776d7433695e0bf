/**
 * The contact list's SQL (contactRepository.listPage / countByAccessUpTo, the export's batches):
 * its WHERE from the filters, the page and the counts by access state.
 */
import type { ContractType, Grant } from '../../../shared/domain';
import type { InvitationState } from '../../../shared/ipc';
import type { AccessBounds } from './accessRepository';
import { contactSearchMatch } from './contactKeys';

/**
 * SQL expression: the invitation state of contact `c` on :day (see policy/invitationState.ts,
 * `contactInvitationState`, which must give the same answer): 'redeemed' with a portal account;
 * else that of the latest invitation (by created_at, id) — a pending one past its expiry is
 * 'expired'; 'none' when never invited.
 */
export const INVITATION_STATE_SQL = `(CASE
    WHEN EXISTS (SELECT 1 FROM portal_accounts pa WHERE pa.contact_id = c.id) THEN 'redeemed'
    ELSE COALESCE((SELECT CASE WHEN i.state = 'pending' AND i.expires_on < :day THEN 'expired' ELSE i.state END
                   FROM invitations i WHERE i.contact_id = c.id
                   ORDER BY i.created_at DESC, i.id DESC LIMIT 1), 'none')
    END)`;

/** Filters of the contact list, all but paging. `search` is as typed. */
export interface ContactListFilter {
  search: string;
  access: Grant | null;
  propertyId: number | null;
  contractType: ContractType | null;
  invitation: InvitationState | null;
  includeArchived: boolean;
}

type Params = Record<string, string | number>;

export const GRANTS: readonly Grant[] = ['active', 'pre', 'post', 'none'];

/**
 * The grant conditions of the list, branch by branch as CONTACT_GRANT_SQL decides (archived → none,
 * active before pre before post), each a range of contracts_by_contact of the contact `id` — so a
 * count reads neither the contact's row nor more contracts than its state needs.
 */
const ACTIVE_ON_DAY = '(k.start_date <= :day AND (k.end_date IS NULL OR k.end_date >= :day))';
const IN_PRE_WINDOW = '(k.start_date > :day AND k.start_date <= :preUntil)';
const IN_POST_WINDOW = '(k.end_date < :day AND k.end_date >= :postFrom)';
/** Active, pre or post on :day (an end never lies before its start): one range of contracts_by_contact. */
const ANY_ACCESS = '(k.start_date <= :preUntil AND (k.end_date IS NULL OR k.end_date >= :postFrom))';
const contractOf = (id: string, when: string) =>
  `EXISTS (SELECT 1 FROM contracts k WHERE k.contact_id = ${id} AND ${when})`;
const archivedIds = 'SELECT a.id FROM contacts a WHERE a.archived = 1';
/** The contacts with a contract inside the pre or post window: few, an index range on the dates. */
const WINDOW_CONTACTS: Partial<Record<Grant, string>> = {
  pre: `SELECT k.contact_id FROM contracts k WHERE ${IN_PRE_WINDOW}`,
  post: `SELECT k.contact_id FROM contracts k WHERE ${IN_POST_WINDOW}`,
};

function grantConditions(access: Grant, id: string, includeArchived: boolean): string[] {
  // Without includeArchived the list's own condition has left the archived out already.
  const live = includeArchived ? [`${id} NOT IN (${archivedIds})`] : [];
  switch (access) {
    case 'active':
      return [...live, contractOf(id, ACTIVE_ON_DAY)];
    case 'pre':
      return [`${id} IN (${WINDOW_CONTACTS.pre})`, ...live, `NOT ${contractOf(id, ACTIVE_ON_DAY)}`];
    case 'post':
      return [
        `${id} IN (${WINDOW_CONTACTS.post})`,
        ...live,
        `NOT ${contractOf(id, `(${ACTIVE_ON_DAY} OR ${IN_PRE_WINDOW})`)}`,
      ];
    case 'none':
      return includeArchived
        ? [`(${id} IN (${archivedIds}) OR NOT ${contractOf(id, ANY_ACCESS)})`]
        : [`NOT ${contractOf(id, ANY_ACCESS)}`];
  }
}

/**
 * The WHERE conditions of the list, without or with the access filter, and their parameters
 * (the window bounds always included: the grant and invitation expressions use :day). Every
 * condition is on the contact's id, written as `id` (c.id, or the id of a count's driving table).
 *
 * The search is a set of contact ids from the full-text index contact_search (migration 5,
 * contactKeys.contactSearchMatch), tested as `search` says: 'set' — the id is in the list of all
 * matches (built once per statement: cheap for a rare search); 'each' — the index is asked for this
 * id alone (for a few ids against a search matching many); 'drives' — the caller reads
 * contact_search s itself (`s.contact_search MATCH :match`, id = s.rowid).
 */
export function contactListWhere(
  filter: ContactListFilter,
  bounds: AccessBounds,
  id = 'c.id',
  search: SearchUse = 'set',
): { where: string; params: Params } {
  const conditions: string[] = [];
  const params: Params = { ...bounds };
  if (!filter.includeArchived) {
    // A page walks contacts_by_sort_name, where the few archived ids are a set to test (no table reads).
    conditions.push(`${id} NOT IN (${archivedIds})`);
  }

  const match = contactSearchMatch(filter.search);
  if (match !== null) {
    params.match = match;
    conditions.push(
      search === 'drives'
        ? 's.contact_search MATCH :match'
        : search === 'each'
          ? `EXISTS (SELECT 1 FROM contact_search s WHERE s.rowid = ${id} AND contact_search MATCH :match)`
          : `${id} IN (SELECT s.rowid FROM contact_search s WHERE contact_search MATCH :match)`,
    );
  }

  if (filter.propertyId !== null) {
    // Driven from contracts_by_property (property_id, type, contact_id): a property is a small set.
    params.propertyId = filter.propertyId;
    let inProperty = 'SELECT k.contact_id FROM contracts k WHERE k.property_id = :propertyId';
    if (filter.contractType !== null) {
      params.contractType = filter.contractType;
      inProperty += ' AND k.type = :contractType';
    }
    conditions.push(`${id} IN (${inProperty})`);
  } else if (filter.contractType !== null) {
    params.contractType = filter.contractType;
    conditions.push(contractOf(id, 'k.type = :contractType'));
  }

  if (filter.invitation !== null) {
    params.invitation = filter.invitation;
    // Lets the planner start from the (usually few) invited or registered contacts.
    if (filter.invitation === 'redeemed') {
      conditions.push(`${id} IN (SELECT pa.contact_id FROM portal_accounts pa)`);
    } else if (filter.invitation !== 'none') {
      conditions.push(`${id} IN (SELECT i.contact_id FROM invitations i)`);
    }
    conditions.push(`${INVITATION_STATE_SQL.replaceAll('c.id', id)} = :invitation`);
  }

  if (filter.access !== null) {
    params.access = filter.access;
    conditions.push(...grantConditions(filter.access, id, filter.includeArchived));
  }

  return { where: conditions.length === 0 ? '' : `WHERE ${conditions.join('\n  AND ')}`, params };
}

type SearchUse = 'set' | 'each' | 'drives';

/**
 * A search matching at least this many contacts is "common" (a letter or two, "str"): its pages
 * walk the list's order instead of sorting every match, and the pre and post counts ask the index
 * for each contact of their window instead of listing every match.
 */
export const COMMON_SEARCH = 2000;
/** A common search's page looks for its rows among this many first contacts in list order. */
export const COMMON_SEARCH_WALK = 20_000;
/** How many contacts a search matches, counted up to COMMON_SEARCH from the index alone. */
export const SEARCH_MATCHES_UP_TO = `SELECT COUNT(*) AS n FROM (SELECT 1 FROM contact_search
  WHERE contact_search MATCH :match LIMIT ${COMMON_SEARCH})`;

/**
 * One access state's count, up to :bound (a walk that stops there), from the set that drives it:
 * the pre and post states from the contacts with a contract inside their window (few), a search's
 * from the matches of contact_search as its index yields them (no list of all matches first),
 * else the contacts.
 */
function countStatement(filter: ContactListFilter, access: Grant, bounds: AccessBounds, common: boolean) {
  const window = WINDOW_CONTACTS[access];
  const searching = contactSearchMatch(filter.search) !== null && filter.propertyId === null;
  const [from, id, search]: [string, string, SearchUse] =
    window !== undefined
      ? [`(SELECT DISTINCT contact_id AS id FROM (${window})) w`, 'w.id', common ? 'each' : 'set']
      : searching
        ? ['contact_search s', 's.rowid', 'drives']
        : ['contacts c', 'c.id', 'set'];
  const { where, params } = contactListWhere({ ...filter, access }, bounds, id, search);
  return { sql: `SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${from} ${where} LIMIT :bound)`, params };
}

const PAGE_COLUMNS = `c.id, c.salutation, c.title, c.first_name, c.last_name, c.company, c.email,
        c.language, c.reference_id, c.archived, c.anonymised_at,
        EXISTS (SELECT 1 FROM portal_accounts pa WHERE pa.contact_id = c.id) AS registered,
        ${INVITATION_STATE_SQL} AS invitation`;

/**
 * The statements of one list request. Exported for the query-plan tests. Each count is the list's
 * condition with that access state, counted up to :bound (a walk that stops there). `common`: the
 * search matches at least COMMON_SEARCH contacts (SEARCH_MATCHES_UP_TO); then `walk` is the page
 * among the first COMMON_SEARCH_WALK contacts in list order (only their ids and sort names, from
 * contacts_by_sort_name): when it has fewer rows than asked, `page` (every match sorted) answers.
 */
export function contactListStatements(
  filter: ContactListFilter,
  bounds: AccessBounds,
  common = false,
): {
  page: string;
  walk: string | null;
  pageParams: Params;
  counts: Record<Grant, { sql: string; params: Params }>;
} {
  const page = contactListWhere(filter, bounds);
  const counts = Object.fromEntries(
    GRANTS.map((access) => [access, countStatement(filter, access, bounds, common)]),
  ) as Record<Grant, { sql: string; params: Params }>;
  const walk = common ? contactListWhere(filter, bounds, 'w.id') : null;
  return {
    page: `SELECT ${PAGE_COLUMNS}
      FROM contacts c
      ${page.where}
      ORDER BY c.sort_name, c.id
      LIMIT :limit OFFSET :offset`,
    walk:
      walk === null
        ? null
        : `SELECT ${PAGE_COLUMNS}
      FROM contacts c
      WHERE c.id IN (SELECT w.id FROM (SELECT o.id, o.sort_name FROM contacts o INDEXED BY contacts_by_sort_name
          ORDER BY o.sort_name, o.id LIMIT ${COMMON_SEARCH_WALK}) w
        ${walk.where}
        ORDER BY w.sort_name, w.id LIMIT :limit OFFSET :offset)
      ORDER BY c.sort_name, c.id`,
    pageParams: page.params,
    counts,
  };
}
