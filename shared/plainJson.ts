/**
 * True for values that survive JSON unchanged: null, booleans, finite numbers, strings, arrays and
 * plain objects of those (undefined allowed as "no payload" and as an absent field). Over Electron
 * IPC a payload is a structured clone, which can also carry Dates, Maps, Sets or class instances;
 * the contract speaks JSON only (ARCHITECTURE.md §2), so anything else is refused before validation.
 */
export function isPlainJson(value: unknown, depth = 0): boolean {
  if (depth > 32) return false;
  if (value === null || value === undefined) return true;
  switch (typeof value) {
    case 'boolean':
    case 'string':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (Array.isArray(value)) return value.every((item) => isPlainJson(item, depth + 1));
      const prototype = Object.getPrototypeOf(value) as unknown;
      if (prototype !== Object.prototype && prototype !== null) return false;
      return Object.values(value).every((item) => isPlainJson(item, depth + 1));
    }
    default:
      return false;
  }
}
