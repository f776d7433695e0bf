/**
 * Hostile IPC (docs/SECURITY.md): every contract channel gets generated invalid payloads and must
 * refuse each one with a coded error — from `errorCodes`, never INTERNAL, never a thrown exception —
 * leaving the data store byte-for-byte as it was.
 *
 * The payloads are not random noise: each channel has a table of VALID samples (hostile/samples/) that reference
 * real rows of the demo portfolio, and every case breaks exactly one thing of one sample — one field
 * replaced by a value that is invalid for that field, or the shape of one object (an unknown key, a
 * prototype-pollution key, an array or a scalar where an object belongs). So a case that gets through
 * is a hole in that field's validation, not an accident of the rest of the payload. A control test runs
 * every valid sample on its own copy of the same data store and expects it to succeed.
 *
 * Most refusals come from the zod schemas in shared/contract. A few fields are checked by the service
 * by design (a real calendar day in an appointment, a document's bytes, SmartPost placeholders,
 * invitation codes, end before start); their cases are marked `domain` and are the only ones the
 * schema may accept.
 *
 * The parts live in hostile/: the data stores (fixture.ts), the kinds of field (kinds.ts), the valid
 * samples per contract area (samples/), the invalid values (invalid.ts) and the broken cases (cases.ts).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, type Result } from '../../../shared/errors';
import { channels, contract, type Channel } from '../../../shared/ipc';
import { DATABASE_FILE, type Core } from '../../../src-main/core/core';
import { snapshotDatabase } from '../support';
import { casesOf, isPlainObject, leafPaths } from './hostile/cases';
import { buildBaseline, freshDir, openCore, removeAll, type Fixture } from './hostile/fixture';
import type { Sample, SampleTable } from './hostile/kinds';
import { samples } from './hostile/samples';

const RUNS_PER_CHANNEL = 500;

function sha256(file: string): string {
  return fs.existsSync(file) ? createHash('sha256').update(fs.readFileSync(file)).digest('hex') : '-';
}

/** The data store's files, byte for byte (the -shm index is rebuilt by readers and is not data). */
function dataStoreBytes(dataDir: string): string {
  return ['', '-wal'].map((suffix) => sha256(path.join(dataDir, DATABASE_FILE + suffix))).join(' ');
}

const codes: ReadonlySet<string> = new Set(errorCodes);
/** Every code the hostile cases were refused with, to show they reached the service checks too. */
const seen = new Set<string>();

let baselineDir = '';
let fixture: Fixture;
let table: SampleTable;
let core: Core;
let hostileDir = '';

beforeAll(async () => {
  baselineDir = freshDir();
  fixture = await buildBaseline(baselineDir);
  table = samples(fixture);
  hostileDir = freshDir();
  fs.cpSync(baselineDir, hostileDir, { recursive: true });
  core = openCore(hostileDir);
});

afterAll(removeAll);

describe('the table of valid samples', () => {
  it('covers every channel, names every field, and each sample passes its schema', () => {
    expect(Object.keys(table).sort()).toEqual([...channels].sort());
    for (const channel of channels) {
      const schema = contract[channel].request;
      for (const sample of table[channel] as Sample<unknown>[]) {
        const parsed = schema.safeParse(sample.payload);
        expect(parsed.success, `${channel} ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
        expect(Object.keys(sample.fields).sort(), `${channel}: fields`).toEqual(
          leafPaths(sample.payload).sort(),
        );
        if ('shape' in schema && isPlainObject(sample.payload)) {
          expect(Object.keys(sample.payload).sort(), `${channel}: every key of the schema`).toEqual(
            Object.keys(schema.shape as object).sort(),
          );
        }
      }
    }
  });

  // On a copy each: the data store the hostile cases run on, where these must succeed.
  it('each valid sample succeeds on its own copy of the data store', async () => {
    const needSmtp: ReadonlySet<Channel> = new Set(['outbox.send', 'mail.sendTest']);
    // Only the start-up fault core has choices; an open store refuses them once the payload is valid.
    const faultOnly: ReadonlySet<Channel> = new Set(['startup.choose']);
    for (const channel of channels) {
      for (const sample of table[channel] as Sample<unknown>[]) {
        const dir = freshDir();
        fs.cpSync(baselineDir, dir, { recursive: true });
        const copy = openCore(dir);
        const result = await copy.invoke(channel, sample.payload);
        copy.close();
        fs.rmSync(dir, { recursive: true, force: true });
        if (needSmtp.has(channel)) {
          // SMTP stays off here (no mail leaves the test); the refusal shows the payload was accepted.
          expect(result, channel).toMatchObject({ ok: false, error: { code: 'SMTP_NOT_CONFIGURED' } });
        } else if (channel === 'outbox.requeue') {
          // The sample message is queued, not failed: refused with a code once the payload was accepted.
          expect(result, channel).toMatchObject({ ok: false, error: { code: 'OUTBOX_NOT_FAILED' } });
        } else if (channel === 'exports.save') {
          // No letters are held in a freshly opened store: refused with a code once the payload was accepted.
          expect(result, channel).toMatchObject({ ok: false, error: { code: 'EXPORT_GONE' } });
        } else if (channel === 'team.testConnection') {
          // Nobody listens at the sample's port: refused with a code once the payload was accepted.
          expect(result, channel).toMatchObject({ ok: false, error: { code: 'TEAM_UNREACHABLE' } });
        } else if (channel === 'team.moveIntoTeamDatabase' || channel === 'team.exportLocalCopy') {
          // No team database is configured here: refused with a code once the payload was accepted.
          expect(result, channel).toMatchObject({ ok: false, error: { code: 'TEAM_NOT_CONFIGURED' } });
        } else if (faultOnly.has(channel)) {
          expect(result, channel).toMatchObject({ ok: false, error: { code: 'STARTUP_CHOICE_UNAVAILABLE' } });
        } else {
          expect(result.ok, `${channel} ${JSON.stringify(result).slice(0, 300)}`).toBe(true);
        }
      }
    }
  }, 120_000); // a copy of the data dir per sample: about 10 s alone, far more on a loaded machine
});

describe('hostile payloads', () => {
  it.each(channels)('%s refuses every one with a code and writes nothing', async (channel) => {
    const before = snapshotDatabase(hostileDir);
    const bytesBefore = dataStoreBytes(hostileDir);
    const schema = contract[channel].request;
    const cases = fc.oneof(...(table[channel] as Sample<unknown>[]).flatMap(casesOf));
    await fc.assert(
      fc.asyncProperty(cases, async (c) => {
        let result: Result<unknown>;
        try {
          result = await core.invoke(channel, c.payload);
        } catch (error) {
          throw new Error(`${channel}: ${c.what} threw ${String(error)}`);
        }
        const shown = `${channel}: ${c.what} → ${JSON.stringify(result).slice(0, 200)}`;
        if (result.ok) throw new Error(`accepted: ${shown}`);
        if (!codes.has(result.error.code) || result.error.code === 'INTERNAL')
          throw new Error(`bad code: ${shown}`);
        seen.add(result.error.code);
        if (!c.domain && schema.safeParse(c.payload).success) {
          throw new Error(`the schema accepts it (the service refused it): ${shown}`);
        }
      }),
      { numRuns: RUNS_PER_CHANNEL },
    );
    expect(snapshotDatabase(hostileDir)).toBe(before);
    expect(dataStoreBytes(hostileDir)).toBe(bytesBefore);
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('reached the schemas and the service checks', () => {
    expect([...seen].sort()).toEqual(
      expect.arrayContaining([
        'INVALID_PAYLOAD',
        'REQUIRED',
        'INVALID_DATE',
        'INVALID_EMAIL',
        'INVALID_POSTCODE',
        'INVALID_URL',
        'DAYS_OUT_OF_RANGE',
        'QUOTA_OUT_OF_RANGE',
        'UNSUPPORTED_FILE_TYPE',
        'FILE_TOO_LARGE',
        'END_BEFORE_START',
        'INVALID_TIME_RANGE',
        'UNKNOWN_PLACEHOLDER',
        'INVALID_CODE',
      ]),
    );
  });

  it('refuses names that are not channels, including prototype keys', async () => {
    for (const name of [
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'fs.readFile',
      '',
      'APP.STATUS',
      null,
      42,
    ]) {
      const result = await core.invoke(name, undefined);
      expect(result, String(name)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
  });
});

/**
 * Over Electron IPC the payload is a structured clone, which can carry a Date, Map, Set or class
 * instance. zod treats any non-array object as an object, so a schema whose fields all have defaults
 * would take such a value as `{}`; core.invoke refuses payloads that are not JSON-plain first.
 */
describe('non-plain objects as the payload', () => {
  const notPlain: [string, () => unknown][] = [
    ['a Date', () => new Date('2026-11-27T00:00:00Z')],
    ['a Map', () => new Map([['limit', 1]])],
    ['a Set', () => new Set([1])],
    ['a RegExp', () => /x/],
    ['a class instance', () => new (class Query {})()],
  ];
  const refuseAll = async (channel: Channel) => {
    const before = snapshotDatabase(hostileDir);
    for (const [name, make] of notPlain) {
      const result = await core.invoke(channel, make());
      expect(result.ok, `${channel} took ${name}`).toBe(false);
    }
    expect(snapshotDatabase(hostileDir)).toBe(before);
  };
  it.each(channels)('%s refuses them', refuseAll);
});
