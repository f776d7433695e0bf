import { describe, expect, it } from 'vitest';
import { systemLanguage } from '../../../src-renderer/src/features/startupFault/systemLanguage';

describe('the language of the fault screen when no preference can be read', () => {
  it('is the first of the system languages the app speaks, else German', () => {
    expect(systemLanguage(['en-GB', 'de-DE'])).toBe('en');
    expect(systemLanguage(['fr-FR', 'de-AT', 'en-US'])).toBe('de');
    expect(systemLanguage(['fr-FR', 'EN'])).toBe('en');
    expect(systemLanguage(['fr-FR', 'pl'])).toBe('de');
    expect(systemLanguage([])).toBe('de');
  });
});
