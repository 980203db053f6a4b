#!/usr/bin/env bash
# Extraction time against input size (issue 9, item 2): one sentence without a period
# of 10, 100 and 1,000 KB, and articles of short sentences of 1, 10 and 15 MB, with the
# release build. Prints the Markdown table the README carries.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -p pw-extract --example scale >&2
./target/release/examples/scale sentence 10 100 1000
./target/release/examples/scale article 1000 10000 15000 | tail -n +3
