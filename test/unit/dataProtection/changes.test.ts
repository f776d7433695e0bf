import { describe, expect, it } from 'vitest';
import { changeSummary, prettyJson } from '../../../src-renderer/src/features/auditLog/changes';

describe('the audit log reads an entry in one line', () => {
  it.each<[string, string | null, string | null, string]>([
    [
      'an update: only what changed',
      '{"lastName":"Müller","email":null,"city":"Berlin"}',
      '{"lastName":"Meier","email":"a@example.com","city":"Berlin"}',
      'lastName: Müller → Meier · email: – → a@example.com',
    ],
    ['a creation: every value', null, '{"name":"Haus","units":3}', 'name: Haus · units: 3'],
    [
      'values recorded on one side only',
      '{"accessEnd":"2020-06-30"}',
      '{"anonymisedAt":"2026-11-27T08:00:00.000Z"}',
      'accessEnd: 2020-06-30 · anonymisedAt: 2026-11-27T08:00:00.000Z',
    ],
    ['plain values', '"pending"', '"revoked"', 'pending → revoked'],
    ['nothing recorded', null, null, ''],
  ])('%s', (_name, before, after, expected) => {
    expect(changeSummary(before, after)).toBe(expected);
  });

  it('shows recorded JSON indented in the details', () => {
    expect(prettyJson('{"a":[1]}')).toBe('{\n  "a": [\n    1\n  ]\n}');
  });
});
