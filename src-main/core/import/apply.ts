/**
 * Writes a plan inside the commit's one change: parents first (property → unit → contact →
 * contract), then the ends of the missing contracts the manager chose, each record with its audit
 * row. Only records the plan creates or changes are touched.
 */
import type { AuditEntry } from '../db/auditRepository';
import type { Db } from '../db/connection';
import type { Store } from '../db/store';
import { contactRepository } from '../db/contactRepository';
import { contractRepository } from '../db/contractRepository';
import { propertyRepository } from '../db/propertyRepository';
import type { ImportRepository } from '../db/importRepository';
import { unitRepository } from '../db/unitRepository';
import { recordChange, type Changed, type PlanChanges } from './changes';
import type { ImportPlan } from './plan';

export interface ApplyProgress {
  (done: number): void;
}

/** Writes one audit row of the commit's change (the import's record rows: importRepository). */
export type RecordAudit = (entry: AuditEntry) => void;

/** The audit row of a created or changed record: its old values (changed fields) and its new ones. */
function auditChange(
  audit: RecordAudit,
  entity: string,
  created: boolean,
  id: number,
  c: Changed<object>,
): void {
  const change = c.kind === 'changed' ? recordChange(c) : null;
  audit({
    action: `${entity}.${created ? 'create' : 'update'}`,
    entity,
    entityId: id,
    before: change === null ? undefined : Object.fromEntries(change.fields.map((f) => [f.field, f.before])),
    after: c.after,
  });
}

export async function applyPlan(
  db: Db,
  store: Store,
  repo: ImportRepository,
  plan: ImportPlan,
  changes: PlanChanges,
  audit: RecordAudit,
  now: string,
  progress: ApplyProgress,
): Promise<void> {
  const properties = propertyRepository(store);
  const units = unitRepository(store);
  const contacts = contactRepository(db);
  const contracts = contractRepository(store);
  let done = 0;
  const step = () => {
    done++;
    if (done % 1000 === 0) progress(done);
  };

  const propertyIds = new Map<string, number>();
  for (const [ref, p] of plan.properties) {
    const c = changes.properties.get(ref);
    let id = p.row?.id;
    if (c !== undefined && c.kind !== 'unchanged') {
      const { name, street, houseNo, postcode, city } = c.after;
      if (id === undefined) id = await properties.insert(name, ref, now);
      else await properties.update(id, name, ref);
      if (street && houseNo && postcode && city) {
        const rest = (await properties.addresses(id)).slice(1);
        await properties.replaceAddresses(id, [
          { street, houseNo, postcode, city },
          ...rest.map((a) => ({ street: a.street, houseNo: a.house_no, postcode: a.postcode, city: a.city })),
        ]);
      }
      auditChange(audit, 'property', p.row === null, id, c);
    }
    if (id !== undefined) propertyIds.set(ref, id);
    step();
  }

  const unitIds = new Map<string, { id: number; propertyId: number }>();
  for (const [ref, u] of plan.units) {
    const c = changes.units.get(ref);
    const propertyId = propertyIds.get(u.propertyRef) ?? u.row?.property_id ?? 0;
    let id = u.row?.id;
    if (c !== undefined && c.kind !== 'unchanged') {
      const values = { ...c.after, property_id: propertyId, reference_id: ref };
      if (id === undefined) id = repo.insertUnit(values);
      else await units.update(id, values);
      audit({
        action: u.row === null ? 'unit.create' : 'unit.update',
        entity: 'unit',
        entityId: id,
        after: values,
      });
    }
    if (id !== undefined) unitIds.set(ref, { id, propertyId });
    step();
  }

  const contactIds = new Map<string, number>();
  for (const [ref, k] of plan.contacts) {
    const c = changes.contacts.get(ref);
    let id = k.row?.id;
    if (c !== undefined && c.kind !== 'unchanged') {
      const fields = { ...c.after, note: k.row?.note ?? null };
      if (id === undefined) id = contacts.insert(fields);
      else contacts.update(id, fields);
      auditChange(audit, 'contact', k.row === null, id, c);
    }
    if (id !== undefined) contactIds.set(ref, id);
    step();
  }

  for (const [key, k] of plan.contracts) {
    const c = changes.contracts.get(key);
    const unit = unitIds.get(k.unitRef);
    const contactId = contactIds.get(k.contactRef);
    if (c === undefined || c.kind === 'unchanged' || unit === undefined || contactId === undefined) continue;
    const values = {
      contact_id: contactId,
      unit_id: unit.id,
      property_id: unit.propertyId,
      type: c.after.type,
      number: c.after.number,
      start_date: c.after.start,
      end_date: c.after.end,
    };
    let id = k.row?.id;
    if (id === undefined) id = repo.insertContract(values);
    else await contracts.update(id, values);
    audit({
      action: k.row === null ? 'contract.create' : 'contract.update',
      entity: 'contract',
      entityId: id,
      after: values,
    });
    step();
  }

  for (const { row, end } of plan.ending) {
    if (row.end_date === end) continue;
    await contracts.setEnd(row.id, end);
    audit({
      action: 'contract.end',
      entity: 'contract',
      entityId: row.id,
      before: { end: row.end_date },
      after: { end },
    });
  }
  progress(done);
}
