/** Values that are invalid for a field of each kind: hostile strings, wrong types, out of range. */
import fc from 'fast-check';
import { isIsoDate } from '../../../../shared/dates';
import type { Kind } from './kinds';

export const MISSING = Symbol('missing');
/** Stands for "more entries than allowed" in a list of objects (filled with the sample's first entry). */
export const LIST_TOO_LONG = Symbol('list too long');
const MB = 1024 * 1024;

const sql = ["'; DROP TABLE contacts; --", '1 OR 1=1', '" OR ""="', "'); DELETE FROM audit_log; --"];
const html = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '"><svg onload=alert(1)>',
  "{{constructor.constructor('alert(1)')()}}",
];
const oddities = ['${7*7}', '../../../etc/passwd', '\u0000', '\u202e', '%00', '\r\nBcc: victim@example.com'];
export const hostileStrings = [...sql, ...html, ...oddities];
/** Each hostile fragment repeated to a 1 MB string. */
const huge = (fragment: string) => fragment.repeat(Math.ceil(MB / fragment.length)).slice(0, MB);
export const hugeStrings = [huge('x'), huge(sql[0]!), huge(html[0]!)];

function deeplyNested(depth: number): unknown {
  let value: unknown = { leaf: true };
  for (let i = 0; i < depth; i += 1) value = { a: value };
  return value;
}
export const deep = deeplyNested(2000);

/** Strings longer than `max` that are not blank, made of hostile fragments too. */
function tooLong(max: number): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constant('x'.repeat(max + 1)),
    fc
      .constantFrom(...hostileStrings.filter((s) => s.trim() !== ''))
      .map((s) => s.repeat(Math.ceil((max + 1) / s.length) + 1)),
    fc.constantFrom(...hugeStrings),
  );
}

const notStrings = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constantFrom<unknown>([], {}, ['a'], { value: 'x' }, deep, new Date('2026-11-27T00:00:00Z'), 1n),
);
const notNumbers = fc.oneof(
  fc.constantFrom<unknown>('1', '0', '42', '1e3', ' 7 ', '', 'NaN', 'Infinity', '0x10'),
  fc.constantFrom(...hostileStrings),
  fc.boolean(),
  fc.constantFrom<unknown>(
    [],
    [1],
    {},
    { valueOf: 1 },
    deep,
    new Date('2026-11-27T00:00:00Z'),
    1n,
    2n ** 70n,
  ),
);
const notIntegers = fc.oneof(
  fc.double().filter((n) => !Number.isInteger(n)),
  fc.constantFrom(NaN, Infinity, -Infinity, 0.5, -0.5, Number.EPSILON, Number.MIN_VALUE),
);
/** Integers outside [min, max]; past the safe range too (2^53, 1e308). */
function outOfRange(min: number, max?: number): fc.Arbitrary<number> {
  const outside = (n: number) => n < min || (max !== undefined && n > max);
  return fc.oneof(
    fc.maxSafeInteger().filter(outside),
    fc.constantFrom(
      ...[min - 1, max === undefined ? min - 1 : max + 1, -(2 ** 53), 2 ** 53, 2 ** 60, 1e308, -1e308].filter(
        outside,
      ),
    ),
  );
}

const emptyish = fc.constantFrom('', ' ', '   ', '\n\t', '\u00a0', '\ufeff');

export function invalid(kind: Kind): fc.Arbitrary<{ value: unknown; domain: boolean }> {
  const options: fc.Arbitrary<unknown>[] = [];
  const domain = [...(kind.domain ?? [])];
  const nullOrMissing: unknown[] = [];
  if (!kind.nullable) nullOrMissing.push(null);
  if (!kind.optional) nullOrMissing.push(MISSING);
  if (nullOrMissing.length > 0) options.push(fc.constantFrom(...nullOrMissing));

  switch (kind.t) {
    case 'none':
      options.length = 0;
      options.push(
        fc.constantFrom<unknown>(
          null,
          '',
          0,
          false,
          [],
          {},
          { __proto__: null },
          deep,
          ...hostileStrings,
          hugeStrings[0],
        ),
        fc.jsonValue().filter((v) => v !== undefined),
      );
      break;
    case 'id':
      options.push(notNumbers, notIntegers, outOfRange(1, Number.MAX_SAFE_INTEGER), fc.constant(-0));
      break;
    case 'int':
      options.push(notNumbers, notIntegers, outOfRange(kind.min, kind.max));
      break;
    case 'bool':
      options.push(fc.constantFrom<unknown>('true', 'false', '', 0, 1, -1, NaN, [], {}, [true], 'yes', deep));
      break;
    case 'enum':
      options.push(
        fc.string({ maxLength: 20 }).filter((s) => !kind.values.includes(s)),
        fc
          .constantFrom(
            ...kind.values.flatMap((v) => [v.toUpperCase(), ` ${v}`, `${v} `, `${v}\u0000`, `${v};--`]),
          )
          .filter((s) => !kind.values.includes(s)),
        fc.constantFrom(...hostileStrings, ...hugeStrings, '__proto__', 'constructor', 'toString'),
        notStrings,
      );
      break;
    case 'date':
      options.push(
        fc.constantFrom(
          '2026-02-30',
          '2026-13-01',
          '27.11.2026',
          '2026-02-29',
          '2026-11-31',
          '2026-00-10',
          '2026-11-00',
          '0000-00-00',
          '2026-1-1',
          '2026/11/27',
          '20261127',
          '+2026-11-27',
          '2026-11-27T00:00:00Z',
          ' 2026-11-27',
          '2026-11-27\n',
          '２０２６-１１-２７',
          '',
        ),
        fc.string({ maxLength: 12 }).filter((s) => !isIsoDate(s)),
        fc.constantFrom(...hostileStrings, ...hugeStrings),
        notStrings,
        fc.constant(20261127),
      );
      break;
    case 'dateTime':
      options.push(
        fc.string({ maxLength: 18 }).filter((s) => !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(s)),
        fc.constantFrom('27.11.2026 10:00', '2026-11-27 10:00', '2026-11-27', '2026-11-27T10:00:00', '10:00'),
        fc.constantFrom(...hostileStrings, ...hugeStrings),
        notStrings,
      );
      // The schema checks the shape; the service checks the calendar and the clock.
      domain.push(
        '2026-02-30T10:00',
        '2026-13-01T10:00',
        '2026-11-27T24:00',
        '2026-11-27T10:60',
        '0000-00-00T00:00',
      );
      break;
    case 'text':
      options.push(tooLong(kind.max), notStrings);
      if (kind.required) options.push(emptyish);
      break;
    case 'email':
      options.push(
        fc.constantFrom(
          'plainaddress',
          'a@b',
          '@example.com',
          'anna@',
          'anna schmidt@example.com',
          'anna@exa mple.com',
          'anna@example.com,eve@example.com',
          'anna@example.com\r\nBcc: eve@example.com',
          '<script>alert(1)</script>@example.com',
          "anna@example.com'; DROP TABLE contacts; --",
          `${'a'.repeat(250)}@example.com`,
          ...hostileStrings,
          ...hugeStrings,
        ),
        fc.string({ minLength: 1, maxLength: 30 }).filter((s) => !s.includes('@') && s.trim() !== ''),
        notStrings,
      );
      if (kind.required) options.push(emptyish);
      break;
    case 'postcode':
      options.push(
        fc.constantFrom(
          '1234',
          '123456',
          'abcde',
          '1234a',
          '12 345',
          '١٢٣٤٥',
          '',
          ...hostileStrings,
          ...hugeStrings,
        ),
        fc.string({ maxLength: 8 }).filter((s) => !/^\d{5}$/.test(s.trim())),
        notStrings,
      );
      break;
    case 'url':
      options.push(
        fc.constantFrom(
          'javascript:alert(1)',
          'JAVASCRIPT:alert(1)',
          'data:text/html,<script>alert(1)</script>',
          'file:///etc/passwd',
          'ftp://example.com',
          'mailto:anna@example.com',
          'vbscript:msgbox(1)',
          '//example.com',
          'not a url',
          '',
          `https://example.com/${'a'.repeat(300)}`,
          ...hostileStrings,
          ...hugeStrings,
        ),
        fc.string({ maxLength: 20 }).filter((s) => !/http/i.test(s.replace(/[\t\n\r]/g, ''))),
        notStrings,
      );
      break;
    case 'ids': {
      const element = fc.oneof(notNumbers, notIntegers, outOfRange(1, Number.MAX_SAFE_INTEGER));
      options.push(
        fc.constantFrom<unknown>({}, { 0: 1, length: 1 }, '1,2', 1, true, deep, hugeStrings[0]),
        fc
          .tuple(fc.array(fc.integer({ min: 1, max: 10_000 }), { maxLength: 5 }), element, fc.nat())
          .map(([valid, bad, at]) => {
            const ids: unknown[] = [...valid];
            ids.splice(at % (ids.length + 1), 0, bad);
            return ids;
          }),
        fc.constant(Array.from({ length: kind.max + 1 }, (_, i) => i + 1)),
      );
      if ((kind.min ?? 0) > 0) options.push(fc.constant([]));
      break;
    }
    case 'list':
      options.push(
        fc.constantFrom<unknown>({}, 'Prüfweg 7', 1, true, deep, [null], ['Prüfweg'], [[]], [deep]),
        fc.constant(LIST_TOO_LONG),
      );
      if (kind.min > 0) options.push(fc.constant([]));
      break;
    case 'base64':
      options.push(fc.constant('A'.repeat(kind.maxChars + 4)), notStrings);
      domain.push(
        ...hostileStrings,
        'not base64!',
        'A',
        '====',
        'AA==',
        Buffer.from('<script>alert(1)</script>').toString('base64'),
        Buffer.from('PK\u0003\u0004 not a pdf').toString('base64'),
        ...(kind.keepOnEmpty ? [] : ['', '   ']),
      );
      break;
  }
  const schemaInvalid = fc.oneof(...options).map((value) => ({ value, domain: false }));
  return domain.length > 0
    ? fc.oneof(
        schemaInvalid,
        fc.constantFrom(...domain).map((value) => ({ value, domain: true })),
      )
    : schemaInvalid;
}
