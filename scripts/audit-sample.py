#!/usr/bin/env python3
"""Draw a fixed random sample of facts from a Pactwatch export for a precision audit.

Usage:
    pactwatch export --db pw.db --format jsonl -o export.jsonl
    scripts/audit-sample.py export.jsonl [--seed 20261202] [--n 100] > sample.tsv

Reads the JSON Lines export (articles, entities, facts), lists the facts sorted by
their id, draws N of them with random.Random(SEED).sample, and writes one TSV row
per drawn fact (in draw order) with an empty `judgement` and `why` column to be
filled in by hand.

The report shown for each fact is its first report: the support with the earliest
`published` date (ties: the order the export gives). Its evidence sentence, its
report-level actors (the mention entities) and the fact-level actors (after
resolution) are both written, as "name [kind, COUNTRY]".

Python standard library only; the output depends only on the export and the seed.
"""

import argparse
import csv
import json
import random
import sys

COLUMNS = [
    "n", "fact_id", "event_type", "plover", "source", "target", "report_source",
    "report_target", "equipment", "modality", "strongest", "date", "date_text",
    "supports", "article", "file", "title", "sentence", "evidence", "judgement", "why",
]


def clean(text):
    """One line of TSV: no tabs or newlines inside a field."""
    return " ".join(str(text).split())


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("export", help="the output of `pactwatch export --format jsonl`")
    ap.add_argument("--seed", type=int, default=20261202)
    ap.add_argument("--n", type=int, default=100)
    args = ap.parse_args()

    entities, articles, facts = {}, {}, []
    with open(args.export, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            kind = rec.get("type")
            if kind == "entity":
                entities[rec["id"]] = rec
            elif kind == "article":
                articles[rec["key"]] = rec
            elif kind == "fact":
                facts.append(rec)

    def names(ids):
        out = []
        for eid in ids:
            e = entities.get(eid)
            if e is None:
                out.append(f"?{eid}")
            else:
                out.append(f"{e['name']} [{e.get('kind', '')}, {e.get('country') or '-'}]")
        return "; ".join(out) if out else "-"

    facts.sort(key=lambda f: f["id"])
    drawn = random.Random(args.seed).sample(facts, min(args.n, len(facts)))

    w = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(COLUMNS)
    for i, f in enumerate(drawn, 1):
        sups = f["supports"]
        first = min(range(len(sups)), key=lambda k: (sups[k].get("published") or "9999", k))
        s = sups[first]
        art = articles.get(s.get("article"), {})
        w.writerow([clean(x) for x in [
            i, f["id"], f.get("event_type", ""), f.get("plover", ""),
            names(f.get("source", [])), names(f.get("target", [])),
            names(s.get("source", [])), names(s.get("target", [])),
            names(f.get("equipment", [])) if f.get("equipment") else "-",
            s.get("modality", ""), f.get("strongest", ""),
            f.get("date") or "-", s.get("date_text") or "-", len(sups),
            s.get("article", ""), s.get("file", ""), art.get("title", ""),
            s.get("sentence", ""), s.get("evidence", ""), "", "",
        ]])


if __name__ == "__main__":
    main()
