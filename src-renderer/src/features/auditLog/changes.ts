/** How an audit entry's recorded values read in one line: "lastName: Müller → Meier · email: –". */

function parse(json: string | null): unknown {
  if (json === null) return undefined;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return json;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function shown(value: unknown): string {
  if (value === null || value === undefined) return '–';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * When both sides are objects: the values that changed (key: before → after), and those recorded on
 * one side only (key: value); otherwise every value of the side there is (a creation, a removal).
 * Keys in the order they were recorded.
 */
export function changeSummary(beforeJson: string | null, afterJson: string | null): string {
  const before = parse(beforeJson);
  const after = parse(afterJson);
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys
      .flatMap((key) => {
        if (!Object.hasOwn(after, key)) return [`${key}: ${shown(before[key])}`];
        if (!Object.hasOwn(before, key)) return [`${key}: ${shown(after[key])}`];
        if (JSON.stringify(before[key]) === JSON.stringify(after[key])) return [];
        return [`${key}: ${shown(before[key])} → ${shown(after[key])}`];
      })
      .join(' · ');
  }
  const side = after === undefined ? before : after;
  if (isRecord(side)) {
    return Object.entries(side)
      .map(([key, value]) => `${key}: ${shown(value)}`)
      .join(' · ');
  }
  if (before !== undefined && after !== undefined) return `${shown(before)} → ${shown(after)}`;
  return side === undefined ? '' : shown(side);
}

/** Recorded JSON, indented for reading; other text as it is. */
export function prettyJson(json: string): string {
  const value = parse(json);
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}
