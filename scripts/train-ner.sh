#!/usr/bin/env bash
# Train the name tagger on data/ner/ and write data/ner/model.bin (embedded by pw-ner).
# Training is deterministic: the script trains twice and fails if the bytes differ.
# Usage: scripts/train-ner.sh          (then commit data/ner/model.bin)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -p pw-ner --bin ner-train
bin=target/release/ner-train
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
time "$bin" data/ner "$tmp/a.bin"
"$bin" data/ner "$tmp/b.bin" 2>/dev/null
if ! cmp -s "$tmp/a.bin" "$tmp/b.bin"; then
    echo "train-ner: two runs gave different models" >&2
    exit 1
fi
cp "$tmp/a.bin" data/ner/model.bin
echo "data/ner/model.bin: $(wc -c < data/ner/model.bin) bytes, $(sha256sum data/ner/model.bin | cut -c1-16)"
