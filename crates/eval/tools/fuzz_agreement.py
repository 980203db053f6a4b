#!/usr/bin/env python3
"""Differential check of pw-eval against corpus/eval/score.py on N random, mutated
predictions derived from the seeds gold (not run by cargo test).

Usage, from the repository root:
  cargo build -p pw-eval --example score
  python3 crates/eval/tools/fuzz_agreement.py 300 [path/to/examples/score]
"""
import json, os, random, subprocess, sys, tempfile
GOLD = "corpus/eval/seeds.gold.json"
SCORE_PY = "corpus/eval/score.py"
RUST = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.environ.get("CARGO_TARGET_DIR", "target"), "debug/examples/score")
gold = json.load(open(GOLD))
TYPES = sorted({e["type"] for d in gold["documents"] for e in d["events"]}) + ["attack", "x"]
MODS = ["asserted", "reported", "alleged", "speculative", "planned", "denied", "weird", None]
KINDS = ["person", "organization", "country", "location", "equipment", "event"]
def mutate_name(s, r):
    c = r.random()
    if c < 0.2: return s.upper()
    if c < 0.3: return s.replace("a", "á").replace("o", "ö")
    if c < 0.4: return s + "-x"
    if c < 0.5: return " " + s.replace(" ", "_") + "."
    if c < 0.55: return "ß" + s
    return s
def gen(seed):
    r = random.Random(seed)
    out = []
    for d in gold["documents"]:
        if r.random() < 0.1: continue
        ents = []
        for i, e in enumerate(d["entities"]):
            if r.random() < 0.2: continue
            pe = {"kind": e["kind"] if r.random() < 0.9 else r.choice(KINDS), "name": mutate_name(e["name"], r)}
            c = r.random()
            if c < 0.8: pe["id"] = f"e{i}"
            elif c < 0.9: pe["id"] = i
            if r.random() < 0.7: pe["aliases"] = [mutate_name(a, r) for a in e["aliases"] if r.random() < 0.6]
            elif r.random() < 0.5: pe["aliases"] = e["aliases"][0] if e["aliases"] else "x"
            if e.get("country") and r.random() < 0.9: pe["country"] = e["country"] if r.random() < 0.9 else "XXX"
            ents.append(pe)
        for j in range(r.randint(0, 3)):
            ents.append({"id": f"s{j}", "kind": r.choice(KINDS), "name": r.choice(["Foo", "Bar", "Iran", "Bolivia"]), "country": r.choice(["IRN", "BOL", "VEN", ""])})
        if ents and r.random() < 0.2: ents.append(dict(ents[0]))
        ids = [e.get("id") for e in ents if "id" in e]
        def actor(code):
            c = r.random()
            if c < 0.4: return code
            if c < 0.8:
                m = [e.get("id") for e in ents if e.get("country") == code and "id" in e]
                return r.choice(m) if m else code
            if c < 0.9: return r.choice(ids) if ids else code
            return code.lower()
        evs = []
        for e in d["events"]:
            if r.random() < 0.2: continue
            pe = {"type": e["type"] if r.random() < 0.85 else r.choice(TYPES)}
            for side in ("source", "target"):
                vals = [actor(x) for x in e[side] if r.random() < 0.9]
                if r.random() < 0.15: vals = list(reversed(vals))
                pe[side] = vals
                if r.random() < 0.05: pe[side] = "".join(str(v) for v in vals)
            if r.random() < 0.3: pe["source"], pe["target"] = pe["target"], pe["source"]
            if e.get("equipment"):
                eq = []
                for x in e["equipment"]:
                    c = r.random()
                    if c < 0.4: eq.append(x)
                    elif c < 0.7:
                        m = [en.get("id") for en in ents if en["kind"] == "equipment" and "id" in en]
                        eq.append(r.choice(m) if m else x)
                    elif c < 0.8: eq.append(None)
                    else: eq.append(mutate_name(x, r))
                pe["equipment"] = eq
            dt = e.get("date")
            c = r.random()
            if dt and c < 0.5: pe["date"] = dt
            elif dt and c < 0.7: pe["date"] = (dt.replace("--", "2022-") if dt.startswith("--") else dt + "-01"[: 10 - len(dt)] if len(dt) < 10 else dt)
            elif c < 0.85: pe["date"] = r.choice(["2023-07-20", "2023", "2021-06-24", "", None, "--06-24"])
            pe["modality"] = e.get("modality") if r.random() < 0.6 else r.choice(MODS)
            pe["evidence"] = (e.get("evidence") or "")[:50]
            evs.append(pe)
        for j in range(r.randint(0, 2)):
            evs.append({"type": r.choice(TYPES), "source": [r.choice(["IRN", "BOL", "USA"])], "target": [r.choice(ids) if ids else "VEN"]})
        qs = []
        for q in d["quotes"]:
            if r.random() < 0.2: continue
            t = q["text"]
            c = r.random()
            if c < 0.3: t = "“" + t.upper() + "”, he said"
            elif c < 0.4: t = t[: len(t) // 2]
            elif c < 0.5: t = t.replace(" ", "\n  ")
            sp = q["speaker"][0]
            c = r.random()
            if c < 0.3:
                m = [e.get("id") for e in ents if "id" in e and isinstance(e.get("id"), str) and e["kind"] == "person"]
                sp = r.choice(m) if m else sp
            elif c < 0.4: sp = None
            elif c < 0.5: sp = mutate_name(sp, r)
            qs.append({"speaker": sp, "text": t})
        f = d["file"]
        doc = {"file": f} if r.random() < 0.7 else {"path": "/x/" + f}
        out.append({"document": doc, "entities": ents, "events": evs, "quotes": qs})
    r.shuffle(out)
    return out
KEYS = ["ent_recall","ent_precision","ev_core_recall","ev_recall","ev_precision","dates","modality","quotes_found","quote_speakers","missed_entities","spurious_entities","missed_events"]
bad = 0
for seed in range(int(sys.argv[1])):
    preds = gen(seed)
    path = os.path.join(tempfile.gettempdir(), "pw_eval_fuzz.jsonl")
    with open(path, "w") as fh:
        for p in preds:
            fh.write(json.dumps(p, ensure_ascii=(seed % 2 == 0)) + "\n")
    py = json.loads(subprocess.run(["python3", SCORE_PY, GOLD, path, "--json"], capture_output=True, text=True, check=True).stdout)
    rs = json.loads(subprocess.run([RUST, GOLD, path, "--json"], capture_output=True, text=True, check=True).stdout)
    pyt = subprocess.run(["python3", SCORE_PY, GOLD, path, "-v"], capture_output=True, text=True, check=True).stdout
    rst = subprocess.run([RUST, GOLD, path, "-v"], capture_output=True, text=True, check=True).stdout
    rst = "".join(l + "\n" for l in rst.splitlines() if not l.startswith(("   missed quotes:", "   spurious events:")))
    ok = py["total"] == {k: v for k, v in rs["total"].items()} and all(py["documents"][f][k] == rs["documents"][f][k] for f in py["documents"] for k in KEYS) and pyt == rst
    if not ok:
        bad += 1
        print("MISMATCH seed", seed)
        for f in py["documents"]:
            for k in KEYS:
                if py["documents"][f][k] != rs["documents"][f][k]: print(f, k, py["documents"][f][k], rs["documents"][f][k])
        if bad > 3: break
print("done, mismatches:", bad)
