import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * axe-core over what the page shows now (WCAG 2.1 A and AA rules). Serious and critical violations
 * fail the test with the rule, its help text and the offending elements, so the message says what to fix.
 */
export async function expectNoSeriousViolations(page: Page): Promise<void> {
  // A dialog still fading in has half-transparent text: axe would measure a contrast nobody sees.
  // Polled through page.evaluate (CDP, unaffected by the app's CSP); source text because this file
  // is compiled without the DOM library.
  await expect
    .poll(() => page.evaluate("document.getAnimations().every((a) => a.playState !== 'running')"))
    .toBe(true);
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    }));
  expect(serious, 'serious or critical accessibility violations').toEqual([]);
}
