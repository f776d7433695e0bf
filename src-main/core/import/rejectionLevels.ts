/**
 * The level a rejected row failed at (property, unit, contact, contract), for the dry run's counts:
 * the level of the field a reason names, else the level its code is about.
 */
import type { ImportLevel, ImportRejection } from '../../../shared/contract/imports';

const LEVELS: readonly ImportLevel[] = ['property', 'unit', 'contact', 'contract'];

const BY_CODE: Partial<Record<ImportRejection['code'], ImportLevel>> = {
  END_BEFORE_START: 'contract',
  OVERLAPPING_CONTRACT: 'contract',
  INVALID_EMAIL: 'contact',
  CONTACT_ARCHIVED: 'contact',
  CONTACT_ANONYMISED: 'contact',
  UNIT_IN_OTHER_PROPERTY: 'unit',
  UNIT_NUMBER_TAKEN: 'unit',
};

export function rejectionLevel({ code, params }: Pick<ImportRejection, 'code' | 'params'>): ImportLevel {
  const named = [params.level, String(params.field ?? '').split('.')[0]].find((level) =>
    LEVELS.includes(level as ImportLevel),
  );
  return (named as ImportLevel | undefined) ?? BY_CODE[code] ?? 'contract';
}

/** Rejected rows per level. */
export function rejectedByLevel(rejections: Iterable<ImportRejection>): Record<ImportLevel, number> {
  const counts: Record<ImportLevel, number> = { property: 0, unit: 0, contact: 0, contract: 0 };
  for (const rejection of rejections) counts[rejectionLevel(rejection)]++;
  return counts;
}
