/** The layering of ARCHITECTURE.md §1 is enforced by lint; these cases show the rule bites. */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layering rules need no types: the type-aware rules (and the project they need, which these
// made-up files are not part of) are left out here.
const eslint = new ESLint({
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-misused-promises': 'off',
      '@typescript-eslint/await-thenable': 'off',
    },
  },
});

async function restrictedImports(filePath: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((message) => message.ruleId === 'no-restricted-imports').length;
}

describe('layering', () => {
  it.each([
    ['src-main/core/services/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['shared/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['shared/x.ts', "import { createCore } from '../src-main/core/core';\nexport const a = createCore;\n"],
    [
      'src-renderer/src/x.ts',
      "import { createCore } from '../../src-main/core/core';\nexport const a = createCore;\n",
    ],
    ['src-renderer/src/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n"],
    [
      'src-main/core/x.ts',
      "import { isTrustedUrl } from '../electron/trustedOrigin';\nexport const a = isTrustedUrl;\n",
    ],
  ])('refuses %s importing across layers', async (filePath, code) => {
    expect(await restrictedImports(filePath, code)).toBe(1);
  });

  it.each([
    ['src-main/electron/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['src-main/core/x.ts', "import { isIsoDate } from '../../shared/dates';\nexport const a = isIsoDate;\n"],
    [
      'src-renderer/src/x.ts',
      "import { isIsoDate } from '../../shared/dates';\nexport const a = isIsoDate;\n",
    ],
  ])('allows %s', async (filePath, code) => {
    expect(await restrictedImports(filePath, code)).toBe(0);
  });
});
