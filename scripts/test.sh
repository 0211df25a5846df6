#!/usr/bin/env bash
# The whole test suite, as CI runs it: lint, type-check, build, unit + sandbox + golden tests, then the
# end-to-end tests in a real n8n 2.41.1. The runtime (Node 24 + n8n) is installed here, once, into a cache folder
# outside the clone, before any test runner starts: the tests only locate it.
# Set SKIP_E2E=1 to leave out the end-to-end part (e.g. while iterating on the core).
set -euo pipefail
cd "$(dirname "$0")/.."

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

if [ "${SKIP_E2E:-0}" != "1" ]; then
  echo "== n8n runtime (installs once per machine: several minutes)"
  bash scripts/n8n-runtime.sh ensure
  echo "== PostgreSQL and Redis for the queue-mode test (Debian packages, installed once when missing)"
  bash scripts/queue-mode.sh ensure
fi

echo "== lint"
npm run --silent lint
echo "== type-check"
npm run --silent typecheck
echo "== build"
npm run --silent build

echo "== unit, sandbox and golden tests"
status=0
npx jest --selectProjects unit --json --outputFile="$results/unit.json" || status=$?

if [ "${SKIP_E2E:-0}" != "1" ]; then
  echo "== end-to-end tests in real n8n"
  npx jest --selectProjects e2e --runInBand --json --outputFile="$results/e2e.json" || status=$?
fi

# One closing line that counts, whatever the runner: "tests: N passed, N failed".
node -e '
  const fs = require("fs"); let passed = 0, failed = 0;
  for (const f of fs.readdirSync(process.argv[1])) {
    const r = JSON.parse(fs.readFileSync(process.argv[1] + "/" + f, "utf8"));
    passed += r.numPassedTests; failed += r.numFailedTests + (r.numRuntimeErrorTestSuites || 0);
  }
  console.log(`tests: ${passed} passed, ${failed} failed`);
' "$results"
exit $status
