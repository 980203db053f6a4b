#!/usr/bin/env python3
"""Copy the labelled NER sets the licences allow into data/ner/ (standard library only).

    python3 scripts/import-ner-data.py ../shared/data/ner      # writes data/ner/<set>/

Every output file is `token<TAB>label` lines, a blank line between sentences, labels as
in the source (the mapping to PER/ORG/LOC/MISC is done by pw-ner, see data/ner/README.md).
Deterministic: sorted inputs, no clock, no randomness.

What is left out, and why:
- GUM's wikiHow documents (CC BY-NC-SA 3.0). The CoNLL copy of GUM has no document ids and
  its sentences are shuffled, so they cannot be removed by document. A sentence is kept
  only when it reads like news, travel or interview text: no second person
  (you/your/...), not opening with an instruction verb, and with at least one
  capitalized word past the first token other than "I". wikiHow steps are second-person
  instructions about common nouns and fail these tests.
- re3d's BBC part (non-commercial); the delivery folder already lacks it.
"""

import os
import shutil
import sys

SECOND_PERSON = {"you", "your", "yours", "yourself", "yourselves", "ya", "u"}

# Verbs that open wikiHow steps ("Add the flour", "Make sure ..."). A news sentence rarely
# opens with a bare verb.
IMPERATIVE = set(
    """add adjust allow apply ask avoid bake be begin blend boil bring brush buy call
    check choose clean clear close combine consider continue cook cover cut decide
    determine do don't drain draw drink dry eat enjoy ensure fill find finish fold follow
    get give go grab heat hold insert keep know leave let lift look make measure mix move
    open pick place plan pour prepare press pull push put read remember remove repeat
    rinse roll rub see select serve set shake slice soak spray spread squeeze start stay
    stir store take tape tell think tie try turn twist use wait wash watch wear wipe
    wrap write""".split()
)


def read_conll(path, sep=None):
    """Sentences as lists of (token, label); `-DOCSTART-` lines become their own item."""
    sentences, current = [], []
    with open(path, encoding="utf-8-sig") as f:
        for raw in f:
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip():
                if current:
                    sentences.append(current)
                    current = []
                continue
            parts = line.split(sep) if sep else line.split("\t")
            if len(parts) < 2:
                parts = line.split()
            token, label = parts[0].strip(), parts[-1].strip()
            if token == "-DOCSTART-":
                if current:
                    sentences.append(current)
                    current = []
                sentences.append([("-DOCSTART-", "O")])
                continue
            if not token:
                continue
            current.append((token, label))
    if current:
        sentences.append(current)
    return sentences


def write_conll(path, sentences):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for sentence in sentences:
            for token, label in sentence:
                f.write(f"{token}\t{label}\n")
            f.write("\n")


def gum_keep(sentence):
    words = [t for t, _ in sentence]
    if any(w.lower() in SECOND_PERSON for w in words):
        return False
    if words and words[0].lower() in IMPERATIVE:
        return False
    return any(w[:1].isupper() and w != "I" for w in words[1:])


def copy(src, dst):
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    shutil.copyfile(src, dst)


def main(src, out):
    # wikigold: space separated, IO labels, -DOCSTART- between articles.
    wikigold = read_conll(os.path.join(src, "wikigold/CONLL-format/data/wikigold.conll.txt"), " ")
    write_conll(os.path.join(out, "wikigold/wikigold.conll"), wikigold)
    copy(os.path.join(src, "wikigold/LICENSE"), os.path.join(out, "wikigold/LICENSE"))

    kept = dropped = 0
    for split in ("train", "test"):
        sentences = read_conll(os.path.join(src, f"GUM/CONLL-format/data/{split}/gum-{split}.conll"))
        keep = [s for s in sentences if gum_keep(s)]
        kept += len(keep)
        dropped += len(sentences) - len(keep)
        write_conll(os.path.join(out, f"gum/{split}.conll"), keep)
    copy(os.path.join(src, "GUM/LICENSE.txt"), os.path.join(out, "gum/LICENSE.txt"))
    print(f"gum: kept {kept} sentences, dropped {dropped}", file=sys.stderr)

    for name, rel in (
        ("train", "train/wnut17train.conll"),
        ("dev", "dev/emerging.dev.conll"),
        ("test", "test/emerging.test.annotated"),
    ):
        sentences = read_conll(os.path.join(src, "WNUT17/CONLL-format/data", rel))
        write_conll(os.path.join(out, f"wnut17/{name}.conll"), sentences)
    copy(os.path.join(src, "WNUT17/LICENSE"), os.path.join(out, "wnut17/LICENSE"))

    btc_dir = os.path.join(src, "BTC/CONLL-format/data")
    for name in sorted(os.listdir(btc_dir)):
        write_conll(os.path.join(out, "btc", name), read_conll(os.path.join(btc_dir, name)))
    copy(os.path.join(src, "BTC/LICENSE"), os.path.join(out, "btc/LICENSE"))

    # re3d: one file per source, documents separated by `-DOCSTART-` (file name as id).
    re3d_dir = os.path.join(src, "re3d/by-source")
    for source in sorted(os.listdir(re3d_dir)):
        if "BBC" in source:
            continue
        sentences = []
        for doc in sorted(os.listdir(os.path.join(re3d_dir, source))):
            sentences.append([("-DOCSTART-", doc.removesuffix(".conll"))])
            sentences.extend(read_conll(os.path.join(re3d_dir, source, doc)))
        write_conll(os.path.join(out, "re3d", f"{source}.conll"), sentences)
    lic = os.path.join(src, "re3d/LICENSES")
    for source in sorted(os.listdir(lic)):
        path = os.path.join(lic, source)
        if os.path.isdir(path) and "BBC" not in source:
            for f in sorted(os.listdir(path)):
                copy(os.path.join(path, f), os.path.join(out, "re3d/LICENSES", source, f))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: import-ner-data.py SHARED_NER_DIR")
    main(sys.argv[1], os.path.join(os.path.dirname(__file__), "..", "data", "ner"))
