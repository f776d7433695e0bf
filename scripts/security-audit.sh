#!/usr/bin/env bash
# Electron security audit (docs/SECURITY.md): Electronegativity over the sources (src-main) and over a
# fresh build, run from a temporary folder OUTSIDE the project (run inside it, npx resolves the tool
# against the project). Prints every finding and exits 1 when one is not listed as justified in the
# fenced block "electronegativity-justified" of docs/SECURITY.md (lines "CHECK_ID file").
#
# Offline: the release-index check (AvailableSecurityFixesGlobalCheck) is excluded and the Electron
# version is passed; --prefer-offline makes npx use its cache, so after one online run the audit needs
# no network (the tool's attempt to fetch translations fails quietly).
#
#   bash scripts/security-audit.sh           (npm run audit:security) builds into a temp folder first
#   bash scripts/security-audit.sh --built   scans ./out as it is (npm test runs it right after its build)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOL="@doyensec/electronegativity@1.10.3"
DOC="$ROOT/docs/SECURITY.md"
ELECTRON_VERSION="$(node -p "require('$ROOT/node_modules/electron/package.json').version")"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/security-audit.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

if [[ "${1:-}" == --built ]]; then
  BUILD="$ROOT/out"
else
  echo "security-audit: building into $WORK/out"
  BUILD="$WORK/out"
  (cd "$ROOT" && npx electron-vite build --outDir "$BUILD" --logLevel error) >"$WORK/build.log" 2>&1 || {
    cat "$WORK/build.log"
    echo "security-audit: the build failed" >&2
    exit 2
  }
fi

# scan <name> <folder>: Electronegativity's findings as SARIF in $WORK/<name>.sarif, paths relative to
# <folder>. SARIF, not CSV: the tool writes its CSV header and rows with two concurrent writeFile calls,
# and the header sometimes lands over the first row.
scan() {
  echo "security-audit: electronegativity $ELECTRON_VERSION over $2"
  (cd "$WORK" && npx --prefer-offline --yes "$TOOL" -i "$2" -r -x AvailableSecurityFixesGlobalCheck \
    -e "$ELECTRON_VERSION" -o "$WORK/$1.sarif") >"$WORK/$1.log" 2>&1 || true
  if [[ ! -s "$WORK/$1.sarif" ]]; then
    cat "$WORK/$1.log"
    echo "security-audit: electronegativity did not run (offline before its first download?)" >&2
    exit 2
  fi
}
scan sources "$ROOT/src-main"
scan build "$BUILD"

# One line per finding, "CHECK_ID file:line:column  description", files named as in the project
# (src-main/…, out/…), then compared with the justified list.
node - "$WORK" "$DOC" <<'EOF'
const fs = require('node:fs');
const [work, doc] = process.argv.slice(2);
const findings = [];
for (const [name, prefix] of [['sources', 'src-main/'], ['build', 'out/']]) {
  const sarif = JSON.parse(fs.readFileSync(`${work}/${name}.sarif`, 'utf8'));
  for (const result of sarif.runs[0].results) {
    const { artifactLocation, region } = result.locations[0].physicalLocation;
    // Global checks (no file) are reported at "file:///".
    const file = artifactLocation.uri === 'file:///' ? null : artifactLocation.uri.replace(/\\/g, '/');
    const where = file === null ? 'N/A' : prefix + file.replace(/^\.?\//, '');
    const location = file === null ? '' : `:${region.startLine}:${region.startColumn}`;
    findings.push({ key: `${result.ruleId} ${where}`, location, description: result.message.text });
  }
}
const block = /```electronegativity-justified\n([\s\S]*?)```/.exec(fs.existsSync(doc) ? fs.readFileSync(doc, 'utf8') : '');
const justified = new Set(
  (block ? block[1] : '')
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim().split(/\s+/).join(' '))
    .filter(Boolean),
);
let open = 0;
for (const f of findings) {
  const ok = justified.has(f.key);
  if (!ok) open += 1;
  console.log(`${ok ? 'justified' : 'OPEN     '}  ${f.key}${f.location}  ${f.description}`);
}
for (const key of justified) {
  if (!findings.some((f) => f.key === key)) console.log(`(no longer found, remove from docs/SECURITY.md: ${key})`);
}
console.log(
  `security-audit: ${findings.length} finding(s), ${open} not justified in docs/SECURITY.md` +
    (open ? ' — fix them or justify them there.' : '.'),
);
process.exit(open ? 1 : 0);
EOF
