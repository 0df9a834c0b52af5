#!/usr/bin/env bash
# make upgrade-check: the lock refreshed to the newest allowed versions, tried in a scratch clone.
#   scripts/upgrade-check.sh DIR
# Clones the committed project into DIR, refreshes DIR's lock with $UV_COMPILE --upgrade, lists
# what moved, and runs `make test` there (its own virtual environment). The lock here is not
# touched: when the run passes, `cp DIR/requirements.lock .` takes the refreshed versions.
set -euo pipefail
dir=${1:?usage: upgrade-check.sh DIR}
here=$(pwd)
: "${UV_COMPILE:?UV_COMPILE is set by the Makefile}"

rm -rf "$dir"
git clone --quiet "$here" "$dir"
cd "$dir"
# The compile command names .venv/bin/uv; here it is the one of the project's own environment.
${UV_COMPILE/#.venv/$here/.venv} --upgrade -o requirements.lock

echo "upgrade-check: versions that move (locked here -> newest allowed):"
diff <(grep -E '^[A-Za-z0-9]' "$here/requirements.lock" | cut -d' ' -f1,2,3) \
     <(grep -E '^[A-Za-z0-9]' requirements.lock | cut -d' ' -f1,2,3) | grep -E '^[<>]' || echo "  none"

if make test; then
  echo "upgrade-check: the suite passes with the refreshed lock; take it with: cp $dir/requirements.lock ."
else
  status=$?
  echo "upgrade-check: the suite FAILS with the refreshed lock (the lock here is unchanged)" >&2
  exit $status
fi
