import { expect, type Page } from '@playwright/test';

/** The two window sizes every screen must work at (a laptop and a small one). */
export const WINDOW_SIZES = [
  { width: 1280, height: 820 },
  { width: 1024, height: 700 },
] as const;

/**
 * In the page: every visible button, link and input is scrolled into view; it must then lie inside
 * the window and inside every ancestor that clips its overflow. Answers what does not, as
 * "button „Speichern“: right edge 1290 > window 1280". Source text: this file is compiled without
 * the DOM library. A 1 px tolerance absorbs sub-pixel rounding.
 */
const findClipped = `(() => {
  const selector = 'button, a[href], input:not([type=hidden]), select, textarea, [role=button], [role=link], [role=combobox], [role=switch], [role=radio], [role=checkbox], [role=tab]';
  const name = (el) => (el.getAttribute('aria-label') || el.textContent || el.getAttribute('placeholder') || el.id || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
  const what = (el) => el.tagName.toLowerCase() + (el.getAttribute('role') ? '[' + el.getAttribute('role') + ']' : '') + ' „' + name(el) + '“';
  const problems = [];
  const scope = document.querySelector('[role=dialog]') || document.body;
  for (const el of scope.querySelectorAll(selector)) {
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none' || el.closest('[aria-hidden=true]')) continue;
    let rect = el.getBoundingClientRect();
    // Visually hidden inputs (switches, checkboxes, radios draw their own box) and collapsed ones.
    if (rect.width <= 1 || rect.height <= 1 || style.opacity === '0') continue;
    el.scrollIntoView({ block: 'center', inline: 'center' });
    rect = el.getBoundingClientRect();
    const out = [];
    if (rect.left < -1) out.push('left edge ' + Math.round(rect.left) + ' < 0');
    if (rect.top < -1) out.push('top edge ' + Math.round(rect.top) + ' < 0');
    if (rect.right > innerWidth + 1) out.push('right edge ' + Math.round(rect.right) + ' > window ' + innerWidth);
    if (rect.bottom > innerHeight + 1) out.push('bottom edge ' + Math.round(rect.bottom) + ' > window ' + innerHeight);
    for (let parent = el.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
      const ps = getComputedStyle(parent);
      if (ps.overflowX === 'visible' && ps.overflowY === 'visible') continue;
      const box = parent.getBoundingClientRect();
      const clipsX = ps.overflowX !== 'visible' && (rect.left < box.left - 1 || rect.right > box.right + 1);
      const clipsY = ps.overflowY !== 'visible' && (rect.top < box.top - 1 || rect.bottom > box.bottom + 1);
      if (clipsX || clipsY) {
        out.push('clipped by ' + parent.tagName.toLowerCase() + '.' + [...parent.classList].slice(0, 2).join('.') + ' (' + Math.round(box.left) + '–' + Math.round(box.right) + ' × ' + Math.round(box.top) + '–' + Math.round(box.bottom) + ', element ' + Math.round(rect.left) + '–' + Math.round(rect.right) + ' × ' + Math.round(rect.top) + '–' + Math.round(rect.bottom) + ')');
        break;
      }
    }
    if (out.length) problems.push(what(el) + ': ' + out.join(', '));
  }
  window.scrollTo(0, 0);
  return problems;
})()`;

/**
 * At both window sizes, every button, link and input of the screen (or of the open dialog) can be
 * scrolled into view and is then neither outside the window nor clipped. `where` names the screen.
 */
export async function expectEverythingReachable(page: Page, where: string): Promise<void> {
  const original = page.viewportSize();
  for (const size of WINDOW_SIZES) {
    await page.setViewportSize(size);
    // Let the layout settle (virtual lists measure, dialogs finish their transition).
    await expect
      .poll(() => page.evaluate("document.getAnimations().every((a) => a.playState !== 'running')"))
      .toBe(true);
    const problems = (await page.evaluate(findClipped)) as string[];
    expect(problems, `${where} at ${size.width}×${size.height}`).toEqual([]);
  }
  if (original) await page.setViewportSize(original);
}
