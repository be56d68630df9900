#!/usr/bin/env bash
# Makes (or reuses) a venv with the pinned pdd-cli, pytest and pytest-cov, outside the clone, and prints its path.
# pdd-cli needs Python >= 3.12: looks on PATH first, then in pyenv. Exit 3 when no such Python exists.
set -euo pipefail
PDD_VERSION="${PDD_VERSION:-0.0.310}"
CACHE="${PDD_SYNC_CACHE:-$HOME/.cache/pdd-sync-action}"
# Pinned as src/adapters/pdd-install.ts TEST_TOOLS pins them for the action.
PYTEST_VERSION=9.0.3
PYTEST_COV_VERSION=7.1.0
CHECK="import pdd, pytest, pytest_cov; assert pytest.__version__ == '$PYTEST_VERSION' and pytest_cov.__version__ == '$PYTEST_COV_VERSION'"

find_python() {
  local c v
  for c in python3.13 python3.12 python3; do
    if command -v "$c" >/dev/null 2>&1; then
      v=$("$c" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null || true)
      case "$v" in 3.1[2-9]|3.[2-9][0-9]) command -v "$c"; return 0 ;; esac
    fi
  done
  if command -v pyenv >/dev/null 2>&1; then
    local root; root=$(pyenv root)
    for d in $(ls -d "$root"/versions/3.1[2-9]* 2>/dev/null | sort -V); do
      if [ -x "$d/bin/python" ]; then echo "$d/bin/python"; return 0; fi
    done
  fi
  return 1
}

PY=$(find_python) || { echo "setup-pdd-venv: no Python >= 3.12 found (PATH or pyenv)" >&2; exit 3; }
PYVER=$("$PY" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
VENV="$CACHE/venv-pdd-$PDD_VERSION-py$PYVER"
# A venv hard-codes its own path, so it is built in place; ".complete" marks a finished install.
if [ -f "$VENV/.complete" ] && "$VENV/bin/python" -c "$CHECK" >/dev/null 2>&1; then
  echo "$VENV"
  exit 0
fi
mkdir -p "$CACHE"
rm -rf "$VENV"
"$PY" -m venv "$VENV" >&2
"$VENV/bin/pip" install -q --disable-pip-version-check "pdd-cli==$PDD_VERSION" "pytest==$PYTEST_VERSION" "pytest-cov==$PYTEST_COV_VERSION" 2>&1 \
  | grep -v "^WARNING: Location" >&2 || true
"$VENV/bin/python" -c "$CHECK" >&2
touch "$VENV/.complete"
echo "$VENV"
