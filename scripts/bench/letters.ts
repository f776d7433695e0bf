/**
 * The letters' rows (issue 14), in a process of their own so that its peak RSS is the letters':
 * one SmartPost letter whose body is 20,000 characters without a space (a URL; before the linear
 * layout 8,000 took 86 s), and a SmartPost batch of N one-page letters in one PDF, one in ten to a
 * Cyrillic name (the fallback faces).
 */
import { renderSmartPostLetters, type SmartPostLetter } from '../../src-main/core/letters/smartPostLetter';
import { defaultOrganisation } from '../../src-main/core/services/organisationService';
import { BENCH_TODAY } from './portfolio';
import type { Row } from './session';
import { formatBytes, measure, single, timeOnce } from './stats';

export interface LettersInput {
  /** Letters in the batch. */
  batch: number;
}

export interface LettersOutput {
  rows: Row[];
  batch: number;
  /** The process's peak RSS (the batch's, which comes last). */
  peakRssBytes: number;
}

const BODY = [
  'wir möchten Sie darüber informieren, dass am Montag, dem 14. Dezember, zwischen 8 und 16 Uhr die',
  'Heizungsanlage Ihres Hauses gewartet wird. Während dieser Zeit steht kein Warmwasser zur Verfügung.',
  'Bitte sorgen Sie dafür, dass der Zugang zum Heizungskeller frei ist, und lassen Sie die Heizkörper-',
  'thermostate in Ihrer Wohnung auf Stufe 3 stehen, damit der Techniker die Anlage einregulieren kann.',
  '',
  'Für Rückfragen erreichen Sie uns werktags von 9 bis 15 Uhr telefonisch oder jederzeit per E-Mail.',
  'Wir danken Ihnen für Ihr Verständnis und wünschen Ihnen eine angenehme Adventszeit.',
].join('\n');

function letter(i: number, body: string): SmartPostLetter {
  const cyrillic = i % 10 === 0;
  return {
    language: 'de',
    addressee: {
      salutation: 'mr',
      title: null,
      firstName: cyrillic ? 'Иван' : 'Jürgen',
      lastName: cyrillic ? `Петров ${i}` : `Müller ${i}`,
      company: null,
      street: 'Musterstraße',
      houseNo: '12',
      postcode: '10115',
      city: 'Berlin',
    },
    subject: 'Wartung der Heizungsanlage',
    body,
    date: BENCH_TODAY,
    organisation: defaultOrganisation,
  };
}

export async function measureLetters(input: LettersInput): Promise<LettersOutput> {
  const word = `https://example.com/${'a1b2c3d4e5'.repeat(1998)}`;
  let longPdfBytes = 0;
  const long: Row = {
    key: 'letterLong',
    question: 'letters: one letter, 20,000 characters without a space',
    via: 'renderSmartPostLetters',
    app: await measure(
      10,
      async () => (longPdfBytes = (await renderSmartPostLetters([letter(1, word)])).length),
      {
        warmup: 2,
      },
    ),
    floor: null,
    baseline: null,
    info: `PDF ${formatBytes(longPdfBytes)}`,
  };

  const letters = Array.from({ length: input.batch }, (_, i) => letter(i, BODY));
  const pdf = await timeOnce(() => renderSmartPostLetters(letters));
  const peakRssBytes = process.resourceUsage().maxRSS * 1024;
  const batch: Row = {
    key: 'letterBatch',
    question: `letters: SmartPost batch of ${input.batch.toLocaleString('en')} letters`,
    via: 'renderSmartPostLetters',
    app: single(pdf.ms),
    floor: null,
    baseline: null,
    info:
      `${(pdf.ms / input.batch).toFixed(2)} ms per letter, PDF ${formatBytes(pdf.value.length)}, ` +
      `peak RSS ${formatBytes(peakRssBytes)}`,
  };
  return { rows: [long, batch], batch: input.batch, peakRssBytes };
}
