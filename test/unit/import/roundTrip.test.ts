import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../src-main/core/core';
import { ok, readDatabase, savedFile, testCore } from '../support';

const HEADER = [
  'Objekt-Nr.',
  'Objektbezeichnung',
  'WE-Nr.',
  'Nutzung',
  'Vertragsart',
  'Vertrags-Nr.',
  'Mietbeginn',
  'Mietende',
  'Personen-Nr.',
  'Anrede',
  'Vorname',
  'Nachname',
  'E-Mail',
  'Telefon',
  'Sprache',
  'PLZ',
].join(';');

const day = fc
  .date({ min: new Date(Date.UTC(2020, 0, 1)), max: new Date(Date.UTC(2028, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** A flat ERP row from small pools of ids, so that rows share properties, units and contacts. */
const row = fc
  .record({
    property: fc.constantFrom('L-1', 'L-2'),
    unit: fc.integer({ min: 1, max: 4 }),
    usage: fc.constantFrom('', 'Wohnen', 'Gewerbe'),
    type: fc.constantFrom('M', 'E'),
    contract: fc.integer({ min: 1, max: 6 }),
    start: day,
    end: fc.option(day, { nil: '' }),
    contact: fc.constantFrom('K-1', 'K-2', 'K-3', 'K-4'),
    salutation: fc.constantFrom('', 'Herr', 'Frau', 'Eheleute', 'Familie', 'Firma', 'keine Angabe'),
    first: fc.constantFrom('', 'Jürgen', '-Anna'),
    name: fc.constantFrom('Müller', 'Weiß', '=SUMME(A1)', '@Schröder'),
    email: fc.constantFrom('', 'a@example.com'),
    phone: fc.constantFrom('', '+49 30 1234', '030 99'),
    language: fc.constantFrom('', 'de', 'en'),
    postcode: fc.constantFrom('', '10115'),
  })
  .map((r) =>
    [
      r.property,
      `Haus ${r.property}`,
      `${r.property}-W${r.unit}`,
      r.usage,
      r.type,
      `V-${r.contract}`,
      r.start,
      r.end < r.start ? '' : r.end,
      r.contact,
      r.salutation,
      r.first,
      r.name,
      r.email,
      r.phone,
      r.language,
      r.postcode,
    ].join(';'),
  );

async function importFile(core: Core, fileName: string, dataBase64: string, commit: boolean) {
  const view = await ok(core, 'imports.open', { fileName, dataBase64, sheet: null });
  const run = { fileId: view.fileId, mapping: view.suggested, values: {} };
  const preview = await ok(core, 'imports.preview', run);
  if (commit && preview.rows.imported > 0) await ok(core, 'imports.commit', run);
  else await ok(core, 'imports.cancel', { fileId: view.fileId });
  return preview;
}

/** Contacts and contracts by their Referenz-IDs, as a manager compares two stores. */
function portfolioByReference(core: { dataDir: string }) {
  return readDatabase(core, (db) => ({
    contacts: db
      .prepare(
        `SELECT salutation, title, first_name, last_name, company, email, phone, language, preference,
           reference_id, street, house_no, postcode, city, archived FROM contacts ORDER BY reference_id`,
      )
      .all(),
    contracts: db
      .prepare(
        `SELECT c.reference_id AS contact, u.reference_id AS unit, u.number AS unit_number, u.name AS unit_name,
           u.usage, p.reference_id AS property, p.name AS property_name, k.type, k.number, k.start_date, k.end_date
         FROM contracts k JOIN contacts c ON c.id = k.contact_id JOIN units u ON u.id = k.unit_id
         JOIN properties p ON p.id = k.property_id ORDER BY c.reference_id, u.reference_id, k.number`,
      )
      .all(),
  }));
}

describe('Kontakte › Exportieren, then import again (fast-check)', () => {
  it('import → export → import changes nothing: the dry run of the export finds every record unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 1, maxLength: 12 }),
        fc.constantFrom('csv', 'xlsx'),
        fc.constantFrom('de', 'en'),
        async (rows, format, language) => {
          const core = testCore('2026-11-27');
          const data = Buffer.from([HEADER, ...rows].join('\r\n'), 'utf8').toString('base64');
          const first = await importFile(core, 'erp.csv', data, true);
          if (first.rows.imported === 0) return;
          const before = portfolioByReference(core);
          const file = savedFile(core, await ok(core, 'contacts.export', { format, language }));
          const again = await importFile(core, file.fileName, file.bytes.toString('base64'), false);
          // One row per contract (a contact without one: one row): every row imports, none changes.
          const { contacts, contracts } = before as {
            contacts: { reference_id: string }[];
            contracts: { contact: string }[];
          };
          const contracted = new Set(contracts.map((k) => k.contact));
          const lines = contracts.length + contacts.filter((c) => !contracted.has(c.reference_id)).length;
          expect(file.count).toBe(contacts.length);
          expect(again.rows).toEqual({ total: lines, imported: lines, rejected: 0 });
          expect(again.changes.total).toBe(0);
          for (const level of ['property', 'unit', 'contact', 'contract'] as const) {
            expect(again.counts[level].created + again.counts[level].changed).toBe(0);
          }
          expect(again.missingContracts.total).toBe(0);
          expect(portfolioByReference(core)).toEqual(before);
          core.close();
        },
      ),
      { numRuns: 15 },
    );
  }, 180_000);

  it('the demo portfolio’s export imports into an empty store with the same contacts and contracts', async () => {
    const demo = testCore('2026-11-27');
    await ok(demo, 'app.chooseFirstStart', 'demo');
    const file = savedFile(
      demo,
      await ok(demo, 'contacts.export', { format: 'xlsx', language: 'de', includeArchived: false }),
    );
    const empty = testCore('2026-11-27');
    const preview = await importFile(empty, file.fileName, file.bytes.toString('base64'), true);
    const expected = portfolioByReference(demo);
    const archived = new Set(
      (expected.contacts as { reference_id: string; archived: number }[])
        .filter((c) => c.archived === 1)
        .map((c) => c.reference_id),
    );
    const withContracts = new Set((expected.contracts as { contact: string }[]).map((k) => k.contact));
    // A contact without a contract is a row without property and unit: it cannot be imported.
    const alone = (expected.contacts as { reference_id: string }[]).filter(
      (c) => !archived.has(c.reference_id) && !withContracts.has(c.reference_id),
    );
    expect(preview.rejected.items.map((r) => r.code)).toEqual(alone.map(() => 'MISSING_REFERENCE_ID'));
    const got = portfolioByReference(empty);
    expect(got.contacts).toEqual(
      (expected.contacts as { reference_id: string }[]).filter(
        (c) => !archived.has(c.reference_id) && withContracts.has(c.reference_id),
      ),
    );
    expect(got.contracts).toEqual(
      (expected.contracts as { contact: string }[]).filter((k) => !archived.has(k.contact)),
    );
  }, 120_000);
});
