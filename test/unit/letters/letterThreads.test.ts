/**
 * Letters PDFs of a batch are rendered in a worker thread: the main thread's event loop keeps
 * answering requests meanwhile, progress arrives on the way, and a request over the bound is
 * refused before anything is rendered. Ordering, not timing: speed is the benchmark's.
 */
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { MAX_LETTERS, type LettersProgress } from '../../../shared/contract/exports';
import { DomainError } from '../../../shared/errors';
import type { SmartPostLetter } from '../../../src-main/core/letters/smartPostLetter';
import { INLINE_LETTERS, renderLetters } from '../../../src-main/core/letters/letterThreads';
import { ok, testCore } from '../support';

function letter(i: number): SmartPostLetter {
  return {
    language: 'de',
    addressee: {
      salutation: 'ms',
      title: null,
      firstName: 'Ирина',
      lastName: `Петрова ${i}`,
      company: null,
      street: 'Hauptstraße',
      houseNo: String(i),
      postcode: '50667',
      city: 'Köln',
    },
    subject: 'Wartung der Heizung',
    body: `Sehr geehrte Frau Петрова ${i},\n\nam Montag wird die Heizung gewartet.`,
    date: '2026-11-27',
    organisation: {
      name: 'Hausverwaltung Weiß',
      street: 'Königsallee 1',
      postcode: '40212',
      city: 'Düsseldorf',
      portalUrl: 'https://portal.weiss.example.com',
    },
  };
}

describe('letters off the main thread', () => {
  it('answers another request while a 2,000-letter PDF renders, with progress on the way', async () => {
    const core = testCore();
    const letters = Array.from({ length: 2000 }, (_, i) => letter(i + 1));
    const order: string[] = [];
    const progress: LettersProgress[] = [];
    let asked: Promise<unknown> | null = null;

    const pdf = await renderLetters({ kind: 'smartpost', letters }, (step) => {
      progress.push(step);
      // Asked once the first letters are set, arriving as an IPC message does (a new turn of the
      // event loop): it must be answered while the rest are set.
      if (asked === null && step.done < step.total) {
        order.push(`asked at ${step.done}`);
        asked = new Promise((turn) => setImmediate(turn))
          .then(() => ok(core, 'settings.getAccess'))
          .then(() => order.push('answered'));
      }
      if (step.done === step.total) order.push('all letters set');
    });
    order.push('pdf');
    await asked;

    expect(order[0]).toMatch(/^asked at \d+$/);
    expect(order.slice(1)).toEqual(['answered', 'all letters set', 'pdf']);
    const done = progress.map((step) => step.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(progress.at(-1)).toEqual({ done: 2000, total: 2000 });
    expect(progress.length).toBeGreaterThan(10);
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(2000);
  });

  it('renders a few letters in the calling thread, without progress', async () => {
    const progress: LettersProgress[] = [];
    const pdf = await renderLetters(
      { kind: 'smartpost', letters: Array.from({ length: INLINE_LETTERS }, (_, i) => letter(i)) },
      (step) => progress.push(step),
    );
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(INLINE_LETTERS);
    expect(progress).toEqual([]);
  });

  it(`refuses more than ${MAX_LETTERS} letters in one PDF before rendering any`, async () => {
    const one = letter(1);
    const letters = Array.from({ length: MAX_LETTERS + 1 }, () => one);
    const progress: LettersProgress[] = [];
    const refusal = await renderLetters({ kind: 'smartpost', letters }, (step) => progress.push(step)).catch(
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({
      code: 'TOO_MANY_LETTERS',
      params: { count: MAX_LETTERS + 1, max: MAX_LETTERS },
    });
    expect(progress).toEqual([]);
  });
});
