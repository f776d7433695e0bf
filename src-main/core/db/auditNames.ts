import { sql, type RawBuilder } from 'kysely';
import type { ContractType, ShareRole } from '../../../shared/domain';
import type { ContentKind } from '../../../shared/ipc';
import type { ContactRow } from './contactRepository';
import { idList } from './engineSql';
import type { Store } from './store';

export type ContactNameRow = Pick<
  ContactRow,
  'salutation' | 'title' | 'first_name' | 'last_name' | 'company' | 'language'
>;

export interface AuditContract {
  contactId: number;
  type: ContractType;
  number: string;
  unitId: number;
}
export interface AuditShare {
  contentId: number;
  contactId: number | null;
  role: ShareRole | null;
  propertyId: number | null;
}
export interface AuditUnit {
  name: string;
  number: string;
  propertyId: number;
}

/** Per kind of thing named, the statement reading some of them by id (each row with its `id`). */
const READS = {
  contact: (ids: RawBuilder<unknown>) =>
    sql<
      ContactNameRow & { id: number }
    >`SELECT id, salutation, title, first_name, last_name, company, language
      FROM contacts WHERE id IN (${ids})`,
  property: (ids: RawBuilder<unknown>) =>
    sql<{ id: number; name: string }>`SELECT id, name FROM properties WHERE id IN (${ids})`,
  unit: (ids: RawBuilder<unknown>) =>
    sql<
      AuditUnit & { id: number }
    >`SELECT id, name, number, property_id AS "propertyId" FROM units WHERE id IN (${ids})`,
  content: (ids: RawBuilder<unknown>) =>
    sql<{
      id: number;
      title: string;
      kind: ContentKind;
    }>`SELECT id, title, kind FROM contents WHERE id IN (${ids})`,
  contract: (ids: RawBuilder<unknown>) =>
    sql<
      AuditContract & { id: number }
    >`SELECT id, contact_id AS "contactId", type, number, unit_id AS "unitId"
      FROM contracts WHERE id IN (${ids})`,
  share: (ids: RawBuilder<unknown>) =>
    sql<AuditShare & { id: number }>`SELECT id, content_id AS "contentId", contact_id AS "contactId", role,
      property_id AS "propertyId" FROM shares WHERE id IN (${ids})`,
  invitation: (ids: RawBuilder<unknown>) =>
    sql<{
      id: number;
      contactId: number;
    }>`SELECT id, contact_id AS "contactId" FROM invitations WHERE id IN (${ids})`,
  outbox: (ids: RawBuilder<unknown>) =>
    sql<{
      id: number;
      contactId: number | null;
      recipient: string;
    }>`SELECT id, contact_id AS "contactId", recipient FROM outbox WHERE id IN (${ids})`,
};
type Kind = keyof typeof READS;
type Found<K extends Kind> = Omit<
  Awaited<ReturnType<ReturnType<(typeof READS)[K]>['execute']>>['rows'][number],
  'id'
>;

/** What a sentence is told of a thing: a property by its name, an invitation by its contact. */
const ANSWER = {
  property: (row: Found<'property'>) => row.name,
  invitation: (row: Found<'invitation'>) => row.contactId,
};
type Answer<K extends Kind> = K extends keyof typeof ANSWER ? ReturnType<(typeof ANSWER)[K]> : Found<K>;

export type AuditNames = { readonly [K in Kind]: (id: number) => Answer<K> | null };

/** Rounds of reading at most: a name found can name another (a contract its contact), three deep. */
const ROUNDS = 5;

/**
 * What the Protokoll needs to name the things its rows are about, by id, each answer kept for the life
 * of this object (one page or one export), so a long export reads each once. The sentences ask
 * synchronously (`names`); `resolve(render)` renders, reads every id the rendering asked for and did
 * not have yet (one statement per kind), and renders again until nothing is missing.
 * Withdrawn contents and anonymised contacts are still found: they are named as they are now.
 */
export function auditNames(store: Store) {
  const known = new Map<Kind, Map<number, unknown>>();
  const missing = new Map<Kind, Set<number>>();
  const kinds = Object.keys(READS) as Kind[];
  for (const kind of kinds) {
    known.set(kind, new Map());
    missing.set(kind, new Set());
  }
  const ask =
    <K extends Kind>(kind: K) =>
    (id: number): Answer<K> | null => {
      const seen = known.get(kind)!;
      if (seen.has(id)) return seen.get(id) as Answer<K> | null;
      missing.get(kind)!.add(id);
      return null;
    };
  const names = Object.fromEntries(kinds.map((kind) => [kind, ask(kind)])) as unknown as AuditNames;

  async function read(kind: Kind, ids: number[]): Promise<void> {
    const rows = (await store.all(READS[kind](idList(store, ids)) as RawBuilder<{ id: number }>)) as ({
      id: number;
    } & Record<string, unknown>)[];
    const seen = known.get(kind)!;
    for (const id of ids) seen.set(id, null);
    const answer = (ANSWER as Record<string, (row: never) => unknown>)[kind];
    for (const { id, ...row } of rows) seen.set(id, answer ? answer(row as never) : row);
  }

  return {
    names,
    async resolve<T>(render: () => T): Promise<T> {
      for (let round = 1; ; round += 1) {
        const result = render();
        const asked = kinds.filter((kind) => missing.get(kind)!.size > 0);
        if (asked.length === 0 || round === ROUNDS) return result;
        for (const kind of asked) {
          const ids = [...missing.get(kind)!];
          missing.get(kind)!.clear();
          await read(kind, ids);
        }
      }
    },
  };
}
