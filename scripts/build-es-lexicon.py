#!/usr/bin/env python3
"""Build the Spanish gazetteer data/lexicon/es/gazetteer.tsv.

Usage: python3 scripts/build-es-lexicon.py [SHARED_DATA_DIR] [--check]

SHARED_DATA_DIR defaults to ../shared/data (relative to the repository root). With
--check the output is built and compared with the committed file (CI); when the open
data folder is absent the check is skipped with a message, since the committed file
is what the crate embeds.

Inputs:
  data/lexicon/gazetteer.tsv, countries.tsv, given_names.txt   the English lexicon:
      every Spanish entry takes the kind, canonical name and country of the English
      entry it translates, so the record merges entities across languages
  data/lexicon/es/country_names.tsv   hand table: Spanish press forms of countries
  data/lexicon/es/demonyms.tsv        hand table: masculine singular gentilicios,
                                      inflected here for gender and number
  data/lexicon/es/places.tsv          hand table: exonyms of capitals, cities, regions
  data/lexicon/es/organizations.tsv   hand table: Spanish names of organizations
  data/lexicon/es/gazetteer_removed.tsv  hand table: surfaces the Spanish lexicon
                                      never matches (given names, common words)
  SHARED/gazetteer/countries/countries.json          translations.spa (ODbL)
  SHARED/gazetteer/intl-orgs/dieghernan-Countrycodes.csv  NAME.ES, CAPITAL.ES (MIT)
  SHARED/gazetteer/intl-orgs/supraverden-general_list.yaml  Name_es,
                                      Abbreviation_es (CC BY-SA 4.0)
  SHARED/gazetteer/xponents/non-placenames,spa.csv   Spanish words that are not
                                      place names: a stop list (Apache-2.0)

Output: the gazetteer format of pw-lexicon (surface, kind, canonical, country,
extra), sorted by surface, one entry a surface. Demonyms carry `gender=m|f|mf;
number=sg|pl` in extra; other entries copy the English entry's extra.

Policy: the hand tables win over the open data, kinds rank as in the English build
(country > demonym > capital > organization > city > region). A row of the open data
whose surface names something else in the English gazetteer is dropped (Granada is the
Spanish city, not Grenada); a hand-table row replaces the English entry in the Spanish
lexicon (EU is Estados Unidos). Single words of the stop list (except gentilicios)
and given names are never generated from the open data; the hand tables are curated. Python 3 standard library only; deterministic.
"""

from __future__ import annotations

import collections
import csv
import importlib.util
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LEX = os.path.join(ROOT, "data", "lexicon")
ES = os.path.join(LEX, "es")
OUT = os.path.join(ES, "gazetteer.tsv")
SCRIPT = "scripts/build-es-lexicon.py"

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lexdata import write_or_check  # noqa: E402


def _english_build():
    """The English build script, for its ascii_fold and supraverden YAML reader."""
    path = os.path.join(ROOT, "scripts", "build-lexicon.py")
    spec = importlib.util.spec_from_file_location("build_lexicon", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


EN = _english_build()

KIND_PRIORITY = EN.KIND_PRIORITY

# Tiers within one kind (lower wins).
HAND, HAND_VARIANT, OPEN, OPEN_VARIANT = 0, 1, 2, 3


def rows_of(path, min_cols, max_cols):
    """Data rows of a hand table: `#` lines and blank lines skipped, fields checked."""
    out = []
    with open(path, encoding="utf-8") as handle:
        for n, line in enumerate(handle, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if not min_cols <= len(fields) <= max_cols or any(f != f.strip() for f in fields):
                sys.exit(f"{path}:{n}: expected {min_cols}-{max_cols} clean tab-separated fields")
            out.append(fields)
    return out


def read_english():
    """surface -> (kind, canonical, country, extra) of the English gazetteer."""
    english = {}
    with open(os.path.join(LEX, "gazetteer.tsv"), encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            f = line.rstrip("\n").split("\t") + ["", ""]
            english.setdefault(f[0], (f[1], f[2] or f[0], f[3], f[4]))
    countries = {}
    with open(os.path.join(LEX, "countries.tsv"), encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            f = line.rstrip("\n").split("\t") + ["", "", ""]
            countries[f[0]] = {"name": f[2], "capital": f[3], "demonyms": [d for d in f[4].split("|") if d]}
    with open(os.path.join(LEX, "given_names.txt"), encoding="utf-8") as handle:
        given = {line.strip() for line in handle if line.strip()}
    return english, countries, given


# --------------------------------------------------------------------------------------
# Gentilicios: gender and number
# --------------------------------------------------------------------------------------

_UNACCENT = str.maketrans("áéíóú", "aeiou")


def inflect(masc: str):
    """The forms of a masculine singular gentilicio: (form, gender, number)."""
    last = masc[-1]
    if last == "o":
        stem = masc[:-1]
        return [(masc, "m", "sg"), (stem + "a", "f", "sg"), (stem + "os", "m", "pl"), (stem + "as", "f", "pl")]
    if last in "íú":
        return [(masc, "mf", "sg"), (masc + "es", "mf", "pl"), (masc + "s", "mf", "pl")]
    if last in "ea":
        return [(masc, "mf", "sg"), (masc + "s", "mf", "pl")]
    if last in "ns" and masc[-2] in "áéíóú":
        # francés → francesa, franceses, francesas; alemán → alemana; letón → letona
        stem = masc[:-2] + masc[-2].translate(_UNACCENT) + last
        return [(masc, "m", "sg"), (stem + "a", "f", "sg"), (stem + "es", "m", "pl"), (stem + "as", "f", "pl")]
    if last in "lnrs":
        return [(masc, "m", "sg"), (masc + "a", "f", "sg"), (masc + "es", "m", "pl"), (masc + "as", "f", "pl")]
    sys.exit(f"demonyms.tsv: no inflection rule for {masc!r}: list its forms in a third column")


def explicit_forms(masc: str, listed: str):
    """Forms listed in the third column: singular first, then plurals; one gender."""
    forms = listed.split("|")
    return [(masc, "mf", "sg")] + [(f, "mf", "pl") for f in forms if f != masc]


def title(word: str) -> str:
    return word[:1].upper() + word[1:]


# --------------------------------------------------------------------------------------
# The Spanish store
# --------------------------------------------------------------------------------------


class Store:
    def __init__(self, english, given, stop, removed):
        self.english = english
        self.removed = removed
        self.given = given
        self.stop = stop
        self.best = {}
        self.seq = 0
        self.dropped = collections.Counter()
        self.overrides = []

    def add(self, surface, kind, canonical, country, extra, tier, fold=True):
        self._put(surface, kind, canonical, country, extra, tier)
        if fold:
            plain = EN.ascii_fold(surface)
            if plain != surface:
                self._put(plain, kind, canonical, country, extra, tier + 1)

    def _put(self, surface, kind, canonical, country, extra, tier):
        hand = tier <= HAND_VARIANT
        if surface in self.removed:
            self.dropped["removed in Spanish"] += 1
            return
        single = " " not in surface
        if single and not hand and kind != "demonym" and EN.ascii_fold(surface).lower() in self.stop:
            self.dropped["stop list"] += 1
            return
        if not hand and not surface[0].isupper() and kind != "demonym":
            self.dropped["lower case"] += 1
            return
        en = self.english.get(surface)
        differs = en is not None and (en[0], en[1], en[2]) != (kind, canonical, country)
        if differs and tier != HAND and not (kind == "demonym" and en[0] == "demonym" and en[2] == country):
            self.dropped["names something else in English"] += 1
            return
        if en is None and not hand and single and surface in self.given:
            self.dropped["given name"] += 1
            return
        self.seq += 1
        rank = (KIND_PRIORITY[kind], tier, self.seq)
        cur = self.best.get(surface)
        if cur is None or rank < cur[0]:
            self.best[surface] = (rank, (kind, canonical, country, extra))

    def rows(self):
        for surface in sorted(self.best):
            kind, canonical, country, extra = self.best[surface][1]
            en = self.english.get(surface)
            if en is not None and (en[0], en[1], en[2]) != (kind, canonical, country):
                self.overrides.append(f"{surface}: {en[1]} ({en[0]}) → {canonical} ({kind})")
            yield surface, kind, canonical, country, extra


def build(shared):
    english, countries, given = read_english()
    gz = os.path.join(shared, "gazetteer")
    with open(os.path.join(gz, "xponents", "non-placenames,spa.csv"), encoding="utf-8") as handle:
        stop = {
            EN.ascii_fold(r["exclusion"].strip()).lower()
            for r in csv.DictReader(handle)
            if r.get("exclusion") and " " not in r["exclusion"].strip()
        }
    removed = {row[0] for row in rows_of(os.path.join(ES, "gazetteer_removed.tsv"), 2, 2)}
    store = Store(english, given, stop, removed)

    def country_canonical(iso3):
        c = countries.get(iso3)
        en = english.get(c["name"]) if c else None
        if en and en[0] == "country" and en[2] == iso3:
            return en[1]
        return None

    demonyms_of = collections.defaultdict(list)
    for surface in sorted(english):
        kind, canonical, iso3, _ = english[surface]
        if kind == "demonym" and canonical not in demonyms_of[iso3]:
            demonyms_of[iso3].append(canonical)

    def demonym_canonical(iso3):
        """The English demonym of the country (Bolivian), else any English demonym
        entry of it (Thais → Thai); None sends the caller to the country's name."""
        for d in countries.get(iso3, {}).get("demonyms", []):
            en = english.get(d)
            if en and en[0] == "demonym" and en[2] == iso3:
                return en[1]
        return demonyms_of[iso3][0] if demonyms_of[iso3] else None

    def copy_of(english_surface, table, n):
        en = english.get(english_surface)
        if en is None:
            sys.exit(f"{table}: row {n}: {english_surface!r} is not in data/lexicon/gazetteer.tsv")
        return en

    # ---------------- hand tables ----------------
    table = os.path.join(ES, "country_names.tsv")
    for n, (surface, iso3) in enumerate(rows_of(table, 2, 2), 1):
        canonical = country_canonical(iso3)
        if canonical is None:
            sys.exit(f"{table}: row {n}: no English country entry for {iso3}")
        store.add(surface, "country", canonical, iso3, "", HAND)

    table = os.path.join(ES, "demonyms.tsv")
    for n, fields in enumerate(rows_of(table, 2, 3), 1):
        masc, iso3 = fields[0], fields[1]
        canonical = demonym_canonical(iso3) or country_canonical(iso3)
        if canonical is None:
            sys.exit(f"{table}: row {n}: no English country or demonym entry for {iso3}")
        forms = explicit_forms(masc, fields[2]) if len(fields) == 3 else inflect(masc)
        for form, gender, number in forms:
            extra = f"gender={gender};number={number}"
            store.add(form, "demonym", canonical, iso3, extra, HAND, fold=False)
            if number == "pl":
                # "Bolivianos protestan…": a plural may open a sentence or a headline.
                store.add(title(form), "demonym", canonical, iso3, extra, OPEN, fold=False)

    for name in ("places.tsv", "organizations.tsv", "equipment.tsv"):
        table = os.path.join(ES, name)
        for n, (surface, english_surface) in enumerate(rows_of(table, 2, 2), 1):
            kind, canonical, iso3, extra = copy_of(english_surface, table, n)
            store.add(surface, kind, canonical, iso3, extra, HAND)
            if name == "equipment.tsv":
                # "Drones iraníes llegan…": a class may open a sentence or a headline.
                store.add(title(surface), kind, canonical, iso3, extra, HAND)

    # ---------------- countries.json: translations.spa (ODbL) ----------------
    with open(os.path.join(gz, "countries", "countries.json"), encoding="utf-8") as handle:
        data = json.load(handle)
    for c in sorted(data, key=lambda c: c["cca3"]):
        canonical = country_canonical(c["cca3"])
        spa = c.get("translations", {}).get("spa", {})
        if canonical is None:
            continue
        for key in ("common", "official"):
            name = title(EN.clean_ws(spa.get(key, "")))
            if name and "(" not in name and "," not in name:
                store.add(name, "country", canonical, c["cca3"], "", OPEN)

    # ---------------- dieghernan Countrycodes: NAME.ES, CAPITAL.ES (MIT) ----------------
    with open(os.path.join(gz, "intl-orgs", "dieghernan-Countrycodes.csv"), encoding="utf-8-sig") as handle:
        codes = sorted(csv.DictReader(handle), key=lambda r: r["ISO_3166_3"])
    for r in codes:
        iso3 = r["ISO_3166_3"]
        canonical = country_canonical(iso3)
        name = title(EN.clean_ws(r["NAME.ES"]))
        if canonical and name and "(" not in name and "," not in name:
            store.add(name, "country", canonical, iso3, "", OPEN)
        capital_es = EN.clean_ws(r["CAPITAL.ES"])
        for capital_en in (EN.clean_ws(r["CAPITAL.EN"]), countries.get(iso3, {}).get("capital", "")):
            en = english.get(capital_en)
            if en and en[0] == "capital" and en[2] == iso3:
                if capital_es and "(" not in capital_es:
                    store.add(capital_es, "capital", en[1], iso3, en[3], OPEN)
                break

    # ---------------- supraverden: Name_es, Abbreviation_es (CC BY-SA 4.0) ----------------
    recs = EN.load_yaml_records(os.path.join(gz, "intl-orgs", "supraverden-general_list.yaml"))
    for key in sorted(recs):
        r = recs[key]
        en = None
        for field in ("Name_en", "Abbreviation_en"):
            v = r.get(field)
            for form in (v if isinstance(v, list) else [v]) + [key]:
                hit = english.get(form) if isinstance(form, str) else None
                if hit and hit[0] == "organization":
                    en = hit
                    break
            if en:
                break
        if en is None:
            continue
        for field in ("Name_es", "Abbreviation_es"):
            v = r.get(field)
            for form in (v if isinstance(v, list) else [v]):
                if not isinstance(form, str):
                    continue
                for part in form.replace("|", ";").split(";"):
                    part = EN.clean_ws(part)
                    if not part or not EN.is_latin(part) or (part.isupper() and len(part) <= 2):
                        continue
                    store.add(part, "organization", en[1], en[2], en[3], OPEN)

    rows = list(store.rows())
    header = [
        "# Spanish gazetteer: generated by scripts/build-es-lexicon.py from the hand tables",
        "# of data/lexicon/es/ and open data (see data/SOURCES.md). Do not edit by hand.",
        "# Matched: case-sensitive on word boundaries, like data/lexicon/gazetteer.tsv;",
        "# Lexicon::for_language(\"es\") adds these entries to the English ones, a Spanish",
        "# entry replacing an English entry of the same surface.",
        "#surface\tkind\tcanonical\tcountry\textra",
    ]
    output = "\n".join(header + ["\t".join(row) for row in rows]) + "\n"
    kinds = collections.Counter(row[1] for row in rows)
    return output, kinds, store


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    shared = args[0] if args else os.path.join(ROOT, "..", "shared", "data")
    if not os.path.isdir(os.path.join(shared, "gazetteer")):
        if "--check" in argv[1:]:
            print(f"{SCRIPT} --check: skipped, {shared} is absent (the committed "
                  f"data/lexicon/es/gazetteer.tsv stands)", file=sys.stderr)
            return
        sys.exit(f"{shared}/gazetteer: no such folder (the open data)")
    output, kinds, store = build(shared)
    summary = ", ".join(f"{k} {n}" for k, n in sorted(kinds.items()))
    write_or_check(OUT, output, SCRIPT, f"{sum(kinds.values())} entries ({summary})")
    if "--check" not in argv[1:]:
        print("dropped:", dict(sorted(store.dropped.items())), file=sys.stderr)
        print("replacing English entries:", len(store.overrides), file=sys.stderr)
        for line in store.overrides:
            print("  ", line, file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
