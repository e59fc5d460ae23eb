#!/usr/bin/env bash
# The console's checks, as CI runs them: install, generated code, types,
# unit tests, a reproducible build that matches the committed bundle, and
# the end-to-end tests against a real `trellis serve`.
#
#   console/scripts/ci.sh            (from any directory)
#
# Environment:
#   TRELLIS_BIN                    the server binary for the e2e tests
#                                  (default ~/.cache/trellis-target/debug/trellis)
#   TRELLIS_CI_ALLOW_DIRTY_DIST=1  only warn when dist/ differs from the
#                                  committed bundle (before committing a change)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
started=$SECONDS
step() { printf '\n==> [%3ds] %s\n' "$((SECONDS - started))" "$*"; }
fail() { printf '\nci.sh: FAILED: %s\n' "$*" >&2; exit 1; }

step "npm ci (no browser downloads)"
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund

step "codegen:check (src/gql matches ../schema.graphql and the operations)"
npm run --silent codegen:check

step "typecheck"
npm run --silent typecheck

step "unit tests (vitest)"
npm test --silent

step "build dist/"
npm run --silent build

step "dist/ matches the committed bundle"
if ! git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  fail "not a git checkout: cannot compare dist/ with the committed bundle"
fi
changed=$(git status --porcelain -- dist)
if [[ -n "$changed" ]]; then
  printf '%s\n' "$changed" | head -20 >&2
  message="the committed console/dist differs from a fresh build of the source. Fix: run \`npm run build\` in console/ and commit console/dist (the server embeds it)."
  if [[ "${TRELLIS_CI_ALLOW_DIRTY_DIST:-}" == "1" ]]; then
    printf 'ci.sh: WARNING (TRELLIS_CI_ALLOW_DIRTY_DIST=1): %s\n' "$message" >&2
  else
    fail "$message"
  fi
else
  echo "dist/ is the committed bundle, byte for byte."
fi

step "Chromium for the e2e tests"
if [[ ! -x /usr/bin/chromium ]]; then
  if [[ "$(id -u)" == "0" ]]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
  else
    fail "/usr/bin/chromium is missing: install the Debian package \`chromium\` (sudo apt-get install -y chromium), then run again."
  fi
fi
/usr/bin/chromium --version 2>/dev/null || true

step "end-to-end tests (playwright, against trellis serve)"
bin="${TRELLIS_BIN:-$HOME/.cache/trellis-target/debug/trellis}"
[[ -x "$bin" ]] || fail "no Trellis server binary at $bin: build it (cargo build) or set TRELLIS_BIN."
TRELLIS_BIN="$bin" npm run --silent e2e

step "all console checks passed"
