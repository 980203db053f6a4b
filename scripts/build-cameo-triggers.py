#!/usr/bin/env python3
"""Compile the PETRARCH2 CAMEO verb dictionary into Pactwatch event triggers.

    python3 scripts/build-cameo-triggers.py            # writes data/lexicon/en/cameo-events.tsv
    python3 scripts/build-cameo-triggers.py --check    # fails if the committed file is stale

Inputs (all in the repository):
  data/petrarch2/CAMEO.2.0.txt     verb synonym blocks, synsets and patterns (MIT, OEDA)
  data/lexicon/en/cameo-types.tsv  CAMEO code prefix -> Pactwatch type, frame, flags

What is compiled:
  * every verb of a block with a code of its own, and the verb a block is named after
    (with the block's code), gives a bare trigger (all its inflected forms) of the
    mapped type, unless data/lexicon/en/cameo_loose_verbs.txt lists it;
  * every pattern "- [words] * words [code]" gives a trigger on the block's verbs that
    needs one of the pattern's head words within four words after the verb (and, for
    words before "*", within four words before): "impose * curfew [1723]" makes
    "imposed" a COERCE trigger when "curfew" follows;
  * patterns whose words are only prepositions, pronoun slots or actor slots are left
    out (they do not say what happened), as are codes that map to no type.

The output is deterministic (sorted, no clock): running the script twice gives the
same bytes. Standard library only.
"""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lexdata import read_list, write_or_check  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CAMEO = os.path.join(ROOT, "data", "petrarch2", "CAMEO.2.0.txt")
TYPES = os.path.join(ROOT, "data", "lexicon", "en", "cameo-types.tsv")
STOP = os.path.join(ROOT, "data", "lexicon", "en", "cameo_stopwords.txt")
LOOSE = os.path.join(ROOT, "data", "lexicon", "en", "cameo_loose_verbs.txt")
OUT = os.path.join(ROOT, "data", "lexicon", "en", "cameo-events.tsv")


def read_lines(path):
    with open(path, encoding="utf-8") as handle:
        return handle.read().splitlines()


def load_types():
    table = {}
    for line in read_lines(TYPES):
        if not line.strip() or line.startswith("#"):
            continue
        columns = line.split("\t")
        code, event_type, frame = columns[0], columns[1], columns[2]
        flags = columns[3].split() if len(columns) > 3 else []
        table[code] = (event_type, frame, tuple(flags))
    return table


def load_stopwords():
    return read_list(STOP)


def map_code(code, table):
    code = code.strip()
    if not code or not code[0].isdigit():
        return None
    for length in range(len(code), 0, -1):
        mapped = table.get(code[:length])
        if mapped is not None:
            return None if mapped[0] == "-" else mapped
    return None


def strip_comment(line):
    # Python-style and legacy ';' comments; HTML comments on one line.
    line = re.sub(r"<!--.*?-->", "", line)
    for mark in ("#", ";"):
        at = line.find(mark)
        if at >= 0:
            line = line[:at]
    return line.rstrip()


VOWELS = set("aeiou")


def regular_forms(verb):
    """Regular English forms of a lowercase verb: base, -s, -ed, -ing (both spellings
    where doubling the last consonant is uncertain; a form that is never written costs
    nothing)."""
    forms = {verb}
    if verb.endswith(("s", "x", "z", "ch", "sh")):
        forms.add(verb + "es")
    elif verb.endswith("y") and len(verb) > 1 and verb[-2] not in VOWELS:
        forms.add(verb[:-1] + "ies")
    else:
        forms.add(verb + "s")
    if verb.endswith("e"):
        forms.add(verb + "d")
        forms.add(verb[:-1] + "ing")
    elif verb.endswith("y") and len(verb) > 1 and verb[-2] not in VOWELS:
        forms.add(verb[:-1] + "ied")
        forms.add(verb + "ing")
    else:
        forms.add(verb + "ed")
        forms.add(verb + "ing")
        if (
            len(verb) >= 3
            and verb[-1] not in VOWELS
            and verb[-1] not in "wxy"
            and verb[-2] in VOWELS
            and verb[-3] not in VOWELS
        ):
            forms.add(verb + verb[-1] + "ed")
            forms.add(verb + verb[-1] + "ing")
    return forms


def verb_forms(primary, irregular):
    """Forms of a verb entry. `primary` is the dictionary word ("GIVE", "+ASK_FOR",
    "WIRE_+TAP"); `irregular` the words inside {...}."""
    words = primary.lower().split("_")
    marked = [i for i, word in enumerate(words) if word.startswith("+")]
    head = marked[0] if marked else 0
    words = [word.lstrip("+") for word in words]
    forms = set()
    inflected = regular_forms(words[head])
    if irregular:
        # Irregular past forms given: keep the regular -s and -ing, not the regular -ed.
        inflected = {
            form
            for form in inflected
            if not form.endswith("ed") or form == words[head]
        }
    for form in inflected:
        forms.add(" ".join(words[:head] + [form] + words[head + 1 :]))
    for other in irregular:
        forms.add(" ".join(word.lstrip("+") for word in other.lower().split("_")))
    return {form for form in forms if form}


def plural(word):
    if word.endswith("y") and len(word) > 1 and word[-2] not in VOWELS:
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


def parse(path):
    """Synsets and verb blocks of the dictionary."""
    synsets = {}
    blocks = []
    current_synset = None
    block = None
    for raw in read_lines(path):
        if raw.startswith("---"):
            match = re.match(r"---\s+(\S+)\s+\[([^\]]*)\]", raw)
            block = {
                "name": match.group(1) if match else raw,
                "code": match.group(2).strip() if match else "---",
                "verbs": [],
                "patterns": [],
            }
            blocks.append(block)
            current_synset = None
            continue
        line = strip_comment(raw).strip()
        if not line:
            current_synset = None
            continue
        if line.startswith("&") and block is None or (
            line.startswith("&") and " " not in line and "[" not in line
        ):
            label = line.split()[0]
            no_plural = label.endswith("_")
            current_synset = label.rstrip("_").upper()
            synsets[current_synset] = {"no_plural": no_plural, "phrases": []}
            continue
        if current_synset is not None and line.startswith("+"):
            phrase = line[1:].strip()
            no_plural = phrase.endswith("_")
            words = phrase.rstrip("_").replace("_", " ").lower().split()
            synsets[current_synset]["phrases"].append((words, no_plural))
            continue
        current_synset = None
        if block is None:
            continue
        if line.startswith("-"):
            match = re.match(r"-\s*(.*?)\s*\[([^\]]*)\]\s*$", line)
            if match:
                block["patterns"].append((match.group(1), match.group(2)))
            continue
        match = re.match(r"^(\S+)\s*(?:\{([^}]*)\})?\s*(?:\[([^\]]*)\])?", line)
        if match:
            primary = match.group(1)
            irregular = (match.group(2) or "").split()
            code = (match.group(3) or "").strip()
            block["verbs"].append((primary, irregular, code))
    return synsets, blocks


def element_heads(elements, synsets, stop):
    """Head words of the first content element of `elements`: a word, the last word
    of a {phrase}, or the last word of each member of a synset (with plurals)."""
    for element in elements:
        if isinstance(element, str) and element.startswith("&"):
            synset = synsets.get(element[1:].rstrip("_").upper())
            if synset is None:
                return None
            heads = set()
            for words, no_plural in synset["phrases"]:
                if not words:
                    continue
                head = words[-1]
                heads.add(head)
                if not (no_plural or synset["no_plural"]):
                    heads.add(plural(head))
            return heads or None
        if isinstance(element, list):
            words = [word for word in element if word not in stop]
            if words:
                return {words[-1]}
            continue
        if element in stop:
            continue
        return {element}
    return None


def tokenize(side):
    """Pattern side -> elements: words, {phrases} as lists, &SYNSETS; slots dropped."""
    elements = []
    side = side.replace("(", " ").replace(")", " ")
    for group in re.finditer(r"\{([^}]*)\}|(\S+)", side):
        if group.group(1) is not None:
            words = []
            for word in group.group(1).split():
                if word.startswith("&"):
                    elements.append(word.upper())
                    continue
                word = word.strip("+$%^|").lower().replace("_", " ")
                words.extend(word.split())
            if words:
                elements.append(words)
            continue
        token = group.group(2)
        if token.startswith("&"):
            elements.append(token.upper())
            continue
        token = token.strip("+$%^|").lower()
        if not token or not re.match(r"^[a-z][a-z'-]*$", token.replace("_", "")):
            continue
        parts = token.replace("_", " ").split()
        if len(parts) > 1:
            elements.append(parts)
        else:
            elements.append(parts[0])
    return elements


def main():
    table = load_types()
    stop = load_stopwords()
    loose = read_list(LOOSE)
    synsets, blocks = parse(CAMEO)
    # (type, frame, constraints) -> forms
    entries = {}

    def add(mapped, forms, before=None, after=None):
        event_type, frame, flags = mapped
        constraints = []
        if before:
            constraints.append("before=" + "|".join(sorted(before)))
        if after:
            constraints.append("after=" + "|".join(sorted(after)))
        constraints.extend(sorted(set(flags)))
        key = (event_type, frame, " ".join(constraints))
        entries.setdefault(key, set()).update(forms)

    for block in blocks:
        block_forms = set()
        for primary, irregular, code in block["verbs"]:
            forms = verb_forms(primary, irregular)
            block_forms.update(forms)
            # A bare verb codes an event when the dictionary gives it a code of its
            # own, or when it is the verb the block is named after. Other members
            # inherit the block code in PETRARCH only behind a parser that has found
            # the verb and both actors; without one they are too loose ("accord",
            # "add" under GRANT), so they code only through the block's patterns.
            head = primary.lstrip("+").split("_")[0].split("{")[0].upper()
            is_head = head == block["name"].split("_")[0].upper()
            if code or is_head:
                mapped = map_code(code or block["code"], table)
                if mapped is not None and primary.lower().lstrip("+") not in loose:
                    add(mapped, forms)
        if not block_forms:
            continue
        for text, code in block["patterns"]:
            mapped = map_code(code.split(":")[0], table)
            if mapped is None or "*" not in text:
                continue
            before_text, after_text = text.split("*", 1)
            # The last content element of what follows the verb is the head the
            # pattern is about ("closer (to {relief debt})" is about debt).
            after_elements = tokenize(after_text)
            after = element_heads(list(reversed(after_elements)), synsets, stop)
            before = element_heads(list(reversed(tokenize(before_text))), synsets, stop)
            if after is None and before is None:
                continue
            # "{&MILITARY CAMPAIGN}": the head is "campaign", and the qualifier the head
            # drops becomes the need for a military context ("launched an awareness
            # campaign" is no attack).
            if "&MILITARY" in after_elements and after and "military" not in after:
                mapped = (mapped[0], mapped[1], tuple(mapped[2]) + ("military",))
            add(mapped, block_forms, before=before, after=after)

    lines = [
        "# GENERATED by scripts/build-cameo-triggers.py from data/petrarch2/CAMEO.2.0.txt",
        "# (PETRARCH2 CAMEO verb dictionary, MIT, Open Event Data Alliance) and",
        "# data/lexicon/en/cameo-types.tsv. Do not edit: edit those and re-run the script.",
        "# Columns as in data/lexicon/events.tsv: type, frame, forms, constraints.",
        "# The hand-written data/lexicon/events.tsv wins for every form it lists.",
    ]
    for (event_type, frame, constraints), forms in sorted(entries.items()):
        forms = sorted(form for form in forms if re.fullmatch(r"[a-z][a-z' -]*[a-z]", form))
        if not forms:
            continue
        line = f"{event_type}\t{frame}\t{'|'.join(forms)}"
        if constraints:
            line += f"\t{constraints}"
        lines.append(line)
    output = "\n".join(lines) + "\n"
    write_or_check(
        OUT, output, "scripts/build-cameo-triggers.py", f"{len(lines) - 5} trigger lines"
    )

if __name__ == "__main__":
    main()
