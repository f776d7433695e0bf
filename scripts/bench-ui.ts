/**
 * `npm run bench:ui [-- --contacts 100000 --runs 15 --cache]`: the UI at scale (issue 6, point 6), through
 * the same harness as the UI tests (built renderer in Chromium + the real core; run `npm run build`
 * first) on a generated 100,000-contact data dir (largest property 5,000 units, windows on).
 *
 * Measured inside the page, from the input or click event to the DOM showing the answer (and to the
 * next animation frame, when it is painted), median over the runs:
 * - typing in the contact search until the list shows the first match and the new total,
 * - opening a contact from the list until its page's heading shows,
 * - opening the share dialog of a content of the largest property until the warning about the
 *   skipped contacts shows (skipped with a note when the dialog does not exist yet).
 * Results go to the console and to bench/results.json (key "ui").
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ElementHandle, Page } from '@playwright/test';
import { launchApp, type LaunchedApp } from '../test/ui/harness';
import { loadMessages, message } from '../test/messages';
import { cacheDirFor } from './bench/cache';
import { runWorker } from './bench/child';
import { BENCH_TODAY } from './bench/portfolio';
import { machineInfo, mergeUiResults, writeResults, type UiResults, type UiTiming } from './bench/results';
import { formatMs, seededInts, summarise } from './bench/stats';
import type { GenerateInput, GenerateOutput } from './bench/worker';

const resultsFile = path.resolve(import.meta.dirname, '../bench/results.json');
const messages = loadMessages('de');
const t = (key: string, params?: Record<string, string | number>) => message(messages, key, params);

function parseArgs(argv: readonly string[]) {
  const options = { contacts: 100_000, runs: 15, cache: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    const value = Number(argv[i + 1]);
    if (arg === '--cache') {
      // The data dir of npm run bench -- --cache (scripts/bench/cache.ts).
      options.cache = true;
      continue;
    }
    if (arg === '--contacts' && Number.isSafeInteger(value) && value >= 100) options.contacts = value;
    else if (arg === '--runs' && Number.isSafeInteger(value) && value >= 1) options.runs = value;
    else throw new Error(`unknown argument ${arg} (use --contacts N, --runs N, --cache)`);
    i += 1;
  }
  return options;
}

/**
 * In the page: does the action (an input or a click on `element`), then waits for the condition
 * (checked on every DOM mutation) and for the next animation frame; resolves both times in ms.
 * Plain source text installed with `evaluate`, like the harness's window.api shim, so that no
 * transpiler helper leaks into the page (and no eval is needed under the app's CSP).
 */
const TIME_IN_PAGE = `if (!window.__benchCalls) {
  window.__benchCalls = [];
  const original = window.__portalInvoke;
  window.__portalInvoke = (channel, payload) => {
    const start = performance.now();
    return Promise.resolve(original(channel, payload)).then((result) => {
      window.__benchCalls.push({ channel, start, end: performance.now() });
      return result;
    });
  };
}
window.__benchTime = (element, act, until) => new Promise((resolve, reject) => {
  const total = until.totalPattern ? new RegExp(until.totalPattern) : null;
  const satisfied = () => {
    if (until.rowText !== undefined) {
      const rows = document.querySelectorAll('[role="table"] [role="row"]');
      if (!((rows[1] && rows[1].textContent) || '').includes(until.rowText)) return false;
    }
    if (total !== null) {
      const node = document.querySelector('[data-testid="contacts-total"]');
      if (!total.test((node && node.textContent) || '')) return false;
    }
    if (until.heading !== undefined) {
      const headings = [...document.querySelectorAll('h2')];
      if (!headings.some((h) => (h.textContent || '').includes(until.heading))) return false;
    }
    if (until.testId !== undefined && !document.querySelector('[data-testid="' + until.testId + '"]')) return false;
    return true;
  };
  let start = 0;
  let finished = false;
  const observer = new MutationObserver(() => {
    if (finished || !satisfied()) return;
    finished = true;
    const dom = performance.now() - start;
    observer.disconnect();
    clearTimeout(timer);
    const calls = window.__benchCalls
      .filter((call) => call.start >= start)
      .map((call) => ({ channel: call.channel, start: call.start - start, end: call.end - start }));
    requestAnimationFrame(() => resolve({ dom, frame: performance.now() - start, calls }));
  });
  const timer = setTimeout(() => {
    observer.disconnect();
    reject(new Error('timed out waiting for ' + JSON.stringify(until)));
  }, 20000);
  observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  start = performance.now();
  window.__benchCalls.length = 0;
  if (act.kind === 'type') {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    setter.call(element, act.value);
    element.dispatchEvent(new Event('input', { bubbles: true }));
  } else {
    element.click();
  }
})`;

type Until = { rowText?: string; totalPattern?: string; heading?: string; testId?: string };
type Act = { kind: 'type'; value: string } | { kind: 'click' };
/** A request the page made to the core during the action (ms from the action's start). */
interface Call {
  channel: string;
  start: number;
  end: number;
}
interface Sample {
  dom: number;
  frame: number;
  calls: Call[];
}
type TimeInPage = (element: unknown, act: Act, until: Until) => Promise<Sample>;

async function timeInPage(page: Page, element: ElementHandle, act: Act, until: Until): Promise<Sample> {
  await page.evaluate(TIME_IN_PAGE);
  return page.evaluate(
    ([target, action, condition]) =>
      (globalThis as unknown as { __benchTime: TimeInPage }).__benchTime(target, action, condition),
    [element, act, until] as const,
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A button of the side navigation (the breadcrumbs repeat some names). */
function navButton(page: Page, key: string) {
  return page.getByRole('navigation').getByRole('button', { name: t(key), exact: true });
}

async function showContacts(page: Page): Promise<ElementHandle> {
  await navButton(page, 'nav.contacts').click();
  const input = page.getByLabel(t('contacts.search'));
  await input.waitFor();
  const handle = await input.elementHandle();
  if (handle === null) throw new Error('no search field');
  return handle;
}

/** Search prefixes (3–5 letters of names) whose first match changes from one to the next. */
async function searchCases(app: LaunchedApp, contacts: number, runs: number) {
  const cases: { prefix: string; name: string; total: number }[] = [];
  const ids = seededInts(99, runs * 40, contacts);
  let previous = '';
  for (let i = 0; i < ids.length && cases.length < runs; i += 1) {
    const detail = await app.invoke('contacts.get', { id: ids[i]! });
    if (detail.contact.archived) continue;
    const prefix = detail.contact.lastName.slice(0, 3 + (i % 3));
    const page = await app.invoke('contacts.list', { search: prefix });
    const first = page.items[0];
    if (first === undefined || first.displayName === previous) continue;
    previous = first.displayName;
    cases.push({ prefix, name: first.displayName, total: page.total });
  }
  return cases;
}

function uiTiming(samples: Sample[]): UiTiming | null {
  if (samples.length === 0) return null;
  // The requests of the median run: when each was sent and answered (through the harness).
  const sorted = [...samples].sort((a, b) => a.frame - b.frame);
  const median = sorted[Math.floor((sorted.length - 1) / 2)] as Sample;
  return {
    dom: summarise(samples.map((s) => s.dom)),
    frame: summarise(samples.map((s) => s.frame)),
    requests: median.calls.map((call) => ({
      channel: call.channel,
      sentMs: Math.round(call.start),
      answeredMs: Math.round(call.end),
    })),
  };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `portal-bench-ui-${options.contacts}-`));
  const dataDir = path.join(tmp, 'data');
  const notes: string[] = [];
  const results: UiResults = {
    measuredAt: new Date().toISOString(),
    machine: machineInfo(),
    contacts: options.contacts,
    runs: options.runs,
    search: null,
    openContact: null,
    shareDialog: null,
    notes,
  };
  let app: LaunchedApp | null = null;
  try {
    console.log(`UI benchmark: ${options.contacts.toLocaleString('en')} contacts, ${options.runs} runs each`);
    const generated = runWorker<GenerateInput, GenerateOutput>(
      'generate',
      {
        contacts: options.contacts,
        dataDir,
        baselineFile: null,
        cacheDir: options.cache ? cacheDirFor(options.contacts) : null,
      },
      options.contacts,
      tmp,
    );
    app = await launchApp({ dataDir, today: BENCH_TODAY, locale: 'de' });
    const { page } = app;
    await navButton(page, 'nav.contacts').waitFor();

    // Search, then open the first match.
    const cases = await searchCases(app, options.contacts, options.runs);
    const search: Sample[] = [];
    const open: Sample[] = [];
    const totalFormat = new Intl.NumberFormat('de-DE');
    for (const c of cases) {
      const input = await showContacts(page);
      search.push(
        await timeInPage(
          page,
          input,
          { kind: 'type', value: c.prefix },
          { rowText: c.name, totalPattern: `(^|\\D)${escapeRegExp(totalFormat.format(c.total))}(\\D|$)` },
        ),
      );
      const row = await page.locator('[role="table"] [role="row"]').nth(1).elementHandle();
      if (row === null) throw new Error('no first row');
      open.push(await timeInPage(page, row, { kind: 'click' }, { heading: c.name }));
    }
    results.search = uiTiming(search);
    results.openContact = uiTiming(open);
    notes.push(
      "contact search: includes the search field's 150 ms debounce (ContactsPage, useDebouncedCallback) before the request is sent",
    );

    // The share dialog of a content of the largest property, with its warning about skipped contacts.
    const largest = generated.facts.largestPropertyId;
    try {
      await app.invoke('content.create', {
        kind: 'announcement',
        title: 'Benchmark: Wartung der Heizung',
        propertyId: largest,
        text: 'Die Heizung wird am Montag gewartet.',
      });
      await navButton(page, 'nav.contents').click();
      await page.getByText('Benchmark: Wartung der Heizung').first().click();
      const shareButton = page.getByRole('button', { name: t('sharing.open'), exact: true }).first();
      await shareButton.waitFor({ timeout: 10_000 });
      const dialog: Sample[] = [];
      for (let i = 0; i < options.runs; i += 1) {
        const button = await shareButton.elementHandle();
        if (button === null) throw new Error('no share button');
        dialog.push(await timeInPage(page, button, { kind: 'click' }, { testId: 'share-skipped-warning' }));
        await page.keyboard.press('Escape');
        await page.getByRole('dialog').waitFor({ state: 'detached' });
      }
      results.shareDialog = uiTiming(dialog);
      notes.push(
        'share dialog: default target "Alle Kontakte" of the content\'s property; its first preview is asked at once (the 250 ms PREVIEW_DELAY_MS of ShareDialog applies to later changes of the target)',
      );
    } catch (error) {
      notes.push(`share dialog not measured: ${(error as Error).message.split('\n')[0]}`);
    }
  } finally {
    await app?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }

  const line = (label: string, timing: UiTiming | null) =>
    timing === null
      ? `${label}: not measured`
      : `${label}: median ${formatMs(timing.dom.p50)} to the DOM, ${formatMs(timing.frame.p50)} to the next frame ` +
        `(p99 ${formatMs(timing.frame.p99)}, ${timing.dom.n} runs) — target ≤ 100 ms: ${timing.frame.p50 <= 100 ? 'met' : 'MISSED'}\n` +
        `    requests of the median run (sent → answered, ms after the event): ` +
        (timing.requests.map((r) => `${r.channel} ${r.sentMs} → ${r.answeredMs}`).join(', ') || 'none');
  console.log(line('typing in the contact search → updated list', results.search));
  console.log(line('opening a contact', results.openContact));
  console.log(line('opening the share dialog with its warning', results.shareDialog));
  for (const note of notes) console.log(`note: ${note}`);

  writeResults(resultsFile, mergeUiResults(resultsFile, results));
  console.log(`Results written to ${path.relative(process.cwd(), resultsFile)} (key "ui")`);
}

await main();
process.exit(0);
