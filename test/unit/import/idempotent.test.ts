import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ok, readDatabase, testCore } from '../support';

const HEADER = 'Objekt-Nr.;WE-Nr.;Vertragsart;Vertrags-Nr.;Mietbeginn;Mietende;Personen-Nr.;Nachname;E-Mail';

const day = fc
  .date({ min: new Date(Date.UTC(2020, 0, 1)), max: new Date(Date.UTC(2028, 11, 31)), noInvalidDate: true })
  .map(
    (d) =>
      `${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${d.getUTCFullYear()}`,
  );

/** A flat ERP row from small pools of ids, so that rows share properties, units and contacts. */
const row = fc
  .record({
    property: fc.constantFrom('L-1', 'L-2'),
    unit: fc.integer({ min: 1, max: 4 }),
    type: fc.constantFrom('M', 'E', 'X'),
    contract: fc.integer({ min: 1, max: 6 }),
    start: day,
    end: fc.option(day, { nil: '' }),
    contact: fc.constantFrom('K-1', 'K-2', 'K-3', ''),
    name: fc.constantFrom('Müller', 'Weiß', 'Schröder'),
    email: fc.constantFrom('', 'a@example.com', 'kaputt'),
  })
  .map((r) =>
    [
      r.property,
      `${r.property}-W${r.unit}`,
      r.type,
      `V-${r.contract}`,
      r.start,
      r.end,
      r.contact,
      r.name,
      r.email,
    ].join(';'),
  );

const portfolio = (core: { dataDir: string }) =>
  readDatabase(core, (db) =>
    JSON.stringify(
      ['properties', 'units', 'contacts', 'contracts'].map((t) =>
        db.prepare(`SELECT * FROM ${t} ORDER BY id`).all(),
      ),
    ),
  );

describe('Stammdaten-Import: importing a file twice is importing it once (fast-check)', () => {
  it('the second import finds every record unchanged and writes no record', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 12 }), async (rows) => {
        const core = testCore('2026-11-27');
        const dataBase64 = Buffer.from([HEADER, ...rows].join('\r\n'), 'utf8').toString('base64');
        const open = () => ok(core, 'imports.open', { fileName: 'erp.csv', dataBase64, sheet: null });
        const first = await open();
        const run = { fileId: first.fileId, mapping: first.suggested, values: {} };
        const once = await ok(core, 'imports.preview', run);
        if (once.rows.imported === 0) return;
        await ok(core, 'imports.commit', run);
        const afterOnce = portfolio(core);
        const second = await open();
        const twice = await ok(core, 'imports.preview', { ...run, fileId: second.fileId });
        expect(twice.rows).toEqual(once.rows);
        expect(twice.changes.total).toBe(0);
        for (const level of ['property', 'unit', 'contact', 'contract'] as const) {
          expect(twice.counts[level].created + twice.counts[level].changed).toBe(0);
        }
        await ok(core, 'imports.commit', { ...run, fileId: second.fileId });
        expect(portfolio(core)).toBe(afterOnce);
        core.close();
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});
