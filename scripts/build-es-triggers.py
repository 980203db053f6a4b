#!/usr/bin/env python3
"""Conjugate the hand-written Spanish event table into Pactwatch event triggers.

    python3 scripts/build-es-triggers.py            # writes data/lexicon/es/events.tsv
    python3 scripts/build-es-triggers.py --check    # fails if the committed file is stale
    python3 scripts/build-es-triggers.py --forms firmar 'reunirse con'
                                                    # prints the forms of some lemmas

Input: data/lexicon/es/event_verbs.tsv (written by hand; its header documents the
columns). Output: data/lexicon/es/events.tsv, in the format of data/lexicon/events.tsv
(type, frame, forms, constraints), one output line per input line, in input order, plus
one `planned` line after each verb line for its future forms.

What a verb lemma gives (third person singular and plural, which is what news reports
use): preterite (firmó, firmaron), present (firma, firman), imperfect (firmaba,
firmaban), present perfect (ha/han firmado), pluperfect (había/habían firmado), the
participle in its four agreements (firmado, firmada, firmados, firmadas; single-word,
non-reflexive lemmas only), the gerund (firmando), the infinitive (firmar) and the
enclitic infinitives and gerunds the lemma asks for (`firmar+lo` gives firmarlo,
firmándolo). Future (firmará, firmarán) and periphrastic future (va a firmar, van a
firmar) go to a separate line with the `planned` constraint. No conditional (the
modality cues handle "habría", "podría") and no subjunctive ("pidió que Irán retire
sus tropas" is not a withdrawal).

Lemma syntax: the first word is the verb's infinitive, optionally reflexive
(`reunirse`) and optionally with enclitics (`entregar+le,les`); the words after it are
kept as they are (`imponer sanciones`, `llegar a`); a group in parentheses is
optional: `reunirse (con)` gives both "se reunió con" and "se reunió", and
`levantar (las/sus) sanciones` gives "levantó las sanciones", "levantó sus sanciones"
and "levantó sanciones". A reflexive verb puts "se" before its finite forms ("se
reunió con", "se ha reunido con", "se reunirá con", "se va a reunir con") and after its
infinitive and gerund ("reunirse con", "reuniéndose con").

Spelling: the regular endings are joined to the stem with the orthographic rules of
Spanish (c, g, z before e become qu, gu, c: atacar -> ataqué; an unstressed i between
vowels becomes y: incluir -> incluyó, proveer -> proveyó); in the third-person forms
emitted here only the second surfaces. Stem changes (cerrar -> cierra, pedir -> pidió),
stressed weak vowels (reunir -> reúne, enviar -> envía) and the irregular verbs used
(hacer, tener, poner, decir, venir, traer, -ducir, dar, ir, ver, proveer, and their
compounds: detener, sostener, imponer, intervenir, ...) are tables below.

Validation: every type must be one of crates/model/src/ontology.rs, every frame and
constraint one that crates/extract/src/triggers.rs parses, no form empty, and no form
listed for two different types unless one of the two lines carries a constraint that
tells them apart (equipment, military, before=, after=, not_before=).

The output is deterministic. Standard library only.
"""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lexdata import write_or_check  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE = os.path.join(ROOT, "data", "lexicon", "es", "event_verbs.tsv")
OUT = os.path.join(ROOT, "data", "lexicon", "es", "events.tsv")
ONTOLOGY = os.path.join(ROOT, "crates", "model", "src", "ontology.rs")

FRAMES = {"give", "take", "act", "with", "ask", "go", "self"}
FRAMES |= {"n_" + frame for frame in FRAMES}
FLAG_CONSTRAINTS = {"equipment", "military", "planned"}
WORD_CONSTRAINTS = {"before", "after", "not_before"}

# --- Conjugation tables ---------------------------------------------------------------

# Stem changes in the present (and, for -ir verbs with two vowels given, in the
# third-person preterite and the gerund): "e>ie" replaces the last e of the stem.
STEM_CHANGES = {
    "acordar": "o>ue",
    "absolver": "o>ue",
    "adquirir": "i>ie",
    "advertir": "e>ie,i",
    "cerrar": "e>ie",
    "comenzar": "e>ie",
    "competir": "e>i,i",
    "conseguir": "e>i,i",
    "defender": "e>ie",
    "desterrar": "e>ie",
    "desmentir": "e>ie,i",
    "desplegar": "e>ie",
    "devolver": "o>ue",
    "elegir": "e>i,i",
    "empezar": "e>ie",
    "encontrar": "o>ue",
    "forzar": "o>ue",
    "herir": "e>ie,i",
    "impedir": "e>i,i",
    "investir": "e>i,i",
    "invertir": "e>ie,i",
    "mostrar": "o>ue",
    "negar": "e>ie",
    "pedir": "e>i,i",
    "perseguir": "e>i,i",
    "probar": "o>ue",
    "recomendar": "e>ie",
    "reelegir": "e>i,i",
    "reforzar": "o>ue",
    "renegar": "e>ie",
    "replegar": "e>ie",
    "renovar": "o>ue",
    "repetir": "e>i,i",
    "requerir": "e>ie,i",
    "resolver": "o>ue",
    "seguir": "e>i,i",
    "sugerir": "e>ie,i",
    "volver": "o>ue",
}

# A weak vowel of the stem stressed in the present: reúne, envía, actúa, prohíbe.
STRESSED_VOWEL = {
    "actuar": "u>ú",
    "ampliar": "i>í",
    "aunar": "u>ú",
    "desafiar": "i>í",
    "desviar": "i>í",
    "enviar": "i>í",
    "prohibir": "i>í",
    "reenviar": "i>í",
    "rehusar": "u>ú",
    "repatriar": "i>í",
    "reunir": "u>ú",
}

# Irregular participles (besides those of the irregular families below).
PARTICIPLES = {
    "abrir": ["abierto"],
    "absolver": ["absuelto"],
    "cubrir": ["cubierto"],
    "devolver": ["devuelto"],
    "escribir": ["escrito"],
    "imprimir": ["impreso", "imprimido"],
    "morir": ["muerto"],
    "proveer": ["provisto", "proveído"],
    "reabrir": ["reabierto"],
    "resolver": ["resuelto"],
    "romper": ["roto"],
    "suscribir": ["suscrito", "suscripto"],
    "volver": ["vuelto"],
}

# Irregular families: the verb or any compound ending in it (detener, sostener,
# imponer, intervenir, deshacer, extraer, producir...). Forms are given for the root;
# a compound puts its prefix before them. Keys: pret (3sg, 3pl), pres (3sg, 3pl), impf,
# fut (the future stem), part, ger. Missing keys are regular.
IRREGULAR = {
    "tener": {"pret": ("tuvo", "tuvieron"), "pres": ("tiene", "tienen"), "fut": "tendr"},
    "poner": {"pret": ("puso", "pusieron"), "fut": "pondr", "part": "puesto"},
    "hacer": {"pret": ("hizo", "hicieron"), "fut": "har", "part": "hecho"},
    "decir": {
        "pret": ("dijo", "dijeron"),
        "pres": ("dice", "dicen"),
        "fut": "dir",
        "part": "dicho",
        "ger": "diciendo",
    },
    "venir": {
        "pret": ("vino", "vinieron"),
        "pres": ("viene", "vienen"),
        "fut": "vendr",
        "ger": "viniendo",
    },
    "traer": {"pret": ("trajo", "trajeron"), "ger": "trayendo", "part": "traído"},
    "ducir": {"pret": ("dujo", "dujeron")},
    "dar": {"pret": ("dio", "dieron")},
    "ir": {
        "pret": ("fue", "fueron"),
        "pres": ("va", "van"),
        "impf": ("iba", "iban"),
        "ger": "yendo",
    },
    "ver": {"pret": ("vio", "vieron"), "impf": ("veía", "veían"), "part": "visto"},
    "salir": {"fut": "saldr"},
}
# Roots that take no compounds here ("dar" is not the root of "saldar").
NO_COMPOUNDS = {"dar", "ir", "ver"}
# Accents a compound needs where the root has none (pre-vio -> previó).
COMPOUND_ACCENTS = {"vio": "vió", "dio": "dió"}


def irregular_of(verb):
    """The irregular family of `verb` and the prefix before the root, or (None, "")."""
    for root in sorted(IRREGULAR, key=len, reverse=True):
        if verb == root:
            return IRREGULAR[root], ""
        if root not in NO_COMPOUNDS and verb.endswith(root) and len(verb) > len(root):
            return IRREGULAR[root], verb[: -len(root)]
    return None, ""


def replace_last(stem, change):
    """Apply "e>ie" to the last occurrence of the vowel in `stem`."""
    old, new = change.split(">")
    at = stem.rfind(old)
    if at < 0:
        raise ValueError(f"stem {stem!r} has no {old!r} for change {change}")
    return stem[:at] + new + stem[at + len(old):]


VOWELS = "aeiouáéíóú"


def join(stem, ending, first_conjugation=False):
    """Stem + ending with Spanish spelling rules (`first_conjugation`: an -ar verb,
    whose c, g, z change before e; an -er or -ir verb keeps them: hace, elige)."""
    if first_conjugation and ending[:1] in ("e", "é"):
        if stem.endswith("c"):
            stem = stem[:-1] + "qu"
        elif stem.endswith("g"):
            stem = stem[:-1] + "gu"
        elif stem.endswith("z"):
            stem = stem[:-1] + "c"
    # An unstressed i between vowels is written y (incluyó, proveyeron, cayendo); not
    # after a silent u (siguió).
    if (
        ending.startswith("i")
        and len(ending) > 1
        and ending[1] in "eoó"
        and stem
        and stem[-1] in VOWELS
        and not re.search(r"[gq]u$", stem)
    ):
        ending = "y" + ending[1:]
    return stem + ending


def conjugate(verb):
    """The third-person forms of an infinitive, as a dict of tense -> list of forms."""
    if not re.fullmatch(r"[a-zñáéíóú]*(ar|er|ir|ír)", verb):
        raise ValueError(f"not an infinitive: {verb!r}")
    ending = verb[-2:].replace("í", "i")
    stem = verb[:-2]
    family, prefix = irregular_of(verb)
    family = family or {}
    change = STEM_CHANGES.get(verb, "")
    present_change, _, past_change = change.partition(",")
    if past_change:
        past_change = present_change.split(">")[0] + ">" + past_change
    present_stem = replace_last(stem, present_change) if present_change else stem
    if verb in STRESSED_VOWEL:
        present_stem = replace_last(stem, STRESSED_VOWEL[verb])
    past_stem = replace_last(stem, past_change) if past_change else stem

    forms = {}
    if ending == "ar":
        def ar(stem_, ending_):
            return join(stem_, ending_, first_conjugation=True)

        forms["pret"] = [ar(past_stem, "ó"), ar(past_stem, "aron")]
        forms["pres"] = [ar(present_stem, "a"), ar(present_stem, "an")]
        forms["impf"] = [ar(stem, "aba"), ar(stem, "aban")]
        participle = ar(stem, "ado")
        forms["ger"] = [ar(stem, "ando")]
    else:
        forms["pret"] = [join(past_stem, "ió"), join(past_stem, "ieron")]
        if verb.endswith("uir") and not re.search(r"[gq]uir$", verb):
            forms["pres"] = [present_stem + "ye", present_stem + "yen"]
        else:
            forms["pres"] = [join(present_stem, "e"), join(present_stem, "en")]
        forms["impf"] = [join(stem, "ía"), join(stem, "ían")]
        if stem and stem[-1] in "aeo":
            participle = stem + "ído"
        else:
            participle = join(stem, "ido")
        forms["ger"] = [join(past_stem, "iendo")]
    future_stem = verb
    participles = [participle]
    if verb in PARTICIPLES:
        participles = list(PARTICIPLES[verb])
    for key in ("pret", "pres", "impf"):
        if key in family:
            forms[key] = [prefix + form for form in family[key]]
            if prefix:
                forms[key] = [
                    prefix + COMPOUND_ACCENTS.get(form, form) for form in family[key]
                ]
    if "fut" in family:
        future_stem = prefix + family["fut"]
    if "part" in family:
        participles = [prefix + family["part"]]
    if "ger" in family:
        forms["ger"] = [prefix + family["ger"]]
    if future_stem.endswith("ír"):
        future_stem = future_stem[:-2] + "ir"
    forms["fut"] = [future_stem + "á", future_stem + "án"]
    forms["part"] = participles
    forms["inf"] = [verb]
    return forms


def agreements(participle):
    """firmado -> firmado, firmada, firmados, firmadas."""
    if not participle.endswith("o"):
        return [participle]
    base = participle[:-1]
    return [participle, base + "a", base + "os", base + "as"]


def accent_gerund(gerund):
    """The gerund with the written accent an enclitic needs: firmando -> firmánd(olo)."""
    for plain, accented in (("iendo", "iéndo"), ("yendo", "yéndo"), ("ando", "ándo")):
        if gerund.endswith(plain):
            return gerund[: -len(plain)] + accented
    raise ValueError(f"not a gerund: {gerund!r}")


def expand_optional(text):
    """Word lists with and without each parenthesized group ("(de drones)"; "(la/su)"
    is one of the two or neither), the longest first."""
    results = [[]]
    for group, word in re.findall(r"\(([^()]+)\)|(\S+)", text):
        if group:
            options = [option.split() for option in group.split("/")]
            results = [r + option for option in options for r in results] + [
                list(r) for r in results
            ]
        elif "(" in word or ")" in word:
            raise ValueError(f"unbalanced parentheses in {text!r}")
        else:
            results = [r + [word] for r in results]
    return results


def lemma_forms(lemma):
    """(forms, planned forms) of one lemma of the hand table."""
    head, _, rest_text = lemma.strip().partition(" ")
    rest_words = rest_text.split()
    verb, _, clitic_list = head.partition("+")
    clitics = [c for c in clitic_list.split(",") if c]
    reflexive = False
    if verb.endswith("se") and re.search(r"(ar|er|ir|ír)se$", verb):
        reflexive = True
        verb = verb[:-2]
    table = conjugate(verb)
    forms, planned = [], []
    for rest in expand_optional(rest_text):
        tail = (" " + " ".join(rest)) if rest else ""
        se = "se " if reflexive else ""
        for key in ("pret", "pres", "impf"):
            forms += [se + form + tail for form in table[key]]
        for participle in table["part"]:
            for auxiliary in ("ha", "han", "había", "habían"):
                forms.append(f"{se}{auxiliary} {participle}{tail}")
            if not reflexive and not rest_words:
                forms += agreements(participle)
        for gerund in table["ger"]:
            if reflexive:
                forms.append(accent_gerund(gerund) + "se" + tail)
            else:
                forms.append(gerund + tail)
                forms += [accent_gerund(gerund) + clitic + tail for clitic in clitics]
        infinitive = verb + ("se" if reflexive else "")
        forms.append(infinitive + tail)
        forms += [verb + clitic + tail for clitic in clitics]
        planned += [se + form + tail for form in table["fut"]]
        for auxiliary in ("va a", "van a"):
            planned.append(f"{auxiliary} {infinitive}{tail}")
            planned += [f"{auxiliary} {verb}{clitic}{tail}" for clitic in clitics]
            if reflexive:
                planned.append(f"se {auxiliary} {verb}{tail}")
    return forms, planned


# Known forms the conjugation must give (checked on every run, --check included).
EXPECTED_FORMS = {
    "firmar+lo": ["firmó", "firmaron", "firma", "firmaba", "han firmado", "firmadas",
                  "firmándolo", "firmarlo"],
    "reunirse (con)": ["se reunió con", "se reúnen", "se habían reunido con",
                       "reuniéndose con", "reunirse"],
    "incluir": ["incluyó", "incluyeron", "incluye", "incluido", "incluyendo"],
    "proveer": ["proveyó", "proveyeron", "provee", "provisto", "proveyendo"],
    "pedir": ["pidió", "pidieron", "pide", "pidiendo", "pedido"],
    "advertir": ["advirtió", "advierte", "advirtiendo"],
    "detener": ["detuvo", "detuvieron", "detiene", "detenido"],
    "imponer sanciones": ["impuso sanciones", "han impuesto sanciones"],
    "hacer": ["hizo", "hicieron", "hace", "hecho"],
    "dar": ["dio", "dieron", "da", "dado"],
    "producir": ["produjo", "produce"],
    "intervenir": ["intervino", "interviene", "interviniendo"],
    "elegir": ["eligió", "elige", "eligiendo", "elegido"],
    "seguir": ["siguió", "sigue", "siguiendo"],
    "enviar": ["envió", "envía", "envían"],
    "desplegar": ["desplegó", "despliega"],
    "romper": ["rompió", "roto"],
    "suscribir": ["suscribió", "suscrito"],
    "oponerse (a)": ["se opuso a", "se opone", "oponiéndose a"],
}
EXPECTED_PLANNED = {
    "firmar": ["firmará", "firmarán", "va a firmar", "van a firmar"],
    "reunirse con": ["se reunirá con", "va a reunirse con", "se va a reunir con"],
    "detener": ["detendrá", "detendrán"],
    "imponer": ["impondrá"],
    "hacer": ["hará"],
    "salir": ["saldrá"],
    "entregar+le": ["entregará", "va a entregarle"],
}


def self_test():
    for table, index in ((EXPECTED_FORMS, 0), (EXPECTED_PLANNED, 1)):
        for lemma, expected in table.items():
            produced = lemma_forms(lemma)[index]
            missing = [form for form in expected if form not in produced]
            if missing:
                sys.exit(f"conjugation of {lemma!r} lacks {missing}: {produced}")


# --- Reading and validation -----------------------------------------------------------


def ontology_types():
    with open(ONTOLOGY, encoding="utf-8") as handle:
        text = handle.read()
    types = set(re.findall(r'^\s*\w+ = "([a-z_]+)" => \w+,', text, re.M))
    if len(types) < 16:
        sys.exit(f"{ONTOLOGY}: could not read the event types")
    return types


def check_constraints(raw, where):
    for constraint in raw.split():
        name, equals, words = constraint.partition("=")
        if not equals:
            if name not in FLAG_CONSTRAINTS:
                sys.exit(f"{where}: unknown constraint {constraint!r}")
        elif name not in WORD_CONSTRAINTS or not [w for w in words.split("|") if w.strip()]:
            sys.exit(f"{where}: unknown or empty constraint {constraint!r}")


def distinguishing(constraints):
    return any(
        c in ("equipment", "military") or c.split("=")[0] in WORD_CONSTRAINTS
        for c in constraints.split()
    )


def dedup(forms):
    seen, out = set(), []
    for form in forms:
        if form not in seen:
            seen.add(form)
            out.append(form)
    return out


def read_source(types):
    lines = []
    with open(SOURCE, encoding="utf-8") as handle:
        for number, line in enumerate(handle.read().splitlines(), 1):
            where = f"{SOURCE}:{number}"
            if not line.strip() or line.startswith("#"):
                continue
            columns = line.split("\t")
            if len(columns) < 4 or len(columns) > 5:
                sys.exit(f"{where}: expected 4 or 5 tab-separated columns")
            event_type, frame, kind, entries = columns[:4]
            constraints = columns[4].strip() if len(columns) == 5 else ""
            if event_type not in types:
                sys.exit(f"{where}: unknown event type {event_type!r}")
            if frame not in FRAMES:
                sys.exit(f"{where}: unknown frame {frame!r}")
            if kind not in ("v", "n", "f"):
                sys.exit(f"{where}: kind must be v (verbs), n (nouns) or f (fixed forms)")
            if (kind == "n") != frame.startswith("n_"):
                sys.exit(f"{where}: nouns take n_ frames, verbs and fixed forms the others")
            if "planned" in constraints.split() and kind == "v":
                sys.exit(f"{where}: verb lines get their planned line from the script")
            check_constraints(constraints, where)
            items = [item.strip() for item in entries.split("|")]
            if not all(items):
                sys.exit(f"{where}: empty entry")
            for item in items:
                if item != item.lower() or "\t" in item:
                    sys.exit(f"{where}: entries are lowercase: {item!r}")
            lines.append((number, event_type, frame, kind, items, constraints))
    return lines


def build():
    self_test()
    types = ontology_types()
    out_lines = []
    lemma_count = {}
    form_count = {}
    owners = {}  # form -> list of (type, noun, distinguishing, source line)
    for number, event_type, frame, kind, items, constraints in read_source(types):
        where = f"{SOURCE}:{number}"
        forms, planned = [], []
        if kind == "v":
            for lemma in items:
                try:
                    lemma_forms_, lemma_planned = lemma_forms(lemma)
                except ValueError as error:
                    sys.exit(f"{where}: {error}")
                forms += lemma_forms_
                planned += lemma_planned
            lemma_count[event_type] = lemma_count.get(event_type, 0) + len(items)
        else:
            forms = items
        groups = [(dedup(forms), constraints)]
        if planned:
            groups.append((dedup(planned), (constraints + " planned").strip()))
        for group_forms, group_constraints in groups:
            for form in group_forms:
                if not re.fullmatch(r"[a-zñáéíóúü][a-zñáéíóúü' .-]*", form):
                    sys.exit(f"{where}: bad form {form!r}")
                owners.setdefault(form, []).append(
                    (event_type, frame.startswith("n_"), distinguishing(group_constraints), number)
                )
            line = f"{event_type}\t{frame}\t{'|'.join(group_forms)}"
            if group_constraints:
                line += f"\t{group_constraints}"
            out_lines.append(line)
            form_count[event_type] = form_count.get(event_type, 0) + len(group_forms)
    for form, listed in owners.items():
        for noun in (False, True):
            same = [entry for entry in listed if entry[1] == noun]
            if len({entry[0] for entry in same}) > 1 and sum(not e[2] for e in same) > 1:
                where = ", ".join(f"{t} (line {n})" for t, _, _, n in same)
                sys.exit(f"{SOURCE}: {form!r} is listed for different types without a "
                         f"constraint that tells them apart: {where}")
    header = [
        "# GENERATED by scripts/build-es-triggers.py from data/lexicon/es/event_verbs.tsv.",
        "# Do not edit: edit that table (or the conjugation tables in the script) and re-run it.",
        "# Columns as in data/lexicon/events.tsv: type, frame, forms, constraints.",
        "# Each verb line of the table gives two lines here: its forms, then its future",
        "# forms with the `planned` constraint.",
    ]
    return "\n".join(header + out_lines) + "\n", lemma_count, form_count


def main():
    if sys.argv[1:2] == ["--forms"]:
        for lemma in sys.argv[2:]:
            forms, planned = lemma_forms(lemma)
            print(f"{lemma}: {' | '.join(dedup(forms))}")
            print(f"  planned: {' | '.join(dedup(planned))}")
        return
    output, lemma_count, form_count = build()
    if "--stats" in sys.argv[1:]:
        for event_type in sorted(form_count):
            print(f"{event_type}\t{lemma_count.get(event_type, 0)} lemmas\t"
                  f"{form_count[event_type]} forms")
    write_or_check(
        OUT,
        output,
        "scripts/build-es-triggers.py",
        f"{output.count(chr(10)) - 5} trigger lines, {sum(form_count.values())} forms",
    )


if __name__ == "__main__":
    main()
