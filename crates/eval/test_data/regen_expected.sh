#!/bin/sh
# Regenerates the expected outputs of pw-eval's agreement test (tests/agreement.rs) by
# running the reference scorer on the fixture. score.py stops at the first line that is
# not a JSON object, so it is given pred.jsonl without those lines (pw-eval skips and
# reports them instead). Run from crates/eval/test_data; needs python3.
set -eu
SCORE=../../../corpus/eval/score.py
FILTERED=$(mktemp)
python3 - pred.jsonl > "$FILTERED" <<'PY'
import json, sys
for line in open(sys.argv[1]):
    try:
        o = json.loads(line)
    except ValueError:
        continue
    if isinstance(o, dict):
        print(line, end="")
PY
python3 "$SCORE" gold.json "$FILTERED" --json > expected.json
python3 "$SCORE" gold.json "$FILTERED" > expected.txt
python3 "$SCORE" gold.json "$FILTERED" -v > expected_verbose.txt
rm -f "$FILTERED"
