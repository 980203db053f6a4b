#!/usr/bin/env bash
# Score extraction on the development set (corpus/dev, split by scripts/split-dev.py)
# and on the seeds, with the release binary:
#     bash scripts/eval-dev.sh            # totals per part
#     bash scripts/eval-dev.sh -v tune-en # one part, with the misses (never read heldout's)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q -p pactwatch
bin=target/release/pactwatch
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
verbose=""
if [[ "${1:-}" == "-v" ]]; then verbose="-v"; shift; fi
parts=("${@:-seeds tune-en heldout-en tune-es heldout-es}")
for part in ${parts[@]}; do
    if [[ "$part" == seeds ]]; then
        gold=corpus/eval/seeds.gold.json
        files=(corpus/seeds)
    else
        gold=corpus/eval/dev-$part.gold.json
        mapfile -t files < <(python3 -c "import json,sys; [print('corpus/dev/texts/'+d['file']) for d in json.load(open(sys.argv[1]))['documents']]" "$gold")
    fi
    "$bin" extract "${files[@]}" > "$out/$part.jsonl" 2> "$out/$part.err" || true
    printf '%-11s ' "$part"
    "$bin" eval --gold "$gold" "$out/$part.jsonl" $verbose | { if [[ -n "$verbose" ]]; then cat; else tail -1; fi; }
done
