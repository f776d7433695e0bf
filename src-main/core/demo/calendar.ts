/**
 * Day offsets relative to `today` → ISO dates, through one precomputed table. The generator works
 * in integer day offsets (negative = past) and only looks dates up here, so a million contracts
 * cost no date parsing. The table is built once per portfolio with date-fns, stepping a local
 * noon Date one calendar day at a time (exact in every time zone, across DST and leap days).
 */
import { addDays } from 'date-fns';
import type { IsoDate } from '../../../shared/domain';
import { isIsoDate } from '../../../shared/dates';

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function format(date: Date): IsoDate {
  return `${String(date.getFullYear()).padStart(4, '0')}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())}`;
}

export class DayTable {
  private readonly iso: IsoDate[];
  /** Per index: the index of the 1st of its month (clamped to the table start). */
  private readonly monthStart: Int32Array;
  /** Per index: the index of the last day of its month (clamped to the table end). */
  private readonly monthEnd: Int32Array;

  /** Offsets from −past to +future (both inclusive) are available. */
  constructor(
    today: IsoDate,
    readonly past: number,
    readonly future: number,
  ) {
    if (!isIsoDate(today)) throw new RangeError(`today must be a calendar date YYYY-MM-DD: ${today}`);
    const size = past + future + 1;
    const [year, month, day] = today.split('-').map(Number) as [number, number, number];
    const noon = new Date(2000, 0, 1, 12, 0, 0, 0);
    noon.setFullYear(year, month - 1, day);
    let date = addDays(noon, -past);
    this.iso = new Array<IsoDate>(size);
    this.monthStart = new Int32Array(size);
    this.monthEnd = new Int32Array(size);
    let start = 0;
    for (let i = 0; i < size; i += 1) {
      if (date.getDate() === 1) start = i;
      this.iso[i] = format(date);
      this.monthStart[i] = start;
      date = addDays(date, 1);
    }
    let end = size - 1;
    for (let i = size - 1; i >= 0; i -= 1) {
      this.monthEnd[i] = end;
      if ((this.iso[i] as string).endsWith('-01')) end = i - 1;
    }
  }

  private index(offset: number): number {
    const i = offset + this.past;
    if (!Number.isInteger(offset) || i < 0 || i >= this.iso.length) {
      throw new RangeError(`day offset ${offset} outside the demo calendar`);
    }
    return i;
  }

  /** The ISO date `offset` days after today. */
  date(offset: number): IsoDate {
    return this.iso[this.index(offset)] as IsoDate;
  }

  /** Offset of the 1st of the month that contains `offset`. */
  firstOfMonth(offset: number): number {
    return (this.monthStart[this.index(offset)] as number) - this.past;
  }

  /** Offset of the last day of the month that contains `offset`. */
  lastOfMonth(offset: number): number {
    return (this.monthEnd[this.index(offset)] as number) - this.past;
  }

  /** Offset of the first 1st-of-a-month on or after `offset`. */
  nextFirstOfMonth(offset: number): number {
    const first = this.firstOfMonth(offset);
    return first === offset ? offset : this.lastOfMonth(offset) + 1;
  }
}
