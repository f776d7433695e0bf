/**
 * The import rules of .dependency-cruiser.cjs (run by `npm run lint`): no import cycle, type-only
 * imports included, and a pure policy. They bite on a planted cycle and a planted impure policy
 * import, and the real tree keeps them.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ICruiseOptions, ICruiseResult, IConfiguration } from 'dependency-cruiser';

// dependency-cruiser reads TypeScript's version when it is first imported, so the shim goes first.
import '../../scripts/depcruise-typescript.mjs';

const require = createRequire(import.meta.url);
const { cruise } = await import('dependency-cruiser');
const config = require('../../.dependency-cruiser.cjs') as IConfiguration;

async function violations(sources: string[], baseDir: string) {
  const options: ICruiseOptions = {
    ...config.options,
    ruleSet: { forbidden: config.forbidden },
    validate: true,
    baseDir,
  };
  const { output } = await cruise(sources, options);
  const { summary } = output as ICruiseResult;
  return {
    cruised: summary.totalCruised,
    found: summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort(),
  };
}

const planted: Record<string, string> = {
  // A cycle of type-only imports.
  'shared/a.ts': "import type { B } from './b';\nexport interface A { b?: B }\n",
  'shared/b.ts': "import type { A } from './a';\nexport interface B { a?: A }\n",
  'shared/dates.ts': 'export const isIsoDate = (value: string) => value.length === 10;\n',
  'src-main/core/db/repository.ts': 'export const rows = [];\n',
  'src-main/core/policy/pure.ts':
    "import { isIsoDate } from '../../../shared/dates';\nimport { other } from './other';\nexport const ok = [isIsoDate, other];\n",
  'src-main/core/policy/other.ts': 'export const other = 1;\n',
  'src-main/core/policy/readsTheStore.ts':
    "import { rows } from '../db/repository';\nexport const n = rows.length;\n",
  'src-main/core/policy/readsFiles.ts': "import fs from 'node:fs';\nexport const read = fs.readFileSync;\n",
};

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paa-depcruise-'));
  for (const [file, source] of Object.entries(planted)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), source);
  }
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('dependency rules', () => {
  it('refuse a type-only import cycle and a policy importing anything but shared', async () => {
    const { found } = await violations(['shared', 'src-main'], dir);
    expect(found).toEqual([
      'no-circular: shared/a.ts → shared/b.ts',
      'policy-imports-only-shared: src-main/core/policy/readsFiles.ts → fs',
      'policy-imports-only-shared: src-main/core/policy/readsTheStore.ts → src-main/core/db/repository.ts',
    ]);
  });

  it('hold on the real tree', async () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const { cruised, found } = await violations(['src-main', 'shared', 'src-renderer'], root);
    expect(found).toEqual([]);
    // Every module was parsed (a missing TypeScript parser would cruise nothing and find nothing).
    expect(cruised).toBeGreaterThan(200);
  });
});
