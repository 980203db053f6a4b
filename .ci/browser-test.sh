#!/usr/bin/env bash
# Browser test of the web page: `pactwatch serve` on the seed articles, driven in the
# system chromium by playwright-core (pinned in tests/browser/package-lock.json).
# Screenshots go to target/browser/. Needs node + npm; installs Debian's chromium with
# apt-get when none is on PATH (CI runs as root). Called by .ci/run.
#
#   .ci/browser-test.sh            # debug build (shares artifacts with cargo test)
#   PROFILE=release .ci/browser-test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
    echo "browser-test: no chromium on PATH, installing Debian's" >&2
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium
    chromium=$(command -v chromium)
fi

(cd tests/browser && npm ci --no-audit --no-fund --silent)

profile=${PROFILE:-debug}
if [ "$profile" = release ]; then
    cargo build --release --locked -p pactwatch
else
    cargo build --locked -p pactwatch
fi
target=${CARGO_TARGET_DIR:-$root/target}
bin=$target/$profile/pactwatch

scratch=$(mktemp -d)
server=""
cleanup() {
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    rm -rf "$scratch"
}
trap cleanup EXIT

"$bin" ingest --db "$scratch/seeds.db" corpus/seeds
port=${PORT:-18632}
"$bin" serve --db "$scratch/seeds.db" --addr "127.0.0.1:$port" 2>"$scratch/server.log" &
server=$!
for _ in $(seq 100); do
    if node -e "fetch('http://127.0.0.1:$port/api/v1/stats').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"; then
        break
    fi
    sleep 0.1
done

mkdir -p "$target/browser"
status=0
CHROMIUM="$chromium" node tests/browser/test.mjs "http://127.0.0.1:$port" "$target/browser" || status=$?
if [ "$status" -ne 0 ]; then
    echo "browser-test: failed; the server's log:" >&2
    tail -n 40 "$scratch/server.log" >&2
fi
exit "$status"
