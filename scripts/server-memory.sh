#!/usr/bin/env bash
# Server memory over writes (issue 9, item 7): serves a copy of a store, POSTs N articles
# taken from a JSON Lines file (every STEP-th line, each given a fresh URL so it is a new
# article), and prints the server's resident memory (VmRSS, and RssAnon/RssFile: heap
# against mapped index files) before the first write, after each write, and after
# IDLE seconds without requests.
#
#   scripts/server-memory.sh STORE.db ARTICLES.jsonl [N=20] [STEP=300] [IDLE=5]
#
# The store is copied (with its .index folder) to a temporary folder first, so the
# original is not changed. Needs curl and python3; uses the release build.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:?usage: server-memory.sh STORE.db ARTICLES.jsonl [N] [STEP] [IDLE]}
articles=${2:?usage: server-memory.sh STORE.db ARTICLES.jsonl [N] [STEP] [IDLE]}
n=${3:-20}
step=${4:-300}
idle=${5:-5}
port=${PW_MEMORY_PORT:-8099}
bin=${PW_BIN:-./target/release/pactwatch}
[[ -n ${PW_BIN:-} ]] || cargo build --release -p pactwatch >&2

work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
cp "$db" "$work/store.db"
cp -r "$db.index" "$work/store.db.index"
python3 - "$articles" "$n" "$step" >"$work/posts.jsonl" <<'PY'
import json, sys
path, n, step = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
taken = 0
with open(path, encoding="utf-8") as lines:
    for number, line in enumerate(lines, 1):
        if number % step:
            continue
        record = json.loads(line)
        url = record.get("url") or "https://example.test/article"
        record["url"] = f"{url}{'&' if '?' in url else '?'}memory-test={number}"
        print(json.dumps(record))
        taken += 1
        if taken == n:
            break
PY

"$bin" serve --db "$work/store.db" --token t --quiet --addr "127.0.0.1:$port" 2>"$work/serve.err" &
pid=$!
for _ in $(seq 1 600); do
  curl -sf -o /dev/null "http://127.0.0.1:$port/api/v1/articles?limit=1" && break
  sleep 0.5
done
memory() {
  awk '/^VmRSS/{rss=$2} /^RssAnon/{anon=$2} /^RssFile/{file=$2}
       END{printf "%5.0f MiB (heap %4.0f, files %3.0f)", rss/1024, anon/1024, file/1024}' "/proc/$pid/status"
}
echo "before writes      $(memory)"
k=0
while read -r line; do
  k=$((k + 1))
  code=$(printf '%s' "$line" | curl -s -o /dev/null -w '%{http_code}' -X POST \
    -H 'Authorization: Bearer t' -H 'Content-Type: application/json' \
    --data-binary @- "http://127.0.0.1:$port/api/v1/articles")
  printf 'write %3d: %s  %s\n' "$k" "$code" "$(memory)"
done <"$work/posts.jsonl"
sleep "$idle"
echo "after ${idle} s idle    $(memory)"
