/**
 * The audit log on both engines of the storage port: rows written in order with the subjects they
 * name, the Protokoll's pages, filters and export pages over them, redaction; and the engine phrases
 * (db/engineSql.ts) the repositories use for lists and stored JSON.
 */
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditRepository, noAuditFilter, type AuditRecord } from '../../../src-main/core/db/auditRepository';
import { idList, jsonText, textList } from '../../../src-main/core/db/engineSql';
import type { Store } from '../../../src-main/core/db/store';
import { storeEngines, type OpenedStore } from './storeEngines';

const everything = { from: null, until: null };

/** Three changes by two people; the second names property 3 and contact 8 in its values. */
const written: AuditRecord[] = [
  {
    at: '2026-12-01T08:00:00.000Z',
    actor: 'anna',
    entry: { action: 'contacts.update', entity: 'contact', entityId: 7 },
  },
  {
    at: '2026-12-02T08:00:00.000Z',
    actor: 'ben',
    entry: {
      action: 'settings.update',
      entity: 'settings',
      entityId: 'k',
      after: { propertyId: 3, contactId: 8 },
    },
  },
  {
    at: '2026-12-03T08:00:00.000Z',
    actor: 'anna',
    entry: { action: 'contacts.update', entity: 'contact', entityId: 7, before: { email: 'a@b.de' } },
  },
];

describe.each(storeEngines)('the audit log on $name', (engine) => {
  let opened: OpenedStore;
  let store: Store;

  beforeEach(async () => {
    opened = await engine.open();
    store = opened.store;
    await store.transaction(() => auditRepository(store).record(written));
  });

  afterEach(() => opened.close());

  it('is written only inside a transaction', async () => {
    await expect(auditRepository(store).record(written)).rejects.toThrow('inside the change');
  });

  it('pages newest first, filters by the subjects a row names, and exports oldest first', async () => {
    const audit = auditRepository(store);
    const page = await audit.page(everything, noAuditFilter, 0, 2);
    expect(page.total).toBe(3);
    expect(page.rows.map((row) => row.at.slice(0, 10))).toEqual(['2026-12-03', '2026-12-02']);

    const aboutContact7 = await audit.page(everything, { ...noAuditFilter, contactId: 7 }, 0, 10);
    expect(aboutContact7.rows.map((row) => row.at.slice(0, 10))).toEqual(['2026-12-03', '2026-12-01']);
    const aboutContact8 = await audit.page(everything, { ...noAuditFilter, contactId: 8 }, 0, 10);
    const aboutProperty3 = await audit.page(everything, { ...noAuditFilter, propertyId: 3 }, 0, 10);
    expect([aboutContact8.rows[0]?.actor, aboutProperty3.rows[0]?.actor]).toEqual(['ben', 'ben']);
    const byAnnaInRange = await audit.page(
      { from: '2026-12-02T00:00:00.000Z', until: null },
      { ...noAuditFilter, actor: 'anna' },
      0,
      10,
    );
    expect(byAnnaInRange.total).toBe(1);

    const first = await audit.after(everything, noAuditFilter, null, 2);
    const rest = await audit.after(everything, noAuditFilter, first[1]!, 2);
    expect([...first, ...rest].map((row) => row.actor)).toEqual(['anna', 'ben', 'anna']);
    expect(await audit.actors()).toEqual(['anna', 'ben']);
  });

  it('finds the rows of some entities and redacts their values, the row itself kept', async () => {
    const audit = auditRepository(store);
    const rows = await audit.ofEntities('contact', ['7', '99']);
    expect(rows.map((row) => row.before)).toEqual([null, '{"email":"a@b.de"}']);
    await expect(audit.redact(rows[1]!.id, null, null)).rejects.toThrow('inside the change');
    await store.transaction(() => audit.redact(rows[1]!.id, '{"email":null}', null));
    expect((await audit.ofEntities('contact', ['7']))[1]).toMatchObject({
      before: '{"email":null}',
      actor: 'anna',
    });
    expect(await audit.ofEntities('contact', [])).toEqual([]);
  });

  it('reads lists as one parameter and members of stored JSON', async () => {
    const ids = await store.all(
      sql<{ id: number }>`SELECT id FROM audit WHERE id IN (${idList(store, [1, 3, 5])}) ORDER BY id`,
    );
    expect(ids.map((row) => row.id)).toEqual([1, 3]);
    const entities = await store.all(
      sql<{ n: number }>`SELECT COUNT(*) AS n FROM audit WHERE entity_id IN (${textList(store, ['7', 'k'])})`,
    );
    expect(entities[0]?.n).toBe(3);
    const members = await store.all(
      sql<{
        value: string | null;
      }>`SELECT ${jsonText(store, 'after', 'propertyId')} AS value FROM audit ORDER BY id`,
    );
    expect(members.map((row) => (row.value === null ? null : String(row.value)))).toEqual([null, '3', null]);
  });
});
