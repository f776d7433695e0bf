/**
 * The portfolio-wide access questions must stay index ranges: every statement of accessRepository
 * reaches the contracts table through an index (SEARCH … USING [COVERING] INDEX), never by scanning it.
 * Without ANALYZE statistics SQLite plans from default row estimates, so a small database plans the
 * statements as a large one does.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src-main/core/db/connection';
import { accessStatements, type AccessStatement } from '../../../src-main/core/db/accessRepository';

const day = '2026-11-27';
const bounds = { day, preUntil: '2026-12-27', postFrom: '2026-10-28' };
const scope = { ...bounds, propertyId: 1, allUnits: 0, unitIds: '[1,2]', role: 'tenant' };

/** Parameters to bind for each statement (EXPLAIN needs them bound like the real call). */
const params: Record<AccessStatement, Record<string, unknown> | unknown[]> = {
  seatCount: bounds,
  countsByAccess: bounds,
  impact: {
    day,
    candidatePreUntil: bounds.preUntil,
    candidatePostFrom: bounds.postFrom,
    beforePreUntil: day,
    beforePostFrom: day,
    afterPreUntil: bounds.preUntil,
    afterPostFrom: bounds.postFrom,
  },
  roleRecipients: scope,
  roleRecipientsByName: scope,
  roleRecipientCount: scope,
  roleRecipientPage: { ...scope, limit: 50, offset: 100 },
  roleWindowContracts: scope,
  contractsOfContact: [1],
  forecastCandidates: {
    day,
    until: '2027-11-27',
    preUntil: '2027-12-27',
    postFrom: '2026-10-28',
    preChanged: 1,
    postChanged: 1,
  },
};

const KEYWORDS = new Set([
  'WHERE',
  'JOIN',
  'ON',
  'ORDER',
  'GROUP',
  'UNION',
  'LEFT',
  'INNER',
  'CROSS',
  'LIMIT',
]);

/** The names the contracts table goes by in a statement: its aliases, or `contracts` itself. */
function contractAliases(sql: string): Set<string> {
  const aliases = new Set<string>();
  for (const m of sql.matchAll(/\b(?:FROM|JOIN)\s+contracts\b(?:\s+(?:AS\s+)?(\w+))?/gi)) {
    const word = m[1];
    aliases.add(word === undefined || KEYWORDS.has(word.toUpperCase()) ? 'contracts' : word);
  }
  return aliases;
}

/**
 * An index search whose leading column is looked up (`contact_id=?`, optionally narrowed further) or
 * bounded on both sides (`start_date>? AND start_date<?`; EXPLAIN writes <= as <).
 */
const BOUNDED_INDEX_SEARCH =
  /^SEARCH \w+ (?:EXISTS )?USING (?:COVERING )?INDEX \w+ \((?:\w+=\?|(\w+)>\? AND \1<\?)/;

interface PlanRow {
  id: number;
  parent: number;
  detail: string;
}

function plan(db: Db, statement: AccessStatement): string[] {
  const explain = db.prepare<unknown[], PlanRow>(`EXPLAIN QUERY PLAN ${accessStatements[statement]}`);
  const bound = params[statement];
  const rows = Array.isArray(bound) ? explain.all(...bound) : explain.all(bound);
  return rows.map((row) => row.detail);
}

let dir = '';
let db: Db;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-plans-'));
  db = openDatabase(path.join(dir, 'data.db'));
  db.exec(`
    INSERT INTO properties (id, name, reference_id, created_at) VALUES (1, 'P', 'P-1', '2026-01-01');
    INSERT INTO units (id, property_id, name, number, usage, reference_id)
      VALUES (1, 1, 'U1', '1', 'private', 'U-1'), (2, 1, 'U2', '2', 'commercial', 'U-2');
    INSERT INTO contacts (id, salutation, last_name, language, preference, reference_id, archived, sort_name)
      VALUES (1, 'ms', 'A', 'de', 'online', 'K-1', 0, 'a'), (2, 'mr', 'B', 'en', 'postal', 'K-2', 1, 'b');
    INSERT INTO portal_accounts (contact_id, registered_at) VALUES (1, '2026-02-01');
    INSERT INTO contracts (id, contact_id, unit_id, property_id, type, number, start_date, end_date)
      VALUES (1, 1, 1, 1, 'tenant', 'V-1', '2026-01-01', NULL),
             (2, 2, 2, 1, 'owner', 'V-2', '2025-01-01', '2026-11-20');
  `);
});
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('access statements reach contracts through an index', () => {
  it.each(Object.keys(accessStatements) as AccessStatement[])('%s', (statement) => {
    const aliases = contractAliases(accessStatements[statement]);
    expect(aliases.size).toBeGreaterThan(0);
    const details = plan(db, statement);
    const onContracts = details.filter((detail) => {
      const m = /^(?:SCAN|SEARCH) (\w+)/.exec(detail);
      return m?.[1] !== undefined && aliases.has(m[1]);
    });
    expect(onContracts.length, details.join('\n')).toBeGreaterThan(0);
    for (const detail of onContracts) {
      // Not a SCAN (with or without an index, it reads the whole table or index), and not a one-sided
      // date range (start_date<? reads most of the table).
      expect(detail, details.join('\n')).toMatch(BOUNDED_INDEX_SEARCH);
    }
  });
});

describe('the share dialog pages a role share by name from its contacts, not from all contacts', () => {
  // Walking contacts_by_sort_name would avoid the sort but read every contact for the last page.
  it.each(['roleRecipientsByName', 'roleRecipientCount', 'roleRecipientPage'] as const)('%s', (statement) => {
    const details = plan(db, statement);
    const onContacts = details.filter((detail) => /^(?:SCAN|SEARCH) c\b/.test(detail));
    expect(onContacts, details.join('\n')).toEqual(['SEARCH c USING INTEGER PRIMARY KEY (rowid=?)']);
  });
});
