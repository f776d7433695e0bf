/** The benchmark's tables: one size's in the terminal, and all sizes' as the README's Markdown. */
import type { ResultsFile, SizeResult, UiTiming } from './results';
import type { Row } from './session';
import { formatBytes, formatMs, formatRatio, type Timing } from './stats';

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
