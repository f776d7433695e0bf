/**
 * Import rules that eslint's per-file view cannot see (`npm run lint` runs them over src-main,
 * shared and src-renderer; test/unit/dependencyRules.test.ts shows each one failing):
 * - no import cycle anywhere, type-only imports included;
 * - the policy is pure (ARCHITECTURE.md §1): src-main/core/policy/ imports only shared/ and itself,
 *   so no repository, file, clock or library can reach a rule.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle: break it by moving what both sides need into a module of its own.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'policy-imports-only-shared',
      severity: 'error',
      comment: 'src-main/core/policy/ is pure: it may import only shared/ and itself (no I/O, no clock).',
      from: { path: '^src-main/core/policy/' },
      to: { pathNot: ['^src-main/core/policy/', '^shared/'] },
    },
  ],
  options: {
    // `import type` counts: a type-only cycle still ties the modules together.
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
  },
};
