/** Every way a valid sample can be broken in one place: one field's value, or one object's shape. */
import fc from 'fast-check';
import { deep, hugeStrings, hostileStrings, invalid, LIST_TOO_LONG, MISSING } from './invalid';
import type { Sample } from './kinds';

export interface Case {
  what: string;
  payload: unknown;
  /** The schema may accept it; the service must refuse it. */
  domain: boolean;
  [fc.toStringMethod](): string;
}

function describeValue(value: unknown): string {
  if (value === MISSING) return '(missing)';
  if (typeof value === 'string') {
    const shown = JSON.stringify(value.slice(0, 40));
    return value.length > 40 ? `${shown}… (${value.length} chars)` : shown;
  }
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (Array.isArray(value))
    return value.length > 5 ? `[array of ${value.length}]` : `[${value.map(describeValue).join(', ')}]`;
  if (value instanceof Date) return `Date(${value.toISOString()})`;
  if (value instanceof Map) return `Map(${value.size})`;
  if (value === deep) return '{a:{a:… 2000 deep}}';
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).slice(0, 5).join(', ')}}`;
  }
  return String(value);
}

function makeCase(what: string, payload: unknown, domain: boolean): Case {
  return { what, payload, domain, [fc.toStringMethod]: () => what };
}

/** A deep copy of `payload` whose object at `at` has one more own key (even `__proto__`). */
function withExtraKey(payload: unknown, at: string, key: string, value: unknown): unknown {
  const copy = structuredClone(payload);
  const target = valueAt(copy, at) as object;
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** Sets (or, for MISSING, deletes) the value at `path` of a deep copy of `payload`. */
function withValue(payload: unknown, fieldPath: string, value: unknown): unknown {
  if (fieldPath === '') return value === MISSING ? undefined : value;
  const copy = structuredClone(payload) as Record<string, unknown>;
  const keys = fieldPath.split('.');
  let target = copy;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  const last = keys.at(-1)!;
  if (value === MISSING) delete target[last];
  else Object.defineProperty(target, last, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

function valueAt(payload: unknown, fieldPath: string): unknown {
  if (fieldPath === '') return payload;
  return fieldPath
    .split('.')
    .reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], payload);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Paths of every plain object in the payload ('' = the payload itself). */
function objectPaths(value: unknown, prefix = ''): string[] {
  const here = isPlainObject(value) ? [prefix] : [];
  const children = isPlainObject(value) || Array.isArray(value) ? Object.entries(value) : [];
  return [
    ...here,
    ...children.flatMap(([key, child]) => objectPaths(child, prefix === '' ? key : `${prefix}.${key}`)),
  ];
}

/** Paths of every leaf (not an object, not a list of objects' inner parts) in the payload. */
export function leafPaths(value: unknown, prefix = ''): string[] {
  if (isPlainObject(value)) {
    return Object.entries(value).flatMap(([key, child]) =>
      leafPaths(child, prefix === '' ? key : `${prefix}.${key}`),
    );
  }
  if (Array.isArray(value) && value.some(isPlainObject)) {
    return [prefix, ...value.flatMap((child, i) => leafPaths(child, `${prefix}.${i}`))];
  }
  return [prefix];
}

const extraKeys = fc.oneof(
  fc.constantFrom(
    'isAdmin',
    'sql',
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'valueOf',
    'then',
    'hasOwnProperty',
  ),
  fc.string({ minLength: 1, maxLength: 12 }).map((s) => `x-${s}`),
);
const extraValues = fc.oneof(
  fc.constantFrom<unknown>({ polluted: true }, { prototype: { polluted: true } }, true, 1, null, deep),
  fc.constantFrom(...hostileStrings),
);

/** Every way this sample can be broken in one place. */
export function casesOf(sample: Sample<unknown>): fc.Arbitrary<Case>[] {
  const { payload, fields } = sample;
  const shapes = objectPaths(payload).flatMap((at) => {
    const object = valueAt(payload, at) as Record<string, unknown>;
    const where = at === '' ? 'payload' : at;
    return [
      fc
        .tuple(extraKeys, extraValues)
        .map(([key, value]) =>
          makeCase(
            `${where} + unknown key ${JSON.stringify(key)} = ${describeValue(value)}`,
            withExtraKey(payload, at, key, value),
            false,
          ),
        ),
      fc
        .constantFrom<unknown>(
          [],
          [object],
          Object.entries(object),
          Object.values(object),
          'object',
          42,
          true,
          null,
          MISSING,
          deep,
          hugeStrings[0],
          // Non-plain objects at the root have their own test below.
          ...(at === '' ? [] : [new Date('2026-11-27T00:00:00Z'), new Map([['id', 1]])]),
        )
        .map((value) => makeCase(`${where} ← ${describeValue(value)}`, withValue(payload, at, value), false)),
    ];
  });
  const leaves = Object.entries(fields).map(([at, kind]) =>
    invalid(kind).map(({ value, domain }) => {
      const replaced =
        value === LIST_TOO_LONG
          ? Array.from(
              { length: kind.t === 'list' ? kind.max + 1 : 21 },
              () => (valueAt(payload, at) as unknown[])[0],
            )
          : value;
      return makeCase(
        `${at || 'payload'} ← ${describeValue(replaced)}`,
        withValue(payload, at, replaced),
        domain,
      );
    }),
  );
  return [...shapes, ...leaves];
}
