import { describe, expect, it } from 'vitest';
import { rejectionLevel } from '../../../src-main/core/import/rejectionLevels';
import { ok, testCore } from '../support';
import { openFixture, runOf } from './support';

describe('Stammdaten-Import: rejected rows counted per level', () => {
  it('counts each rejected row of the fixture at the level it failed at, all of them', async () => {
    const core = testCore('2026-11-27');
    const view = await openFixture(core, 'rejected-rows.csv');
    const preview = await ok(core, 'imports.preview', runOf(view));
    const levels = preview.rejected.items.map((r) => [r.line, rejectionLevel(r)]);
    // Lines 3…13 as commit.test.ts lists their codes.
    expect(Object.fromEntries(levels)).toMatchObject({ 4: 'contract', 6: 'contact', 10: 'unit' });
    expect(preview.rejected.byLevel).toEqual({
      property: levels.filter(([, l]) => l === 'property').length,
      unit: levels.filter(([, l]) => l === 'unit').length,
      contact: levels.filter(([, l]) => l === 'contact').length,
      contract: levels.filter(([, l]) => l === 'contract').length,
    });
    const sum = Object.values(preview.rejected.byLevel).reduce((a, b) => a + b, 0);
    expect(sum).toBe(preview.rejected.total);
  });

  it('takes the level of the field a reason names, else of its code', () => {
    expect(rejectionLevel({ code: 'MISSING_REFERENCE_ID', params: { field: 'unit.referenceId' } })).toBe(
      'unit',
    );
    expect(rejectionLevel({ code: 'NOT_IN_APP', params: { level: 'property', referenceId: 'L-1' } })).toBe(
      'property',
    );
    expect(rejectionLevel({ code: 'CONFLICTING_ROWS', params: { field: 'contact.lastName' } })).toBe(
      'contact',
    );
    expect(rejectionLevel({ code: 'CONTACT_ARCHIVED', params: { referenceId: 'K-1' } })).toBe('contact');
    expect(rejectionLevel({ code: 'OVERLAPPING_CONTRACT', params: { number: 'V-1' } })).toBe('contract');
  });
});
