/** The benchmark's tables, its targets (issue 6) and bench/results.json. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Row, MeasureOutput } from './measure';
import type { PortfolioFacts } from './portfolio';
import { formatBytes, formatMs, formatRatio, type Timing } from './stats';
import type { BaselineWrite } from './worker';

export interface Machine {
  cpu: string;
  cores: number;
  memoryBytes: number;
  platform: string;
  node: string;
  sqlite: string;
}

export interface SizeResult {
  contacts: number;
  measuredAt: string;
  machine: Machine;
  facts: PortfolioFacts;
  generation: {
    generateMs: number;
    writeMs: number;
    dbBytes: number;
    heapAfterGenerateBytes: number;
    baseline: BaselineWrite | null;
  };
  open: { appMs: number; baselineLoadMs: number | null };
  memory: {
    rssBeforeOpenBytes: number;
    rssAfterOpenBytes: number;
    rssBytes: number;
    heapUsedBytes: number;
    heapTotalBytes: number;
    externalBytes: number;
    baselineRssBytes: number | null;
  };
  /** 1-minute load average before generating and after measuring (other work on the machine). */
  loadAverage: { before: number; after: number };
  rows: Row[];
  /** The letters' process (absent in results from before issue 14). */
  letters?: { batch: number; peakRssBytes: number };
  searchByLength: MeasureOutput['searchByLength'];
  targets: TargetCheck[];
  notes: string[];
}

/** A UI timing: event → DOM shows the answer, and → the next animation frame (painted). */
export interface UiTiming {
  dom: Timing;
  frame: Timing;
  /** The requests to the core in the median run: sent and answered, ms after the event. */
  requests: { channel: string; sentMs: number; answeredMs: number }[];
}

/** What `npm run bench:ui` measured (scripts/bench-ui.ts). */
export interface UiResults {
  measuredAt: string;
  machine: Machine;
  contacts: number;
  runs: number;
  search: UiTiming | null;
  openContact: UiTiming | null;
  shareDialog: UiTiming | null;
  notes: string[];
}

export interface ResultsFile {
  about: string;
  machine: Machine;
  /** By number of contacts; a run replaces the sizes it measured and keeps the others. */
  sizes: Record<string, SizeResult>;
  ui?: UiResults;
}

export function readResults(file: string): ResultsFile | null {
  if (!fs.existsSync(file)) return null;
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as ResultsFile;
  } catch {
    return null;
  }
}

export function writeResults(file: string, results: ResultsFile): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}

const ABOUT =
  'npm run bench (scripts/bench.ts) and npm run bench:ui (scripts/bench-ui.ts): times in milliseconds, sizes in bytes; see README "Performance".';

export function machineInfo(): Machine {
  const cpus = os.cpus();
  const db = new Database(':memory:');
  const sqlite = (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  db.close();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryBytes: os.totalmem(),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    sqlite,
  };
}

/** The order of the table's rows. */
const ORDER = [
  'contactGet',
  'access',
  'policy',
  'sharingPreview',
  'sharingPage',
  'roleShare',
  'overviewFirst',
  'overview',
  'seatCount',
  'seatRecount',
  'seatForecast',
  'dayTurnover',
  'impact',
  'search',
  'searchFirstName',
  'searchInfix',
  'listFirst',
  'list:active',
  'list:pre',
  'list:post',
  'list:none',
  'invitePreview',
  'invite',
  'change',
  'letterLong',
  'letterBatch',
];

export function orderedRows(rows: readonly Row[]): Row[] {
  const rank = (key: string) => {
    const i = ORDER.indexOf(key);
    return i === -1 ? ORDER.length : i;
  };
  return [...rows].sort((a, b) => rank(a.key) - rank(b.key));
}

export interface TargetCheck {
  target: string;
  limit: string;
  value: string;
  met: boolean;
  /** For a miss: how many times over the limit. */
  over: string | null;
}

function check(
  target: string,
  limitMs: number,
  valueMs: number | null | undefined,
  unit = 'ms',
): TargetCheck | null {
  if (valueMs === null || valueMs === undefined || Number.isNaN(valueMs)) return null;
  const met = valueMs <= limitMs;
  return {
    target,
    limit: unit === 'ms' ? `≤ ${formatMs(limitMs)}` : `≤ ${formatBytes(limitMs)}`,
    value: unit === 'ms' ? formatMs(valueMs) : formatBytes(valueMs),
    met,
    over: met ? null : formatRatio(valueMs, limitMs),
  };
}

/** The targets of issues 6 and 14 (stated for 1,000,000 contacts; checked at every size). */
export function checkTargets(
  rows: readonly Row[],
  rssBytes: number,
  letters: { batch: number; peakRssBytes: number },
): TargetCheck[] {
  const get = (key: string) => rows.find((r) => r.key === key);
  const app = (key: string, which: keyof Timing = 'p50') => get(key)?.app?.[which] ?? null;
  const out: (TargetCheck | null)[] = [];
  const share = get('sharingPreview')?.app ? 'sharingPreview' : 'roleShare';
  out.push(check(`role share, largest property (${get(share)?.via ?? ''}, p50)`, 10, app(share)));
  if (share === 'sharingPreview')
    out.push(check('role share resolution (repository, p50)', 10, app('roleShare')));
  out.push(check('settings impact (p50)', 100, app('impact')));
  out.push(check('search p99', 10, app('search', 'p99')));
  out.push(check('search by first name p99', 10, app('searchFirstName', 'p99')));
  out.push(check('search by a part of a name p99', 10, app('searchInfix', 'p99')));
  out.push(check("one contact's access: repository + policy (p50)", 0.05, app('access')));
  out.push(check("one contact's access: contacts.get (p50)", 0.05, app('contactGet')));
  const pages = rows.filter((r) => r.key.startsWith('list:') && r.app !== null);
  const worstPage = pages.reduce<Row | null>(
    (w, r) => (w === null || (r.app?.p50 ?? 0) > (w.app?.p50 ?? 0) ? r : w),
    null,
  );
  if (worstPage)
    out.push(check(`list page, slowest state (${worstPage.key.slice(5)}, p50)`, 10, worstPage.app?.p50));
  out.push(check('list page, first open (counts of all contacts)', 10, app('listFirst')));
  out.push(check('bulk invite of the ~1,000-unit property', 500, app('invite')));
  out.push(check('main-process RSS', 300 * 2 ** 20, rssBytes, 'bytes'));
  // Issue 15: portfolio-wide answers from the maintained figures.
  out.push(check('overview (p50, issue 15)', 10, app('overview')));
  out.push(check('overview, first after open (issue 15)', 50, app('overviewFirst')));
  out.push(check('seats (p50, issue 15)', 5, app('seatCount')));
  out.push(check('settings impact p99 (issue 15)', 50, app('impact', 'p99')));
  out.push(check('contacts list first open (issue 15)', 20, app('listFirst')));
  out.push(check('search (page + counts) p99 (issue 15)', 20, app('search', 'p99')));
  out.push(check('seat forecast ≤ overview budget ×3 (issue 15)', 30, app('seatForecast')));
  out.push(check('save a contact p99 (issue 15)', 5, app('change', 'p99')));
  out.push(check('day turnover (issue 15)', 2000, app('dayTurnover')));
  out.push(check('one letter, 20,000 characters without a space (p50)', 50, app('letterLong')));
  // 10,000 letters in 60 s: 6 ms a letter, at any batch size.
  const batch = `SmartPost batch of ${letters.batch.toLocaleString('en')} letters`;
  out.push(check(batch, 6 * letters.batch, app('letterBatch')));
  out.push(check(`${batch}: peak RSS`, 500 * 2 ** 20, letters.peakRssBytes, 'bytes'));
  for (const r of orderedRows(rows)) {
    if (r.app === null || r.floor === null || !(r.floor.p50 > 0)) continue;
    const ratio = r.app.p50 / r.floor.p50;
    out.push({
      target: `app ≤ 2× floor: ${r.question}`,
      limit: '≤ ×2',
      value: formatRatio(r.app.p50, r.floor.p50),
      met: ratio <= 2,
      over: ratio <= 2 ? null : formatRatio(ratio, 2),
    });
  }
  return out.filter((c): c is TargetCheck => c !== null);
}

function pad(text: string, width: number, right = false): string {
  const length = [...text].length;
  if (length >= width) return text;
  return right ? ' '.repeat(width - length) + text : text + ' '.repeat(width - length);
}

export function formatTable(result: SizeResult): string {
  const f = result.facts;
  const g = result.generation;
  const lines: string[] = [];
  lines.push(
    `${f.contacts.toLocaleString('en')} contacts: ${f.properties.toLocaleString('en')} properties, ${f.units.toLocaleString('en')} units, ` +
      `${f.contracts.toLocaleString('en')} contracts (${f.contractsPerContact.toFixed(2)} per contact), ` +
      `${f.portalAccounts.toLocaleString('en')} registered; largest property ${f.largestPropertyUnits.toLocaleString('en')} units, ` +
      `bulk-invite property ${f.bulkPropertyUnits.toLocaleString('en')} units`,
  );
  lines.push(
    `generation ${formatMs(g.generateMs)}, SQLite write ${formatMs(g.writeMs)}, database ${formatBytes(g.dbBytes)}` +
      (g.baseline
        ? ` | baseline JSON write ${formatMs(g.baseline.writeMs)}, ${formatBytes(g.baseline.bytes)}${g.baseline.reduced ? ' (reduced document)' : ''}`
        : ''),
  );
  lines.push(
    `machine load average (1 min) ${result.loadAverage.before.toFixed(1)} before, ${result.loadAverage.after.toFixed(1)} after, on ${result.machine.cores} cores`,
  );
  lines.push(
    `open: createCore ${formatMs(result.open.appMs)} | baseline JSON.parse ${formatMs(result.open.baselineLoadMs)}; ` +
      `RSS: code loaded ${formatBytes(result.memory.rssBeforeOpenBytes)}, opened ${formatBytes(result.memory.rssAfterOpenBytes)}, ` +
      `after the questions ${formatBytes(result.memory.rssBytes)} (heap ${formatBytes(result.memory.heapUsedBytes)})` +
      (result.memory.baselineRssBytes !== null
        ? ` | with the baseline document loaded ${formatBytes(result.memory.baselineRssBytes)}`
        : ''),
  );
  const header = [
    'question',
    'app via',
    'app p50',
    'app p99',
    'floor p50',
    'app/floor',
    'baseline p50',
    'baseline/app',
  ];
  const widths = [56, 34, 10, 10, 10, 10, 13, 12];
  const table = [header];
  for (const r of orderedRows(result.rows)) {
    table.push([
      r.question,
      r.via,
      formatMs(r.app?.p50),
      r.app && r.app.n > 1 ? formatMs(r.app.p99) : '',
      formatMs(r.floor?.p50),
      formatRatio(r.app?.p50, r.floor?.p50),
      formatMs(r.baseline?.p50),
      formatRatio(r.baseline?.p50, r.app?.p50),
    ]);
  }
  for (const [i, cells] of table.entries()) {
    lines.push(cells.map((cell, c) => pad(cell, widths[c] as number, c >= 2)).join(' '));
    if (i === 0) lines.push(widths.map((w) => '─'.repeat(w)).join(' '));
  }
  const lengths = Object.entries(result.searchByLength)
    .map(([length, t]) => `${length === '6' ? '6+' : length}: ${formatMs(t.p50)} / ${formatMs(t.p99)}`)
    .join(', ');
  if (lengths) lines.push(`search p50 / p99 by prefix length — ${lengths}`);
  const info = orderedRows(result.rows).filter((r) => r.info);
  for (const r of info) lines.push(`  ${r.question}: ${r.info}`);
  lines.push('targets (issues 6 and 14):');
  for (const t of result.targets) {
    lines.push(
      `  ${t.met ? 'met   ' : 'MISSED'} ${t.target}: ${t.value} (${t.limit})${t.over ? `, ${t.over} over` : ''}`,
    );
  }
  for (const note of result.notes) lines.push(`note: ${note}`);
  return lines.join('\n');
}

export function mergeResults(file: string, machine: Machine, results: readonly SizeResult[]): ResultsFile {
  const previous = readResults(file);
  const sizes: Record<string, SizeResult> = { ...(previous?.sizes ?? {}) };
  for (const result of results) sizes[String(result.contacts)] = result;
  return { ...previous, about: ABOUT, machine, sizes };
}

export function mergeUiResults(file: string, ui: UiResults): ResultsFile {
  const previous = readResults(file);
  return { about: ABOUT, machine: ui.machine, sizes: {}, ...previous, ui };
}

/** Markdown tables of a results file, for the README's "Performance" section (`--markdown`). */
export function formatMarkdown(results: ResultsFile): string {
  const sizes = Object.values(results.sizes).sort((a, b) => a.contacts - b.contacts);
  if (sizes.length === 0) return 'No results yet: run `npm run bench`.';
  const largest = sizes.at(-1) as SizeResult;
  const n = (contacts: number) =>
    contacts >= 1_000_000 ? `${contacts / 1_000_000}M` : `${contacts / 1000}k`;
  const lines: string[] = [];
  const table = (header: string[], rows: string[][], align: string[]) => {
    lines.push(`| ${header.join(' | ')} |`);
    lines.push(`| ${align.join(' | ')} |`);
    for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
    lines.push('');
  };
  table(
    [
      'contacts',
      'generate',
      'SQLite write',
      'database',
      'open',
      'RSS after questions',
      'JSON baseline: write, size',
      'JSON.parse',
      'RSS with JSON',
    ],
    sizes.map((s) => [
      s.contacts.toLocaleString('en'),
      formatMs(s.generation.generateMs),
      formatMs(s.generation.writeMs),
      formatBytes(s.generation.dbBytes),
      formatMs(s.open.appMs),
      formatBytes(s.memory.rssBytes),
      s.generation.baseline
        ? `${formatMs(s.generation.baseline.writeMs)}, ${formatBytes(s.generation.baseline.bytes)}${s.generation.baseline.reduced ? '¹' : ''}`
        : '–',
      formatMs(s.open.baselineLoadMs),
      formatBytes(s.memory.baselineRssBytes),
    ]),
    ['--:', '--:', '--:', '--:', '--:', '--:', '--:', '--:', '--:'],
  );
  const reduced = sizes.find((s) => s.generation.baseline?.reduced);
  if (reduced) {
    lines.push(
      `¹ At ${reduced.contacts.toLocaleString('en')} contacts the full JSON document does not fit in one JavaScript ` +
        'string (V8: at most 2^29 − 24 characters): the baseline uses a reduced document without phone, note, ' +
        'postal address and units.',
    );
    lines.push('');
  }
  const keys = orderedRows(largest.rows).map((r) => r.key);
  const timing = (t: Timing | null | undefined) =>
    t == null ? '–' : t.n > 1 ? `${formatMs(t.p50)} / ${formatMs(t.p99)}` : formatMs(t.p50);
  table(
    [
      'question',
      'app path',
      ...sizes.map((s) => `${n(s.contacts)}: app p50 / p99`),
      `${n(largest.contacts)}: floor p50`,
      'app / floor',
      `${n(largest.contacts)}: JSON baseline p50`,
      'baseline / app',
    ],
    keys.map((key) => {
      const r = largest.rows.find((row) => row.key === key) as Row;
      return [
        r.question,
        `\`${r.via}\``,
        ...sizes.map((s) => timing(s.rows.find((row) => row.key === key)?.app)),
        formatMs(r.floor?.p50),
        formatRatio(r.app?.p50, r.floor?.p50),
        formatMs(r.baseline?.p50),
        formatRatio(r.baseline?.p50, r.app?.p50),
      ];
    }),
    ['---', '---', ...sizes.map(() => '--:'), '--:', '--:', '--:', '--:'],
  );
  table(
    ['target (issue 6)', 'limit', `${n(largest.contacts)}`, ''],
    largest.targets
      .filter((t) => !t.target.startsWith('app ≤ 2× floor'))
      .map((t) => [t.target, t.limit, t.value, t.met ? 'met' : `**missed**, ${t.over} over`]),
    ['---', '--:', '--:', '---'],
  );
  const ui = results.ui;
  if (ui) {
    const uiRow = (label: string, timing: UiTiming | null): string[] =>
      timing === null
        ? [label, 'not measured', '', '', '']
        : [
            label,
            formatMs(timing.dom.p50),
            formatMs(timing.frame.p50),
            timing.frame.p50 <= 100 ? 'met' : `**missed**, ${formatRatio(timing.frame.p50, 100)} over`,
            timing.requests.map((r) => `\`${r.channel}\` ${r.sentMs} → ${r.answeredMs} ms`).join(', ') || '–',
          ];
    table(
      [
        `UI, ${ui.contacts.toLocaleString('en')} contacts (median of ${ui.runs})`,
        'to the DOM',
        'to the next frame',
        '≤ 100 ms',
        'requests of the median run: sent → answered',
      ],
      [
        uiRow('typing in the contact search → updated list', ui.search),
        uiRow('opening a contact from the list', ui.openContact),
        uiRow('opening the share dialog of the largest property → its warning', ui.shareDialog),
      ],
      ['---', '--:', '--:', '---', '---'],
    );
  }
  const floors = largest.targets.filter((t) => t.target.startsWith('app ≤ 2× floor'));
  const over = floors.filter((t) => !t.met);
  lines.push(
    `App within 2× its floor at ${n(largest.contacts)}: ${floors.length - over.length} of ${floors.length} questions` +
      (over.length > 0
        ? `; over: ${over.map((t) => `${t.target.replace('app ≤ 2× floor: ', '')} (${t.value})`).join(', ')}.`
        : '.'),
  );
  return lines.join('\n');
}
