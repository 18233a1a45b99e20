#!/usr/bin/env python3
"""Build codebook/agents.yaml: agent nouns ("troops", "riot police", "foreign ministry") -> sector.

Sources (both MIT licence; the attribution is written into the YAML header):
  * Phoenix.agents.txt of openeventdata/petrarch2 @ 676801cd9cb2924bbbad09f86d15c9323e7097bf
    (Copyright (c) 2014 Open Event Data Alliance), read from the JSONL extract
    `phoenix_agents.jsonl` in the project's shared/peer folder;
  * NGEC's PLOVER agents file, ahalterman/NGEC-2025 @ a3909e2aa02969ccaaa915a9626a5316e1cac0f8,
    `NGEC/assets/PLOVER_agents.txt` (header: CAMEO agents file, Computational Event Data System
    Project, Parus Analytics; MIT), read as `ngec_PLOVER_agents.txt`.

The agent codes of each source are mapped onto our sectors by `source_codes` in
codebook/sectors.yaml (first code of a compound code that maps; "" drops the entry). NGEC's
file is read first, so where the two disagree on a phrase NGEC's (newer, PLOVER) code wins.
Substitution markers (!PERSON!, !MINIST!) are expanded; the regular plural is generated unless
the source suppresses it or gives its own.

It also gives the named institutions of codebook/actors.yaml ("Knesset", "CIA", "Shin Bet")
the sector of the same phrase in the Phoenix actor dictionaries (`phoenix_actors.jsonl`:
KNESSET -> ISRLEG gives LEG), written to the generated `institutions` section.

The hand-edited sections of agents.yaml, `overrides` (phrase: SECTOR, wins over the import)
and `excluded` (phrases never taken as agents), are read from the current file and written
back unchanged. Without the shared/peer folder (a clone) the committed file is kept.

Usage
  python tools/build_agents.py                 # rebuild from ../shared/peer (or /work/shared/peer)
  python tools/build_agents.py --peer PATH     # rebuild from PATH
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CODEBOOK = ROOT / "codebook"
PEER_DIRS = [ROOT.parent / "shared" / "peer", Path("/work/shared/peer")]
PHOENIX_SOURCE = "openeventdata/petrarch2 @ 676801cd9cb2924bbbad09f86d15c9323e7097bf, petrarch2/data/dictionaries/Phoenix.agents.txt"
NGEC_SOURCE = "ahalterman/NGEC-2025 @ a3909e2aa02969ccaaa915a9626a5316e1cac0f8, NGEC/assets/PLOVER_agents.txt"

# A phrase kept only when it is plain words: letters, digits, spaces, hyphens, apostrophes, periods.
PLAIN = re.compile(r"[a-z][a-z0-9 .'\-]*[a-z.]")
_ES = ("s", "x", "z", "ch", "sh")


def plural(phrase: str) -> str:
    """The regular English plural of a noun phrase: its head word (before 'of') pluralised.

    "head of state" -> "heads of state", "policeman" -> "policemen", "militia" -> "militias".
    """
    words = phrase.split()
    head = words.index("of") - 1 if "of" in words[1:] else len(words) - 1
    w = words[head]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return phrase  # already plural ("ministers" from a substitution marker)
    if w.endswith("man"):
        w = w[:-3] + "men"
    elif w.endswith(_ES):
        w += "es"
    elif len(w) > 1 and w.endswith("y") and w[-2] not in "aeiou":
        w = w[:-1] + "ies"
    else:
        w += "s"
    words[head] = w
    return " ".join(words)


def clean(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("_", " ")).strip().lower()


def expand(text: str, markers: dict[str, list[str]]) -> list[str]:
    """Every form of a phrase with its substitution markers (!MINIST!) replaced."""
    forms = [text]
    for marker, words in markers.items():
        forms = [f.replace(marker, w) for f in forms for w in words] if any(marker in f for f in forms) else forms
    return forms


# British and American spellings: each phrase is imported in both.
SPELLINGS = [("defense", "defence"), ("ization", "isation"), ("labor", "labour"), ("center", "centre"), ("counselor", "counsellor")]


def spellings(phrase: str) -> list[str]:
    """A phrase and its other national spellings ("defense ministry" -> "defence ministry")."""
    forms = {phrase}
    for a, b in SPELLINGS:
        forms |= {f.replace(a, b) for f in forms} | {f.replace(b, a) for f in forms}
    return sorted(forms)


def sector_of(code: str, table: dict[str, str]) -> str:
    """The first three-letter part of a (compound) agent code that maps to a sector."""
    for i in range(0, len(code) - 2, 3):
        mapped = table.get(code[i : i + 3])
        if mapped:
            return mapped
    return ""


def read_ngec(path: Path, table: dict[str, str]) -> list[tuple[str, str]]:
    """(phrase, sector) pairs of NGEC's PLOVER_agents.txt, singular and plural."""
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    markers: dict[str, list[str]] = {}
    pairs = []
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if re.match(r"^![A-Z]+!\s*=", line):
            name, words = line.split("=", 1)
            markers[name.strip().upper()] = [w.strip() for w in words.split(",")]
            continue
        m = re.match(r"^(.*?)\s*(\{([^}]*)\})?\s*\[~?([A-Z]+)~?\]\s*$", line)
        if not m:
            continue
        sector = sector_of(m.group(4), table)
        if not sector:
            continue
        for form in expand(m.group(1), markers):
            pairs.append((clean(form), sector))
            pairs.append((clean(m.group(3)) if m.group(3) else plural(clean(form)), sector))
    return pairs


def read_phoenix(path: Path, table: dict[str, str]) -> list[tuple[str, str]]:
    """(phrase, sector) pairs of the Phoenix agents extract, singular and plural."""
    markers: dict[str, list[str]] = {}
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        if "substitution_markers" in entry:
            markers = entry["substitution_markers"]
            continue
        sector = sector_of(entry.get("agent_code") or "", table)
        if not sector:
            continue
        for form in expand(entry["phrase"]["text"], markers):
            pairs.append((clean(form), sector))
            if entry.get("plural") is None:
                pairs.append((plural(clean(form)), sector))
            elif entry["plural"]:
                pairs.append((clean(entry["plural"]), sector))
    return pairs


def institution_sectors(peer: Path, table: dict[str, str]) -> dict[str, str]:
    """Institution name (as in actors.yaml) -> sector of its Phoenix actor code, when Phoenix has it."""
    path = peer / "phoenix_actors.jsonl"
    if not path.is_file():
        return {}
    by_phrase: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        codes = [c["code"] for c in entry.get("codes") or [] if len(c.get("code") or "") >= 6 and c["code"][:3] != "IGO"]
        # The most specific part of the code: KNESSET is ISRGOVLEG, so LEG.
        parts = [table.get(codes[0][i : i + 3], "") for i in range(3, len(codes[0]) - 2, 3)] if codes else []
        sector = next((p for p in reversed(parts) if p), "")
        if sector:
            for phrase in entry["phrases"]:
                by_phrase.setdefault(clean(phrase), sector)
    actors = yaml.safe_load((CODEBOOK / "actors.yaml").read_text(encoding="utf-8"))["actors"]
    found = {}
    for actor in actors:
        for name in actor.get("institutions") or []:
            sector = by_phrase.get(clean(name))
            if sector:
                found[name] = sector
    return found


def build(peer: Path, sectors: dict) -> tuple[dict[str, list[str]], dict[str, int]]:
    """Merge both sources: first source to name a phrase decides its sector."""
    chosen: dict[str, str] = {}
    counts = {}
    for name, reader, file in (("ngec", read_ngec, "ngec_PLOVER_agents.txt"), ("phoenix", read_phoenix, "phoenix_agents.jsonl")):
        added = 0
        for found, sector in reader(peer / file, sectors["source_codes"][name]):
            for phrase in spellings(found):
                if PLAIN.fullmatch(phrase) and len(phrase) > 2 and phrase not in chosen:
                    chosen[phrase] = sector
                    added += 1
        counts[name] = added
    by_sector: dict[str, list[str]] = {}
    for phrase, sector in sorted(chosen.items()):
        by_sector.setdefault(sector, []).append(phrase)
    return by_sector, counts


HEADER = f"""\
# newscoder agent lexicon — agents.yaml
#
# Agent nouns and the sector (codebook/sectors.yaml) they give an actor: "Turkish troops" is
# TUR + MIL, "the Pakistani foreign ministry" PAK + GOV, "Kenyan police" KEN + COP. Matched
# case-insensitively as whole phrases, longest first; see codebook/README.md ("Sectors").
#
# `imported` is GENERATED by tools/build_agents.py from two MIT-licensed agent dictionaries:
#   * {PHOENIX_SOURCE}
#     (Phoenix agents dictionary; Copyright (c) 2014 Open Event Data Alliance, MIT licence);
#   * {NGEC_SOURCE}
#     (CAMEO/PLOVER agents file, Computational Event Data System Project, Parus Analytics,
#     http://eventdata.parusanalytics.com; MIT licence per the file header and NGEC's pyproject).
#   The MIT licence: permission is hereby granted, free of charge, to any person obtaining a
#   copy of this software and associated documentation files, to deal in the software without
#   restriction, subject to including the copyright notice and this permission notice. THE
#   SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND.
#
# `institutions` is GENERATED too: the institutions named in actors.yaml that the Phoenix actor
# dictionaries (same petrarch2 commit, Phoenix.*.actors.txt) code with a sector.
#
# `overrides` (phrase: SECTOR) and `excluded` (phrases that are never agents) are edited by
# hand; the builder keeps them. An override wins over the import; an excluded phrase is dropped
# from both. Do not edit `imported` by hand: add an override instead.
"""


def write(path: Path, overrides: dict, excluded: list, imported: dict[str, list[str]], institutions: dict[str, str]) -> None:
    def dump(value) -> str:
        return yaml.safe_dump(value, allow_unicode=True, sort_keys=True, width=100, default_flow_style=False)

    text = HEADER + "\noverrides:\n" + "".join(f"  {json.dumps(k)}: {v}\n" for k, v in sorted(overrides.items()))
    text += "\nexcluded:\n" + "".join(f"  - {json.dumps(p)}\n" for p in sorted(excluded))
    text += "\n# GENERATED: named institutions of actors.yaml with the sector Phoenix gives the same phrase.\n"
    text += "institutions:\n" + "".join(f"  {json.dumps(k, ensure_ascii=False)}: {v}\n" for k, v in sorted(institutions.items()))
    text += "\nimported:\n"
    for sector in sorted(imported):
        text += f"  {sector}:\n" + "".join(f"    - {json.dumps(p)}\n" for p in imported[sector])
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--peer", type=Path, help="folder holding phoenix_agents.jsonl and ngec_PLOVER_agents.txt")
    args = ap.parse_args(argv)
    peer = args.peer or next((p for p in PEER_DIRS if (p / "phoenix_agents.jsonl").is_file()), None)
    if peer is None or not (peer / "phoenix_agents.jsonl").is_file() or not (peer / "ngec_PLOVER_agents.txt").is_file():
        print("Agent dictionaries not found (shared/peer is not part of a clone): keeping the committed agents.yaml.")
        return 0
    sectors = yaml.safe_load((CODEBOOK / "sectors.yaml").read_text(encoding="utf-8"))
    target = CODEBOOK / "agents.yaml"
    current = yaml.safe_load(target.read_text(encoding="utf-8")) if target.is_file() else {}
    current = current or {}
    overrides = current.get("overrides") or {}
    excluded = current.get("excluded") or []
    bad = {p: s for p, s in overrides.items() if s not in sectors["sectors"]}
    if bad:
        print(f"agents.yaml overrides name unknown sectors (see sectors.yaml): {bad}", file=sys.stderr)
        return 1
    imported, counts = build(peer, sectors)
    institutions = institution_sectors(peer, sectors["source_codes"]["phoenix"])
    write(target, overrides, excluded, imported, institutions)
    total = sum(len(v) for v in imported.values())
    print(f"Wrote {target.relative_to(ROOT)}: {total} imported phrases "
          f"({', '.join(f'{k} {v}' for k, v in counts.items())}), {len(overrides)} overrides, {len(excluded)} excluded, "
          f"{len(institutions)} institution sectors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
