/**
 * Deletion candidates and their anonymisation through `core.invoke`, as the renderer does it: a
 * former tenant is invited, shared with and mailed while her contract runs; 3½ years after it ended
 * she is a candidate, and anonymising her leaves no trace of her name, address, e-mail, phone, note
 * or reference id in any table of the data store — while her contract, the rows of what was done
 * and every audit row stay.
 */
import { describe, expect, it } from 'vitest';
import { REDACTED } from '../../../src-main/core/services/dataProtectionService';
import { ok, readDatabase, tableRows } from '../support';
import {
  auditRows,
  building,
  configureSmtp,
  contact,
  contract,
  dataStoreBytes,
  expectRefused,
  invitationCore,
  invite,
  setAccess,
  smtpSink,
  tenant,
  type InvitationCore,
} from '../invitations/support';

const TODAY = '2026-11-27';

/** What identifies the former tenant: none of it may be left anywhere after the anonymisation. */
const PERSONAL = {
  title: 'Dr.',
  firstName: 'Zerlina',
  lastName: 'Quastenberg',
  company: 'Quastenberg Consulting',
  email: 'zerlina.quastenberg@example.org',
  phone: '030 7788991',
  referenceId: 'K-QUAST-7',
  note: 'Schlüssel bei Frau Quastenberg-Nachbarin',
  street: 'Irisweg',
  houseNo: '17b',
  postcode: '14467',
  city: 'Werder (Havel)',
};
const NEEDLES = ['quastenberg', 'zerlina', '7788991', 'k-quast-7', 'irisweg', '14467', 'werder'];

/** Rows of every table (and which) whose text contains one of the needles, case-insensitively. */
function rowsContaining(core: InvitationCore, needles: readonly string[]): string[] {
  return readDatabase(core, (db) =>
    tableRows(db).flatMap(([name, rows]) =>
      rows
        .map((row) => JSON.stringify(row).toLowerCase())
        .filter((text) => needles.some((needle) => text.includes(needle)))
        .map((text) => `${name}: ${text.slice(0, 200)}`),
    ),
  );
}

function count(core: InvitationCore, sql: string): number {
  return readDatabase(core, (db) => (db.prepare(sql).get() as { n: number }).n);
}

async function announcement(core: InvitationCore, propertyId: number, title: string): Promise<number> {
  return (
    await ok(core, 'content.create', {
      kind: 'announcement',
      title,
      propertyId,
      text: 'Hallo',
    })
  ).id;
}

/**
 * Zerlina Quastenberg rents from 2015 to mid-2023: her data is edited, she is invited by e-mail,
 * gets two individual shares (one notification delivered over SMTP, one still queued). A neighbour
 * with a running contract gets a share too. Then the clock moves to TODAY.
 */
async function formerTenant() {
  const core = invitationCore('2023-03-01');
  const house = await building(core, 2);
  const [flat, next] = house.units;
  const created = await contact(core, { ...PERSONAL, salutation: 'ms', lastName: 'Quastenberg-Alt' });
  const id = created.contact.id;
  await ok(core, 'contacts.update', {
    ...PERSONAL,
    id,
    salutation: 'ms',
    language: 'de',
    preference: 'online',
  });
  await contract(core, { contactId: id, unitId: flat!.id, start: '2015-01-01', end: '2023-06-30' });
  const neighbour = await contact(core, { firstName: 'Nils', lastName: 'Nachbar', referenceId: 'K-NACHBAR' });
  await contract(core, { contactId: neighbour.contact.id, unitId: next!.id, start: '2020-01-01', end: null });

  const invitation = await invite(core, id, 'code');
  const { port } = await smtpSink();
  await configureSmtp(core, { port });
  const first = await announcement(core, house.property.id, 'Wasser abgestellt');
  await ok(core, 'sharing.share', { contentId: first, target: { mode: 'individual', contactIds: [id] } });
  await ok(core, 'outbox.send');
  await configureSmtp(core, { port, enabled: false });
  const second = await announcement(core, house.property.id, 'Treppenhausreinigung');
  await ok(core, 'sharing.share', {
    contentId: second,
    target: { mode: 'individual', contactIds: [id, neighbour.contact.id] },
  });
  core.clock.set(TODAY);
  return { core, id, neighbourId: neighbour.contact.id, code: invitation.code, house };
}

describe('deletion candidates', () => {
  it('lists a former tenant whose access ended more than the retention period ago, with her last contract', async () => {
    const { core, id, house } = await formerTenant();
    const page = await ok(core, 'dataProtection.candidates', {});
    expect(page).toMatchObject({ total: 1, retentionMonths: 24, cutoff: '2024-11-27' });
    expect(page.items).toEqual([
      {
        id,
        displayName: 'Dr. Zerlina Quastenberg',
        referenceId: PERSONAL.referenceId,
        archived: false,
        lastContract: {
          id: expect.any(Number),
          type: 'tenant',
          number: `MV-${id}-${house.units[0]!.id}`,
          unitName: house.units[0]!.name,
          propertyName: house.property.name,
          end: '2023-06-30',
        },
        accessEnd: '2023-06-30',
      },
    ]);
  });

  it('follows the retention period and the post-contract window', async () => {
    const { core } = await formerTenant();
    const total = async () => (await ok(core, 'dataProtection.candidates', {})).total;
    // Ended 2023-06-30; TODAY − 40 months = 2023-07-27, − 41 months = 2023-06-27.
    await ok(core, 'dataProtection.updateSettings', { retentionMonths: 40 });
    expect(await total()).toBe(1);
    await ok(core, 'dataProtection.updateSettings', { retentionMonths: 41 });
    expect(await total()).toBe(0);
    // TODAY − 38 months = 2023-09-27: access after the contract end until 2023-09-26 (88 days) is
    // older, until 2023-09-27 (89 days) ended exactly 38 months ago.
    await ok(core, 'dataProtection.updateSettings', { retentionMonths: 38 });
    await setAccess(core, { postContract: { enabled: true, days: 88 } });
    expect(await total()).toBe(1);
    await setAccess(core, { postContract: { enabled: true, days: 89 } });
    expect(await total()).toBe(0);
  });

  it('pages from SQL, the longest-ended access first', async () => {
    const core = invitationCore(TODAY);
    const house = await building(core, 1);
    const ends = ['2020-03-31', '2019-01-15', '2021-07-01'];
    const ids: number[] = [];
    for (const end of ends) {
      const c = await contact(core);
      await contract(core, {
        contactId: c.contact.id,
        unitId: house.units[0]!.id,
        start: addYears(end, -1),
        end,
      });
      ids.push(c.contact.id);
    }
    const first = await ok(core, 'dataProtection.candidates', { offset: 0, limit: 2 });
    const second = await ok(core, 'dataProtection.candidates', {
      offset: 2,
      limit: 2,
    });
    expect(first.total).toBe(3);
    expect([...first.items, ...second.items].map((c) => c.lastContract.end)).toEqual([
      '2019-01-15',
      '2020-03-31',
      '2021-07-01',
    ]);
  });
});

function addYears(iso: string, years: number): string {
  return `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;
}

describe('anonymising a candidate', () => {
  it('removes every personal value from every table and revokes invitations, shares and mail', async () => {
    const { core, id, neighbourId, code } = await formerTenant();
    expect(rowsContaining(core, NEEDLES).length).toBeGreaterThan(0);
    const auditBefore = auditRows(core);
    const neighbourMail = count(core, `SELECT COUNT(*) AS n FROM outbox WHERE contact_id = ${neighbourId}`);

    const result = await ok(core, 'dataProtection.anonymise', { contactIds: [id] });

    expect(result).toEqual({
      anonymised: 1,
      invitationsRevoked: 1,
      sharesRevoked: 2,
      // The delivered and the queued notification (the invitation is a bare code).
      outboxRemoved: 2,
      // contact.create, contact.update, outbox.sent of the first notification.
      auditRowsRedacted: 3,
    });
    expect(rowsContaining(core, NEEDLES)).toEqual([]);
    // The search index forgot her words: she is found by the new ones only.
    const found = async (search: string) =>
      (await ok(core, 'contacts.list', { search, includeArchived: true })).items.map((item) => item.id);
    for (const search of ['Quastenberg', 'Zerlina', 'example.org', 'K-QUAST-7']) {
      expect(await found(search), search).toEqual([]);
    }
    expect(await found(`ANON-${id}`)).toEqual([id]);

    const detail = await ok(core, 'contacts.get', { id });
    expect(detail.contact).toEqual({
      id,
      displayName: `Anonymisiert #${id}`,
      salutation: 'mx',
      title: null,
      firstName: null,
      lastName: `Anonymisiert #${id}`,
      company: null,
      email: null,
      phone: null,
      language: 'de',
      preference: 'postal',
      referenceId: `ANON-${id}`,
      note: null,
      street: null,
      houseNo: null,
      postcode: null,
      city: null,
      archived: true,
      anonymisedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d/),
    });
    // The contract stays for accounting, with its dates and unit.
    expect(detail.contracts).toMatchObject([{ start: '2015-01-01', end: '2023-06-30', type: 'tenant' }]);
    expect(detail.invitationState).toBe('revoked');
    await expectRefused(core, 'invitations.redeem', { code }, 'INVALID_CODE');
    expect(
      count(core, `SELECT COUNT(*) AS n FROM shares WHERE contact_id = ${id} AND revoked_at IS NULL`),
    ).toBe(0);
    expect(count(core, `SELECT COUNT(*) AS n FROM outbox WHERE contact_id = ${id}`)).toBe(0);

    // Every audit row is kept, with when, who, what and which; one more records the anonymisation.
    const auditAfter = auditRows(core);
    expect(auditAfter).toHaveLength(auditBefore.length + 1);
    auditBefore.forEach((row, index) => {
      expect(auditAfter[index]).toMatchObject({
        action: row.action,
        entity: row.entity,
        entity_id: row.entity_id,
      });
    });
    const created = auditAfter.find((row) => row.action === 'contact.create' && row.entity_id === String(id));
    expect(JSON.parse(created!.after!)).toMatchObject({
      lastName: REDACTED,
      email: REDACTED,
      archived: false,
    });
    expect(auditAfter.at(-1)).toEqual({
      action: 'dataProtection.anonymise',
      entity: 'contact',
      entity_id: String(id),
      before: JSON.stringify({ lastContractEnd: '2023-06-30', accessEnd: '2023-06-30', retentionMonths: 24 }),
      after: expect.stringContaining('"auditRowsRedacted":3'),
    });

    // The neighbour keeps her mail and her share.
    expect(count(core, `SELECT COUNT(*) AS n FROM outbox WHERE contact_id = ${neighbourId}`)).toBe(
      neighbourMail,
    );
    // No longer a candidate, and never again.
    expect((await ok(core, 'dataProtection.candidates', {})).total).toBe(0);
    await expectRefused(core, 'dataProtection.anonymise', { contactIds: [id] }, 'NOT_A_DELETION_CANDIDATE', {
      contactId: id,
      reason: 'ANONYMISED',
    });
  });

  it('leaves no trace in the file either: free space and write-ahead log', async () => {
    const core = invitationCore(TODAY);
    const house = await building(core, 1);
    const ids: number[] = [];
    // Neighbours on the same pages; her long note frees space in the page when it is cleared.
    for (let i = 0; i < 30; i += 1) {
      const name = i === 10 ? PERSONAL.lastName : `Nachbar${i}`;
      const c = await contact(core, { lastName: name, note: `${name} `.repeat(150) });
      await contract(core, {
        contactId: c.contact.id,
        unitId: house.units[0]!.id,
        start: `${2000 + i}-01-01`,
        end: `${2000 + i}-06-30`,
      });
      ids.push(c.contact.id);
    }
    expect(dataStoreBytes(core).includes(PERSONAL.lastName)).toBe(true);
    await ok(core, 'dataProtection.anonymise', { contactIds: [ids[10]!] });
    expect(dataStoreBytes(core).includes(PERSONAL.lastName)).toBe(false);
    expect(dataStoreBytes(core).includes('Nachbar9')).toBe(true);
  });

  it('anonymises a selection in one go', async () => {
    const core = invitationCore(TODAY);
    const house = await building(core, 2);
    const ids: number[] = [];
    for (const unit of house.units) {
      const c = await contact(core);
      await contract(core, {
        contactId: c.contact.id,
        unitId: unit.id,
        start: '2012-01-01',
        end: '2019-12-31',
      });
      ids.push(c.contact.id);
    }
    const result = await ok(core, 'dataProtection.anonymise', {
      contactIds: [...ids, ids[0]!],
    });
    expect(result.anonymised).toBe(2);
    for (const id of ids) {
      expect((await ok(core, 'contacts.get', { id })).contact.displayName).toBe(`Anonymisiert #${id}`);
    }
  });
});

describe('refusals: nothing is changed, byte for byte', () => {
  async function expectUntouched(
    core: InvitationCore,
    contactIds: number[],
    params: Record<string, unknown>,
  ) {
    const bytes = dataStoreBytes(core);
    await expectRefused(core, 'dataProtection.anonymise', { contactIds }, 'NOT_A_DELETION_CANDIDATE', params);
    expect(dataStoreBytes(core).equals(bytes)).toBe(true);
  }

  it('a tenant with a running contract', async () => {
    const core = invitationCore(TODAY);
    const { contact: active } = await tenant(core);
    await expectUntouched(core, [active.contact.id], {
      contactId: active.contact.id,
      reason: 'CONTRACT_OPEN',
    });
  });

  it('a selection with one contact that is not a candidate', async () => {
    const { core, id, neighbourId } = await formerTenant();
    await expectUntouched(core, [id, neighbourId], { contactId: neighbourId, name: 'Nils Nachbar' });
    expect((await ok(core, 'dataProtection.candidates', {})).total).toBe(1);
  });

  it('a contact whose access ended within the retention period, or who never had a contract', async () => {
    const core = invitationCore(TODAY);
    const house = await building(core, 1);
    const recent = await contact(core);
    await contract(core, {
      contactId: recent.contact.id,
      unitId: house.units[0]!.id,
      start: '2020-01-01',
      end: '2025-01-31',
    });
    const applicant = await contact(core);
    await expectUntouched(core, [recent.contact.id], { reason: 'WITHIN_RETENTION' });
    await expectUntouched(core, [applicant.contact.id], { reason: 'NO_CONTRACT' });
  });

  it('an unknown contact', async () => {
    const core = invitationCore(TODAY);
    await expectRefused(core, 'dataProtection.anonymise', { contactIds: [4711] }, 'NOT_FOUND');
  });
});

describe('the retention period setting', () => {
  it('is 24 months until changed, and every change is audited', async () => {
    const core = invitationCore(TODAY);
    expect(await ok(core, 'dataProtection.getSettings')).toEqual({
      retentionMonths: 24,
    });
    await ok(core, 'dataProtection.updateSettings', { retentionMonths: 36 });
    expect(await ok(core, 'dataProtection.getSettings')).toEqual({
      retentionMonths: 36,
    });
    expect(auditRows(core).at(-1)).toEqual({
      action: 'dataProtection.updateSettings',
      entity: 'settings',
      entity_id: 'dataProtection',
      before: '{"retentionMonths":24}',
      after: '{"retentionMonths":36}',
    });
  });

  it.each([0, 121, 1.5, -3])('refuses %s months with RETENTION_OUT_OF_RANGE', async (months) => {
    const core = invitationCore(TODAY);
    await expectRefused(
      core,
      'dataProtection.updateSettings',
      { retentionMonths: months },
      'RETENTION_OUT_OF_RANGE',
    );
  });
});
