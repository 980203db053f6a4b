#!/usr/bin/env python3
"""Split the development set once into a tuning part and a held-out part.

    python3 scripts/split-dev.py     # writes corpus/eval/dev-tune.gold.json, dev-heldout.gold.json

Input: the blind gold files corpus/dev/gold/*.gold.json. Each annotator's part is
ordered by the SHA-1 of the article id and its first 40 % (rounded up) is held out, so
the split does not depend on anyone's reading of the articles and every part (English
cooperation, English conflict, Spanish) is in both. The held-out part is scored but its
misses are never read while tuning. Deterministic; standard library only.
"""

import glob
import hashlib
import json
import math
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    tune, heldout = [], []
    for path in sorted(glob.glob(os.path.join(ROOT, "corpus", "dev", "gold", "*.gold.json"))):
        with open(path, encoding="utf-8") as handle:
            documents = json.load(handle)["documents"]
        documents.sort(key=lambda doc: hashlib.sha1(doc["file"].encode()).hexdigest())
        cut = math.ceil(len(documents) * 0.4)
        heldout += documents[:cut]
        tune += documents[cut:]
    parts = []
    for name, documents in (("dev-tune", tune), ("dev-heldout", heldout)):
        parts.append((name, documents))
        # Per language too: English for extraction (issue 8), Spanish for issue 10.
        for language in ("en", "es"):
            subset = [doc for doc in documents if doc["file"].startswith(language)]
            parts.append((f"{name}-{language}", subset))
    for name, documents in parts:
        documents.sort(key=lambda doc: doc["file"])
        gold = {
            "version": 1,
            "about": f"The {name[4:]} part of the development set (corpus/dev, annotated blind; "
            "see corpus/dev/ANNOTATION.md), made by scripts/split-dev.py.",
            "documents": documents,
            "across_documents": {},
        }
        out = os.path.join(ROOT, "corpus", "eval", f"{name}.gold.json")
        with open(out, "w", encoding="utf-8") as handle:
            json.dump(gold, handle, ensure_ascii=False, indent=1)
            handle.write("\n")
        print(out, len(documents), " ".join(doc["file"] for doc in documents))


if __name__ == "__main__":
    main()
